import type { TFunction } from 'i18next';
import { Input, Label, Text, TextField } from 'react-aria-components';
import { FieldProblem } from '../components/FieldProblem';

interface Props {
  label: string;
  help: string;
  value: string;
  onChange(value: string): void;
  /** What is wrong with it, said under it (its form checks with validationBehavior="aria"). */
  problem?: string | null | undefined;
}

/**
 * A whole number typed as text. Not a NumberField: that would clamp an out-of-range value
 * silently, and the services' own message ("at least 3") is what the administrator should read.
 */
export function WholeNumberField({ label, help, value, onChange, problem }: Props) {
  return (
    <TextField
      className="settings-field"
      value={value}
      onChange={onChange}
      isRequired
      isInvalid={Boolean(problem)}
    >
      <Label className="field-label">{label}</Label>
      <Input className="text-input settings-number" inputMode="numeric" autoComplete="off" />
      <Text slot="description" className="field-help">
        {help}
      </Text>
      <FieldProblem problem={problem} />
    </TextField>
  );
}

/** The number typed, or undefined when it is not a whole number. */
export function wholeNumberOf(text: string): number | undefined {
  return /^\s*-?\d{1,9}\s*$/.test(text) ? Number(text) : undefined;
}

/** What a whole-number field lacks, in words for its field: null when it holds a whole number. */
export function wholeNumberProblem(t: TFunction, text: string): string | null {
  if (text.trim() === '') return t('forms.required');
  return wholeNumberOf(text) === undefined ? t('settings.wholeNumber') : null;
}
