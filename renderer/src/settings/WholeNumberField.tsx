import { Input, Label, Text, TextField } from 'react-aria-components';

interface Props {
  label: string;
  help: string;
  value: string;
  onChange(value: string): void;
}

/**
 * A whole number typed as text. Not a NumberField: that would clamp an out-of-range value
 * silently, and the services' own message ("at least 3") is what the administrator should read.
 */
export function WholeNumberField({ label, help, value, onChange }: Props) {
  return (
    <TextField className="settings-field" value={value} onChange={onChange} isRequired>
      <Label className="field-label">{label}</Label>
      <Input className="text-input settings-number" inputMode="numeric" autoComplete="off" />
      <Text slot="description" className="field-help">
        {help}
      </Text>
    </TextField>
  );
}

/** The number typed, or undefined when it is not a whole number. */
export function wholeNumberOf(text: string): number | undefined {
  return /^\s*-?\d{1,9}\s*$/.test(text) ? Number(text) : undefined;
}
