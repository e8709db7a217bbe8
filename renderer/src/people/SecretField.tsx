import { Input, Label, TextField } from 'react-aria-components';
import type { CredentialKind } from '../../../electron/api/domains/people';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  kind?: CredentialKind;
  autoFocus?: boolean;
}

/** A PIN or password: never shown, a number pad for a PIN on touch screens. */
export function SecretField({ label, value, onChange, kind, autoFocus }: Props) {
  return (
    <TextField
      className="people-field"
      type="password"
      value={value}
      onChange={onChange}
      isRequired
      autoFocus={autoFocus}
      maxLength={256}
    >
      <Label className="field-label">{label}</Label>
      <Input
        className="text-input people-secret"
        autoComplete="off"
        inputMode={kind === 'pin' ? 'numeric' : 'text'}
      />
    </TextField>
  );
}
