import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInputField } from '../../components/TextInputField';

interface FieldProps {
  label: string;
  help?: string;
  value: string;
  onChange(value: string): void;
  /** A new passphrase (a password manager may offer to keep it), else one already set. */
  isNew?: boolean;
  isRequired?: boolean;
}

/** A passphrase or password of the signing key, never shown. */
export function PassphraseField({ isNew, ...props }: FieldProps) {
  return (
    <TextInputField
      className="settings-field"
      inputClassName="settings-input"
      type="password"
      maxLength={1024}
      {...(isNew ? { autoComplete: 'new-password' } : {})}
      {...props}
    />
  );
}

export interface PassphrasePairState {
  value: string;
  again: string;
  setValue(value: string): void;
  setAgain(value: string): void;
  /** Both entries are the same. */
  matches: boolean;
  clear(): void;
}

/** A new passphrase and its second entry, as a form keeps them. */
export function usePassphrasePair(): PassphrasePairState {
  const [value, setValue] = useState('');
  const [again, setAgain] = useState('');
  return {
    value,
    again,
    setValue,
    setAgain,
    matches: value === again,
    clear: () => {
      setValue('');
      setAgain('');
    },
  };
}

/** A new signing passphrase, typed twice; the services enforce its length (12 characters). */
export function PassphrasePair({ pair }: { pair: PassphrasePairState }) {
  const { t } = useTranslation();
  return (
    <>
      <PassphraseField
        isNew
        isRequired
        label={t('settings.signing.newPassphrase')}
        help={t('settings.signing.newPassphraseHelp')}
        value={pair.value}
        onChange={pair.setValue}
      />
      <PassphraseField
        isNew
        isRequired
        label={t('settings.signing.confirmPassphrase')}
        value={pair.again}
        onChange={pair.setAgain}
      />
    </>
  );
}
