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
import {
  englishMissing,
  plainText,
  type MissingWordKey,
  type MissingWords,
} from '../../api/missing-words';
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
  /** What is still unanswered, in English and as catalogue words (api/missing-words.ts). */
  missing: string[];
  missingWords: MissingWords[];
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
  const missing: MissingWords[] = [];
  const clock = (date: Date) => formatClock(date, now, options.timeZone);

  const yesNo = (id: string, question: MissingWordKey): boolean | undefined => {
    const value = given[id];
    const words = { question: { key: 'quoted', words: { text: { key: question } } } } as const;
    if (isUnanswered(value)) missing.push({ key: 'gateUnanswered', words });
    else if (typeof value !== 'boolean') missing.push({ key: 'gateYesNo', words });
    else return value;
    return undefined;
  };

  const rowsOf = (
    id: string,
    rows: { tooMany: MissingWordKey; row: MissingWordKey; prompt: MissingWordKey },
  ): Record<string, unknown>[] => {
    const value = given[id];
    if (!Array.isArray(value) || value.length === 0) {
      missing.push({ key: rows.prompt });
      return [];
    }
    if (value.length > maxRows) missing.push({ key: rows.tooMany, params: { max: maxRows } });
    return value.slice(0, maxRows).map((row: unknown, n) => {
      if (typeof row === 'object' && row !== null && !Array.isArray(row)) {
        return row as Record<string, unknown>;
      }
      missing.push({
        key: 'gateRowInvalid',
        words: { row: { key: rows.row, params: { n: n + 1 } } },
      });
      return {};
    });
  };

  if (yesNo(gateItem.acquisitionRunning, 'questionAcquisition') === true) {
    reason({ key: 'acquisitionRunning', params: {} });
  }

  // Injected patients: only radionuclide and injection time; anything else in a row is refused.
  const patients: WaitingPatient[] = [];
  if (yesNo(gateItem.injectedPatientsWaiting, 'questionInjected') === true) {
    const rows = rowsOf(gateItem.injectedPatients, {
      tooMany: 'gateTooManyPatients',
      row: 'patientRow',
      prompt: 'patientsPrompt',
    });
    rows.forEach((row, index) => {
      const where = { row: { key: 'patientRow', params: { n: index + 1 } } } as const;
      refuseExtraFields(row, injectedPatientField, where, missing);
      const radionuclide = row[injectedPatientField.radionuclide];
      const at = row[injectedPatientField.injectedAt];
      let ok = true;
      if (isUnanswered(radionuclide) || typeof radionuclide !== 'string') {
        missing.push({ key: 'radionuclideUnanswered', words: where });
        ok = false;
      }
      const injectedAt = parseDateTime(at);
      if (isUnanswered(at)) {
        missing.push({ key: 'injectionUnanswered', words: where });
        ok = false;
      } else if (!injectedAt) {
        missing.push({ key: 'injectionNotTime', words: where });
        ok = false;
      } else if (injectedAt.getTime() > now.getTime() + clockToleranceMs) {
        missing.push({ key: 'injectionLater', params: { at: clock(injectedAt) }, words: where });
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
        left: formatMinutes(p.minutesLeftInWindow),
      },
      words: { action },
      decimals: { halfLives: { value: p.halfLivesElapsed, digits: 2 } },
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
  if (yesNo(gateItem.studiesUpcoming, 'questionStudies') === true) {
    const rows = rowsOf(gateItem.upcomingStudies, {
      tooMany: 'gateTooManyStudies',
      row: 'studyRow',
      prompt: 'studiesPrompt',
    });
    rows.forEach((row, index) => {
      const where = { row: { key: 'studyRow', params: { n: index + 1 } } } as const;
      refuseExtraFields(row, upcomingStudyField, where, missing);
      const at = parseDateTime(row[upcomingStudyField.scheduledAt]);
      const priority = row[upcomingStudyField.priority];
      const plan = row[upcomingStudyField.plan];
      if (!at) missing.push({ key: 'studyTimeMissing', words: where });
      if (!studyPriorities.some((p) => p === priority)) {
        missing.push({ key: 'studyPriority', words: where });
      }
      if (!studyPlans.some((p) => p === plan)) {
        missing.push({ key: 'studyPlan', words: where });
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
          missing.push({ key: 'studyDeferral', words: where });
        } else if (!documented) {
          reason({ key: 'studyNotDocumented', params: {}, words: { study } });
        }
      }
    });
  }

  const kit = [
    [yesNo(gateItem.paperOrdersReady, 'questionPaperOrders'), 'paperOrders'],
    [yesNo(gateItem.downtimeLogReady, 'questionDowntimeLog'), 'downtimeLog'],
    [yesNo(gateItem.localImageReadingReady, 'questionLocalReading'), 'localReading'],
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
    missing: missing.map(englishMissing),
    missingWords: missing,
  };
}

/** A row holds only the fields the gate asks for: nothing else (a name, a record number) is kept. */
function refuseExtraFields(
  row: Record<string, unknown>,
  fields: Record<string, string>,
  where: { row: MissingWords },
  missing: MissingWords[],
): void {
  const allowed = Object.values(fields);
  const extra = Object.keys(row).filter((k) => !allowed.includes(k));
  if (extra.length > 0) {
    missing.push({ key: 'extraFields', words: { ...where, fields: plainText(extra.join(', ')) } });
  }
}
