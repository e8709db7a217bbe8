import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';
import { useCall } from '../api/use-call';
import { FormDialog } from '../components/FormDialog';
import { SelectField } from '../components/SelectField';
import { roleLabel } from '../people/role-label';

interface Props {
  caseIds: readonly number[];
  isOpen: boolean;
  onClose(): void;
  onAssigned(): void;
}

/** `cases.assign` takes at most this many cases per call. */
const chunk = 1000;
const nobodyKey = 'nobody';

/** Assign the selected cases to one person (or to no one), in one audited call per 1,000. */
export function AssignDialog({ caseIds, isOpen, onClose, onAssigned }: Props) {
  const { t } = useTranslation();
  // session.listUsers is open to everyone signed in (people.list is an administrator's).
  const users = useCall('session.listUsers', isOpen ? {} : null);
  const [choice, setChoice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  const close = () => {
    setChoice(undefined);
    setError(undefined);
    setDone(undefined);
    onClose();
  };

  const assign = async () => {
    if (choice === undefined) return;
    setBusy(true);
    setError(undefined);
    const assigneeUserId = choice === nobodyKey ? null : Number(choice);
    for (let i = 0; i < caseIds.length; i += chunk) {
      const result = await call('cases.assign', {
        caseIds: caseIds.slice(i, i + chunk),
        assigneeUserId,
      });
      if (!result.ok) {
        setBusy(false);
        setError(result.error);
        onAssigned();
        return;
      }
    }
    setBusy(false);
    const name = users.value?.find((u) => u.id === assigneeUserId)?.displayName;
    setDone(
      name
        ? t('board.assign.done', { count: caseIds.length, name })
        : t('board.assign.doneNobody', { count: caseIds.length }),
    );
    onAssigned();
  };

  const items = [
    ...(users.value ?? []).map((u) => ({
      key: String(u.id),
      label: `${u.displayName} — ${u.roles.map((r) => roleLabel(t, r)).join(', ')}`,
    })),
    { key: nobodyKey, label: t('board.assign.nobody') },
  ];

  return (
    <FormDialog
      title={t('board.assign.title', { count: caseIds.length })}
      isOpen={isOpen}
      onClose={close}
      submitLabel={t('board.assign.submit', { count: caseIds.length })}
      onSubmit={() => void assign()}
      busy={busy}
      submitDisabled={choice === undefined}
      cancelLabel={t('board.dialog.cancel')}
      error={error ?? users.error}
      done={done === undefined ? undefined : { message: done, closeLabel: t('board.dialog.done') }}
    >
      <SelectField
        className="filter-select board-person-select"
        label={t('board.assign.person')}
        options={items}
        value={choice}
        onChange={setChoice}
        placeholder={t('board.assign.placeholder')}
      />
    </FormDialog>
  );
}
