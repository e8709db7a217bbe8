import { useId, useRef, useState } from 'react';
import {
  Button,
  Input,
  Label,
  NumberField,
  Radio,
  RadioGroup,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TimeLeaning } from '../../../electron/api/clock';
import { SelectField } from '../components/SelectField';
import { TimeInput } from '../components/TimeInput';

/**
 * The checklist's answer controls, each a large target operable by keyboard. They are controlled:
 * the caller keeps the typed value (and its draft) and decides when an answer is saved.
 */

export function YesNoControl({
  label,
  value,
  onChange,
}: {
  label: string;
  value: boolean | undefined;
  onChange(value: boolean): void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const selected = value === undefined ? [] : [value ? 'yes' : 'no'];
  return (
    <div className="answer-control">
      <span className="answer-label" id={labelId}>
        {label}
      </span>
      <ToggleButtonGroup
        className="yes-no"
        aria-labelledby={labelId}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={selected}
        onSelectionChange={(keys) => {
          const [key] = [...keys];
          if (key === 'yes' || key === 'no') onChange(key === 'yes');
        }}
      >
        {(['yes', 'no'] as const).map((answer) => (
          <ToggleButton key={answer} id={answer} className="toggle-answer">
            {t(`cases.answer.${answer}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
}

/** One choice among options: the drop-down and the radio buttons take the same props. */
interface ChoiceProps {
  label: string;
  options: ChoiceOption[];
  value: string | undefined;
  onChange(value: string): void;
}

export function ChoiceControl({ label, options, value, onChange }: ChoiceProps) {
  // A long list (radionuclides) fits better in a select than as a wall of radio buttons.
  if (options.length > 6) {
    return (
      <SelectField
        className="answer-control answer-select"
        labelClassName="answer-label"
        label={label}
        options={options.map((o) => ({ key: o.value, label: o.label }))}
        value={value}
        onChange={onChange}
      />
    );
  }
  return <RadioChoice label={label} options={options} value={value} onChange={onChange} />;
}

/**
 * Radio buttons that save on commit: a click, Space or Enter, or leaving the group. Arrow keys
 * only move through the options (each answer saved is an audit event, so passing over an option
 * on the way to another must not record it).
 */
function RadioChoice({ label, options, value, onChange }: ChoiceProps) {
  const [pending, setPending] = useState<string>();
  const byArrow = useRef(false);
  const commit = () => {
    if (pending !== undefined && pending !== value) onChange(pending);
    setPending(undefined);
  };
  return (
    <div
      className="radio-commit"
      onKeyDownCapture={(event) => {
        byArrow.current = event.key.startsWith('Arrow');
        // Space on the option an arrow reached selects nothing new, so it commits too.
        if (event.key === 'Enter' || event.key === ' ') commit();
      }}
      onPointerDownCapture={() => {
        byArrow.current = false;
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) commit();
      }}
    >
      <RadioGroup
        className="answer-control"
        value={pending ?? value ?? null}
        onChange={(next) => {
          if (byArrow.current) {
            byArrow.current = false;
            setPending(next);
          } else {
            setPending(undefined);
            if (next !== value) onChange(next);
          }
        }}
        orientation="horizontal"
      >
        <Label className="answer-label">{label}</Label>
        <div className="choice-options">
          {options.map((o) => (
            <Radio key={o.value} value={o.value} className="choice-option">
              {o.label}
            </Radio>
          ))}
        </div>
      </RadioGroup>
    </div>
  );
}

export function NumberControl({
  label,
  value,
  unit,
  min,
  max,
  integer,
  onChange,
}: {
  label: string;
  value: number | undefined;
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  /** Fired when the number is committed (Enter, leaving the field), NaN when cleared. */
  onChange(value: number): void;
}) {
  return (
    <NumberField
      className="answer-control answer-number"
      value={value ?? NaN}
      minValue={min}
      maxValue={max}
      step={integer ? 1 : undefined}
      formatOptions={{ useGrouping: false, maximumFractionDigits: integer ? 0 : 3 }}
      onChange={onChange}
    >
      <Label className="answer-label">{label}</Label>
      <span className="number-row">
        <Input className="text-input number-input" />
        {unit ? <span className="answer-unit">{unit}</span> : null}
      </span>
    </NumberField>
  );
}

export function DateTimeControl({
  label,
  value,
  onChange,
  onCommit,
  onNow,
  leaning = 'past',
}: {
  label: string;
  /** How a bare clock time reads ('past': a record of something done). */
  leaning?: TimeLeaning;
  /** As typed: "now", "30 min ago", "13:35", "2026-12-03 13:35" (the facility's zone). */
  value: string;
  onChange(value: string): void;
  /** Leaving the field: save what it holds. */
  onCommit(value: string): void;
  /** "Now": save this moment to the second (a backup must be shown to come after a state change). */
  onNow(iso: string): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="answer-control">
      <TextField className="answer-datetime" value={value} onChange={onChange}>
        <Label className="answer-label">{label}</Label>
        <span className="datetime-row">
          <span className="datetime-input-cell">
            <TimeInput value={value} leaning={leaning} onBlur={onCommit} />
          </span>
          <Button
            className="button button-secondary"
            aria-label={t('cases.answer.nowFor', { label })}
            onPress={() => onNow(new Date().toISOString())}
          >
            {t('cases.answer.now')}
          </Button>
        </span>
      </TextField>
    </div>
  );
}

export function TextControl({
  label,
  value,
  maxLength,
  onChange,
  onCommit,
}: {
  label: string;
  value: string;
  maxLength?: number;
  onChange(value: string): void;
  onCommit(value: string): void;
}) {
  return (
    <TextField
      className="answer-control answer-text"
      value={value}
      onChange={onChange}
      maxLength={maxLength ?? 2000}
    >
      <Label className="answer-label">{label}</Label>
      <Input
        className="text-input"
        onBlur={(event) => onCommit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onCommit(event.currentTarget.value);
        }}
      />
    </TextField>
  );
}
