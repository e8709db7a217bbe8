import type { BulkDecisionResult, BulkMoved, BulkRefused } from '../../api/domains/board';
import { errorWordsOf } from '../../api/error-words';
import type { CaseRequest } from '../../api/domains/case-requests';
import type { CaseState } from '../../api/domains/cases';
import type { ParsedInputOf } from '../../api/methods';
import { canonicalJson } from '../audit/hash';
import { applyTransition } from '../cases/case-actions';
import { rescheduleRecheck } from '../cases/case-recheck';
import { findCaseRow, getCaseRow, type CaseRow } from '../cases/case-store';
import { mutate, type CallContext } from '../core/context';
import { ServiceError, wordedError } from '../core/errors';
import { requireCommandPost, sendRequests } from '../exchange/case-requests';
import { authenticate } from '../people/authenticate';
import { insertSignoff } from '../people/insert-signoff';
import { incidentHead } from './board-view';

/**
 * The commander's bulk decisions: one decision for many cases, signed once.
 *
 * 1. The commander re-enters their PIN or password once; one `bulk_decision` sign-off is stored on
 *    the decision row (incident, decision, the sorted case ids), with its audit event.
 * 2. Each case then goes through exactly the code of a single step (`applyTransition`: the same
 *    guard, the same history line and its own audit event, which names the decision). A refusal is
 *    the guard's own sentence.
 *
 * Each case is its own transaction, on purpose: the cases are independent decisions about
 * independent devices, and a guard refusing one must not undo the others (that is the point of
 * reporting "moved" and "refused"). A crash part-way leaves every case either moved with its audit
 * event or untouched, and the signed decision row still lists the whole intent, so running the
 * decision again moves the rest (the moved ones are then refused as already there). One
 * transaction for all would also hold the only writer for the whole batch.
 */

interface Decision {
  kind: 'transition' | 'recheck';
  target: CaseState;
  reason: string | null;
  recheckAt: string | null;
}

type RemoteCases = readonly { stationId: string; caseId: number }[];

function signedContent(
  incidentId: number,
  decision: Decision,
  caseIds: readonly number[],
  remoteCases: RemoteCases,
) {
  return {
    incidentId,
    decision: { ...decision },
    caseIds: [...caseIds],
    // Named only when there are some, so a decision on this station's cases signs what it did.
    ...(remoteCases.length > 0 ? { remoteCases: remoteCases.map((r) => ({ ...r })) } : {}),
  };
}

/** Sign once: returns the decision id and the sign-off id, or throws the authentication refusal. */
async function signDecision(
  ctx: CallContext,
  incidentId: number,
  decision: Decision,
  caseIds: readonly number[],
  remoteCases: RemoteCases,
  signoff: { secret: string; language?: string | undefined },
): Promise<{ decisionId: number; signoffId: number }> {
  const user = ctx.user;
  if (!user) throw wordedError('unauthenticated', 'signInToBulk');
  const { db, clock } = ctx.services;
  const head = incidentHead(db, incidentId);
  if (head.status === 'closed') {
    throw wordedError(
      'conflict',
      'incidentClosedNoChange',
      { name: head.name },
      { reason: 'incident_closed' },
    );
  }
  if (caseIds.length === 0 && remoteCases.length === 0) {
    throw wordedError('invalid_input', 'chooseOneCase', {}, { field: 'caseIds' });
  }
  if (remoteCases.length > 0) requireCommandPost(db);
  const content = signedContent(incidentId, decision, caseIds, remoteCases);
  return authenticate(ctx, { userId: user.id }, signoff.secret, 'signoff', (signer) => {
    const at = clock.now().toISOString();
    const decisionId = Number(
      db
        .prepare(
          `INSERT INTO bulk_decisions (incident_id, kind, decision, case_ids, decided_by, decided_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          incidentId,
          decision.kind,
          canonicalJson(decision),
          JSON.stringify(caseIds),
          signer.id,
          at,
        ).lastInsertRowid,
    );
    const signoffId = insertSignoff(ctx, {
      kind: 'bulk_decision',
      subject: { type: 'bulk_decision', id: String(decisionId) },
      signer,
      role: 'incident_commander',
      content,
      signedAt: at,
      language: signoff.language,
      eventDetails: { incidentId, decision: { ...decision }, caseCount: caseIds.length },
    }).id;
    return () => ({ decisionId, signoffId });
  });
}

function refusal(caseId: number, error: unknown): BulkRefused {
  if (error instanceof ServiceError) {
    const missing = (error.details as { missing?: unknown } | undefined)?.missing;
    const words = errorWordsOf(error.details);
    return {
      caseId,
      assetTag: '',
      reason: error.message,
      ...(words ? { words } : {}),
      missing: Array.isArray(missing)
        ? missing.filter((m): m is string => typeof m === 'string')
        : [],
    };
  }
  throw error;
}

function finish(
  ctx: CallContext,
  decisionId: number,
  signoffId: number,
  moved: BulkMoved[],
  refused: BulkRefused[],
  remote: { requested: CaseRequest[]; refused: BulkRefused[] },
): BulkDecisionResult {
  const { db } = ctx.services;
  for (const r of refused) {
    r.assetTag ||= findCaseRow(db, r.caseId)?.asset_tag ?? '';
  }
  refused.push(...remote.refused);
  const outcome = {
    moved: moved.map((m) => m.caseId),
    refused: refused.map((r) => ({ caseId: r.caseId, reason: r.reason })),
    ...(remote.requested.length > 0 ? { requested: remote.requested.map((r) => r.id) } : {}),
  };
  mutate(ctx, () => {
    db.prepare('UPDATE bulk_decisions SET outcome = ? WHERE id = ?').run(
      JSON.stringify(outcome),
      decisionId,
    );
    return {
      value: undefined,
      audit: {
        action: 'bulk_decision.completed',
        entityType: 'bulk_decision',
        entityId: decisionId,
        payload: { signoffId, movedCount: moved.length, refusedCount: refused.length, ...outcome },
      },
    };
  });
  return { decisionId, signoffId, moved, refused, requested: remote.requested };
}

function uniqueSorted(ids: readonly number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

function notInIncident(caseId: number, incidentId: number, exists: boolean): BulkRefused {
  return {
    caseId,
    assetTag: '',
    reason: exists
      ? `Case ${caseId} belongs to another incident, not to incident ${incidentId}: it was left as it was.`
      : `There is no case ${caseId}.`,
    missing: [],
  };
}

/**
 * One signed decision over many cases: sign once, apply `one` to each case of the incident here in
 * its own transaction (collecting what moved and what each guard refused), then send the cases
 * other stations hold as requests.
 */
async function decideEach(
  ctx: CallContext,
  input: {
    incidentId: number;
    caseIds: readonly number[];
    remoteCases?: RemoteCases | undefined;
    signoff: { secret: string; language?: string | undefined };
  },
  decision: Decision,
  one: (before: CaseRow, decisionId: number) => BulkMoved,
): Promise<BulkDecisionResult> {
  const { incidentId } = input;
  const caseIds = uniqueSorted(input.caseIds);
  const remoteCases = input.remoteCases ?? [];
  const { decisionId, signoffId } = await signDecision(
    ctx,
    incidentId,
    decision,
    caseIds,
    remoteCases,
    input.signoff,
  );
  const { db } = ctx.services;
  const moved: BulkMoved[] = [];
  const refused: BulkRefused[] = [];
  for (const caseId of caseIds) {
    const before = findCaseRow(db, caseId);
    if (!before || before.incident_id !== incidentId) {
      refused.push(notInIncident(caseId, incidentId, before !== undefined));
      continue;
    }
    try {
      moved.push(one(before, decisionId));
    } catch (error) {
      refused.push({ ...refusal(caseId, error), assetTag: before.asset_tag });
    }
  }
  const remote = sendRequests(ctx, { bulkDecisionId: decisionId, ...decision }, remoteCases);
  return finish(ctx, decisionId, signoffId, moved, refused, remote);
}

export function bulkTransition(
  ctx: CallContext,
  input: ParsedInputOf<'cases.bulkTransition'>,
): Promise<BulkDecisionResult> {
  const decision: Decision = {
    kind: 'transition',
    target: input.target,
    reason: input.reason?.trim() || null,
    recheckAt: input.recheckAt ?? null,
  };
  const { db } = ctx.services;
  return decideEach(ctx, input, decision, (before, decisionId) => {
    const caseId = before.id;
    applyTransition(ctx, {
      caseId,
      target: input.target,
      reason: decision.reason ?? undefined,
      recheckAt: input.recheckAt,
      bulkDecisionId: decisionId,
    });
    const after = getCaseRow(db, caseId);
    return {
      caseId,
      assetTag: after.asset_tag,
      from: before.state,
      to: after.state,
      recheckAt: after.recheck_at,
    };
  });
}

export function bulkRecheck(
  ctx: CallContext,
  input: ParsedInputOf<'cases.bulkRecheck'>,
): Promise<BulkDecisionResult> {
  const decision: Decision = {
    kind: 'recheck',
    target: 'deferred',
    reason: input.reason?.trim() || null,
    recheckAt: input.recheckAt,
  };
  return decideEach(ctx, input, decision, (before, decisionId) =>
    rescheduleRecheck(ctx, {
      caseId: before.id,
      recheckAt: input.recheckAt,
      reason: decision.reason,
      bulkDecisionId: decisionId,
    }),
  );
}
