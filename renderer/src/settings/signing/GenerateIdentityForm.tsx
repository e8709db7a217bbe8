import { useState } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SigningIdentityView } from '../../../../electron/api/domains/signing';
import { call } from '../../api/client';
import { TextInputField } from '../../components/TextInputField';
import { IdentityForm } from './IdentityForm';

interface Props {
  replacing: boolean;
  onDone(identity: SigningIdentityView): void;
}

/** A self-signed identity for the organisation, its key encrypted with a new passphrase. */
export function GenerateIdentityForm({ replacing, onDone }: Props) {
  const { t } = useTranslation();
  const [organisation, setOrganisation] = useState('');

  return (
    <IdentityForm
      way="generate"
      send={(passphrase) => call('signing.generate', { organisation, passphrase })}
      onDone={onDone}
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
    </IdentityForm>
  );
}
