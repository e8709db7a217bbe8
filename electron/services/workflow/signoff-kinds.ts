import {
  signoffKinds as apiSignoffKinds,
  type Role,
  type SignoffKind,
} from '../../api/permissions';
import type { SectionId } from '../playbooks/schema';

/**
 * The sign-offs the workflow asks for. Who may give each kind and the sentence they attest live in
 * the contract (`electron/api/permissions.ts`), one table for the whole app; this file adds what
 * the workflow needs on top: how a kind reads in a message, and which checklist sections its
 * signature covers. The case service hashes those sections as the signed content, so a sign-off
 * goes stale when any of them changes, and stale ones are never passed to the transition checks.
 */

export type { SignoffKind };
/** The kinds a workflow transition asks for (bulk decisions are the incident board's). */
export type WorkflowSignoffKind = Exclude<SignoffKind, 'bulk_decision'>;

export interface WorkflowSignoffKindDefinition {
  /** What it is about, in a message: "a clinical lead (patient safety)". */
  topic: string;
  covers: readonly SectionId[];
}

export const workflowSignoffKinds: Record<WorkflowSignoffKind, WorkflowSignoffKindDefinition> = {
  network_isolation: { topic: 'network isolation', covers: ['exposure_assessment'] },
  risk_acceptance: { topic: 'risk acceptance', covers: ['exposure_assessment'] },
  patient_safety_clear: { topic: 'patient safety', covers: ['patient_safety_gate'] },
  technical_readiness: { topic: 'technical readiness', covers: ['backup'] },
  verification_biomed: { topic: 'verification', covers: ['patch_record', 'verification'] },
  verification_it: { topic: 'verification', covers: ['patch_record', 'verification'] },
  reconnect_approval: { topic: 'reconnection approval', covers: ['reconnection'] },
  quarantine_release: {
    topic: 'release from quarantine',
    covers: ['evidence_preservation', 'reimaging'],
  },
};

/** The roles that may give a kind (from the contract). */
export function rolesFor(kind: SignoffKind): readonly Role[] {
  return apiSignoffKinds[kind].roles;
}

/** How a role reads inside a sentence ("from a clinical lead"). */
export const roleInSentence: Record<Role, string> = {
  technologist: 'a technologist',
  clinical_lead: 'a clinical lead',
  biomed: 'a biomed engineer',
  it_security: 'IT security',
  incident_commander: 'the incident commander',
  admin: 'an administrator',
};

/** A sign-off the caller has already checked is valid and not stale. */
export interface ValidSignoff {
  kind: string;
  userId: number;
  role: string;
  /**
   * The signer's staff ID when they signed (null: none). Two sign-offs with the same staff ID are
   * by the same person even from two accounts: one account can be retired and its staff ID given
   * to another.
   */
  staffId?: string | null;
}

/** Does this sign-off count for `kind`: the right kind, given under a role allowed to give it? */
export function satisfies(signoff: ValidSignoff, kind: SignoffKind): boolean {
  return signoff.kind === kind && (rolesFor(kind) as readonly string[]).includes(signoff.role);
}
