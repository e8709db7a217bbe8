import { useCallback, useEffect } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RecordCheckReport } from '../../../electron/api';
import { call } from '../api/client';
import { formatDateTime } from '../cases/time-format';
import { ErrorMessage } from '../components/ErrorMessage';
import { recordProblemText } from './record-words';
import { useApiAction } from './use-api-action';

function RecordsResult({ records }: { records: RecordCheckReport }) {
  const { t } = useTranslation();
  if (records.ok) {
    return (
      <p className="check-ok">
        {t('settings.recordsOk', {
          rows: records.rowsChecked,
          tables: records.tablesChecked.length,
        })}
      </p>
    );
  }
  const more = records.problemCount - records.problems.length;
  return (
    <div className="check-bad">
      <p>{t('settings.recordsBad', { count: records.problemCount })}</p>
      <ul>
        {records.problems.map((p) => (
          <li key={`${p.table} ${p.key} ${p.field ?? ''}`}>{recordProblemText(t, p)}</li>
        ))}
      </ul>
      {more > 0 ? <p>{t('settings.recordProblemsMore', { count: more })}</p> : null}
    </div>
  );
}

/** The check the app ran at start, in the background. */
function StartCheck() {
  const { t } = useTranslation();
  const load = useApiAction(useCallback(() => call('audit.startCheck', {}), []));
  const { run } = load;
  useEffect(() => run(), [run]);
  const view = load.value;
  if (!view?.startedAt) return null;
  if (view.finishedAt === null) return <p>{t('settings.startCheckRunning')}</p>;
  const time = formatDateTime(view.finishedAt);
  return view.ok ? (
    <p className="check-ok">{t('settings.startCheckOk', { time })}</p>
  ) : (
    <p className="check-bad">{t('settings.startCheckBad', { time })}</p>
  );
}

export function AuditCheck() {
  const { t } = useTranslation();
  const verify = useApiAction(useCallback(() => call('audit.verify', {}), []));
  const report = verify.value;
  return (
    <div className="check">
      <StartCheck />
      <Button className="button button-secondary" onPress={verify.run} isPending={verify.running}>
        {verify.running ? t('settings.verifyingAudit') : t('settings.verifyAudit')}
      </Button>
      <div aria-live="polite">
        {report ? (
          <p className={report.firstBad === null ? 'check-ok' : 'check-bad'}>
            {report.firstBad
              ? t('settings.auditBroken', {
                  id: report.firstBad.id,
                  reason: t(`settings.auditChainProblems.${report.firstBad.problem.kind}`, {
                    ...report.firstBad.problem,
                  }),
                })
              : t('settings.auditOk', { count: report.eventCount })}
          </p>
        ) : null}
        {report?.records ? <RecordsResult records={report.records} /> : null}
      </div>
      {verify.error ? <ErrorMessage error={verify.error} onRetry={verify.run} /> : null}
    </div>
  );
}
