import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../electron/api/domains/people';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
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
  const [users, setUsers] = useState<UserSummary[]>();
  const [choice, setChoice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  useEffect(() => {
    if (!isOpen) return;
    let live = true;
    // session.listUsers is open to everyone signed in (people.list is an administrator's).
    void call('session.listUsers', {}).then((result) => {
      if (!live) return;
      if (result.ok) setUsers(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [isOpen]);

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
    const name = users?.find((u) => u.id === assigneeUserId)?.displayName;
    setDone(
      name
        ? t('board.assign.done', { count: caseIds.length, name })
        : t('board.assign.doneNobody', { count: caseIds.length }),
    );
    onAssigned();
  };

  const items = [
    ...(users ?? []).map((u) => ({
      key: String(u.id),
      label: `${u.displayName} — ${u.roles.map((r) => roleLabel(t, r)).join(', ')}`,
    })),
    { key: nobodyKey, label: t('board.assign.nobody') },
  ];

  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      isDismissable={!busy}
      onOpenChange={(open) => {
        if (!open) close();
      }}
    >
      <Modal className="modal board-modal">
        <Dialog className="dialog">
          <div className="dialog-header">
            <Heading slot="title">{t('board.assign.title', { count: caseIds.length })}</Heading>
          </div>
          {done ? (
            <>
              <p className="notice notice-success" role="status">
                {done}
              </p>
              <div className="board-dialog-actions">
                <Button className="button button-primary" onPress={close} autoFocus>
                  {t('board.dialog.done')}
                </Button>
              </div>
            </>
          ) : (
            <>
              <SelectField
                className="filter-select board-person-select"
                label={t('board.assign.person')}
                options={items}
                value={choice}
                onChange={setChoice}
                placeholder={t('board.assign.placeholder')}
              />
              {error ? <ErrorMessage error={error} /> : null}
              <div className="board-dialog-actions">
                <Button
                  className="button button-primary"
                  isDisabled={choice === undefined}
                  isPending={busy}
                  onPress={() => void assign()}
                >
                  {t('board.assign.submit', { count: caseIds.length })}
                </Button>
                <Button className="button button-secondary" onPress={close} isDisabled={busy}>
                  {t('board.dialog.cancel')}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
