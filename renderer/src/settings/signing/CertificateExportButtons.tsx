import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { bytesOfBase64, saveFile } from '../../components/download';

/** Save the certificate (never the key) for IT, as PEM text or DER bytes. */
export function CertificateExportButtons() {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();

  const save = (format: 'pem' | 'der') => {
    setError(undefined);
    setSaved(undefined);
    void call('signing.exportCertificate', { format }).then((result) => {
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const c = result.value;
      saveFile(c.fileName, c.mediaType, c.format === 'pem' ? c.content : bytesOfBase64(c.content));
      setSaved(
        t('settings.signing.exported', {
          fileName: c.fileName,
          fingerprint: c.fingerprintSha256,
        }),
      );
    });
  };

  return (
    <section aria-labelledby="signing-export-title" className="settings-subsection">
      <h3 id="signing-export-title">{t('settings.signing.exportTitle')}</h3>
      <p>{t('settings.signing.exportIntro')}</p>
      <div className="settings-row">
        <Button className="button button-secondary" onPress={() => save('pem')}>
          {t('settings.signing.exportPem')}
        </Button>
        <Button className="button button-secondary" onPress={() => save('der')}>
          {t('settings.signing.exportDer')}
        </Button>
      </div>
      <div aria-live="polite">
        {saved ? <p className="notice notice-success fingerprint-wrap">{saved}</p> : null}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
