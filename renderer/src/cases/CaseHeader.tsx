import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/api/domains/cases';
import { formatCvss } from '../../../electron/api/number-format';
import { cvssWithSeverity, remediationCategoryText } from '../advisories/advisory-text';
import { stationLanguage } from '../threats/priority-words';
import { StateBadge } from './StateBadge';
import { formatDateTime } from './time-format';

export function deviceLabel(device: CaseDetail['device']): string {
  return [device.vendor, device.model].filter(Boolean).join(' ') || device.assetTag;
}

export function deviceLocation(device: CaseDetail['device']): string {
  return [device.site, device.building, device.floor, device.room, device.department]
    .filter(Boolean)
    .join(', ');
}

/** Which device, under which advisory revision, in which state: what a technologist checks first. */
export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const language = stationLanguage(i18n.resolvedLanguage);
  const { device, advisory } = detail;
  return (
    <header className="case-header">
      <div className="case-identity">
        <h1 tabIndex={-1}>
          <span className="case-asset">{device.assetTag}</span> {deviceLabel(device)}
        </h1>
        <p className="case-sub">
          {[device.family, device.softwareVersion, device.hostname, deviceLocation(device)]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      <div className="case-advisory">
        <p className="case-advisory-id">
          {t('cases.header.advisory', {
            trackingId: advisory.trackingId,
            version: advisory.revision.version,
            date: formatDateTime(advisory.revision.releaseDate),
          })}
        </p>
        <ul className="cve-list" aria-label={t('cases.header.cves')}>
          {advisory.cves.map((c, n) => (
            <li key={c.cve ?? n} className="cve" title={c.vector ?? undefined}>
              {c.cve ?? t('cases.header.noCve')}
              {c.cvss !== null ? (
                <span className="cvss">
                  {t('cases.header.cvss', { score: formatCvss(c.cvss, language) })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <div className="case-status">
        <StateBadge state={detail.state} hics251={detail.hics251} />
        <p className="case-since">
          {t('cases.header.since', { at: formatDateTime(detail.stateEnteredAt) })}
        </p>
        <p className="case-assignee">
          {detail.assignee
            ? t('cases.header.assignee', { name: detail.assignee.name })
            : t('cases.header.unassigned')}
        </p>
      </div>
    </header>
  );
}

/** The advisory in full: the vendor's advice, the ports, the vulnerabilities. */
export function AdvisoryDetails({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const language = stationLanguage(i18n.resolvedLanguage);
  const { advisory } = detail;
  // The publisher's own words, marked with their language (a German screen shows them as written).
  const lang = advisory.lang ?? undefined;
  return (
    <section className="case-panel" aria-labelledby="advisory-title">
      <h2 id="advisory-title">{t('cases.advisory.title')}</h2>
      <p className="advisory-name" lang={lang}>
        {advisory.title}
      </p>
      {advisory.product ? (
        <p>{t('cases.advisory.product', { name: advisory.product.name })}</p>
      ) : null}
      {advisory.exposedPorts ? (
        <p>{t('cases.advisory.ports', { ports: advisory.exposedPorts.join(', ') })}</p>
      ) : null}
      {advisory.currentVersion !== advisory.revision.version ? (
        <p className="case-flag">
          {t('cases.advisory.newer', { version: advisory.currentVersion })}
        </p>
      ) : null}
      <details className="advisory-more">
        <summary>{t('cases.advisory.more')}</summary>
        <ul className="cve-detail-list">
          {advisory.cves.map((c, n) => (
            <li key={c.cve ?? n}>
              <strong>{c.cve}</strong> <span lang={lang}>{c.title}</span>
              {c.cvss !== null ? ` — ${cvssWithSeverity(t, language, c.cvss, c.severity)}` : ''}
              {c.vector ? <code className="cvss-vector">{c.vector}</code> : null}
            </li>
          ))}
        </ul>
        <h3>{t('cases.advisory.remediations')}</h3>
        <ul>
          {advisory.remediations.map((r) => (
            <li key={`${r.category}:${r.details}`}>
              <strong>{remediationCategoryText(t, r.category)}</strong>:{' '}
              <span lang={lang}>{r.details}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
