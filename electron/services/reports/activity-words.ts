import type { ActivityWords } from '../../api/domains/reports';
import { roleLabels, signoffKinds, type Role } from '../../api/permissions';
import { pdfWords, type PdfWordKey, type PdfWords } from '../pdf/words';
import { isWorkflowState } from '../workflow/states';
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

/** The catalogue's form of `key` for `count` (its `_one` and `_other` forms, as i18next picks). */
function form(key: string, count: unknown): string {
  return typeof count === 'number' ? `${key}_${count === 1 ? 'one' : 'other'}` : key;
}

/** An activity's sentence in the words' language: the same rule for English and German. */
export function activitySentence(t: PdfWords, w: ActivityWords): string {
  // The keys are built from the words, so the typed catalogue cannot check them here.
  const say = (key: string, values: Record<string, string | number> = {}) =>
    t(`activities.${key}` as PdfWordKey, values);
  const device =
    w.device === null
      ? say('theIncident')
      : 'assetTag' in w.device
        ? w.device.assetTag
        : say('caseNumber', { id: w.device.caseId });
  const values: Record<string, string | number> = { ...w.params, device };
  for (const [name, state] of Object.entries(w.states ?? {})) {
    values[name] = isWorkflowState(state) ? t(`states.${state}`) : state;
  }
  if (w.topic !== undefined) {
    values.topic = w.topic in signoffKinds ? say(`topics.${w.topic}`) : w.topic;
  }
  if (w.section !== undefined) {
    values.section = w.section in sectionKeys ? say(`sections.${w.section}`) : w.section;
  }
  let sentence = say(form(w.key, w.params.count), values);
  if (w.bulkDecisionId !== undefined) {
    sentence = say('bulkSuffix', { sentence, id: w.bulkDecisionId });
  } else if (w.requestedBy !== undefined) {
    sentence = say('requestSuffix', { sentence, station: w.requestedBy });
  }
  if (w.reason !== undefined) sentence = say('reasonSuffix', { sentence, reason: w.reason });
  return w.items !== undefined && w.items > 1
    ? say('items', { base: sentence, count: w.items })
    : sentence;
}

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

/** "Incident commander", "System", "Operator (command line)". */
export function positionLabel(role: string): string {
  if (role in roleLabels) return roleLabels[role as Role];
  if (role === 'operator') return 'Operator (command line)';
  if (role === 'system') return 'System';
  return role;
}

/** The words for one event, or null when it is not notable. */
function wordsOf(e: IncidentEvent, tag: string | null): ActivityWords | null {
  const p = payloadOf(e);
  const assetTag = tag ?? str(p.assetTag);
  const device: ActivityWords['device'] =
    assetTag !== null ? { assetTag } : e.caseId !== null ? { caseId: e.caseId } : null;
  const asked = p.request as { stationName?: unknown } | undefined;
  const requestedBy = asked ? str(asked.stationName) : null;
  const reason = str(p.reason);
  const suffixes: Partial<ActivityWords> = {
    ...(typeof p.bulkDecisionId === 'number' ? { bulkDecisionId: p.bulkDecisionId } : {}),
    ...(requestedBy !== null ? { requestedBy } : {}),
  };
  const withReason = reason !== null ? { reason } : {};
  const plain = (key: string, params: ActivityWords['params'] = {}): ActivityWords => ({
    key,
    params,
    device,
  });
  switch (e.action) {
    case 'incident.created':
      return plain('incidentCreated', {
        name: str(p.name) ?? '',
        count: Array.isArray(p.caseIds) ? p.caseIds.length : 0,
      });
    case 'incident.closed':
      return plain('incidentClosed');
    case 'case.opened':
      return { ...plain('caseOpened'), ...withReason };
    case 'case.transitioned':
      return {
        ...plain('transitioned'),
        states: { from: String(p.from), to: String(p.to) },
        ...suffixes,
        ...withReason,
      };
    case 'case.quarantined':
      return { ...plain('quarantined'), ...suffixes, ...withReason };
    case 'case.assigned': {
      const to = p.assignee as { name?: unknown } | null | undefined;
      if (!to) return plain('unassigned');
      const name = str(to.name);
      return name === null ? plain('assignedSomeone') : plain('assigned', { name });
    }
    case 'case.revision_acknowledged':
      return plain('revisionAcknowledged');
    case 'case.recheck_rescheduled':
      return {
        ...plain('recheckRescheduled', { to: str(p.to) ?? '?' }),
        ...suffixes,
        ...withReason,
      };
    case 'case.answered':
      return { ...plain('answered'), section: str(p.sectionId) ?? '' };
    case 'case.pdf':
      return plain('pdf');
    case 'signoff.given': {
      const kind = str(p.kind) ?? '';
      const count = typeof p.caseCount === 'number' ? p.caseCount : 0;
      if (kind === 'bulk_decision') {
        const d = p.decision as { kind?: unknown; target?: unknown } | undefined;
        return d?.kind === 'recheck'
          ? plain('bulkSignedRecheck', { count })
          : { ...plain('bulkSignedMove', { count }), states: { target: String(d?.target) } };
      }
      return { ...plain('signedOff'), topic: kind };
    }
    case 'bulk_decision.completed':
      return plain('bulkCompleted', {
        count: typeof p.movedCount === 'number' ? p.movedCount : 0,
        refused: typeof p.refusedCount === 'number' ? p.refusedCount : 0,
      });
    default:
      return null;
  }
}

/** The sentence for one event, or null when it is not notable. */
export function describeEvent(e: IncidentEvent, tag: string | null): Described | null {
  const words = wordsOf(e, tag);
  if (!words) return null;
  const groupKey =
    e.action === 'case.answered' ? `answer:${e.caseId ?? ''}:${words.section ?? ''}` : null;
  return {
    get sentence() {
      return activitySentence(english, words);
    },
    groupKey,
    words,
  };
}
