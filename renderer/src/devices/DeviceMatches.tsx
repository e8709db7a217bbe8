import { useTranslation } from 'react-i18next';
import { MatchList } from '../advisories/MatchList';
import { useMatches } from '../advisories/use-matches';

/** The advisories that name this device, first in its details: that is why someone opens them. */
export function DeviceMatches({ deviceId }: { deviceId: number }) {
  const { t } = useTranslation();
  const matches = useMatches({ deviceId });
  return (
    <section className="device-matches" aria-labelledby="device-matches-title">
      <h3 id="device-matches-title">{t('inventory.device.matchesTitle')}</h3>
      <MatchList matches={matches} show="advisory" />
    </section>
  );
}
