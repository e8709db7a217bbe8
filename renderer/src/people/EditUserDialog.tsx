import { useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../electron/api/domains/people';
import type { Role } from '../../../electron/api/permissions';
import { call } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { useSubmit } from '../components/use-submit';
import { RoleChecks } from './RoleCheck';
import { NameFields } from './NameFields';

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
  const [names, setNames] = useState({
    displayName: user.displayName,
    staffId: user.staffId ?? '',
  });
  const [picked, setPicked] = useState<Role[]>(user.roles);
  const [active, setActive] = useState(user.active);
  const submit = useSubmit();

  // An empty staff ID clears it (the services store none).
  const save = () =>
    submit.run(call('people.update', { id: user.id, ...names, roles: picked, active }), onSaved);

  return (
    <FormDialog
      title={t('people.users.editTitle', { name: user.displayName })}
      onClose={onClose}
      submitLabel={t('people.users.save')}
      onSubmit={save}
      busy={submit.busy}
      cancelLabel={t('people.users.cancel')}
      error={submit.error}
    >
      <NameFields value={names} onChange={setNames} autoFocus />
      <RoleChecks value={picked} onChange={setPicked} />
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
    </FormDialog>
  );
}
