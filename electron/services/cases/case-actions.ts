import type { CaseDetail, CaseState } from '../../api/domains/cases';
import type { ParsedInputOf } from '../../api/methods';
import { canonicalJson } from '../audit/hash';
import { mutate, type CallContext } from '../core/context';
import { wordedError } from '../core/errors';
import { findItem, isItemVisible, isUnanswered, validateAnswer } from '../playbooks/answers';
import { findRule, checkTransition } from '../workflow/transitions';
import { englishMissing } from '../../api/missing-words';
import { loadCase, reReviewProblem } from './case-snapshot';
import { assertChangeable, getCaseRow, insertHistory, readAnswers, storedTime } from './case-store';
import { caseDetail } from './case-view';
import { loadWorkflowResources, templateFor } from './workflow-resources';

// Its home is case-store (the sign-off service checks it too); callers here keep their import.
export { assertChangeable };

/** Reading a case, answering its checklist, and moving it through the workflow. */

export function getCaseDetail(ctx: Pick<CallContext, 'services'>, caseId: number): CaseDetail {
  const { db, clock, resourcesDir } = ctx.services;
  const now = clock.now();
  const row = getCaseRow(db, caseId);
  return caseDetail(db, loadCase(db, loadWorkflowResources(resourcesDir), row, now), now);
}

/**
 * Save one answer as it is given. The value is checked against its item (and a "when it was
 * done" time against the clock); saving the same value again changes nothing and writes nothing.
 */
export function answerCase(ctx: CallContext, input: ParsedInputOf<'cases.answer'>): CaseDetail {
  const { db, clock, resourcesDir } = ctx.services;
  const now = clock.now();
  const row = getCaseRow(db, input.caseId);
  assertChangeable(row);
  const template = templateFor(
    loadWorkflowResources(resourcesDir),
    row.template_id,
    row.template_version,
  );
  const found = findItem(template, input.itemId);
  if (!found || found.section !== input.sectionId) {
    const section = template.sections.find((s) => s.id === input.sectionId);
    throw wordedError(
      'invalid_input',
      'itemNotInChecklist',
      { section: section?.title ?? input.sectionId },
      {
        field: 'itemId',
        sectionId: input.sectionId,
        itemId: input.itemId,
        template: `${template.id} v${template.version}`,
      },
    );
  }
  const { item } = found;
  const { answers } = readAnswers(db, row.id);
  const previous = answers[input.sectionId]?.[input.itemId];
  const clearing = input.value === null || isUnanswered(input.value);
  let value: unknown = null;
  if (!clearing) {
    if (!isItemVisible(template, item, answers)) {
      const dependsOn = item.showWhen
        ? (findItem(template, item.showWhen.item)?.item.label ?? item.showWhen.item)
        : '';
      throw wordedError(
        'invalid_input',
        'itemNotAsked',
        { item: item.label, dependsOn },
        { field: 'itemId', sectionId: input.sectionId, itemId: input.itemId },
      );
    }
    const check = validateAnswer(item, input.value, { now });
    if (!check.ok) {
      throw wordedError('invalid_input', check.words.key, check.words.params, {
        field: 'value',
        sectionId: input.sectionId,
        itemId: input.itemId,
      });
    }
    value = check.value;
  }
  const unchanged = clearing
    ? previous === undefined
    : previous !== undefined && canonicalJson(previous) === canonicalJson(value);
  if (!unchanged) {
    const at = now.toISOString();
    mutate(ctx, () => {
      if (clearing) {
        db.prepare(
          'DELETE FROM case_answers WHERE case_id = ? AND section_id = ? AND item_id = ?',
        ).run(row.id, input.sectionId, input.itemId);
      } else {
        db.prepare(
          `INSERT INTO case_answers (case_id, section_id, item_id, value, answered_by, answered_role, answered_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (case_id, section_id, item_id) DO UPDATE SET value = excluded.value,
             answered_by = excluded.answered_by, answered_role = excluded.answered_role,
             answered_at = excluded.answered_at, station_name = NULL, answered_by_name = NULL`,
        ).run(
          row.id,
          input.sectionId,
          input.itemId,
          JSON.stringify(value),
          ctx.actor.userId,
          ctx.actor.role,
          at,
        );
      }
      db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(at, row.id);
      return {
        value: undefined,
        audit: {
          action: clearing ? 'case.answer_cleared' : 'case.answered',
          entityType: 'case',
          entityId: row.id,
          payload: {
            assetTag: row.asset_tag,
            sectionId: input.sectionId,
            itemId: input.itemId,
            value,
            previous: previous ?? null,
          },
        },
      };
    });
  }
  return getCaseDetail(ctx, row.id);
}

export interface TransitionInput {
  caseId: number;
  target: CaseState;
  reason?: string | undefined;
  recheckAt?: string | undefined;
  /** Set when the step is part of a commander's bulk decision: recorded with the step. */
  bulkDecisionId?: number | undefined;
  /** Set when another station's commander asked for the step: recorded with the step. */
  request?: StationRequestRef | undefined;
}

/** A request from another station (its ID and name, and the request's ID there). */
export interface StationRequestRef {
  stationId: string;
  stationName: string;
  requestId: number;
}

/**
 * Apply a step of the workflow if the rules allow it now, with only the valid sign-offs counted.
 * A refusal is a `conflict` listing what is missing (`details.missing`) and changes nothing: the
 * state, the history and the audit trail stay as they were.
 */
export function transitionCase(ctx: CallContext, input: TransitionInput): CaseDetail {
  applyTransition(ctx, input);
  return getCaseDetail(ctx, input.caseId);
}

/** The step itself (guard, state, history, audit event) without reading the case back. */
export function applyTransition(ctx: CallContext, input: TransitionInput): void {
  const { db, clock, resourcesDir } = ctx.services;
  const resources = loadWorkflowResources(resourcesDir);
  const now = clock.now();
  mutate(ctx, () => {
    const row = getCaseRow(db, input.caseId);
    assertChangeable(row);
    const loaded = loadCase(db, resources, row, now);
    const request = {
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      ...(input.recheckAt !== undefined ? { recheckAt: input.recheckAt } : {}),
    };
    const check = checkTransition(loaded.snapshot, input.target, now, request);
    const review = input.target === 'quarantined' ? null : reReviewProblem(row);
    const missingWords = [
      ...(review ? [review] : []),
      ...(check.allowed ? [] : check.missingWords),
    ];
    const missing = missingWords.map(englishMissing);
    const rule = findRule(row.state, input.target);
    if (missing.length > 0 || !rule) {
      throw wordedError(
        'conflict',
        'transitionRefused',
        { assetTag: row.asset_tag },
        { caseId: row.id, state: row.state, target: input.target, missing, missingWords },
        {
          terms: { from: `state_${row.state}`, to: `state_${input.target}` },
          missing: { missing: missingWords },
        },
      );
    }
    const at = now.toISOString();
    const recheckAt =
      input.target === 'deferred' && input.recheckAt !== undefined
        ? storedTime(input.recheckAt)
        : null;
    const reason = input.reason?.trim() || undefined;
    const used = loaded.signoffs.valid.filter((s) =>
      (rule.signoffs as readonly string[]).includes(s.kind),
    );
    db.prepare(
      'UPDATE cases SET state = ?, state_entered_at = ?, recheck_at = ?, updated_at = ? WHERE id = ?',
    ).run(input.target, at, recheckAt, at, row.id);
    const notes = check.allowed && check.notes ? check.notes : [];
    const detail = {
      action: rule.action,
      ...(reason !== undefined ? { reason } : {}),
      ...(recheckAt !== null ? { recheckAt } : {}),
      signoffIds: used.map((s) => s.id),
      ...(notes.length > 0 ? { notes } : {}),
      ...(input.bulkDecisionId !== undefined ? { bulkDecisionId: input.bulkDecisionId } : {}),
      ...(input.request !== undefined ? { request: input.request } : {}),
    };
    insertHistory(db, {
      caseId: row.id,
      event: 'transition',
      fromState: row.state,
      toState: input.target,
      at,
      userId: ctx.actor.userId,
      role: ctx.actor.role,
      detail,
    });
    return {
      value: undefined,
      audit: {
        action: input.target === 'quarantined' ? 'case.quarantined' : 'case.transitioned',
        entityType: 'case',
        entityId: row.id,
        payload: {
          assetTag: row.asset_tag,
          from: row.state,
          to: input.target,
          ...detail,
          signoffs: used.map((s) => ({ id: s.id, kind: s.kind, userId: s.userId, role: s.role })),
          gateVerdict: loaded.gate.verdict,
          advisory: { trackingId: row.tracking_id, version: row.advisory_version },
          template: { id: row.template_id, version: row.template_version },
        },
      },
    };
  });
}
