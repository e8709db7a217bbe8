import type { WaitingPatientView } from '../../api/domains/case-checklist';
import type { GateVerdict } from '../../api/domains/cases';
import {
  clockToleranceMs,
  isUnanswered,
  parseDateTime,
  type SectionAnswers,
} from '../playbooks/answers';
import {
  gateItem,
  injectedPatientField,
  studyPlans,
  studyPriorities,
  upcomingStudyField,
} from '../playbooks/contract';
import {
  decayAt,
  findRadionuclide,
  imageOrDivertOrder,
  type RadionuclideTable,
} from './radionuclides';
import { englishGate, gateSentence, type GateWords } from '../../api/gate-words';
import { formatClock, formatMinutes } from './wording';

/**
 * The patient-safety gate (PRODUCT.md, "The per-device workflow"): may this device be disconnected
 * now without putting a patient's safety or treatment at risk? Pure: `now` and the site's
 * radionuclide table are parameters. It reads the gate section's answers by the ids in the playbook
 * contract and checks them itself, so a half-typed draft gives "incomplete", never an exception.
 *
 * Verdict: any reason to wait → blocked (even with other answers still missing: the case can then
 * be deferred with a re-check time instead of making a technologist finish a form that cannot
 * pass); otherwise anything unanswered → incomplete; otherwise clear.
 */

/** A waiting patient as the gate weighs it and the case page shows it. */
export type WaitingPatient = WaitingPatientView;

export interface GateEvaluation {
  verdict: GateVerdict;
  /** Why the device cannot be disconnected now, in the order to act on them. */
  reasons: string[];
  /** The same reasons as catalogue words, for the station's language. */
  reasonWords: GateWords[];
  /** Worth knowing, not blocking (a patient past the imaging window). */
  notes: string[];
  noteWords: GateWords[];
  /** Injected patients in "image or divert first" order, with their decay figures. */
  patients: WaitingPatient[];
  missing: string[];
}

export interface GateOptions {
  /** The facility's time zone, for "injected at 08:30"; UTC when absent or unknown. */
  timeZone?: string;
}

/** A screen of rows is plenty for one device; more is a mistake, and the loop stays bounded. */
const maxRows = 50;

export function evaluatePatientSafetyGate(
  answers: SectionAnswers | undefined,
  now: Date,
  radionuclideTable: RadionuclideTable,
  options: GateOptions = {},
): GateEvaluation {
  const given: SectionAnswers = typeof answers === 'object' && answers !== null ? answers : {};
  const reasonWords: GateWords[] = [];
  const noteWords: GateWords[] = [];
  const reason = (words: GateWords) => reasonWords.push(words);
  const missing: string[] = [];
  const clock = (date: Date) => formatClock(date, now, options.timeZone);

  const yesNo = (id: string, question: string): boolean | undefined => {
    const value = given[id];
    if (isUnanswered(value)) missing.push(`'${question}' is unanswered.`);
    else if (typeof value !== 'boolean') missing.push(`'${question}' must be answered Yes or No.`);
    else return value;
    return undefined;
  };

  const rowsOf = (id: string, what: string, prompt: string): Record<string, unknown>[] => {
    const value = given[id];
    if (!Array.isArray(value) || value.length === 0) {
      missing.push(prompt);
      return [];
    }
    if (value.length > maxRows) missing.push(`At most ${maxRows} ${what} can be listed here.`);
    return value.slice(0, maxRows).map((row: unknown, n) => {
      if (typeof row === 'object' && row !== null && !Array.isArray(row)) {
        return row as Record<string, unknown>;
      }
      missing.push(`${capitalise(what)} ${n + 1}: not a valid entry.`);
      return {};
    });
  };

  if (yesNo(gateItem.acquisitionRunning, 'Patient on the table or acquisition running') === true) {
    reason({ key: 'acquisitionRunning', params: {} });
  }

  // Injected patients: only radionuclide and injection time; anything else in a row is refused.
  const patients: WaitingPatient[] = [];
  if (yesNo(gateItem.injectedPatientsWaiting, 'Injected patients waiting') === true) {
    const rows = rowsOf(
      gateItem.injectedPatients,
      'injected patient',
      'Injected patients are waiting: add each one with its radionuclide and injection time.',
    );
    rows.forEach((row, index) => {
      const where = `Injected patient ${index + 1}`;
      refuseExtraFields(row, injectedPatientField, where, missing);
      const radionuclide = row[injectedPatientField.radionuclide];
      const at = row[injectedPatientField.injectedAt];
      let ok = true;
      if (isUnanswered(radionuclide) || typeof radionuclide !== 'string') {
        missing.push(`${where}: the radionuclide is unanswered.`);
        ok = false;
      }
      const injectedAt = parseDateTime(at);
      if (isUnanswered(at)) {
        missing.push(`${where}: the injection time is unanswered.`);
        ok = false;
      } else if (!injectedAt) {
        missing.push(`${where}: the injection time must be a date and time with its time zone.`);
        ok = false;
      } else if (injectedAt.getTime() > now.getTime() + clockToleranceMs) {
        missing.push(
          `${where}: the injection time (${clock(injectedAt)}) is later than now; check it.`,
        );
        ok = false;
      }
      if (!ok || typeof radionuclide !== 'string' || !injectedAt || typeof at !== 'string') return;
      const entry = findRadionuclide(radionuclideTable, radionuclide);
      if (!entry) {
        reason({ key: 'unknownRadionuclide', params: { radionuclide, at: clock(injectedAt) } });
        return;
      }
      patients.push({ row: index + 1, injectedAt: at, ...decayAt(entry, injectedAt, now) });
    });
  }
  const ordered = imageOrDivertOrder(patients);
  const waiting = ordered.filter((p) => !p.windowPassed);
  waiting.forEach((p, k) => {
    const action: GateWords =
      k === 0
        ? { key: 'imageFirst', params: {} }
        : { key: 'imageThen', params: { position: k + 1, count: waiting.length } };
    reason({
      key: 'patientWaiting',
      params: {
        radionuclide: p.radionuclide,
        at: clock(new Date(p.injectedAt)),
        elapsed: formatMinutes(p.elapsedMinutes),
        halfLives: p.halfLivesElapsed.toFixed(2),
        left: formatMinutes(p.minutesLeftInWindow),
      },
      words: { action },
    });
  });
  for (const p of ordered.filter((q) => q.windowPassed)) {
    noteWords.push({
      key: 'pastWindow',
      params: {
        radionuclide: p.radionuclide,
        at: clock(new Date(p.injectedAt)),
        window: formatMinutes(p.imagingWindowMinutes),
        elapsed: formatMinutes(p.elapsedMinutes),
      },
    });
  }

  // Urgent and scheduled studies: each needs another scanner or site, or a documented deferral.
  if (yesNo(gateItem.studiesUpcoming, 'Urgent or scheduled studies in the next hours') === true) {
    const rows = rowsOf(
      gateItem.upcomingStudies,
      'study',
      'Studies are booked: add each one with its time, priority and alternative or deferral.',
    );
    rows.forEach((row, index) => {
      const where = `Study ${index + 1}`;
      refuseExtraFields(row, upcomingStudyField, where, missing);
      const at = parseDateTime(row[upcomingStudyField.scheduledAt]);
      const priority = row[upcomingStudyField.priority];
      const plan = row[upcomingStudyField.plan];
      if (!at) missing.push(`${where}: the scheduled time is unanswered or not a date and time.`);
      if (!studyPriorities.some((p) => p === priority)) {
        missing.push(`${where}: say whether it is urgent or routine.`);
      }
      if (!studyPlans.some((p) => p === plan)) {
        missing.push(`${where}: say where it goes instead, or that it is deferred.`);
        return;
      }
      const kind = priority === 'urgent' ? 'urgent' : 'routine';
      const study: GateWords = at
        ? { key: `${kind}StudyAt`, params: { at: clock(at) } }
        : { key: `${kind}StudyNumber`, params: { number: index + 1 } };
      if (plan === 'none_yet') {
        reason({ key: 'studyNoAlternative', params: {}, words: { study } });
      } else if (plan === 'deferred') {
        const documented = row[upcomingStudyField.deferralDocumented];
        if (typeof documented !== 'boolean') {
          missing.push(`${where}: say whether the deferral is documented.`);
        } else if (!documented) {
          reason({ key: 'studyNotDocumented', params: {}, words: { study } });
        }
      }
    });
  }

  const kit = [
    [yesNo(gateItem.paperOrdersReady, 'Downtime kit: paper orders ready'), 'paperOrders'],
    [yesNo(gateItem.downtimeLogReady, 'Downtime kit: downtime log ready'), 'downtimeLog'],
    [
      yesNo(gateItem.localImageReadingReady, 'Downtime kit: a way to read images locally'),
      'localReading',
    ],
  ] as const;
  const lacking = kit.filter(([ready]) => ready === false).map(([, what]) => what);
  if (lacking.length > 0) {
    reason({ key: 'kitNotReady', params: {}, lists: { lacking } });
  }

  const verdict: GateVerdict =
    reasonWords.length > 0 ? 'blocked' : missing.length > 0 ? 'incomplete' : 'clear';
  return {
    verdict,
    reasons: reasonWords.map((w) => gateSentence(w, englishGate)),
    reasonWords,
    notes: noteWords.map((w) => gateSentence(w, englishGate)),
    noteWords,
    patients: ordered,
    missing,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A row holds only the fields the gate asks for: nothing else (a name, a record number) is kept. */
function refuseExtraFields(
  row: Record<string, unknown>,
  fields: Record<string, string>,
  where: string,
  missing: string[],
): void {
  const allowed = Object.values(fields);
  const extra = Object.keys(row).filter((k) => !allowed.includes(k));
  if (extra.length > 0) {
    missing.push(
      `${where} holds fields the gate does not ask for (${extra.join(', ')}): remove them. No patient names or record numbers.`,
    );
  }
}
