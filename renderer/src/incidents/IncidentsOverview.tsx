import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { useAppInfo } from '../app/use-app-info';
import { incidentHref } from '../cases/hash-path';
import { EmptyStateLink } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { useSession } from '../session/session-context';
import { CreateIncidentForm } from './CreateIncidentForm';
import { IncidentList } from './IncidentList';
import { WalkthroughPanel } from './WalkthroughPanel';

/** The demo walkthrough's incident: once it exists, the walkthrough has run on this database. */
const walkthroughName = 'ICSMA-17-215-02 response';

/** Incidents: the list, opening a new one, and on the demo facility the walkthrough. */
export function IncidentsOverview({
  create,
}: {
  /** Open with the form shown (from an advisory's page: with that advisory chosen). */
  create?: { advisoryId: number | undefined };
} = {}) {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  const { status } = useSession();
  const { value: incidents, error, reload: load } = useCall('incidents.list', {});
  const [creating, setCreating] = useState(create !== undefined);
  const [walkthroughRan, setWalkthroughRan] = useState(false);

  const commander = status?.role === 'incident_commander';
  const walkthroughOffered =
    info?.demoLoaded === true &&
    incidents !== undefined &&
    !incidents.some((i) => i.name === walkthroughName);

  return (
    <div className="incidents-page">
      <PageHeading title={t('incidents.title')} intro={t('incidents.intro')} />
      {error ? <ErrorMessage error={error} onRetry={load} /> : null}
      {commander && !creating ? (
        <div className="page-actions">
          <Button className="button button-primary" onPress={() => setCreating(true)}>
            {t('cases.incidents.create.open')}
          </Button>
        </div>
      ) : null}
      {creating && commander ? (
        <CreateIncidentForm
          {...(create?.advisoryId !== undefined ? { advisoryId: create.advisoryId } : {})}
          onCancel={() => {
            setCreating(false);
            if (create) window.location.hash = '#/incidents';
          }}
          onCreated={(result) => {
            setCreating(false);
            window.location.hash = incidentHref(result.incident.id);
          }}
        />
      ) : null}
      {incidents && incidents.length > 0 ? <IncidentList incidents={incidents} /> : null}
      {incidents && incidents.length === 0 && !creating ? (
        <EmptyStateLink words="incidents.empty" page="advisories" />
      ) : null}
      {walkthroughOffered || walkthroughRan ? (
        <WalkthroughPanel
          onDone={() => {
            // Keep the report on screen: the reloaded list no longer offers the walkthrough.
            setWalkthroughRan(true);
            load();
          }}
        />
      ) : null}
    </div>
  );
}
