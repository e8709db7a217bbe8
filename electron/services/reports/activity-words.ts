import { roleLabels, signoffKinds, type Role } from '../../api/permissions';
import { isWorkflowState, stateLabels } from '../workflow/states';
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
  sentence: string;
  /** Lines with the same key by the same person in a row are summed (checklist answers). */
  groupKey: string | null;
}

const kindTopics: Record<string, string> = {
  patient_safety_clear: 'patient safety',
  technical_readiness: 'technical readiness',
  network_isolation: 'network isolation',
  risk_acceptance: 'risk acceptance',
  verification_biomed: 'verification (biomed)',
  verification_it: 'verification (IT security)',
  reconnect_approval: 'reconnection approval',
  bulk_decision: 'a bulk decision',
  quarantine_release: 'release from quarantine',
};

const sectionNames: Record<string, string> = {
  exposure_assessment: 'exposure assessment',
  patient_safety_gate: 'patient-safety gate',
  backup: 'backup checklist',
  standalone_operation: 'standalone operation log',
  patch_record: 'patch record',
  verification: 'verification',
  reconnection: 'reconnection checklist',
  evidence_preservation: 'evidence preservation checklist',
  reimaging: 're-imaging checklist',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const state = (v: unknown): string => (isWorkflowState(v) ? stateLabels[v] : String(v));

/** "Incident commander", "System", "Operator (command line)". */
export function positionLabel(role: string): string {
  if (role in roleLabels) return roleLabels[role as Role];
  if (role === 'operator') return 'Operator (command line)';
  if (role === 'system') return 'System';
  return role;
}

/** The sentence for one event, or null when it is not notable. */
export function describeEvent(e: IncidentEvent, tag: string | null): Described | null {
  const p = payloadOf(e);
  const device =
    tag ?? str(p.assetTag) ?? (e.caseId !== null ? `case ${e.caseId}` : 'the incident');
  const asked = p.request as { stationName?: unknown } | undefined;
  const bulk =
    typeof p.bulkDecisionId === 'number'
      ? ` (bulk decision ${p.bulkDecisionId})`
      : asked && str(asked.stationName)
        ? ` (at the request of ${str(asked.stationName)})`
        : '';
  const reason = str(p.reason) ? `: ${str(p.reason)}` : '';
  switch (e.action) {
    case 'incident.created': {
      const cases = Array.isArray(p.caseIds) ? p.caseIds.length : 0;
      return {
        sentence: `Opened the incident "${str(p.name) ?? ''}" with ${cases} case${cases === 1 ? '' : 's'}`,
        groupKey: null,
      };
    }
    case 'incident.closed':
      return { sentence: 'Closed the incident', groupKey: null };
    case 'case.opened':
      return { sentence: `Opened the case of ${device}${reason}`, groupKey: null };
    case 'case.transitioned':
      return {
        sentence: `Moved ${device} from ${state(p.from)} to ${state(p.to)}${bulk}${reason}`,
        groupKey: null,
      };
    case 'case.quarantined':
      return {
        sentence: `Quarantined ${device} (suspected compromise)${bulk}${reason}`,
        groupKey: null,
      };
    case 'case.assigned': {
      const to = p.assignee as { name?: unknown } | null | undefined;
      return {
        sentence: to
          ? `Assigned ${device} to ${str(to.name) ?? 'someone'}`
          : `Unassigned ${device}`,
        groupKey: null,
      };
    }
    case 'case.revision_acknowledged':
      return {
        sentence: `Reviewed the new advisory revision for ${device} and acknowledged it`,
        groupKey: null,
      };
    case 'case.recheck_rescheduled':
      return {
        sentence: `Set the re-check of ${device} to ${str(p.to) ?? '?'}${bulk}${reason}`,
        groupKey: null,
      };
    case 'case.answered': {
      const section = str(p.sectionId) ?? '';
      return {
        sentence: `Answered the ${sectionNames[section] ?? section} of ${device}`,
        groupKey: `answer:${e.caseId ?? ''}:${section}`,
      };
    }
    case 'case.pdf':
      return { sentence: `Exported the signed PDF record of ${device}`, groupKey: null };
    case 'signoff.given': {
      const kind = str(p.kind) ?? '';
      if (kind === 'bulk_decision') {
        const d = p.decision as { kind?: unknown; target?: unknown } | undefined;
        const what =
          d?.kind === 'recheck' ? 'a new re-check time' : `a move to ${state(d?.target)}`;
        const n = typeof p.caseCount === 'number' ? p.caseCount : 0;
        return {
          sentence: `Signed a bulk decision: ${what} for ${n} case${n === 1 ? '' : 's'}`,
          groupKey: null,
        };
      }
      const topic = kind in signoffKinds ? (kindTopics[kind] ?? kind) : kind;
      return { sentence: `Signed off ${topic} for ${device}`, groupKey: null };
    }
    case 'bulk_decision.completed': {
      const moved = typeof p.movedCount === 'number' ? p.movedCount : 0;
      const refused = typeof p.refusedCount === 'number' ? p.refusedCount : 0;
      return {
        sentence: `Bulk decision carried out: ${moved} case${moved === 1 ? '' : 's'} changed, ${refused} left as they were because they could not make that move yet`,
        groupKey: null,
      };
    }
    default:
      return null;
  }
}
