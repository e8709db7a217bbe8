import { caseStates, type CaseState } from '../../api/domains/cases';
import { errorWordsOf } from '../../api/error-words';
import { systemActor } from '../audit/append';
import { applyTransition, type StationRequestRef } from '../cases/case-actions';
import { assignCases } from '../cases/case-decisions';
import { rescheduleRecheck } from '../cases/case-recheck';
import { mutate, stationCaller, type CallContext, type Services } from '../core/context';
import { ServiceError, wordedError } from '../core/errors';
import { findUserByStaffId } from '../people/users';
import type { SelfRow } from '../stations/station-store';
import type { RequestAnswer, SentRequest } from './case-requests';

/**
 * The holding station's side of a request (case-requests.ts): run inside the import transaction
 * of the bundle that carries it, each request addressed to this station goes through exactly the
 * code of the same step taken here (guard, history, audit event, which names the request), by
 * the station itself. Its answer, applied or refused with the guard's own words, is an event of
 * this station's chain, so it travels back in the next bundle. A refusal carries the errors
 * catalogue's key and values beside the English sentence: the command post words it in its own
 * language.
 */

function readRequest(payload: unknown): SentRequest | null {
  const p = payload as Record<string, unknown> | undefined;
  if (
    !p ||
    typeof p.requestId !== 'number' ||
    typeof p.caseId !== 'number' ||
    typeof p.stationId !== 'string'
  ) {
    return null;
  }
  if (p.kind === 'assign') {
    return p.assigneeStaffId === null || typeof p.assigneeStaffId === 'string'
      ? (p as unknown as SentRequest)
      : null;
  }
  const known = (caseStates as readonly string[]).includes(p.target as string);
  return (p.kind === 'transition' || p.kind === 'recheck') && known
    ? (p as unknown as SentRequest)
    : null;
}

function applyOne(ctx: CallContext, r: SentRequest, request: StationRequestRef): void {
  if (r.kind === 'assign') {
    let assigneeUserId: number | null = null;
    if (r.assigneeStaffId !== null) {
      const user = findUserByStaffId(ctx.services.db, r.assigneeStaffId);
      if (!user) {
        throw wordedError(
          'invalid_input',
          'requestNoStaff',
          { staffId: r.assigneeStaffId },
          { field: 'assigneeStaffId', missing: [] },
        );
      }
      assigneeUserId = user.id;
    }
    assignCases(ctx, { caseIds: [r.caseId], assigneeUserId }, request);
    return;
  }
  if (r.kind === 'transition') {
    applyTransition(ctx, {
      caseId: r.caseId,
      target: r.target as CaseState,
      reason: r.reason ?? undefined,
      recheckAt: r.recheckAt ?? undefined,
      request,
    });
    return;
  }
  if (r.recheckAt === null) {
    throw wordedError('invalid_input', 'requestNoRecheckTime', {}, { missing: [] });
  }
  rescheduleRecheck(ctx, { caseId: r.caseId, recheckAt: r.recheckAt, reason: r.reason, request });
}

/**
 * `from.commandPost`: the sending station's certificate marks it as the station holding the
 * organisation identity. Only its requests are applied; any other station's are refused with
 * words that name it, and that refusal is answered like a guard's.
 */
export function answerRequests(
  services: Services,
  self: SelfRow,
  from: { id: string; name: string; commandPost: boolean },
  events: readonly { action: string; payload: unknown }[],
): number {
  const ctx: CallContext = { services, actor: systemActor, caller: stationCaller, user: null };
  let answered = 0;
  for (const e of events) {
    if (e.action !== 'case_request.sent') continue;
    const r = readRequest(e.payload);
    if (!r || r.stationId !== self.station_id) continue;
    const request = { stationId: from.id, stationName: from.name, requestId: r.requestId };
    const notEntitled = from.commandPost
      ? null
      : wordedError('forbidden', 'requestNotFromCommandPost', { station: from.name });
    const answer: RequestAnswer = {
      request,
      caseId: r.caseId,
      assetTag: r.assetTag,
      outcome: 'applied',
      reason: null,
      missing: [],
    };
    try {
      if (notEntitled) throw notEntitled;
      applyOne(ctx, r, request);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      const missing = (error.details as { missing?: unknown } | undefined)?.missing;
      answer.outcome = 'refused';
      answer.reason = error.message;
      const words = errorWordsOf(error.details);
      if (words) answer.words = words;
      answer.missing = Array.isArray(missing)
        ? missing.filter((m): m is string => typeof m === 'string')
        : [];
    }
    mutate(ctx, () => ({
      value: undefined,
      audit: {
        action: 'case_request.answered',
        entityType: 'case_request',
        entityId: `${from.id}:${r.requestId}`,
        payload: { ...answer },
      },
    }));
    answered += 1;
  }
  return answered;
}
