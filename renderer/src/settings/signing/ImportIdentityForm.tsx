import { useState, type FormEvent } from 'react';
import { Button, FileTrigger, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SigningIdentityView } from '../../../../electron/api/domains/signing';
import { call, type ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextInputField } from '../../components/TextInputField';
import { PassphrasePair } from './PassphrasePair';
import { maxPkcs12Bytes, readFileAsBase64 } from './read-file';

interface Props {
  onDone(identity: SigningIdentityView): void;
}

/** The hospital's own key and certificate, from a PKCS#12 file, re-encrypted with a passphrase. */
export function ImportIdentityForm({ onDone }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [p12Password, setP12Password] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const fail = (message: string) => setError({ code: 'invalid_input', message });

  const submit = async (chosen: File) => {
    setBusy(true);
    setError(undefined);
    let contentBase64: string;
    try {
      contentBase64 = await readFileAsBase64(chosen);
    } catch (e) {
      setBusy(false);
      const reason = e instanceof Error ? e.message : String(e);
      fail(t('settings.signing.fileUnreadable', { name: chosen.name, reason }));
      return;
    }
    const input = { contentBase64, p12Password, newPassphrase: passphrase };
    const result = await call('signing.importP12', input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setP12Password('');
    setPassphrase('');
    setAgain('');
    onDone(result.value);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return fail(t('settings.signing.pickFile'));
    // Said here in plain words; the services would refuse it as too long base64.
    if (file.size > maxPkcs12Bytes) {
      return fail(t('settings.signing.fileTooBig', { name: file.name, size: file.size }));
    }
    if (passphrase !== again) return fail(t('settings.signing.mismatch'));
    void submit(file);
  };

  return (
    <Form className="settings-form" onSubmit={onSubmit} aria-labelledby="signing-import-title">
      <h3 id="signing-import-title">{t('settings.signing.importTitle')}</h3>
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
      <TextInputField
        className="settings-field"
        inputClassName="settings-input"
        type="password"
        label={t('settings.signing.p12Password')}
        value={p12Password}
        onChange={setP12Password}
        maxLength={1024}
      />
      <PassphrasePair
        value={passphrase}
        again={again}
        onChange={setPassphrase}
        onAgainChange={setAgain}
      />
      {error ? <ErrorMessage error={error} /> : null}
      <Button type="submit" className="button button-primary" isPending={busy}>
        {busy ? t('settings.signing.importing') : t('settings.signing.import')}
      </Button>
    </Form>
  );
}
