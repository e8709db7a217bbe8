import { useState, type FormEvent } from 'react';
import { Button, Form, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SigningIdentityView } from '../../../../electron/api/domains/signing';
import { call, type ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextInputField } from '../../components/TextInputField';
import { PassphrasePair } from './PassphrasePair';

interface Props {
  replacing: boolean;
  onDone(identity: SigningIdentityView): void;
}

/** A self-signed identity for the organisation, its key encrypted with a new passphrase. */
export function GenerateIdentityForm({ replacing, onDone }: Props) {
  const { t } = useTranslation();
  const [organisation, setOrganisation] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (passphrase !== again) {
      setError({ code: 'invalid_input', message: t('settings.signing.mismatch') });
      return;
    }
    setBusy(true);
    setError(undefined);
    void call('signing.generate', { organisation, passphrase }).then((result) => {
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setPassphrase('');
      setAgain('');
      onDone(result.value);
    });
  };

  return (
    <Form className="settings-form" onSubmit={submit} aria-labelledby="signing-generate-title">
      <h3 id="signing-generate-title">{t('settings.signing.generateTitle')}</h3>
      {replacing ? <p>{t('settings.signing.replaceNote')}</p> : null}
      <TextInputField
        className="settings-field"
        inputClassName="settings-input"
        label={t('settings.signing.organisation')}
        help={t('settings.signing.organisationHelp')}
        value={organisation}
        onChange={setOrganisation}
        isRequired
        maxLength={64}
        autoComplete="organization"
      />
      {/* One choice only: the PDF signer (node-forge PKCS#7) signs with RSA keys alone. */}
      <RadioGroup className="settings-field" value="rsa2048" isRequired>
        <Label className="field-label">{t('settings.signing.algorithmLabel')}</Label>
        <Radio value="rsa2048" className="role-check">
          {({ isSelected }) => (
            <>
              <span className="radio-dot" aria-hidden="true" data-on={isSelected || undefined} />
              {t('settings.signing.rsa')}
            </>
          )}
        </Radio>
        <Text slot="description" className="field-help">
          {t('settings.signing.rsaHelp')}
        </Text>
      </RadioGroup>
      <PassphrasePair
        value={passphrase}
        again={again}
        onChange={setPassphrase}
        onAgainChange={setAgain}
      />
      {error ? <ErrorMessage error={error} /> : null}
      <Button type="submit" className="button button-primary" isPending={busy}>
        {busy ? t('settings.signing.generating') : t('settings.signing.generate')}
      </Button>
    </Form>
  );
}
