import { caseStates } from './domains/cases';
import type { ActivityWords } from './domains/reports';
import type { ErrorWords } from './error-words';
import { roleLabels, signoffKinds } from './permissions';

/**
 * The PDF catalogue's words (electron/api/i18n/pdf.*.json, keys under `pdf.`) in one language:
 * the PDF's (services/pdf/words.ts), or the station's on screen (the UI's translations include
 * that catalogue). One wording of an activity for the HICS 214, the briefing and their PDFs.
 */
export type ActivityLookup = (key: string, values?: Record<string, string | number>) => string;

/** What an activity's sentence is worded with: the lookup, and the errors catalogue's words. */
export type ActivityWording = ActivityLookup & {
  /**
   * A sentence of the errors catalogue in the same language: a reason given as words (another
   * station's refusal of a request) is said in the reader's language, not the sender's.
   */
  readonly errorSentence: (words: ErrorWords) => string;
};

const states: readonly string[] = caseStates;

const sectionKeys: Record<string, true> = {
  exposure_assessment: true,
  patient_safety_gate: true,
  backup: true,
  standalone_operation: true,
  patch_record: true,
  verification: true,
  reconnection: true,
  evidence_preservation: true,
  reimaging: true,
};

/** The catalogue's form of `key` for `count` (its `_one` and `_other` forms, as i18next picks). */
function form(key: string, count: unknown): string {
  return typeof count === 'number' ? `${key}_${count === 1 ? 'one' : 'other'}` : key;
}

/** A text of the catalogue's activities. A function of its own, not a closure made per sentence. */
function say(t: ActivityLookup, key: string, values?: Record<string, string | number>): string {
  return t(`activities.${key}`, values);
}

/** An activity's sentence in the language of `t`: the same rule for English and German. */
export function activitySentence(t: ActivityWording, w: ActivityWords): string {
  const device =
    w.device === null
      ? say(t, 'theIncident')
      : 'assetTag' in w.device
        ? w.device.assetTag
        : say(t, 'caseNumber', { id: w.device.caseId });
  const values: Record<string, string | number> = { ...w.params, device };
  if (w.states !== undefined) {
    for (const name in w.states) {
      const state = w.states[name] ?? '';
      values[name] = states.includes(state) ? t(`states.${state}`) : state;
    }
  }
  if (w.topic !== undefined) {
    values.topic = w.topic in signoffKinds ? say(t, `topics.${w.topic}`) : w.topic;
  }
  if (w.section !== undefined) {
    values.section = w.section in sectionKeys ? say(t, `sections.${w.section}`) : w.section;
  }
  let sentence = say(t, form(w.key, w.params.count), values);
  if (w.bulkDecisionId !== undefined) {
    sentence = say(t, 'bulkSuffix', { sentence, id: w.bulkDecisionId });
  } else if (w.requestedBy !== undefined) {
    sentence = say(t, 'requestSuffix', { sentence, station: w.requestedBy });
  }
  const reason = w.reasonWords !== undefined ? t.errorSentence(w.reasonWords) : w.reason;
  if (reason !== undefined) sentence = say(t, 'reasonSuffix', { sentence, reason });
  return w.items !== undefined && w.items > 1
    ? say(t, 'items', { base: sentence, count: w.items })
    : sentence;
}

/** A HICS position (the role acted in) in the language of `t`; an unknown role, as stored. */
export function positionWord(t: ActivityLookup, role: string): string {
  const known = role in roleLabels || role === 'operator' || role === 'system';
  return known ? t(`roles.${role}`) : role;
}
