import { useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, ChecklistSection } from '../../../electron/api/domains/cases';
import type { ApiError, Result } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSession } from '../session/session-context';
import { localInputFromNow, localInputToIso } from './time-format';

interface Props {
  section: ChecklistSection;
  stateLabel: string;
  save(itemId: string, value: AnswerValue): Promise<Result<unknown>>;
}

/**
 * The backup was recorded before the device entered its state; the next step (a patch, a
 * re-image) needs it done again. Whoever did it records it in one action: by them (changeable),
 * now (changeable), for every step of the backup whose time was recorded earlier.
 */
export function BackupRedo({ section, stateLabel, save }: Props) {
  const { t } = useTranslation();
  const me = useSession().status?.user?.displayName ?? '';
  const [by, setBy] = useState(me);
  const [when, setWhen] = useState(() => localInputFromNow());
  // Untouched, "when" is the moment of pressing (to the second: it must follow the state change).
  const [whenChosen, setWhenChosen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const redo = new Set(section.redo ?? []);
  // Each "when" to record again, and the "by" of the same step (shown by the same answer).
  const times = section.items.filter((i) => redo.has(i.id));
  const steps = new Set(times.map((i) => i.showWhen?.item));
  const names = section.items.filter(
    (i) => i.prefill === 'signed_in_user' && steps.has(i.showWhen?.item),
  );

  const record = async () => {
    const chosen = whenChosen && when !== '' ? localInputToIso(when) : null;
    const at = chosen ?? new Date().toISOString();
    setBusy(true);
    setError(undefined);
    for (const [item, value] of [
      ...names.map((i) => [i, by.trim()] as const),
      ...times.map((i) => [i, at] as const),
    ]) {
      if (value === '') continue;
      const result = await save(item.id, value);
      if (!result.ok) {
        setError(result.error);
        break;
      }
    }
    setBusy(false);
  };

  return (
    <div className="backup-redo" id="backup-redo" role="group" aria-labelledby="backup-redo-lead">
      <p className="backup-redo-lead" id="backup-redo-lead">
        {t('cases.backupRedo.lead', { state: stateLabel })}
      </p>
      <div className="backup-redo-fields">
        <TextField className="answer-control answer-text" value={by} onChange={setBy}>
          <Label className="answer-label">{t('cases.backupRedo.by')}</Label>
          <Input className="text-input" />
        </TextField>
        <TextField
          className="answer-control"
          value={when}
          onChange={(value) => {
            setWhen(value);
            setWhenChosen(true);
          }}
        >
          <Label className="answer-label">{t('cases.backupRedo.when')}</Label>
          <Input type="datetime-local" className="text-input datetime-input" />
        </TextField>
        <Button
          className="button button-primary"
          isPending={busy}
          isDisabled={by.trim() === ''}
          onPress={() => void record()}
        >
          {t('cases.backupRedo.record')}
        </Button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
