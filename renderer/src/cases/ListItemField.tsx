import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type {
  AnswerScalar,
  ChecklistField,
  ChecklistItem,
} from '../../../electron/api/domains/cases';
import { labelInSentence } from '../../../electron/api/label-in-sentence';
import { stationLanguage } from '../threats/priority-words';
import { cleanRow, missingIn, visibleFields, type Row } from './list-rows';
import { ChoiceControl, DateTimeControl, NumberControl, YesNoControl } from './ScalarControls';
import { isoToLocalInput, localInputToIso } from './time-format';

interface Props {
  item: ChecklistItem;
  draft: string | undefined;
  setDraft(raw: string | null): void;
  /** Called with complete rows only: the services refuse a list with an unanswered field. */
  onSave(rows: Row[]): void;
}

function savedRows(item: ChecklistItem): Row[] {
  const value = item.answer?.value;
  return Array.isArray(value) ? value : [];
}

function parseDraft(draft: string | undefined): Row[] | undefined {
  if (draft === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(draft);
    return Array.isArray(parsed) ? (parsed as Row[]) : undefined;
  } catch {
    return undefined;
  }
}

/** A record of something done reads a bare "13:35" as the last one; else the nearest. */
const leaningOf = (field: { timing?: 'past' | 'any' }) =>
  field.timing === 'past' ? ('past' as const) : ('nearest' as const);

/** A list answer (injected patients, booked studies): rows added and removed, each field its control. */
export function ListItemField({ item, draft, setDraft, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const language = stationLanguage(i18n.resolvedLanguage);
  // Rows being edited live in the draft until the list is saved; then the saved rows show.
  const rows = parseDraft(draft) ?? savedRows(item);

  const rowLabel = item.rowLabel ?? t('cases.list.row');
  const incomplete = rows
    .map((row, n) => ({ n: n + 1, missing: missingIn(item, row) }))
    .filter((r) => r.missing.length > 0);

  const change = (next: Row[], commit: boolean) => {
    setDraft(JSON.stringify(next));
    const complete = next.every((row) => missingIn(item, row).length === 0);
    if (commit && complete) onSave(next.map((row) => cleanRow(item, row)));
  };

  const setField = (
    index: number,
    field: ChecklistField,
    value: AnswerScalar | undefined,
    commit: boolean,
  ) => {
    const next = rows.map((row, n) => {
      if (n !== index) return row;
      const { [field.id]: _cleared, ...rest } = row;
      return value === undefined ? rest : { ...rest, [field.id]: value };
    });
    change(next, commit);
  };

  const max = item.maxRows ?? 50;
  return (
    <fieldset className="answer-list">
      <legend className="answer-label">{item.label}</legend>
      {rows.length === 0 ? <p className="list-empty">{t('cases.list.empty')}</p> : null}
      <ol className="list-rows">
        {rows.map((row, index) => (
          // Rows have no identity of their own (no patient data): their position is their name.
          <li key={index} className="list-row">
            <div className="row-ends list-row-head">
              <span className="list-row-title">
                {t('cases.list.rowTitle', { label: rowLabel, n: index + 1 })}
              </span>
              <Button
                className="button button-secondary"
                onPress={() =>
                  change(
                    rows.filter((_, n) => n !== index),
                    true,
                  )
                }
              >
                {t('cases.list.remove', { label: rowLabel, n: index + 1 })}
              </Button>
            </div>
            <div className="list-row-fields">
              {visibleFields(item, row).map((field) => (
                <RowField
                  // A new saved value restarts the field, so a date-time shows what was saved.
                  key={`${field.id}:${String(row[field.id])}`}
                  field={field}
                  label={`${field.label} (${rowLabel} ${index + 1})`}
                  value={row[field.id]}
                  onChange={(v, commit) => setField(index, field, v, commit)}
                />
              ))}
            </div>
          </li>
        ))}
      </ol>
      {incomplete.length > 0 ? (
        <p className="save-line save-pending">
          {t('cases.list.incomplete', {
            rows: incomplete.map((r) => `${rowLabel} ${r.n}: ${r.missing.join(', ')}`).join('; '),
          })}
        </p>
      ) : null}
      {rows.length < max ? (
        <Button className="button button-secondary" onPress={() => change([...rows, {}], false)}>
          {t('cases.list.add', { label: labelInSentence(rowLabel, language) })}
        </Button>
      ) : null}
    </fieldset>
  );
}

function RowField({
  field,
  label,
  value,
  onChange,
}: {
  field: ChecklistField;
  label: string;
  value: AnswerScalar | undefined;
  onChange(value: AnswerScalar | undefined, commit: boolean): void;
}) {
  const [text, setText] = useState(typeof value === 'string' ? isoToLocalInput(value) : '');
  switch (field.type) {
    case 'yes_no':
      return (
        <YesNoControl
          label={label}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(v) => onChange(v, true)}
        />
      );
    case 'choice':
      return (
        <ChoiceControl
          label={label}
          options={field.options ?? []}
          value={typeof value === 'string' ? value : undefined}
          onChange={(v) => onChange(v, true)}
        />
      );
    case 'number':
    case 'count':
      return (
        <NumberControl
          label={label}
          value={typeof value === 'number' ? value : undefined}
          unit={field.unit}
          min={field.type === 'count' ? 0 : field.min}
          max={field.max}
          integer={field.type === 'count' || field.integer}
          onChange={(n) => onChange(Number.isNaN(n) ? undefined : n, true)}
        />
      );
    case 'datetime':
      return (
        <DateTimeControl
          label={label}
          leaning={leaningOf(field)}
          value={text}
          onChange={setText}
          onCommit={(raw) => {
            if (typeof value === 'string' && isoToLocalInput(value) === raw) return;
            onChange(localInputToIso(raw, leaningOf(field)) ?? undefined, true);
          }}
          onNow={(iso) => onChange(iso, true)}
        />
      );
  }
}
