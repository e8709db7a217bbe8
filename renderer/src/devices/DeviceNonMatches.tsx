import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NonMatchView } from '../../../electron/api/domains/advisories';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';

/**
 * Advisories that name products of this device's vendor but not this device, each with why not
 * (an exclusion, a version outside the range, another operating system, or no such model): a
 * person checking the device sees that it was considered, not overlooked.
 */
export function DeviceNonMatches({ deviceId }: { deviceId: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<NonMatchView[]>();
  const [error, setError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void call('matches.explain', { deviceId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setItems(result.value);
        setError(undefined);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [deviceId, attempt]);
  if (error) return <ErrorMessage error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!items || items.length === 0) return null;
  return (
    <section className="device-non-matches" aria-labelledby="device-non-matches-title">
      <h3 id="device-non-matches-title">{t('inventory.device.nonMatchesTitle')}</h3>
      <ul className="match-list">
        {items.map((n) => (
          <li key={n.advisoryId} className="match match-not" data-testid="non-match">
            <div className="match-head">
              <span className="match-name">{n.trackingId}</span>
              <span className="badge">{t('inventory.device.notMatched')}</span>
            </div>
            <ul className="match-reasons">
              {n.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
