import { useCallback } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useApiAction } from './use-api-action';

export function DatabaseCheck() {
  const { t } = useTranslation();
  const check = useApiAction(useCallback(() => call('db.check', {}), []));
  const report = check.value;
  return (
    <div className="check">
      <Button className="button button-secondary" onPress={check.run} isPending={check.running}>
        {check.running ? t('settings.checkingDatabase') : t('settings.checkDatabase')}
      </Button>
      <div aria-live="polite">
        {report ? (
          <p className={report.ok ? 'check-ok' : 'check-bad'}>
            {report.ok
              ? t('settings.databaseOk', { check: t(`settings.checkKinds.${report.check}`) })
              : t('settings.databaseProblems')}
          </p>
        ) : null}
        {report && !report.ok ? (
          // SQLite's own words are for IT: behind Details, not in the sentence.
          <details className="error-details">
            <summary>{t('errors.details')}</summary>
            {report.problems.map((problem) => (
              <p className="error-code" key={problem}>
                {problem}
              </p>
            ))}
          </details>
        ) : null}
      </div>
      {check.error ? <ErrorMessage error={check.error} onRetry={check.run} /> : null}
    </div>
  );
}
