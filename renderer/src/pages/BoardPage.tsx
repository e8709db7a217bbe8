import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BoardView } from '../board/BoardView';
import { boardHref, boardReportsHref } from '../board/board-hrefs';
import { IncidentPicker } from '../board/IncidentPicker';
import { useIncidentChoice } from '../board/use-incident-choice';
import { CaseInPlace } from '../cases/CaseInPlace';
import { useHashPath } from '../cases/hash-path';
import { EmptyState, EmptyStateLink } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { PageLink } from '../components/PageLink';
import { useMay } from '../inventory/use-may';
import { ReportsView } from '../reports/ReportsView';
import '../styles/board.css';
import '../styles/board-states.css';
import '../styles/board-attention.css';
import '../styles/board-list.css';
import '../styles/board-reports.css';

/**
 * The incident commander's page: the board of one incident and its HICS reports, as two tabs
 * (`#/board`, `#/board/reports`); a case opens in place (`#/board/case/42`) with a way back.
 */
export function BoardPage() {
  const path = useHashPath();
  const { t } = useTranslation();
  return (
    <CaseInPlace backHref={boardHref()} backLabel={t('board.back')}>
      <BoardHome tab={path[0] === 'reports' ? 'reports' : 'cases'} />
    </CaseInPlace>
  );
}

function BoardHome({ tab }: { tab: 'cases' | 'reports' }) {
  const { t } = useTranslation();
  const mayRead = useMay('board.get');
  const choice = useIncidentChoice();

  if (!mayRead) {
    return (
      <>
        <PageHeading title={t('board.title')} intro={t('board.intro')} />
        <EmptyState
          title={t('board.notForRole')}
          action={<PageLink page="my-devices">{t('board.notForRoleAction')}</PageLink>}
        >
          <p>{t('board.notForRoleBody')}</p>
        </EmptyState>
      </>
    );
  }
  const { incidents, incidentId } = choice;
  return (
    <div className="board-page">
      <div className="row-ends board-top">
        <PageHeading title={t('board.title')} intro={t('board.intro')} />
        {incidents && incidentId !== undefined ? (
          <IncidentPicker incidents={incidents} incidentId={incidentId} onChange={choice.choose} />
        ) : null}
      </div>
      {choice.error ? <ErrorMessage error={choice.error} onRetry={choice.reload} /> : null}
      {!incidents && !choice.error ? <p className="loading-text">{t('board.loading')}</p> : null}
      {incidents && incidentId === undefined ? (
        <EmptyStateLink words="board.empty" page="incidents" />
      ) : null}
      {incidentId !== undefined ? (
        <Tabs
          className="board-tabs"
          selectedKey={tab}
          onSelectionChange={(key) => {
            window.location.hash = key === 'reports' ? boardReportsHref() : boardHref();
          }}
        >
          <TabList className="tab-list board-tab-list" aria-label={t('board.tabs.label')}>
            {(['cases', 'reports'] as const).map((id) => (
              <Tab key={id} id={id} className="tab board-tab">
                {t(`board.tabs.${id}`)}
              </Tab>
            ))}
          </TabList>
          <TabPanel id="cases" className="board-tab-panel">
            <BoardView key={incidentId} incidentId={incidentId} />
          </TabPanel>
          <TabPanel id="reports" className="board-tab-panel">
            <ReportsView key={incidentId} incidentId={incidentId} />
          </TabPanel>
        </Tabs>
      ) : null}
    </div>
  );
}
