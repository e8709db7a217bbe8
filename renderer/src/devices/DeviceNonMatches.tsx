import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { ErrorMessage } from '../components/ErrorMessage';
import { matchReasonTexts } from '../advisories/match-reasons';

/**
 * Advisories that name products of this device's vendor but not this device, each with why not
 * (an exclusion, a version outside the range, another operating system, or no such model): a
 * person checking the device sees that it was considered, not overlooked.
 */
export function DeviceNonMatches({ deviceId }: { deviceId: number }) {
  const { t } = useTranslation();
  const { value: items, error, reload } = useCall('matches.explain', { deviceId });
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
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
              {matchReasonTexts(t, n).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
