import { useState } from 'react';
import { Button, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { WalkthroughReport } from '../../../electron/api/domains/demo';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { gateWords } from '../components/error-words';
import { incidentHref } from '../cases/hash-path';
import { walkthroughStory } from './walkthrough-words';

/**
 * The demo walkthrough: the demo staff respond to ICSMA-17-215-02 through the same rules as anyone,
 * leaving four devices in four states. Offered only on the demo facility.
 */
export function WalkthroughPanel({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const gate = gateWords(t);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [report, setReport] = useState<WalkthroughReport>();

  const run = () => {
    setBusy(true);
    setError(undefined);
    void call('demo.walkthrough', {}).then((result) => {
      setBusy(false);
      if (!result.ok) return setError(result.error);
      setReport(result.value);
      onDone();
    });
  };

  return (
    <section className="panel walkthrough" aria-labelledby="walkthrough-title">
      <h2 id="walkthrough-title">{t('cases.incidents.walkthrough.title')}</h2>
      {report ? (
        <>
          <p className="notice notice-success" role="status">
            {t('cases.incidents.walkthrough.done', { name: report.incidentName })}
          </p>
          <ul className="walkthrough-cases">
            {report.cases.map((c) => (
              <li key={c.caseId} data-asset-tag={c.assetTag}>
                <strong>{c.assetTag}</strong>{' '}
                <span className="walkthrough-state">{t(`cases.state.${c.state}`)}</span>
                <span className="walkthrough-story">{walkthroughStory(t, gate, c)}</span>
              </li>
            ))}
          </ul>
          <Link className="button button-primary" href={incidentHref(report.incidentId)}>
            {t('cases.incidents.walkthrough.open')}
          </Link>
        </>
      ) : (
        <>
          <p>{t('cases.incidents.walkthrough.intro')}</p>
          {error ? <ErrorMessage error={error} /> : null}
          <Button className="button button-secondary" isPending={busy} onPress={run}>
            {busy ? t('cases.incidents.walkthrough.running') : t('cases.incidents.walkthrough.run')}
          </Button>
        </>
      )}
    </section>
  );
}
