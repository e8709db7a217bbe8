import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Dialog,
  Form,
  Heading,
  Input,
  Label,
  Modal,
  ModalOverlay,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../electron/api/domains/people';
import { roles, type Role } from '../../../electron/api/permissions';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { RoleCheck } from './RoleCheck';

interface Props {
  user: UserAccount;
  onClose(): void;
  onSaved(user: UserAccount): void;
}

/**
 * Name, staff ID, roles and active state of one user. There is no delete: the audit trail and
 * every sign-off refer to the user, so leaving staff are made inactive instead.
 */
export function EditUserDialog({ user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [staffId, setStaffId] = useState(user.staffId ?? '');
  const [picked, setPicked] = useState<Role[]>(user.roles);
  const [active, setActive] = useState(user.active);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    // An empty staff ID clears it (the services store none).
    const input = { id: user.id, displayName, staffId, roles: picked, active };
    void call('people.update', input).then((result) => {
      setSaving(false);
      if (result.ok) onSaved(result.value);
      else setError(result.error);
    });
  };

  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal modal-narrow">
        <Dialog className="dialog">
          <Form className="people-form" onSubmit={submit}>
            <Heading slot="title">
              {t('people.users.editTitle', { name: user.displayName })}
            </Heading>
            <TextField
              className="people-field"
              value={displayName}
              onChange={setDisplayName}
              isRequired
              maxLength={120}
              autoFocus
            >
              <Label className="field-label">{t('people.firstRun.displayName')}</Label>
              <Input className="text-input" autoComplete="off" />
            </TextField>
            <TextField
              className="people-field"
              value={staffId}
              onChange={setStaffId}
              maxLength={64}
            >
              <Label className="field-label">{t('people.firstRun.staffId')}</Label>
              <Input className="text-input" autoComplete="off" />
            </TextField>
            <CheckboxGroup
              className="people-field"
              value={picked}
              onChange={(v) => setPicked(v as Role[])}
              isRequired
            >
              <Label className="field-label">{t('people.users.rolesLabel')}</Label>
              <div className="role-checks">
                {roles.map((r) => (
                  <RoleCheck key={r} role={r} />
                ))}
              </div>
            </CheckboxGroup>
            <div className="people-field">
              <Checkbox className="role-check" isSelected={active} onChange={setActive}>
                {({ isSelected }) => (
                  <>
                    <span className="role-check-box" aria-hidden="true">
                      {isSelected ? '✓' : ''}
                    </span>
                    {t('people.users.activeLabel')}
                  </>
                )}
              </Checkbox>
              <p className="field-help">{t('people.users.activeHelp')}</p>
            </div>
            {error ? <ErrorMessage error={error} /> : null}
            <div className="people-actions">
              <Button type="submit" className="button button-primary" isPending={saving}>
                {t('people.users.save')}
              </Button>
              <Button className="button button-secondary" slot="close">
                {t('people.users.cancel')}
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
