import { useTranslation } from 'react-i18next';
import type { BulkPreview, RemoteCaseKey } from '../../../electron/api/domains/board';
import { remoteKey } from './remote-selection';
import type { CaseState } from '../../../electron/api/domains/cases';
import type { BulkMode } from './board-query';

/** The cases one decision would change now, and the others with why they would stay. */
export interface BulkPlan {
  movable: number[];
  held: { caseId: number; reason: string }[];
  /** Cases other stations hold, sent to them as requests (their station's checks decide). */
  requested: RemoteCaseKey[];
}

/** Devices listed by name in the dialog; beyond this the list says how many more. */
const shownAtMost = 100;

/** The plan for the chosen target (move) or for a re-check, which only deferred cases take. */
export function bulkPlan(
  preview: BulkPreview | undefined,
  mode: BulkMode | undefined,
  target: CaseState | undefined,
  notDeferred: string,
): BulkPlan | undefined {
  if (!preview) return undefined;
  if (mode === 'recheck') {
    return {
      movable: preview.cases.filter((c) => c.state === 'deferred').map((c) => c.caseId),
      held: preview.cases
        .filter((c) => c.state !== 'deferred')
        .map((c) => ({ caseId: c.caseId, reason: notDeferred })),
      requested: preview.remote
        .filter((c) => c.state === 'deferred')
        .map((c) => ({ stationId: c.stationId, caseId: c.caseId })),
    };
  }
  const entry = preview.targets.find((t) => t.target === target);
  return entry
    ? { movable: entry.movable, held: entry.held, requested: entry.requested }
    : undefined;
}

/** Before signing: the devices that would move, and the ones that would not with the reason. */
export function BulkPreviewList({
  preview,
  plan,
  mode,
  target,
}: {
  preview: BulkPreview;
  plan: BulkPlan;
  mode: BulkMode;
  target: CaseState | undefined;
}) {
  const { t } = useTranslation();
  const byId = new Map(preview.cases.map((c) => [c.caseId, c]));
  const remote = new Map(preview.remote.map((c) => [remoteKey(c), c]));
  const movable = plan.movable.slice(0, shownAtMost);
  const held = plan.held.slice(0, shownAtMost);
  return (
    // Focusable so keyboard users can scroll a long preview with the arrow and page keys.
    <div className="board-bulk-preview" data-testid="bulk-preview" tabIndex={0}>
      {plan.movable.length > 0 ? (
        <section aria-labelledby="bulk-will-move">
          <h3 id="bulk-will-move">
            {mode === 'recheck'
              ? t('board.bulk.preview.willChange', { count: plan.movable.length })
              : t('board.bulk.preview.willMove', { count: plan.movable.length })}
          </h3>
          <ul className="board-bulk-list" data-testid="bulk-will-move">
            {movable.map((id) => {
              const c = byId.get(id);
              return (
                <li key={id} data-asset-tag={c?.assetTag}>
                  <strong>{c?.assetTag}</strong>
                  <span className="board-bulk-reason">
                    {c && target && mode === 'move'
                      ? t('board.bulk.movedLine', {
                          from: t(`cases.state.${c.state}`),
                          to: t(`cases.state.${target}`),
                        })
                      : c
                        ? t(`cases.state.${c.state}`)
                        : null}
                  </span>
                </li>
              );
            })}
          </ul>
          {plan.movable.length > movable.length ? (
            <p>{t('board.bulk.preview.more', { count: plan.movable.length - movable.length })}</p>
          ) : null}
        </section>
      ) : null}
      {plan.requested.length > 0 ? (
        <section aria-labelledby="bulk-will-request">
          <h3 id="bulk-will-request">
            {t('board.bulk.preview.willRequest', { count: plan.requested.length })}
          </h3>
          <ul className="board-bulk-list" data-testid="bulk-will-request">
            {plan.requested.slice(0, shownAtMost).map((r) => {
              const c = remote.get(remoteKey(r));
              return (
                <li key={remoteKey(r)} data-asset-tag={c?.assetTag}>
                  <strong>{c?.assetTag}</strong>
                  <span className="board-bulk-reason">
                    {t('board.bulk.preview.requestLine', {
                      station: c?.stationName ?? '',
                      state: c ? t(`cases.state.${c.state}`) : '',
                    })}
                  </span>
                </li>
              );
            })}
          </ul>
          {plan.requested.length > shownAtMost ? (
            <p>{t('board.bulk.preview.more', { count: plan.requested.length - shownAtMost })}</p>
          ) : null}
        </section>
      ) : null}
      {plan.held.length > 0 ? (
        <section aria-labelledby="bulk-will-stay">
          <h3 id="bulk-will-stay">
            {t('board.bulk.preview.willStay', { count: plan.held.length })}
          </h3>
          <ul className="board-bulk-list" data-testid="bulk-will-stay">
            {held.map((h) => (
              <li key={h.caseId} data-asset-tag={byId.get(h.caseId)?.assetTag}>
                <strong>{byId.get(h.caseId)?.assetTag}</strong>
                <span className="board-bulk-reason">{h.reason}</span>
              </li>
            ))}
          </ul>
          {plan.held.length > held.length ? (
            <p>{t('board.bulk.preview.more', { count: plan.held.length - held.length })}</p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
