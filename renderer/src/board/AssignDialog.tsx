import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';
import { useCall } from '../api/use-call';
import { FormDialog } from '../components/FormDialog';
import { SelectField } from '../components/SelectField';
import { roleLabel } from '../people/role-label';
import type { RemoteCaseKey } from '../../../electron/api/domains/board';
import type { CaseRequest } from '../../../electron/api/domains/case-requests';
import { RequestsSentList } from './RequestsSentList';

interface Props {
  caseIds: readonly number[];
  /** Cases other stations hold: assigned there, on request, to the person with the same staff ID. */
  remoteCases: readonly RemoteCaseKey[];
  isOpen: boolean;
  onClose(): void;
  onAssigned(): void;
}

/** `cases.assign` takes at most this many cases per call. */
const chunk = 1000;
const nobodyKey = 'nobody';

/**
 * Assign the selected cases to one person (or to no one), in one audited call per 1,000. The
 * cases other stations hold are sent to them as requests naming the person's staff ID, which
 * names the same person at every station.
 */
export function AssignDialog({ caseIds, remoteCases, isOpen, onClose, onAssigned }: Props) {
  const { t } = useTranslation();
  // session.listUsers is open to everyone signed in (people.list is an administrator's).
  const users = useCall('session.listUsers', isOpen ? {} : null);
  const [choice, setChoice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [requested, setRequested] = useState<CaseRequest[]>([]);
  const count = caseIds.length + remoteCases.length;
  const chosen = users.value?.find((u) => String(u.id) === choice);
  // A request names the person by staff ID: someone without one cannot be asked for elsewhere.
  const noStaffId = remoteCases.length > 0 && chosen !== undefined && !chosen.staffId;

  const close = () => {
    setChoice(undefined);
    setError(undefined);
    setDone(undefined);
    setRequested([]);
    onClose();
  };

  const fail = (e: ApiError) => {
    setBusy(false);
    setError(e);
    onAssigned();
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
      if (!result.ok) return fail(result.error);
    }
    const sent: CaseRequest[] = [];
    for (let i = 0; i < remoteCases.length; i += chunk) {
      const result = await call('requests.assign', {
        remoteCases: remoteCases.slice(i, i + chunk).map((r) => ({ ...r })),
        assigneeStaffId: chosen?.staffId ?? null,
      });
      if (!result.ok) return fail(result.error);
      sent.push(...result.value.requested);
    }
    setBusy(false);
    setRequested(sent);
    const name = chosen?.displayName;
    setDone(
      caseIds.length === 0
        ? t('board.assign.doneRequests', { count: sent.length })
        : name
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
      title={t('board.assign.title', { count })}
      isOpen={isOpen}
      onClose={close}
      submitLabel={t('board.assign.submit', { count })}
      onSubmit={() => void assign()}
      busy={busy}
      submitDisabled={choice === undefined || noStaffId}
      cancelLabel={t('board.dialog.cancel')}
      error={error ?? users.error}
      done={
        done === undefined
          ? undefined
          : {
              message: done,
              closeLabel: t('board.dialog.done'),
              details: <RequestsSentList requested={requested} />,
            }
      }
    >
      <SelectField
        className="filter-select board-person-select"
        label={t('board.assign.person')}
        options={items}
        value={choice}
        onChange={setChoice}
        placeholder={t('board.assign.placeholder')}
      />
      {remoteCases.length > 0 && done === undefined ? (
        <p className={noStaffId ? 'notice notice-warning' : 'board-bulk-what'}>
          {noStaffId
            ? t('board.assign.noStaffId', { name: chosen?.displayName ?? '' })
            : t('board.assign.willRequest', { count: remoteCases.length })}
        </p>
      ) : null}
    </FormDialog>
  );
}
