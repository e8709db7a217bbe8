import { useState } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SigningIdentityView } from '../../../../electron/api/domains/signing';
import { call } from '../../api/client';
import { PanelForm } from '../../components/PanelForm';
import { TextInputField } from '../../components/TextInputField';
import { useSubmit } from '../../components/use-submit';
import { PassphrasePair, usePassphrasePair } from './PassphrasePair';

interface Props {
  replacing: boolean;
  onDone(identity: SigningIdentityView): void;
}

/** A self-signed identity for the organisation, its key encrypted with a new passphrase. */
export function GenerateIdentityForm({ replacing, onDone }: Props) {
  const { t } = useTranslation();
  const [organisation, setOrganisation] = useState('');
  const pair = usePassphrasePair();
  const submit = useSubmit();

  const generate = () => {
    if (!pair.matches) return submit.fail(t('settings.signing.mismatch'));
    submit.run(call('signing.generate', { organisation, passphrase: pair.value }), (identity) => {
      pair.clear();
      onDone(identity);
    });
  };

  return (
    <PanelForm
      title={{ id: 'signing-generate-title', text: t('settings.signing.generateTitle') }}
      onSubmit={generate}
      submitLabel={submit.busy ? t('settings.signing.generating') : t('settings.signing.generate')}
      busy={submit.busy}
      error={submit.error}
    >
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
      <PassphrasePair pair={pair} />
    </PanelForm>
  );
}
