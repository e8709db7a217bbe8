import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CveThreat, ThreatStatus } from '../../../electron/api/domains/threats';
import { call } from '../api/client';

/**
 * Which of the advisory's CVEs the current KEV catalog lists as known exploited (since when, and
 * whether in ransomware campaigns), naming the catalog version the answer comes from.
 */
export function AdvisoryKevStatus({ cves }: { cves: string[] }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ThreatStatus>();
  const [threats, setThreats] = useState<CveThreat[]>();
  const key = cves.join(',');

  useEffect(() => {
    let live = true;
    const list = key === '' ? [] : key.split(',');
    void Promise.all([call('threats.status', {}), call('threats.forCves', { cves: list })]).then(
      ([s, f]) => {
        if (!live || !s.ok || !f.ok) return;
        setStatus(s.value);
        setThreats(f.value);
      },
    );
    return () => {
      live = false;
    };
  }, [key]);

  if (!status || !threats) return null;
  const catalog = status.kev;
  if (!catalog) return <span>{t('threats.advisory.noCatalog')}</span>;
  const known = threats.filter((c) => c.kev !== null);
  return (
    <span className="advisory-kev">
      {known.length === 0
        ? t('threats.advisory.noneListed', { version: catalog.catalogVersion })
        : known
            .map(
              (c) =>
                `${t('threats.advisory.known', { cve: c.cve, date: c.kev?.dateAdded ?? '' })}${
                  c.kev?.ransomware ? ` (${t('threats.advisory.ransomware')})` : ''
                }`,
            )
            .join('; ')}
      {known.length > 0 ? (
        <span className="advisory-kev-catalog">
          {' · '}
          {t('threats.advisory.catalog', { version: catalog.catalogVersion })}
        </span>
      ) : null}
    </span>
  );
}
