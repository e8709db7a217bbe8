import { Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { FieldProblem } from './FieldProblem';

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
  /** What the field is for or what it must hold, read with it by assistive technology. */
  help?: string;
  /** `new-password` lets a password manager offer to keep a new secret; else nothing. */
  autoComplete?: string;
  /** The field's class in its form's layout (a grid cell, a wide cell). */
  className?: string;
  inputClassName?: string;
  labelClassName?: string;
  /** What is wrong with the value, said at the field (a form's check or the service's). */
  problem?: string | null;
}

/**
 * A labelled text field of a form; browsers suggest nothing (stations are shared). A required
 * field left empty says so at the field when its form is submitted.
 */
export function TextInputField(props: Props) {
  const { label, value, onChange, isRequired, maxLength, autoFocus, type, rows, help } = props;
  const inputClass = props.inputClassName ? `text-input ${props.inputClassName}` : 'text-input';
  return (
    <TextField
      className={props.className ?? 'field'}
      type={type}
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      maxLength={maxLength}
      autoFocus={autoFocus}
      isInvalid={props.problem ? true : undefined}
    >
      <Label className={props.labelClassName ?? 'field-label'}>{label}</Label>
      {rows ? (
        <TextArea className={`${inputClass} text-area`} rows={rows} />
      ) : (
        <Input className={inputClass} autoComplete={props.autoComplete ?? 'off'} />
      )}
      {help ? (
        <Text slot="description" className="field-help">
          {help}
        </Text>
      ) : null}
      <FieldProblem problem={props.problem} />
    </TextField>
  );
}

/** A required free-text answer in a case or incident form (a reason, a summary), full width. */
export function AnswerTextField(
  props: Pick<Props, 'label' | 'value' | 'onChange' | 'maxLength' | 'rows' | 'autoFocus'>,
) {
  return (
    <TextInputField
      className="answer-control answer-text"
      labelClassName="answer-label"
      isRequired
      maxLength={1000}
      {...props}
    />
  );
}
