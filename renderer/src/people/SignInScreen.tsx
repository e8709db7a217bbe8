import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../electron/api/domains/people';
import type { Role } from '../../../electron/api/permissions';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextInputField } from '../components/TextInputField';
import { useMissing } from '../components/use-missing';
import { useSecretSubmit } from '../components/use-secret-submit';
import { useSession } from '../session/session-context';
import { roleLabel } from './role-label';
import { SecretField } from './SecretField';
import { StationScreen } from './StationScreen';
import { UnlockPanel } from './UnlockPanel';
import { UserPicker } from './UserPicker';

/** Sign in at a shared station, or (handOver) take it over from the one signed in now. */
export function SignInScreen({ mode }: { mode: 'signIn' | 'handOver' }) {
  const { t } = useTranslation();
  const { status, apply, setHandingOver } = useSession();
  const [someoneElse, setSomeoneElse] = useState(false);
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [byStaffId, setByStaffId] = useState(false);
  const [userId, setUserId] = useState<number>();
  const [staffId, setStaffId] = useState('');
  const [role, setRole] = useState<Role>();
  const [usersError, setUsersError] = useState<ApiError>();
  const signIn = useSecretSubmit();

  useEffect(() => {
    void call('session.listUsers', {}).then((result) => {
      if (result.ok) setUsers(result.value);
      else setUsersError(result.error);
    });
  }, []);

  const missing = useMissing({
    name: !byStaffId && userId === undefined ? t('people.signIn.pickFirst') : null,
    staffId: byStaffId && staffId.trim() === '' ? t('people.signIn.typeStaffId') : null,
    secret: signIn.secret === '' ? t('people.signIn.typeSecret') : null,
  });

  if (mode === 'signIn' && status?.state === 'locked' && status.user && !someoneElse) {
    return <UnlockPanel onSomeoneElse={() => setSomeoneElse(true)} />;
  }

  const picked = users.find((u) => u.id === userId);
  // The list of users could not be read: said where a refused sign-in is said.
  const error = signIn.error ?? usersError;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!missing.submitted()) return;
    const who = byStaffId ? { staffId } : { userId: userId ?? 0 };
    const method = mode === 'handOver' ? 'session.handOver' : 'session.signIn';
    signIn.send((secret) => call(method, { ...who, secret, ...(role ? { role } : {}) }), apply);
  };

  const title = mode === 'handOver' ? t('people.signIn.handOverTitle') : t('people.signIn.title');
  return (
    <StationScreen title={title}>
      {mode === 'handOver' && status?.user ? (
        <p className="station-intro">
          {t('people.signIn.handOverIntro', { name: status.user.displayName })}
        </p>
      ) : null}
      <Form className="people-form sign-in-form" onSubmit={submit} validationBehavior="aria">
        {byStaffId ? (
          <TextInputField
            className="people-field"
            label={t('people.signIn.staffId')}
            value={staffId}
            onChange={setStaffId}
            isRequired
            maxLength={64}
            autoFocus
            problem={missing.at('staffId')}
          />
        ) : users.length === 0 ? (
          <p>{t('people.signIn.noUsers')}</p>
        ) : (
          <UserPicker
            users={users}
            selected={userId}
            problem={missing.at('name')}
            onSelect={(id) => {
              setUserId(id);
              setRole(undefined);
            }}
          />
        )}
        <Button
          className="button button-link"
          onPress={() => {
            setByStaffId(!byStaffId);
            signIn.clear();
          }}
        >
          {byStaffId ? t('people.signIn.byName') : t('people.signIn.byStaffId')}
        </Button>
        {picked && picked.roles.length > 1 && !byStaffId ? (
          <RadioGroup
            className="role-picker"
            value={role ?? picked.roles[0] ?? null}
            onChange={(value) => setRole(value as Role)}
          >
            <Label className="field-label">{t('people.signIn.role')}</Label>
            {picked.roles.map((r) => (
              <Radio key={r} value={r} className="role-option">
                {roleLabel(t, r)}
              </Radio>
            ))}
          </RadioGroup>
        ) : null}
        <SecretField
          label={t('people.signIn.secret')}
          value={signIn.secret}
          onChange={signIn.setSecret}
          kind={picked?.credentialKind}
          problem={missing.at('secret')}
        />
        {error ? <ErrorMessage error={error} /> : null}
        <div className="people-actions">
          <Button type="submit" className="button button-primary" isPending={signIn.busy}>
            {mode === 'handOver' ? t('people.signIn.submitHandOver') : t('people.signIn.submit')}
          </Button>
          {mode === 'handOver' ? (
            <Button className="button button-secondary" onPress={() => setHandingOver(false)}>
              {t('people.signIn.cancel')}
            </Button>
          ) : null}
        </div>
      </Form>
    </StationScreen>
  );
}
