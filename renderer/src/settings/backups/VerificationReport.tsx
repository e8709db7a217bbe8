import { useTranslation } from 'react-i18next';
import type { BackupVerification } from '../../../../electron/api/domains/backup';
import { checkDetailText } from './check-words';

/** Each check a restore would run, in order, with what it found. */
export function VerificationReport({
  fileName,
  report,
}: {
  fileName: string;
  report: BackupVerification;
}) {
  const { t } = useTranslation();
  return (
    <div className={report.ok ? 'verification verification-ok' : 'verification verification-bad'}>
      <p className={report.ok ? 'check-ok' : 'check-bad'}>
        {report.ok
          ? t('settings.backups.verifiedOk', { fileName })
          : t('settings.backups.verifiedBad', { fileName })}
      </p>
      <ul className="verification-checks">
        {report.checks.map((c) => (
          <li key={c.name} data-status={c.status}>
            <strong>{t(`settings.backups.checks.${c.name}`)}</strong>
            {': '}
            {t(`settings.backups.checkStatus.${c.status}`)}
            {` — ${checkDetailText(t, c.words)}`}
            {c.words.technical ? (
              <details className="error-details">
                <summary>{t('errors.details')}</summary>
                <p className="error-code">{c.words.technical}</p>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
