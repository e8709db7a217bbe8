import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningIdentityView, SigningStatus } from '../../../../electron/api/domains/signing';
import { mayCall, type Role } from '../../../../electron/api/permissions';
import { call, type ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CertificateExportButtons } from './CertificateExportButtons';
import { GenerateIdentityForm } from './GenerateIdentityForm';
import { ImportIdentityForm } from './ImportIdentityForm';
import { SigningSession } from './SigningSession';
import { SigningStatusView } from './SigningStatusView';

/**
 * Settings → Signing identity. Anyone signed in sees the certificate and may save it (it is
 * public); generating or importing one is an administrator's, as the services enforce.
 */
export function SigningSettings({ role }: { role: Role }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SigningStatus>();
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  const load = useCallback(
    () =>
      call('signing.status', {}).then((result) => {
        if (result.ok) setStatus(result.value);
        setError(result.ok ? undefined : result.error);
      }),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const installed = (message: 'generated' | 'imported') => (identity: SigningIdentityView) => {
    setDone(t(`settings.signing.${message}`, { fingerprint: identity.fingerprintSha256 }));
    void load();
  };
  const mayReplace = mayCall('signing.generate', [role]);

  return (
    <>
      <section className="panel" aria-labelledby="signing-title">
        <h2 id="signing-title">{t('settings.signing.title')}</h2>
        <p>{t('settings.signing.intro')}</p>
        {error ? <ErrorMessage error={error} onRetry={() => void load()} /> : null}
        <div aria-live="polite">
          {done ? <p className="notice notice-success fingerprint-wrap">{done}</p> : null}
        </div>
        {status ? (
          <>
            <SigningStatusView status={status} />
            {status.configured ? (
              <>
                <SigningSession
                  status={status}
                  role={role}
                  onStatus={(s) => {
                    setDone(undefined);
                    setStatus(s);
                  }}
                />
                <CertificateExportButtons />
              </>
            ) : null}
          </>
        ) : error ? null : (
          <p role="status">{t('settings.signing.loading')}</p>
        )}
      </section>
      {mayReplace && status ? (
        <div className="settings-columns">
          <section className="panel">
            <GenerateIdentityForm replacing={status.configured} onDone={installed('generated')} />
          </section>
          <section className="panel">
            <ImportIdentityForm onDone={installed('imported')} />
          </section>
        </div>
      ) : null}
    </>
  );
}
