import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePriority, ThreatStatus } from '../../../electron/api/domains/threats';
import { call, type ApiError } from '../api/client';
import { formatDate } from '../cases/time-format';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { useMay } from '../inventory/use-may';
import { ThreatSourcePanel } from '../threats/ThreatSourcePanel';
import '../styles/inventory.css';

/**
 * CISA's Known Exploited Vulnerabilities catalog and FIRST's EPSS scores, imported from files:
 * which versions are in use, how much they hold, and how many open cases they touch.
 */
export function ThreatsPage() {
  const { t } = useTranslation();
  const mayImport = useMay('threats.importKev');
  const [status, setStatus] = useState<ThreatStatus>();
  const [priorities, setPriorities] = useState<CasePriority[]>();
  const [error, setError] = useState<ApiError>();

  const load = useCallback(() => {
    void Promise.all([call('threats.status', {}), call('threats.priorities', {})]).then(
      ([s, p]) => {
        if (!s.ok) setError(s.error);
        else if (!p.ok) setError(p.error);
        else {
          setError(undefined);
          setStatus(s.value);
          setPriorities(p.value);
        }
      },
    );
  }, []);
  useEffect(load, [load]);

  const knownExploited = priorities?.filter((p) => p.knownExploited.length > 0).length ?? 0;
  const kev = status?.kev;
  const epss = status?.epss;
  return (
    <section className="page threats-page">
      <PageHeading title={t('threats.title')} intro={t('threats.intro')} />
      {error ? <ErrorMessage error={error} onRetry={load} /> : null}
      {!status && !error ? <p className="loading-text">{t('threats.loading')}</p> : null}
      {status ? (
        <>
          <ThreatSourcePanel
            kind="kev"
            title={t('threats.kev.title')}
            facts={
              kev
                ? [
                    { label: t('threats.kev.version'), value: kev.catalogVersion },
                    { label: t('threats.kev.released'), value: formatDate(kev.dateReleased) },
                    { label: t('threats.kev.count'), value: kev.count },
                  ]
                : null
            }
            imported={kev}
            none={t('threats.kev.none')}
            mayImport={mayImport}
            onImported={load}
          />
          <ThreatSourcePanel
            kind="epss"
            title={t('threats.epss.title')}
            facts={
              epss
                ? [
                    { label: t('threats.epss.scoreDate'), value: formatDate(epss.scoreDate) },
                    { label: t('threats.epss.model'), value: epss.modelVersion },
                    { label: t('threats.epss.rows'), value: epss.rows },
                  ]
                : null
            }
            imported={epss}
            none={t('threats.epss.none')}
            mayImport={mayImport}
            onImported={load}
          />
          <p role="status">
            {t('threats.openCases', { count: priorities?.length ?? 0, known: knownExploited })}
          </p>
          {!mayImport ? <p className="hint">{t('threats.whoMay')}</p> : null}
        </>
      ) : null}
    </section>
  );
}
