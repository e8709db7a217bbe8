import { useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SigningIdentityView } from '../../../../electron/api/domains/signing';
import { call, type Result } from '../../api/client';
import { PanelForm } from '../../components/PanelForm';
import { useSubmit } from '../../components/use-submit';
import { PassphraseField, PassphrasePair, usePassphrasePair } from './PassphrasePair';
import { maxPkcs12Bytes, readFileAsBase64 } from './read-file';

interface Props {
  onDone(identity: SigningIdentityView): void;
}

/** The hospital's own key and certificate, from a PKCS#12 file, re-encrypted with a passphrase. */
export function ImportIdentityForm({ onDone }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [p12Password, setP12Password] = useState('');
  const pair = usePassphrasePair();
  const submit = useSubmit();

  const importFile = async (chosen: File): Promise<Result<SigningIdentityView>> => {
    let contentBase64: string;
    try {
      contentBase64 = await readFileAsBase64(chosen);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const message = t('settings.signing.fileUnreadable', { name: chosen.name, reason });
      return { ok: false, error: { code: 'invalid_input', message } };
    }
    const input = { contentBase64, p12Password, newPassphrase: pair.value };
    return call('signing.importP12', input);
  };

  const onSubmit = () => {
    if (!file) return submit.fail(t('settings.signing.pickFile'));
    // Said here in plain words; the services would refuse it as too long base64.
    if (file.size > maxPkcs12Bytes) {
      return submit.fail(t('settings.signing.fileTooBig', { name: file.name, size: file.size }));
    }
    if (!pair.matches) return submit.fail(t('settings.signing.mismatch'));
    submit.run(importFile(file), (identity) => {
      setP12Password('');
      pair.clear();
      onDone(identity);
    });
  };

  return (
    <PanelForm
      title={{ id: 'signing-import-title', text: t('settings.signing.importTitle') }}
      onSubmit={onSubmit}
      submitLabel={submit.busy ? t('settings.signing.importing') : t('settings.signing.import')}
      busy={submit.busy}
      error={submit.error}
    >
      <p>{t('settings.signing.importIntro')}</p>
      <div className="settings-field">
        <span className="field-label" id="signing-file-label">
          {t('settings.signing.file')}
        </span>
        <div className="file-choice">
          <FileTrigger
            acceptedFileTypes={['.p12', '.pfx', 'application/x-pkcs12']}
            onSelect={(files) => setFile(files?.[0] ?? undefined)}
          >
            <Button className="button button-secondary" aria-describedby="signing-file-name">
              {t('settings.signing.chooseFile')}
            </Button>
          </FileTrigger>
          <span id="signing-file-name" className="file-name">
            {file ? file.name : t('settings.signing.noFile')}
          </span>
        </div>
      </div>
      <PassphraseField
        label={t('settings.signing.p12Password')}
        value={p12Password}
        onChange={setP12Password}
      />
      <PassphrasePair pair={pair} />
    </PanelForm>
  );
}
