import { useEffect, useRef } from 'react';
import { Button, Link, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AdvisoryDetail } from '../../../electron/api/domains/advisories';
import { useCall } from '../api/use-call';
import { ErrorMessage } from '../components/ErrorMessage';
import { newIncidentHref } from '../cases/hash-path';
import { useMay } from '../inventory/use-may';
import {
  NotesSection,
  ProductsSection,
  RemediationsSection,
  RevisionsSection,
  VulnerabilitiesSection,
} from './AdvisorySections';
import { CvssBadge } from './CvssBadge';
import { AdvisoryKevStatus } from '../threats/AdvisoryKevStatus';
import { MatchList } from './MatchList';
import { shortDate, titleWithoutId } from './advisory-text';
import { useMatches } from './use-matches';

/** The advisory's own sections, each a tab after the matched devices. */
const sections = [
  {
    id: 'vulnerabilities',
    count: (d: AdvisoryDetail) => d.advisory.vulnerabilities.length,
    Section: VulnerabilitiesSection,
  },
  {
    id: 'remediations',
    count: (d: AdvisoryDetail) => d.advisory.remediations.length,
    Section: RemediationsSection,
  },
  {
    id: 'products',
    count: (d: AdvisoryDetail) => d.advisory.products.length,
    Section: ProductsSection,
  },
  { id: 'notes', count: (d: AdvisoryDetail) => d.advisory.notes.length, Section: NotesSection },
  {
    id: 'revisions',
    count: (d: AdvisoryDetail) => d.revisions.length,
    Section: RevisionsSection,
  },
] as const;

interface Props {
  id: number;
  onBack(): void;
}

/** One advisory: its key facts, then tabs, the matched devices first (the next action). */
export function AdvisoryDetailView({ id, onBack }: Props) {
  const { t } = useTranslation();
  const { value: detail, error, reload } = useCall('advisories.get', { id });
  const matches = useMatches({ advisoryId: id });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const mayOpenIncident = useMay('incidents.create');

  // Land on the advisory's name, as after navigating to a page.
  const loaded = detail !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  const back = (
    <Button className="button button-secondary" onPress={onBack}>
      {t('inventory.detail.back')}
    </Button>
  );
  if (error) {
    return (
      <>
        {back}
        <ErrorMessage error={error} onRetry={reload} />
      </>
    );
  }
  if (!detail) return <p className="loading-text">{t('inventory.detail.loading')}</p>;

  const a = detail.advisory;
  const confirmed = (matches.page?.matches ?? []).filter((m) => m.status === 'confirmed').length;
  return (
    <article className="advisory-detail" aria-labelledby="advisory-title">
      <div className="advisory-detail-head">
        <div>
          <h2 id="advisory-title" tabIndex={-1} ref={headingRef}>
            {detail.trackingId}:{' '}
            <span lang={detail.advisory.lang ?? undefined}>
              {titleWithoutId(detail.title, detail.trackingId)}
            </span>
          </h2>
          <p className="page-intro">
            {t('inventory.detail.byline', {
              publisher: a.publisher.name,
              version: detail.version,
              date: shortDate(detail.currentReleaseDate),
            })}
          </p>
        </div>
        <div className="advisory-detail-actions">
          {mayOpenIncident ? (
            confirmed > 0 ? (
              <Link className="button button-primary" href={newIncidentHref(id)}>
                {t('inventory.detail.openIncident')}
              </Link>
            ) : null
          ) : null}
          {back}
        </div>
      </div>
      {mayOpenIncident && matches.page && confirmed === 0 ? (
        <p className="notice notice-info" data-testid="incident-needs-confirmed">
          {t('inventory.detail.openIncidentNeeds')}
        </p>
      ) : null}
      <dl className="advisory-facts">
        <div>
          <dt>{t('inventory.detail.highest')}</dt>
          <dd>
            <CvssBadge score={detail.highestCvss} />
          </dd>
        </div>
        <div>
          <dt>{t('inventory.detail.cves')}</dt>
          <dd>
            {a.vulnerabilities
              .map((v) => v.cve)
              .filter(Boolean)
              .join(', ') || t('inventory.detail.noCve')}
          </dd>
        </div>
        <div>
          <dt>{t('threats.advisory.title')}</dt>
          <dd>
            <AdvisoryKevStatus
              cves={a.vulnerabilities.map((v) => v.cve).filter((c): c is string => c !== null)}
            />
          </dd>
        </div>
        <div>
          <dt>{t('inventory.detail.devicesMatched')}</dt>
          <dd>{matches.page?.total ?? detail.devicesMatched}</dd>
        </div>
      </dl>
      <Tabs className="tabs">
        <TabList className="tab-list" aria-label={t('inventory.detail.sections')}>
          <Tab id="devices" className="tab">
            {t('inventory.detail.tabs.devices', { count: matches.page?.total ?? 0 })}
          </Tab>
          {sections.map(({ id: section, count }) => (
            <Tab key={section} id={section} className="tab">
              {t(`inventory.detail.tabs.${section}`, { count: count(detail) })}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="devices" className="tab-panel">
          <MatchList matches={matches} show="device" />
        </TabPanel>
        {sections.map(({ id: section, Section }) => (
          <TabPanel key={section} id={section} className="tab-panel">
            <Section detail={detail} />
          </TabPanel>
        ))}
      </Tabs>
    </article>
  );
}
