import { Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  again: string;
  onChange(value: string): void;
  onAgainChange(value: string): void;
}

/** A new signing passphrase, typed twice; the services enforce its length (12 characters). */
export function PassphrasePair({ value, again, onChange, onAgainChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        className="settings-field"
        type="password"
        value={value}
        onChange={onChange}
        isRequired
        maxLength={1024}
      >
        <Label className="field-label">{t('settings.signing.newPassphrase')}</Label>
        <Input className="text-input settings-input" autoComplete="new-password" />
        <Text slot="description" className="field-help">
          {t('settings.signing.newPassphraseHelp')}
        </Text>
      </TextField>
      <TextField
        className="settings-field"
        type="password"
        value={again}
        onChange={onAgainChange}
        isRequired
        maxLength={1024}
      >
        <Label className="field-label">{t('settings.signing.confirmPassphrase')}</Label>
        <Input className="text-input settings-input" autoComplete="new-password" />
      </TextField>
    </>
  );
}
