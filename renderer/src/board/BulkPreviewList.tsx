import { useTranslation } from 'react-i18next';
import type { BulkPreview, RemoteCaseKey } from '../../../electron/api/domains/board';
import { remoteKey } from './remote-selection';
import type { CaseState } from '../../../electron/api/domains/cases';
import type { BulkMode } from './board-query';
import type { BulkHeldWhy } from '../../../electron/api/domains/board-bulk';
import { heldWhyText } from './bulk-words';

/** The cases one decision would change now, and the others with why they would stay. */
export interface BulkPlan {
  movable: number[];
  held: { caseId: number; reason: string; reasonWords?: BulkHeldWhy }[];
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
  const stateWord = (state: CaseState) => t(`cases.state.${state}`);
  const willMove = plan.movable.slice(0, shownAtMost).map((id): PreviewLine => {
    const c = byId.get(id);
    const reason =
      c && target && mode === 'move'
        ? t('board.bulk.movedLine', { from: stateWord(c.state), to: stateWord(target) })
        : c
          ? stateWord(c.state)
          : null;
    return { key: String(id), assetTag: c?.assetTag, reason };
  });
  const willRequest = plan.requested.slice(0, shownAtMost).map((r): PreviewLine => {
    const c = remote.get(remoteKey(r));
    const reason = t('board.bulk.preview.requestLine', {
      station: c?.stationName ?? '',
      state: c ? stateWord(c.state) : '',
    });
    return { key: remoteKey(r), assetTag: c?.assetTag, reason };
  });
  const willStay = plan.held.slice(0, shownAtMost).map((h): PreviewLine => ({
    key: String(h.caseId),
    assetTag: byId.get(h.caseId)?.assetTag,
    reason: h.reasonWords ? heldWhyText(t, h.reasonWords) : h.reason,
  }));
  return (
    // Focusable so keyboard users can scroll a long preview with the arrow and page keys.
    <div className="board-bulk-preview" data-testid="bulk-preview" tabIndex={0}>
      <PreviewSection
        id="bulk-will-move"
        title={
          mode === 'recheck'
            ? t('board.bulk.preview.willChange', { count: plan.movable.length })
            : t('board.bulk.preview.willMove', { count: plan.movable.length })
        }
        lines={willMove}
        total={plan.movable.length}
      />
      <PreviewSection
        id="bulk-will-request"
        title={t('board.bulk.preview.willRequest', { count: plan.requested.length })}
        lines={willRequest}
        total={plan.requested.length}
      />
      <PreviewSection
        id="bulk-will-stay"
        title={t('board.bulk.preview.willStay', { count: plan.held.length })}
        lines={willStay}
        total={plan.held.length}
      />
    </div>
  );
}

/** One device in the preview: its asset tag and what would happen to it, or why not. */
interface PreviewLine {
  key: string;
  assetTag: string | undefined;
  reason: string | null;
}

interface SectionProps {
  id: string;
  title: string;
  /** The first lines, at most `shownAtMost`. */
  lines: PreviewLine[];
  /** How many devices the section holds in all. */
  total: number;
}

/** One part of the preview (will move, will be requested, will stay); nothing when empty. */
function PreviewSection({ id, title, lines, total }: SectionProps) {
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul className="board-bulk-list" data-testid={id}>
        {lines.map((line) => (
          <li key={line.key} data-asset-tag={line.assetTag}>
            <strong>{line.assetTag}</strong>
            <span className="board-bulk-reason">{line.reason}</span>
          </li>
        ))}
      </ul>
      {total > lines.length ? (
        <p>{t('board.bulk.preview.more', { count: total - lines.length })}</p>
      ) : null}
    </section>
  );
}
