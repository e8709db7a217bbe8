import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AnswerValue,
  CaseDetail,
  ChecklistItem,
  SectionStatusView,
} from '../../../electron/api/domains/cases';
import type { ApiError, Result } from '../api/client';
import { ListItemField } from './ListItemField';
import {
  ChoiceControl,
  DateTimeControl,
  NumberControl,
  TextControl,
  YesNoControl,
} from './ScalarControls';
import { formatDateTime, isoToLocalInput, localInputToIso } from './time-format';
import { serviceSentence, wordsSentence } from '../components/error-words';

export type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; error: ApiError };

interface Props {
  item: ChecklistItem;
  problem: SectionStatusView['problems'][number] | undefined;
  /** What was typed and not saved yet (kept as a draft across a lock), as text. */
  draft: string | undefined;
  setDraft(raw: string | null): void;
  save(value: AnswerValue | null): Promise<Result<CaseDetail>>;
  readOnly: boolean;
}

/** The saved answer as the field's text (text, date-time) or undefined. */
function savedText(item: ChecklistItem): string {
  const value = item.answer?.value;
  if (item.type === 'datetime') return typeof value === 'string' ? isoToLocalInput(value) : '';
  return typeof value === 'string' ? value : '';
}

/** One checklist question: its control, and whether its answer is saved. */
export function ChecklistItemView({ item, problem, draft, setDraft, save, readOnly }: Props) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const saved = savedText(item);
  // What is typed lives in the draft until it is saved; then the saved answer shows again.
  const text = draft ?? saved;

  const commit = (value: AnswerValue | null) => {
    setState({ kind: 'saving' });
    void save(value).then((result) => {
      if (result.ok) {
        setDraft(null);
        setState({ kind: 'saved' });
      } else setState({ kind: 'error', error: result.error });
    });
  };

  const commitText = (raw: string) => {
    if (raw === saved) {
      if (draft !== undefined) setDraft(null);
      return;
    }
    if (item.type === 'datetime') {
      if (raw === '') return commit(null);
      const iso = localInputToIso(raw, item.timing === 'any' ? 'nearest' : 'past');
      if (iso) commit(iso);
      return;
    }
    commit(raw.trim() === '' ? null : raw);
  };

  const typed = (raw: string) => setDraft(raw);

  const value = item.answer?.value;
  let control;
  switch (item.type) {
    case 'yes_no':
      control = (
        <YesNoControl
          label={item.label}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(v) => commit(v)}
        />
      );
      break;
    case 'choice':
      control = (
        <ChoiceControl
          label={item.label}
          options={item.options ?? []}
          value={typeof value === 'string' ? value : undefined}
          onChange={(v) => commit(v)}
        />
      );
      break;
    case 'number':
    case 'count':
      control = (
        <NumberControl
          label={item.label}
          value={typeof value === 'number' ? value : undefined}
          unit={item.unit}
          min={item.type === 'count' ? 0 : item.min}
          max={item.max}
          integer={item.type === 'count' || item.integer}
          onChange={(n) => {
            if (Number.isNaN(n)) {
              if (value !== undefined) commit(null);
            } else if (n !== value) commit(n);
          }}
        />
      );
      break;
    case 'datetime':
      control = (
        <DateTimeControl
          label={item.label}
          leaning={item.timing === 'any' ? 'nearest' : 'past'}
          value={text}
          onChange={typed}
          onCommit={commitText}
          onNow={(iso) => commit(iso)}
        />
      );
      break;
    case 'text':
      control = (
        <TextControl
          label={item.label}
          value={text}
          maxLength={item.maxLength}
          onChange={typed}
          onCommit={commitText}
        />
      );
      break;
    case 'list':
      control = (
        <ListItemField
          item={item}
          draft={draft}
          setDraft={setDraft}
          onSave={(rows) => commit(rows)}
        />
      );
      break;
  }

  return (
    <div
      className={`checklist-item${problem && problem.kind !== 'unanswered' ? ' checklist-item-problem' : ''}`}
      data-item={item.id}
      inert={readOnly}
    >
      {control}
      {item.help ? <p className="field-help">{item.help}</p> : null}
      <SaveLine state={state} item={item} unsaved={draft !== undefined} />
      {problem && problem.kind !== 'unanswered' ? <ProblemLine problem={problem} /> : null}
    </div>
  );
}

function SaveLine({
  state,
  item,
  unsaved,
}: {
  state: SaveState;
  item: ChecklistItem;
  unsaved: boolean;
}) {
  const { t } = useTranslation();
  if (state.kind === 'error') {
    return (
      <p className="save-line save-error" role="alert">
        {t('cases.answer.notSaved', { message: serviceSentence(t, state.error) })}
      </p>
    );
  }
  if (state.kind === 'saving') return <p className="save-line">{t('cases.answer.saving')}</p>;
  if (unsaved) return <p className="save-line save-pending">{t('cases.answer.unsaved')}</p>;
  if (!item.answer) return null;
  const by = item.answer.by.name ?? item.answer.by.role;
  return (
    <p className="save-line save-ok" role={state.kind === 'saved' ? 'status' : undefined}>
      {t('cases.answer.saved', { by, at: formatDateTime(item.answer.at) })}
    </p>
  );
}

/** What is wrong with the answer, in the station's language (the services' words when it has them). */
function ProblemLine({ problem }: { problem: NonNullable<Props['problem']> }) {
  const { t } = useTranslation();
  return (
    <p className="item-problem">
      {problem.words ? wordsSentence(t, problem.words) : problem.message}
    </p>
  );
}
