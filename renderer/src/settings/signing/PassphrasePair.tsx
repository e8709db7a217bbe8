import { useTranslation } from 'react-i18next';
import { TextInputField } from '../../components/TextInputField';

interface Props {
  value: string;
  again: string;
  onChange(value: string): void;
  onAgainChange(value: string): void;
}

/** A new signing passphrase, typed twice; the services enforce its length (12 characters). */
export function PassphrasePair({ value, again, onChange, onAgainChange }: Props) {
  const { t } = useTranslation();
  const common = {
    className: 'settings-field',
    inputClassName: 'settings-input',
    type: 'password',
    autoComplete: 'new-password',
    isRequired: true,
    maxLength: 1024,
  } as const;
  return (
    <>
      <TextInputField
        {...common}
        label={t('settings.signing.newPassphrase')}
        help={t('settings.signing.newPassphraseHelp')}
        value={value}
        onChange={onChange}
      />
      <TextInputField
        {...common}
        label={t('settings.signing.confirmPassphrase')}
        value={again}
        onChange={onAgainChange}
      />
    </>
  );
}
