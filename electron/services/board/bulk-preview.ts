import type { BulkPreview, BulkPreviewTarget } from '../../api/domains/board';
import type { ParsedInputOf } from '../../api/methods';
import { loadCase, withReReview } from '../cases/case-snapshot';
import type { CallContext } from '../core/context';
import { loadWorkflowResources } from '../cases/workflow-resources';
import { nextActions, type ActionOption } from '../workflow/next-actions';
import { isOpen, stateLabels, workflowStates } from '../workflow/states';
import { couldAwaitSignoff, loadQuick } from './board-evaluate';
import { incidentHead } from './board-view';
import { remotePreviewCases, remoteTowards } from './bulk-preview-remote';

/**
 * What a bulk move would do, asked before the commander signs: the same options the case screen
 * computes for each case (`nextActions`, with a pending re-review holding every step but a
 * quarantine), gathered per target state. A case is read in full only where a sign-off could make
 * the difference, as on the board. Nothing is written: the decision itself runs every guard again.
 * Cases other stations hold are listed with the steps the table has from their state: the
 * decision sends them as requests, and their station's guard decides.
 */
export function bulkPreview(
  ctx: CallContext,
  input: ParsedInputOf<'cases.bulkPreview'>,
): BulkPreview {
  const { db, clock, resourcesDir } = ctx.services;
  const now = clock.now();
  const head = incidentHead(db, input.incidentId);
  const resources = loadWorkflowResources(resourcesDir);
  const ids = [...new Set(input.caseIds)].sort((a, b) => a - b);
  const quick = loadQuick(db, resources, ids, now);
  const cases: BulkPreview['cases'] = [];
  const unknown: number[] = [];
  const options = new Map<number, ActionOption[]>();
  for (const caseId of ids) {
    const q = quick.get(caseId);
    if (!q || q.row.incident_id !== input.incidentId) {
      unknown.push(caseId);
      continue;
    }
    cases.push({ caseId, assetTag: q.row.asset_tag, state: q.row.state });
    if (head.status === 'closed' || !isOpen(q.row.state)) continue;
    const actions = couldAwaitSignoff(q, now)
      ? loadCase(db, resources, q.row, now).actions
      : withReReview(q.row, nextActions(q.bare, now));
    options.set(caseId, actions.options);
  }
  // A closed incident's cases no longer change anywhere: nothing is sent for them.
  const remote = head.status === 'closed' ? [] : remotePreviewCases(db, input.remoteCases ?? []);
  const closedWhy =
    head.status === 'closed'
      ? `The incident "${head.name}" is closed: its cases can no longer change.`
      : null;
  const targets: BulkPreviewTarget[] = [];
  for (const target of workflowStates) {
    const towards = remoteTowards(remote, target);
    const local = [...options.values()].some((list) => list.some((o) => o.target === target));
    if (!local && towards.requested.length === 0) continue;
    const entry: BulkPreviewTarget = {
      target,
      movable: [],
      held: [],
      needs: [...towards.needs],
      requested: towards.requested,
    };
    for (const c of cases) {
      const option = options.get(c.caseId)?.find((o) => o.target === target);
      for (const need of option?.needs ?? [])
        if (!entry.needs.includes(need)) entry.needs.push(need);
      if (option?.allowed) entry.movable.push(c.caseId);
      else {
        entry.held.push({
          caseId: c.caseId,
          reason: option
            ? option.missing.join(' ')
            : (closedWhy ??
              (isOpen(c.state)
                ? `From ${stateLabels[c.state]} there is no step to ${stateLabels[target]}.`
                : `The case is closed (${stateLabels[c.state]}).`)),
          reasonWords: option
            ? { kind: 'missing', words: option.missingWords }
            : head.status === 'closed'
              ? { kind: 'incidentClosed', incident: head.name }
              : isOpen(c.state)
                ? { kind: 'noStep', from: c.state, to: target }
                : { kind: 'caseClosed', state: c.state },
        });
      }
    }
    targets.push(entry);
  }
  return { cases, targets, unknown, remote };
}
