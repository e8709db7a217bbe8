import { Input, Label, TextArea, TextField } from 'react-aria-components';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  isRequired?: boolean;
  maxLength?: number;
  autoFocus?: boolean;
  type?: 'text' | 'password';
  /** Rows of a multi-line field; a single line when absent. */
  rows?: number;
  /** The field's class in its form's layout (a grid cell, a wide cell). */
  className?: string;
}

/** A labelled text field of a form; browsers suggest nothing (stations are shared). */
export function TextInputField(props: Props) {
  const { label, value, onChange, isRequired, maxLength, autoFocus, type, rows } = props;
  return (
    <TextField
      className={props.className ?? 'field'}
      type={type}
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      maxLength={maxLength}
      autoFocus={autoFocus}
    >
      <Label className="field-label">{label}</Label>
      {rows ? (
        <TextArea className="text-input text-area" rows={rows} />
      ) : (
        <Input className="text-input" autoComplete="off" />
      )}
    </TextField>
  );
}
