import { useCallback } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useApiAction } from './use-api-action';

export function AuditCheck() {
  const { t } = useTranslation();
  const verify = useApiAction(useCallback(() => call('audit.verify', {}), []));
  const report = verify.value;
  return (
    <div className="check">
      <Button className="button button-secondary" onPress={verify.run} isPending={verify.running}>
        {verify.running ? t('settings.verifyingAudit') : t('settings.verifyAudit')}
      </Button>
      <div aria-live="polite">
        {report ? (
          <p className={report.ok ? 'check-ok' : 'check-bad'}>
            {report.firstBad
              ? t('settings.auditBroken', report.firstBad)
              : report.ok
                ? t('settings.auditOk', { count: report.eventCount })
                : t('settings.auditBrokenUnknown')}
          </p>
        ) : null}
      </div>
      {verify.error ? <ErrorMessage error={verify.error} onRetry={verify.run} /> : null}
    </div>
  );
}
