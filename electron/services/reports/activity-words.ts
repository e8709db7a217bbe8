import { activitySentence as sentenceOf, type ActivityWording } from '../../api/activity-sentence';
import type { ActivityWords } from '../../api/domains/reports';
import { errorWordsIn, errorWordsOf, type ErrorWords } from '../../api/error-words';
import { roleLabels, type Role } from '../../api/permissions';
import { pdfWords, type PdfWordKey, type PdfWords } from '../pdf/words';
import { processEndedReason } from '../people/sessions-left-open';
import { payloadOf, type IncidentEvent } from './incident-events';

/**
 * Audit actions in plain words, for HICS 214 and the timeline. Only the actions listed here are
 * "notable"; checklist answers are summed per case and section ("answered 6 items of the backup
 * checklist") instead of one line each, and reads, sign-ins and refusals are left out.
 */

export const notableActions = [
  'incident.created',
  'incident.closed',
  'case.opened',
  'case.transitioned',
  'case.quarantined',
  'case.assigned',
  'case.revision_acknowledged',
  'case.recheck_rescheduled',
  'case.answered',
  'case.pdf',
  'signoff.given',
  'bulk_decision.completed',
  'case_request.answered',
  'case.held_elsewhere',
  'case.held_here_again',
] as const;

export interface Described {
  /** Worded when read: most checklist answers are summed into a line worded once. */
  readonly sentence: string;
  /** Lines with the same key by the same person in a row are summed (checklist answers). */
  groupKey: string | null;
  /** The sentence as catalogue words, for a document in another language. */
  words: ActivityWords;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const english = pdfWords('en');

/** Each catalogue's lookup, made once (a HICS 214 words 100,000 sentences). */
const lookups = new WeakMap<PdfWords, ActivityWording>();

/** An activity's sentence in the language of `t`: the one rule (api/activity-sentence.ts). */
export function activitySentence(t: PdfWords, w: ActivityWords): string {
  let lookup = lookups.get(t);
  if (!lookup) {
    // The keys are built from the words, so the typed catalogue cannot check them here.
    const words = (key: string, values?: Record<string, string | number>) =>
      t(key as PdfWordKey, values);
    lookup = Object.assign(words, {
      errorSentence: (w: ErrorWords) => errorWordsIn(t.language, w),
    });
    lookups.set(t, lookup);
  }
  return sentenceOf(lookup, w);
}

/** "Incident commander", "System", "Operator (command line)". */
export function positionLabel(role: string): string {
  if (role in roleLabels) return roleLabels[role as Role];
  if (role === 'operator') return 'Operator (command line)';
  if (role === 'system') return 'System';
  return role;
}

/**
 * The bulk decision or station request a change was part of, and the reason given, added to
 * `w` in that order (the words' fields keep one order, as their JSON is compared).
 */
function withSuffixes(w: ActivityWords, p: Record<string, unknown>): ActivityWords {
  if (typeof p.bulkDecisionId === 'number') w.bulkDecisionId = p.bulkDecisionId;
  const asked = p.request as { stationName?: unknown } | undefined;
  const requestedBy = asked ? str(asked.stationName) : null;
  if (requestedBy !== null) w.requestedBy = requestedBy;
  return withReason(w, p);
}

function withReason(w: ActivityWords, p: Record<string, unknown>): ActivityWords {
  const reason = str(p.reason);
  if (reason !== null) w.reason = reason;
  return w;
}

function words(
  key: string,
  params: ActivityWords['params'],
  device: ActivityWords['device'],
): ActivityWords {
  return { key, params, device };
}

/** The words for one event, or null when it is not notable. Runs for every event of a log. */
function wordsOf(e: IncidentEvent, tag: string | null): ActivityWords | null {
  const p = payloadOf(e);
  const assetTag = tag ?? str(p.assetTag);
  const device: ActivityWords['device'] =
    assetTag !== null ? { assetTag } : e.caseId !== null ? { caseId: e.caseId } : null;
  switch (e.action) {
    case 'incident.created':
      return words(
        'incidentCreated',
        {
          name: str(p.name) ?? '',
          count: Array.isArray(p.caseIds) ? p.caseIds.length : 0,
        },
        device,
      );
    case 'incident.closed':
      return words('incidentClosed', {}, device);
    case 'case.opened':
      return withReason(words('caseOpened', {}, device), p);
    case 'case.transitioned': {
      const w = words('transitioned', {}, device);
      w.states = { from: String(p.from), to: String(p.to) };
      return withSuffixes(w, p);
    }
    case 'case.quarantined':
      return withSuffixes(words('quarantined', {}, device), p);
    case 'case.assigned': {
      const to = p.assignee as { name?: unknown } | null | undefined;
      if (!to) return words('unassigned', {}, device);
      const name = str(to.name);
      return name === null
        ? words('assignedSomeone', {}, device)
        : words('assigned', { name }, device);
    }
    case 'case.revision_acknowledged':
      return words('revisionAcknowledged', {}, device);
    case 'case.recheck_rescheduled':
      return withSuffixes(words('recheckRescheduled', { to: str(p.to) ?? '?' }, device), p);
    case 'case.answered': {
      const w = words('answered', {}, device);
      w.section = str(p.sectionId) ?? '';
      return w;
    }
    case 'case.pdf':
      return words('pdf', {}, device);
    case 'signoff.given': {
      const kind = str(p.kind) ?? '';
      const count = typeof p.caseCount === 'number' ? p.caseCount : 0;
      if (kind === 'bulk_decision') {
        const d = p.decision as { kind?: unknown; target?: unknown } | undefined;
        if (d?.kind === 'recheck') return words('bulkSignedRecheck', { count }, device);
        const w = words('bulkSignedMove', { count }, device);
        w.states = { target: String(d?.target) };
        return w;
      }
      const w = words('signedOff', {}, device);
      w.topic = kind;
      return w;
    }
    case 'case_request.answered': {
      // The holding station's answer to a request of the command post; a refusal with the guard's
      // words (as catalogue words too, from apps that send them, for the reader's language).
      const asked = p.request as { stationName?: unknown } | undefined;
      const station = str(asked?.stationName) ?? '?';
      if (p.outcome === 'applied') return words('requestApplied', { station }, device);
      const w = withReason(words('requestRefused', { station }, device), p);
      const reasonWords = errorWordsOf({ words: p.words });
      if (reasonWords) w.reasonWords = reasonWords;
      return w;
    }
    case 'case.held_elsewhere': {
      const by = p.heldBy as { stationName?: unknown } | undefined;
      return words('heldElsewhere', { station: str(by?.stationName) ?? '?' }, device);
    }
    case 'case.held_here_again':
      return words('heldHereAgain', {}, device);
    case 'session.ended':
      // Only the end an earlier process left for the next start to record (sessions-left-open.ts).
      return p.reason === processEndedReason ? words('sessionEndedWithApp', {}, null) : null;
    case 'bulk_decision.completed':
      return words(
        'bulkCompleted',
        {
          count: typeof p.movedCount === 'number' ? p.movedCount : 0,
          refused: typeof p.refusedCount === 'number' ? p.refusedCount : 0,
        },
        device,
      );
    default:
      return null;
  }
}

/** An event's words, and its sentence worded when read. */
class DescribedEvent implements Described {
  constructor(
    readonly words: ActivityWords,
    public groupKey: string | null,
  ) {}

  get sentence(): string {
    return activitySentence(english, this.words);
  }
}

/** The sentence for one event, or null when it is not notable. */
export function describeEvent(e: IncidentEvent, tag: string | null): Described | null {
  const words = wordsOf(e, tag);
  if (!words) return null;
  return new DescribedEvent(
    words,
    e.action === 'case.answered' ? `answer:${e.caseId ?? ''}:${words.section ?? ''}` : null,
  );
}
