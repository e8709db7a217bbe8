import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MatchView } from '../../../electron/api/domains/advisories';
import type { Role } from '../../../electron/api/permissions';
import { ErrorMessage } from '../components/ErrorMessage';
import { roleLabel } from '../people/role-label';
import { useMay } from '../inventory/use-may';
import { BulkConfirmDialog } from './BulkConfirmDialog';
import { MatchDecisionDialog, type MatchDecision } from './MatchDecisionDialog';
import type { MatchesState } from './use-matches';
import { formatDateTime } from '../cases/time-format';
import { matchReasonTexts } from './match-reasons';

interface Props {
  matches: MatchesState;
  /** Which side of the match names each entry: the device (on an advisory) or the advisory. */
  show: 'device' | 'advisory';
  /** Called after a decision, so the page can refresh its counts. */
  onDecided?(): void;
}

/** The decisions offered on a match, in order, and the status each leaves it in. */
const decisions = ['confirm', 'dismiss'] as const satisfies readonly MatchDecision[];
const decided = { confirm: 'confirmed', dismiss: 'dismissed' } as const;

/** Matches between advisory products and devices, each with why it matched and its decision. */
export function MatchList({ matches, show, onDecided }: Props) {
  const { t } = useTranslation();
  const mayDecide = useMay('matches.confirm');
  const [deciding, setDeciding] = useState<{ match: MatchView; decision: MatchDecision }>();
  const [confirmingAll, setConfirmingAll] = useState(false);
  const [bulkNote, setBulkNote] = useState<string>();
  // After a decision the button pressed is gone (a confirmed match has no Confirm): focus goes to
  // the decided match, or to the summary after a bulk confirmation, never to the page's body.
  const [focusAfter, setFocusAfter] = useState<number | 'summary'>();
  const listRef = useRef<HTMLUListElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const { page, error, reload } = matches;

  useEffect(() => {
    if (focusAfter === undefined || !page) return;
    const target =
      focusAfter === 'summary'
        ? summaryRef.current
        : listRef.current?.querySelector<HTMLElement>(`[data-match-id="${focusAfter}"]`);
    target?.focus();
  }, [focusAfter, page]);

  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!page) return <p className="loading-text">{t('inventory.matches.loading')}</p>;
  if (page.total === 0) return <p className="match-empty">{t('inventory.matches.none')}</p>;
  const suggested = page.matches.filter((m) => m.status === 'suggested');
  const trackingId = page.matches[0]?.trackingId ?? '';

  return (
    <>
      {bulkNote ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={summaryRef}>
          {bulkNote}
        </p>
      ) : null}
      {mayDecide && show === 'device' && suggested.length > 1 ? (
        <div className="match-bulk-actions">
          <Button className="button button-primary" onPress={() => setConfirmingAll(true)}>
            {t('inventory.matches.bulk.open', { count: suggested.length })}
          </Button>
        </div>
      ) : null}
      {page.total > page.matches.length ? (
        <p>{t('inventory.matches.partial', { shown: page.matches.length, total: page.total })}</p>
      ) : null}
      <ul className="match-list" aria-label={t('inventory.matches.listLabel')} ref={listRef}>
        {page.matches.map((m) => {
          const name = show === 'device' ? m.assetTag : m.trackingId;
          return (
            <li
              key={m.id}
              className={`match match-${m.status}`}
              data-testid="match"
              data-match-id={m.id}
              tabIndex={-1}
            >
              <div className="match-head">
                <span className="match-name">{name}</span>
                <span className={`badge status-${m.status}`}>
                  {t(`inventory.matches.status.${m.status}`)}
                </span>
                <span className="badge confidence">
                  {t(`inventory.matches.confidence.${m.confidence}`)}
                </span>
                {!m.current ? (
                  <span className="badge stale">{t('inventory.matches.stale')}</span>
                ) : null}
              </div>
              <p className="match-product">{m.productName}</p>
              <ul className="match-reasons">
                {matchReasonTexts(t, m).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {m.decision ? (
                <p className="match-decision">
                  {t('inventory.matches.decided', {
                    at: formatDateTime(m.decision.at),
                    name: m.decision.userName ?? t('inventory.matches.operator'),
                    role: roleLabel(t, m.decision.role as Role),
                    reason: m.decision.reason || t('inventory.matches.noReason'),
                  })}
                </p>
              ) : null}
              {mayDecide ? (
                <div className="match-actions">
                  {decisions
                    .filter((decision) => m.status !== decided[decision])
                    .map((decision) => (
                      <Button
                        key={decision}
                        className={`button ${decision === 'confirm' ? 'button-primary' : 'button-secondary'}`}
                        onPress={() => setDeciding({ match: m, decision })}
                        aria-label={t(`inventory.matches.${decision}Label`, { name })}
                      >
                        {t(`inventory.matches.${decision}`)}
                      </Button>
                    ))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {deciding ? (
        <MatchDecisionDialog
          match={deciding.match}
          decision={deciding.decision}
          onClose={() => setDeciding(undefined)}
          onDecided={(decided) => {
            setDeciding(undefined);
            setBulkNote(undefined);
            setFocusAfter(decided.id);
            reload();
            onDecided?.();
          }}
        />
      ) : null}
      {confirmingAll ? (
        <BulkConfirmDialog
          trackingId={trackingId}
          matches={suggested}
          onClose={() => setConfirmingAll(false)}
          onDecided={(result) => {
            setConfirmingAll(false);
            setBulkNote(
              t('inventory.matches.bulk.done', {
                count: result.confirmed.length,
                skipped: result.skipped.length,
              }),
            );
            setFocusAfter('summary');
            reload();
            onDecided?.();
          }}
        />
      ) : null}
    </>
  );
}
