import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePriority, ThreatStatus } from '../../../electron/api/domains/threats';
import { call, type ApiError } from '../api/client';
import { formatDate, formatDateTime } from '../cases/time-format';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { useMay } from '../inventory/use-may';
import { ThreatFileImport } from '../threats/ThreatFileImport';
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
          <section className="import-panel" aria-labelledby="kev-title">
            <h2 id="kev-title">{t('threats.kev.title')}</h2>
            {kev ? (
              <dl className="fact-list">
                <dt>{t('threats.kev.version')}</dt>
                <dd>{kev.catalogVersion}</dd>
                <dt>{t('threats.kev.released')}</dt>
                <dd>{formatDate(kev.dateReleased)}</dd>
                <dt>{t('threats.kev.count')}</dt>
                <dd>{kev.count}</dd>
                <dt>{t('threats.imported')}</dt>
                <dd>
                  {t('threats.importedFrom', {
                    at: formatDateTime(kev.importedAt),
                    fileName: kev.fileName,
                  })}
                </dd>
              </dl>
            ) : (
              <p>{t('threats.kev.none')}</p>
            )}
            {mayImport ? <ThreatFileImport kind="kev" onImported={load} /> : null}
          </section>
          <section className="import-panel" aria-labelledby="epss-title">
            <h2 id="epss-title">{t('threats.epss.title')}</h2>
            {epss ? (
              <dl className="fact-list">
                <dt>{t('threats.epss.scoreDate')}</dt>
                <dd>{formatDate(epss.scoreDate)}</dd>
                <dt>{t('threats.epss.model')}</dt>
                <dd>{epss.modelVersion}</dd>
                <dt>{t('threats.epss.rows')}</dt>
                <dd>{epss.rows}</dd>
                <dt>{t('threats.imported')}</dt>
                <dd>
                  {t('threats.importedFrom', {
                    at: formatDateTime(epss.importedAt),
                    fileName: epss.fileName,
                  })}
                </dd>
              </dl>
            ) : (
              <p>{t('threats.epss.none')}</p>
            )}
            {mayImport ? <ThreatFileImport kind="epss" onImported={load} /> : null}
          </section>
          <p role="status">
            {t('threats.openCases', { count: priorities?.length ?? 0, known: knownExploited })}
          </p>
          {!mayImport ? <p className="hint">{t('threats.whoMay')}</p> : null}
        </>
      ) : null}
    </section>
  );
}
