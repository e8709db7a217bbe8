import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../electron/api/permissions';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { isAboutFields, problemAt } from '../components/error-words';
import { useMissing } from '../components/use-missing';
import { useDraft } from '../session/use-draft';
import { NameFields } from './NameFields';
import { RoleChecks } from './RoleCheck';
import { SecretField } from './SecretField';

const empty = { displayName: '', staffId: '', roles: [] as string[] };
const fields = ['displayName', 'staffId', 'roles', 'secret'];

/**
 * Add a user. What is typed is kept as a draft (never the PIN): an idle lock or a hand over and
 * back brings it back, the way the case checklist will.
 */
export function AddUserForm({ onAdded }: { onAdded(): void }) {
  const { t } = useTranslation();
  const draft = useDraft('settings:add-user', empty);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ApiError>();
  const [added, setAdded] = useState<string>();
  const { displayName, staffId } = draft.value;
  const picked = draft.value.roles as Role[];
  const missing = useMissing({
    displayName: displayName.trim() === '' ? t('people.users.needName') : null,
    roles: picked.length === 0 ? t('people.users.needRole') : null,
    secret: secret === '' ? t('people.users.needSecret') : null,
  });
  // The service's rules (a PIN too short or too common) are said at the field they are about.
  const said = (field: 'displayName' | 'staffId' | 'roles' | 'secret') =>
    problemAt(t, error, field) ?? (field === 'staffId' ? null : missing.at(field));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setAdded(undefined);
    if (!missing.submitted()) return;
    const input = { displayName, roles: picked, secret, ...(staffId.trim() ? { staffId } : {}) };
    void call('people.create', input).then((result) => {
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setAdded(result.value.displayName);
      setSecret('');
      draft.clear();
      onAdded();
    });
  };

  return (
    <Form
      className="people-form"
      onSubmit={submit}
      aria-labelledby="add-user-title"
      validationBehavior="aria"
    >
      <h3 id="add-user-title">{t('people.users.addTitle')}</h3>
      {draft.state === 'restored' ? <p className="notice">{t('people.draft.restored')}</p> : null}
      <NameFields
        value={{ displayName, staffId }}
        onChange={(names) => draft.update(names)}
        problems={{ displayName: said('displayName'), staffId: said('staffId') }}
      />
      <RoleChecks
        value={picked}
        onChange={(roles) => draft.update({ roles })}
        problem={said('roles')}
      />
      <SecretField
        label={t('people.users.initialSecret')}
        value={secret}
        onChange={setSecret}
        problem={said('secret')}
      />
      <p className="draft-state" role="status">
        {draft.state === 'saving' ? t('people.draft.saving') : null}
        {draft.state === 'saved' ? t('people.draft.saved') : null}
      </p>
      {error && !isAboutFields(error, fields) ? <ErrorMessage error={error} /> : null}
      {added ? (
        <p className="notice notice-success">{t('people.users.added', { name: added })}</p>
      ) : null}
      <Button type="submit" className="button button-primary">
        {t('people.users.add')}
      </Button>
    </Form>
  );
}
