import { Input, Label, TextField } from 'react-aria-components';
import { FieldProblem } from '../components/FieldProblem';
import type { CredentialKind } from '../../../electron/api/domains/people';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  kind?: CredentialKind;
  autoFocus?: boolean;
  /** What is wrong with it, said at the field. */
  problem?: string | null;
}

/** A PIN or password: never shown, a number pad for a PIN on touch screens. */
export function SecretField({ label, value, onChange, kind, autoFocus, problem }: Props) {
  return (
    <TextField
      className="people-field"
      type="password"
      value={value}
      onChange={onChange}
      isRequired
      autoFocus={autoFocus}
      maxLength={256}
      isInvalid={problem ? true : undefined}
    >
      <Label className="field-label">{label}</Label>
      <Input
        className="text-input people-secret"
        autoComplete="off"
        inputMode={kind === 'pin' ? 'numeric' : 'text'}
      />
      <FieldProblem problem={problem} />
    </TextField>
  );
}
