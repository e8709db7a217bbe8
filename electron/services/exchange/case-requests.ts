import type Database from 'better-sqlite3';
import type { BulkRefused } from '../../api/domains/board';
import type { CaseState } from '../../api/domains/cases';
import type { CaseRequest, CaseRequestList } from '../../api/domains/case-requests';
import { mutate, type CallContext } from '../core/context';
import { wordedError } from '../core/errors';
import { englishErrorWords, errorWordsOf, type ErrorWords } from '../../api/error-words';
import { readStationCertificate } from '../stations/station-certificates';
import { holdsAuthority, selfRow, type SelfRow } from '../stations/station-store';

/**
 * One writer per case, and still one commander: a decision of the commander on a case another
 * station holds is stored here as a request and its audit event, which travels in this station's
 * bundle (signed with it, in its hash chain). The holding station applies it when it imports the
 * bundle (request-answers.ts) and answers in its own chain; the answer fills the request's
 * outcome here when that station's bundle arrives.
 */

export type RequestDecision =
  | {
      bulkDecisionId: number;
      kind: 'transition' | 'recheck';
      target: CaseState;
      reason: string | null;
      recheckAt: string | null;
    }
  | { kind: 'assign'; assigneeStaffId: string | null };

/** What a request's audit event carries: everything the holding station needs to apply it. */
export type SentRequest = RequestDecision & {
  requestId: number;
  stationId: string;
  stationName: string;
  caseId: number;
  assetTag: string;
  requestedBy: string;
};

interface RemoteCaseRow {
  station_id: string;
  station_name: string;
  case_id: number;
  asset_tag: string;
}

/**
 * Decisions on cases other stations hold are the command post's: the station whose certificate
 * marks it as holding the organisation identity. The holding stations refuse any other station's
 * requests (request-answers.ts); this says so before anything is signed or sent.
 */
export function requireCommandPost(db: Database.Database): void {
  const self = selfRow(db);
  const cert = self?.certificate_der ? readStationCertificate(self.certificate_der) : null;
  if (cert?.commandPost !== true) {
    // The command post enrolled before certificates carried the mark: it renews its own.
    if (cert && holdsAuthority(db)) {
      throw wordedError('forbidden', 'commandPostCertificateOld', {});
    }
    throw wordedError('forbidden', 'notTheCommandPost', { station: self?.name ?? '' });
  }
}

/**
 * Send the decision to the stations holding `remoteCases`: one request per case, all with their
 * audit events in one transaction. A case not known here (or of a revoked station) is refused
 * at once, with words.
 */
export function sendRequests(
  ctx: CallContext,
  decision: RequestDecision,
  remoteCases: readonly { stationId: string; caseId: number }[],
): { requested: CaseRequest[]; refused: BulkRefused[] } {
  const { db, clock } = ctx.services;
  const userId = ctx.actor.userId;
  if (userId === null) throw wordedError('unauthenticated', 'signInToDecide');
  if (remoteCases.length > 0) requireCommandPost(db);
  const find = db.prepare<[string, number], RemoteCaseRow>(
    `SELECT c.station_id, st.name AS station_name, c.id AS case_id, d.asset_tag
       FROM station_cases c
       JOIN station_devices d ON d.station_id = c.station_id AND d.id = c.device_id
       JOIN stations st ON st.station_id = c.station_id AND st.revoked_at IS NULL
      WHERE c.station_id = ? AND c.id = ?`,
  );
  const stationName = db
    .prepare<[string], string>('SELECT name FROM stations WHERE station_id = ?')
    .pluck();
  const refused: BulkRefused[] = [];
  const found: RemoteCaseRow[] = [];
  const seen = new Set<string>();
  for (const ref of remoteCases) {
    const key = `${ref.stationId}/${ref.caseId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const row = find.get(ref.stationId, ref.caseId);
    if (row) found.push(row);
    else {
      const words: ErrorWords = {
        key: 'requestUnknownCase',
        // By its name where this station knows it (a revoked station is still named).
        params: { station: stationName.get(ref.stationId) ?? ref.stationId, caseId: ref.caseId },
      };
      refused.push({
        caseId: ref.caseId,
        assetTag: '',
        reason: englishErrorWords(words),
        words,
        missing: [],
      });
    }
  }
  if (found.length === 0) return { requested: [], refused };
  const at = clock.now().toISOString();
  const insert = db.prepare(
    `INSERT INTO case_requests (station_id, case_id, asset_tag, kind, target, reason, recheck_at,
       assignee_staff_id, bulk_decision_id, requested_by, requested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const assign = decision.kind === 'assign' ? decision : null;
  const move = decision.kind === 'assign' ? null : decision;
  const ids = mutate(ctx, () => {
    const sent = found.map((r) => {
      const requestId = Number(
        insert.run(
          r.station_id,
          r.case_id,
          r.asset_tag,
          decision.kind,
          move?.target ?? null,
          move?.reason ?? null,
          move?.recheckAt ?? null,
          assign?.assigneeStaffId ?? null,
          move?.bulkDecisionId ?? null,
          userId,
          at,
        ).lastInsertRowid,
      );
      return { requestId, row: r };
    });
    const requester =
      db
        .prepare<[number], string>('SELECT display_name FROM users WHERE id = ?')
        .pluck()
        .get(userId) ?? '';
    return {
      value: sent.map((s) => s.requestId),
      audit: sent.map(({ requestId, row }) => {
        const payload: SentRequest = {
          ...decision,
          requestId,
          stationId: row.station_id,
          stationName: row.station_name,
          caseId: row.case_id,
          assetTag: row.asset_tag,
          requestedBy: requester,
        };
        return {
          action: 'case_request.sent',
          entityType: 'case_request',
          entityId: requestId,
          payload: { ...payload },
        };
      }),
    };
  });
  // In the order the cases were given (the list reads newest first).
  const requested = requestRows(db, `r.id IN (${ids.map(() => '?').join(', ')})`, ids).reverse();
  return { requested, refused };
}

interface RequestRow {
  id: number;
  station_id: string;
  station_name: string | null;
  case_id: number;
  asset_tag: string;
  kind: 'transition' | 'recheck' | 'assign';
  target: string | null;
  reason: string | null;
  recheck_at: string | null;
  assignee_staff_id: string | null;
  bulk_decision_id: number | null;
  requested_by_name: string | null;
  requested_at: string;
  outcome: 'applied' | 'refused' | null;
  answer_reason: string | null;
  answer_words: string | null;
  answered_at: string | null;
}

/** A refusal's stored catalogue words, if this app's catalogue knows their key. */
function storedWords(json: string | null): ErrorWords | null {
  if (json === null) return null;
  try {
    return errorWordsOf({ words: JSON.parse(json) as unknown }) ?? null;
  } catch {
    return null;
  }
}

function requestRows(db: Database.Database, where: string, params: unknown[]): CaseRequest[] {
  return db
    .prepare<unknown[], RequestRow>(
      `SELECT r.*, st.name AS station_name, u.display_name AS requested_by_name
         FROM case_requests r
         LEFT JOIN stations st ON st.station_id = r.station_id
         LEFT JOIN users u ON u.id = r.requested_by
        WHERE ${where} ORDER BY r.id DESC LIMIT 1000`,
    )
    .all(...params)
    .map((r) => ({
      id: r.id,
      station: { id: r.station_id, name: r.station_name ?? r.station_id },
      caseId: r.case_id,
      assetTag: r.asset_tag,
      kind: r.kind,
      target: r.target,
      assigneeStaffId: r.assignee_staff_id,
      reason: r.reason,
      recheckAt: r.recheck_at,
      bulkDecisionId: r.bulk_decision_id,
      requestedBy: r.requested_by_name ?? '',
      requestedAt: r.requested_at,
      outcome: r.outcome,
      answerReason: r.answer_reason,
      answerWords: storedWords(r.answer_words),
      answeredAt: r.answered_at,
    }));
}

export function listRequests(db: Database.Database, refusedOnly: boolean): CaseRequestList {
  return {
    requests: requestRows(db, refusedOnly ? "r.outcome = 'refused'" : '1', []),
  };
}

/** What the holding station's answer event carries. */
export interface RequestAnswer {
  request: { stationId: string; stationName: string; requestId: number };
  caseId: number;
  assetTag: string;
  outcome: 'applied' | 'refused';
  reason: string | null;
  /**
   * The refusal as words of the errors catalogue, for the reader's language; absent from the
   * answers of older apps, which carry only `reason` (the holding station's English).
   */
  words?: ErrorWords;
  missing: string[];
}

/**
 * The answers in another station's new events to requests this station sent it: each fills its
 * request's outcome. Run inside the import transaction; an answer naming a request sent to
 * another station, or not sent from here, changes nothing.
 */
export function recordAnswers(
  db: Database.Database,
  self: SelfRow,
  fromStation: string,
  events: readonly { action: string; time: string; payload: unknown }[],
): void {
  const update = db.prepare(
    `UPDATE case_requests SET outcome = ?, answer_reason = ?, answer_words = ?, answered_at = ?
      WHERE id = ? AND station_id = ? AND outcome IS NULL`,
  );
  for (const e of events) {
    if (e.action !== 'case_request.answered') continue;
    const a = e.payload as Partial<RequestAnswer> | undefined;
    if (a?.request?.stationId !== self.station_id || typeof a.request.requestId !== 'number') {
      continue;
    }
    if (a.outcome !== 'applied' && a.outcome !== 'refused') continue;
    // Words whose key this app's catalogue lacks (a newer app's) leave the sentence to be shown.
    const words = errorWordsOf({ words: a.words }) ?? null;
    update.run(
      a.outcome,
      a.reason ?? null,
      words && JSON.stringify(words),
      e.time,
      a.request.requestId,
      fromStation,
    );
  }
}
