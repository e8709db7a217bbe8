import type { Signoff } from '../../api/domains/signoffs';
import type { Role, SignoffKind } from '../../api/permissions';
import { signoffStatement } from '../../api/roles';
import { canonicalJson, sha256Hex } from '../audit/hash';
import { recordEvent, userActor } from '../audit/record';
import type { CallContext } from '../core/context';

/** SHA-256 (hex) of the RFC 8785 canonical JSON of the content: equal content, equal hash. */
export function contentHash(content: unknown): string {
  return sha256Hex(canonicalJson(content));
}

export interface NewSignoff {
  kind: SignoffKind;
  subject: { type: string; id: string };
  /** The person who signed, after their secret was verified. */
  signer: { id: number; displayName: string; staffId: string | null };
  /** The role under which they signed: one that may give `kind`. */
  role: Role;
  /** What they attested; its hash is what makes the sign-off stale when the subject changes. */
  content: unknown;
  signedAt: string;
  /**
   * The language the signer read the statement in: it is stored in that language, as shown
   * (only the kind's own statements; one the app lacks, or none, reads English).
   */
  language?: string | undefined;
  /** More for the audit event, about the subject (e.g. what a bulk decision decided). */
  eventDetails?: Record<string, unknown>;
}

/**
 * Store a sign-off and its `signoff.given` event, as the signer, in the caller's transaction:
 * the one place a sign-off is written, so every kind carries the same statement, hash and event.
 * The caller has checked the signer's secret and role; this only records.
 */
export function insertSignoff(ctx: CallContext, s: NewSignoff): Signoff {
  const { db } = ctx.services;
  const statement = signoffStatement(s.kind, s.language);
  const hash = contentHash(s.content);
  const id = Number(
    db
      .prepare(
        `INSERT INTO signoffs (subject_type, subject_id, kind, user_id, user_name, role,
           statement, content, content_hash, signed_at, staff_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        s.subject.type,
        s.subject.id,
        s.kind,
        s.signer.id,
        s.signer.displayName,
        s.role,
        statement,
        canonicalJson(s.content),
        hash,
        s.signedAt,
        s.signer.staffId,
      ).lastInsertRowid,
  );
  const stationUserId = ctx.user?.id;
  // The event repeats what was attested, so the hash chain vouches for the sign-off too.
  recordEvent(ctx, userActor(s.signer.id, s.role), {
    action: 'signoff.given',
    entityType: s.subject.type,
    entityId: s.subject.id,
    payload: {
      signoffId: id,
      kind: s.kind,
      role: s.role,
      statement,
      contentHash: hash,
      // Co-signed at a station someone else holds: whose station it was.
      ...(stationUserId !== undefined && stationUserId !== s.signer.id ? { stationUserId } : {}),
      ...s.eventDetails,
    },
  });
  return {
    id,
    kind: s.kind,
    subjectType: s.subject.type,
    subjectId: s.subject.id,
    userId: s.signer.id,
    userName: s.signer.displayName,
    role: s.role,
    statement,
    signedAt: s.signedAt,
    contentHash: hash,
    stale: false,
  };
}
