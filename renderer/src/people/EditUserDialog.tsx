import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../electron/api/domains/people';
import type { Role } from '../../../electron/api/permissions';
import { call } from '../api/client';
import { isAboutFields, problemAt } from '../components/error-words';
import { FormDialog } from '../components/FormDialog';
import { useMissing } from '../components/use-missing';
import { TickBox } from '../components/TickBox';
import { useSubmit } from '../components/use-submit';
import { RoleChecks } from './RoleCheck';
import { NameFields } from './NameFields';

const fields = ['displayName', 'staffId', 'roles'];

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
  // As Add user: a cleared name or no role ticked is said at the field, and nothing is sent.
  const missing = useMissing({
    displayName: names.displayName.trim() === '' ? t('people.users.needName') : null,
    roles: picked.length === 0 ? t('people.users.needRole') : null,
  });
  const said = (field: 'displayName' | 'staffId' | 'roles') =>
    problemAt(t, submit.error, field) ?? (field === 'staffId' ? null : missing.at(field));

  // An empty staff ID clears it (the services store none).
  const save = () => {
    if (!missing.submitted()) return;
    submit.run(call('people.update', { id: user.id, ...names, roles: picked, active }), onSaved);
  };

  return (
    <FormDialog
      title={t('people.users.editTitle', { name: user.displayName })}
      onClose={onClose}
      submitLabel={t('people.users.save')}
      onSubmit={save}
      busy={submit.busy}
      checksFields
      cancelLabel={t('people.users.cancel')}
      error={isAboutFields(submit.error, fields) ? undefined : submit.error}
    >
      <NameFields
        value={names}
        onChange={setNames}
        autoFocus
        problems={{ displayName: said('displayName'), staffId: said('staffId') }}
      />
      <RoleChecks value={picked} onChange={setPicked} problem={said('roles')} />
      <div className="people-field">
        <TickBox isSelected={active} onChange={setActive}>
          {t('people.users.activeLabel')}
        </TickBox>
        <p className="field-help">{t('people.users.activeHelp')}</p>
      </div>
    </FormDialog>
  );
}
