import { useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SigningIdentityView } from '../../../../electron/api/domains/signing';
import { call, type Result } from '../../api/client';
import { IdentityForm } from './IdentityForm';
import { PassphraseField } from './PassphrasePair';
import { maxPkcs12Bytes, readFileAsBase64 } from './read-file';

const refused = (message: string, technical?: string): Result<never> => ({
  ok: false,
  error: { code: 'invalid_input', message, ...(technical ? { details: { technical } } : {}) },
});

interface Props {
  onDone(identity: SigningIdentityView): void;
}

/** The hospital's own key and certificate, from a PKCS#12 file, re-encrypted with a passphrase. */
export function ImportIdentityForm({ onDone }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [p12Password, setP12Password] = useState('');

  const importFile = async (
    chosen: File | undefined,
    newPassphrase: string,
  ): Promise<Result<SigningIdentityView>> => {
    if (!chosen) return refused(t('settings.signing.pickFile'));
    let contentBase64: string;
    try {
      contentBase64 = await readFileAsBase64(chosen);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return refused(t('settings.signing.fileUnreadable', { name: chosen.name }), reason);
    }
    return call('signing.importP12', { contentBase64, p12Password, newPassphrase });
  };

  const problem = () => {
    if (!file) return t('settings.signing.pickFile');
    // Said here in plain words; the services would refuse it as too long base64.
    if (file.size > maxPkcs12Bytes) {
      return t('settings.signing.fileTooBig', { name: file.name, size: file.size });
    }
    return undefined;
  };

  return (
    <IdentityForm
      way="import"
      problem={problem}
      send={(passphrase) => importFile(file, passphrase)}
      onSent={() => setP12Password('')}
      onDone={onDone}
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
    </IdentityForm>
  );
}
