import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { reportKinds, type ReportKind } from '../../../electron/api/domains/reports';
import { useHashPath } from '../cases/hash-path';
import { ReportPanel } from './ReportPanel';
import type { Period } from './use-report';

const reportHref = (kind: ReportKind) => `#/board/reports/${kind}`;

/** The incident's HICS reports as tabs (`#/board/reports/hics214`), each with its exports. */
export function ReportsView({ incidentId }: { incidentId: number }) {
  const { t } = useTranslation();
  const path = useHashPath();
  const [period, setPeriod] = useState<Period>();
  const kind = (reportKinds as readonly string[]).includes(path[1] ?? '')
    ? (path[1] as ReportKind)
    : 'hics251';

  return (
    <Tabs
      className="report-tabs"
      selectedKey={kind}
      onSelectionChange={(key) => {
        window.location.hash = reportHref(key as ReportKind);
      }}
    >
      <TabList className="tab-list report-tab-list" aria-label={t('board.reports.tabsLabel')}>
        {reportKinds.map((k) => (
          <Tab key={k} id={k} className="tab board-tab">
            {t(`board.reports.tabs.${k}`)}
          </Tab>
        ))}
      </TabList>
      {reportKinds.map((k) => (
        <TabPanel key={k} id={k} className="report-panel">
          <ReportPanel kind={k} incidentId={incidentId} period={period} onPeriod={setPeriod} />
        </TabPanel>
      ))}
    </Tabs>
  );
}
