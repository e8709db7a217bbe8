import type Database from 'better-sqlite3';
import type { Signoff, SignoffStatus } from '../../api/domains/signoffs';
import type { ParsedInputOf } from '../../api/methods';
import { signoffKinds, type Role, type SignoffKind } from '../../api/permissions';
import type { CallContext } from '../core/context';
import { ServiceError, notFound, wordedError } from '../core/errors';
import { authenticate } from './authenticate';
import { formatUntil } from './format-until';
import { contentHash, insertSignoff } from './insert-signoff';
import { recordEvent, userActor } from '../audit/record';
import { assertSignable, subjectContentReader } from './signoff-subjects';

export interface SignoffSubject {
  type: string;
  id: string;
}

/** A sign-off row with its signer's name, as the sign-off lists read it. */
export interface SignoffRow {
  id: number;
  subject_type: string;
  subject_id: string;
  kind: SignoffKind;
  user_id: number;
  user_name: string;
  role: Role;
  statement: string;
  content_hash: string;
  signed_at: string;
}

function toSignoff(row: SignoffRow, currentHash: string): Signoff {
  return {
    id: row.id,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    userId: row.user_id,
    userName: row.user_name,
    role: row.role,
    statement: row.statement,
    signedAt: row.signed_at,
    contentHash: row.content_hash,
    stale: row.content_hash !== currentHash,
  };
}

/**
 * The sign-offs on a subject against its current content (which only the owning domain knows):
 * a sign-off on other content is stale and does not count. The workflow calls this to decide
 * whether a transition has the sign-offs it needs (`validKinds`).
 */
export function signoffStatus(
  db: Database.Database,
  subject: SignoffSubject,
  currentContent: unknown,
): SignoffStatus {
  const currentHash = contentHash(currentContent);
  const rows = db
    .prepare(
      `SELECT id, subject_type, subject_id, kind, user_id, user_name, role, statement,
              content_hash, signed_at
       FROM signoffs WHERE subject_type = ? AND subject_id = ? ORDER BY id`,
    )
    .all(subject.type, subject.id) as SignoffRow[];
  const signoffs = rows.map((r) => toSignoff(r, currentHash));
  const validKinds = [...new Set(signoffs.filter((s) => !s.stale).map((s) => s.kind))];
  return { contentHash: currentHash, signoffs, validKinds };
}

export function listSignoffs(
  db: Database.Database,
  input: ParsedInputOf<'signoffs.list'>,
): SignoffStatus {
  const content = subjectContentReader(input.subjectType)(db, input.subjectId);
  if (content === undefined) throw notFound(input.subjectType, input.subjectId);
  return signoffStatus(db, { type: input.subjectType, id: input.subjectId }, content);
}

/** The role under which someone holding `held` gives `kind`: the session's role first. */
export function signingRole(
  kind: SignoffKind,
  held: readonly Role[],
  preferred?: Role,
): Role | undefined {
  const allowed = signoffKinds[kind].roles as readonly Role[];
  if (preferred !== undefined && allowed.includes(preferred)) return preferred;
  return held.find((r) => allowed.includes(r));
}

function wrongRole(
  kind: SignoffKind,
  signer: { displayName: string; roles: readonly Role[] },
): ServiceError {
  const allowed = signoffKinds[kind].roles as readonly Role[];
  return wordedError(
    'forbidden',
    'signoffWrongRole',
    { name: signer.displayName },
    { kind, neededRoles: allowed, heldRoles: signer.roles },
    { roles: { allowed: [...allowed] }, rolesAnd: { held: [...signer.roles] } },
  );
}

/**
 * Give a sign-off: the kind must be one the signer's roles may give, the signer re-enters their
 * secret, and the content they saw must be the subject's current content. Stored with the
 * statement, the role, the content and its hash; audited in the same transaction, as the signer.
 *
 * The signer is the signed-in user, or a co-signer at the same station (`input.signer`): the
 * person who must sign names themself and enters their own secret, like at sign-in, without
 * taking the station over. A co-signer's roles are checked only once their secret is verified,
 * so a typed staff ID never tells what it belongs to.
 */
export async function giveSignoff(
  ctx: CallContext,
  input: ParsedInputOf<'signoffs.sign'>,
): Promise<Signoff> {
  const { services, user } = ctx;
  if (!user) throw wordedError('unauthenticated', 'signInToSign');
  const { db, clock } = services;
  const { kind, subjectType, subjectId } = input;
  const spec = signoffKinds[kind];
  const allowed = spec.roles as readonly Role[];
  const coSigner =
    input.signer && !('userId' in input.signer && input.signer.userId === user.id)
      ? input.signer
      : undefined;
  const about = { kind, subjectType, subjectId, ...(coSigner ? { coSign: true } : {}) };
  const refuseRole = (signer: { id: number; displayName: string; roles: readonly Role[] }) => {
    recordEvent(ctx, ctx.actor, {
      action: 'signoff.refused',
      entityType: subjectType,
      entityId: subjectId,
      payload: {
        ...about,
        reason: 'role',
        neededRoles: allowed,
        heldRoles: signer.roles,
        ...(coSigner ? { signerUserId: signer.id } : {}),
      },
    });
    return wrongRole(kind, signer);
  };
  if (!coSigner && signingRole(kind, user.roles, user.role) === undefined) throw refuseRole(user);
  const readContent = subjectContentReader(subjectType);
  if (readContent(db, subjectId) === undefined) throw notFound(subjectType, subjectId);
  const refuseClosed = (): ServiceError | undefined => {
    try {
      assertSignable(db, subjectType, subjectId);
      return undefined;
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      recordEvent(ctx, ctx.actor, {
        action: 'signoff.refused',
        entityType: subjectType,
        entityId: subjectId,
        payload: { ...about, reason: 'closed' },
      });
      return error;
    }
  };
  const closed = refuseClosed();
  if (closed) throw closed;
  const signedHash = contentHash(input.content);

  return authenticate(
    ctx,
    coSigner ?? { userId: user.id },
    input.secret,
    coSigner ? 'cosign' : 'signoff',
    (signer) => {
      const role = signingRole(kind, signer.roles, coSigner ? undefined : user.role);
      if (role === undefined) {
        const refusal = refuseRole(signer);
        return () => {
          throw refusal;
        };
      }
      // Checked again here: the case may have closed while the secret was being checked.
      const closedMeanwhile = refuseClosed();
      if (closedMeanwhile)
        return () => {
          throw closedMeanwhile;
        };
      // Read again here: the content may have changed while the secret was being checked.
      const current = readContent(db, subjectId);
      if (current === undefined)
        return () => {
          throw notFound(subjectType, subjectId);
        };
      const currentHash = contentHash(current);
      if (currentHash !== signedHash) {
        recordEvent(ctx, userActor(signer.id, role), {
          action: 'signoff.refused',
          entityType: subjectType,
          entityId: subjectId,
          payload: { ...about, reason: 'content_changed', signedHash, currentHash },
        });
        return () => {
          throw wordedError(
            'conflict',
            'signoffContentChanged',
            {},
            { reason: 'content_changed', currentHash },
          );
        };
      }
      const earlier = db
        .prepare(
          `SELECT signed_at FROM signoffs WHERE subject_type = ? AND subject_id = ? AND kind = ?
           AND user_id = ? AND content_hash = ?`,
        )
        .pluck()
        .get(subjectType, subjectId, kind, signer.id, signedHash) as string | undefined;
      if (earlier !== undefined) {
        return () => {
          throw wordedError('conflict', 'signoffAlreadyGiven', {
            at: formatUntil(db, new Date(earlier), clock.now()),
          });
        };
      }
      const signoff = insertSignoff(ctx, {
        kind,
        subject: { type: subjectType, id: subjectId },
        signer,
        role,
        content: input.content,
        signedAt: clock.now().toISOString(),
        language: input.language,
      });
      return () => signoff;
    },
    about,
  );
}
