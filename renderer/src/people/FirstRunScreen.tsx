import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';
import { useAppInfo } from '../app/use-app-info';
import { ErrorMessage } from '../components/ErrorMessage';
import { isAboutFields, problemAt } from '../components/error-words';
import { useMissing } from '../components/use-missing';
import { useStationLanguage } from '../i18n/LocaleProvider';
import { useSession } from '../session/session-context';
import { NameFields } from './NameFields';
import { SecretField } from './SecretField';
import { StationScreen } from './StationScreen';

/** No user exists yet: create the first administrator, or load the demo (with its users). */
export function FirstRunScreen() {
  const { t } = useTranslation();
  // The demo's free text (departments, notes) is written in the station's language.
  const language = useStationLanguage();
  const { apply, refresh } = useSession();
  const appInfo = useAppInfo();
  const [names, setNames] = useState({ displayName: '', staffId: '' });
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<'admin' | 'demo'>();

  const missing = useMissing({
    displayName: names.displayName.trim() === '' ? t('people.users.needName') : null,
    secret: secret === '' ? t('people.firstRun.needSecret') : null,
    again:
      again === '' && secret !== ''
        ? t('people.firstRun.needAgain')
        : again !== secret
          ? t('people.firstRun.mismatch')
          : null,
  });
  const fields = ['displayName', 'staffId', 'secret'];
  const said = (field: 'displayName' | 'secret') => problemAt(t, error, field) ?? missing.at(field);

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    if (!missing.submitted()) return;
    setBusy('admin');
    const { displayName, staffId } = names;
    const input = staffId.trim() ? { displayName, staffId, secret } : { displayName, secret };
    void call('people.createFirstAdmin', input).then((result) => {
      setBusy(undefined);
      if (result.ok) apply(result.value);
      else setError(result.error);
    });
  };

  const loadDemo = () => {
    setBusy('demo');
    setError(undefined);
    void call('demo.load', { language }).then(async (result) => {
      setBusy(undefined);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      await appInfo.refresh();
      await refresh();
    });
  };

  return (
    <StationScreen title={t('people.firstRun.title')}>
      <p className="station-intro">{t('people.firstRun.intro')}</p>
      {error && !isAboutFields(error, fields) ? <ErrorMessage error={error} /> : null}
      <div className="first-run-choices">
        <section className="panel first-run-panel" aria-labelledby="first-admin-title">
          <h2 id="first-admin-title">{t('people.firstRun.adminTitle')}</h2>
          <p className="field-help">{t('people.firstRun.adminIntro')}</p>
          <Form className="people-form" onSubmit={create} validationBehavior="aria">
            <NameFields
              value={names}
              onChange={setNames}
              problems={{
                displayName: said('displayName'),
                staffId: problemAt(t, error, 'staffId'),
              }}
            />
            <SecretField
              label={t('people.firstRun.secret')}
              value={secret}
              onChange={setSecret}
              problem={said('secret')}
            />
            <SecretField
              label={t('people.firstRun.secretAgain')}
              value={again}
              onChange={setAgain}
              problem={missing.at('again')}
            />
            <Button type="submit" className="button button-primary" isPending={busy === 'admin'}>
              {t('people.firstRun.create')}
            </Button>
          </Form>
        </section>
        <section className="panel first-run-panel" aria-labelledby="demo-title">
          <h2 id="demo-title">
            {t('people.firstRun.demoTitle')}{' '}
            <span className="demo-badge">{t('people.demoBadge')}</span>
          </h2>
          <p className="field-help">{t('people.firstRun.demoIntro')}</p>
          <Button
            className="button button-secondary"
            onPress={loadDemo}
            isPending={busy === 'demo'}
          >
            {busy === 'demo' ? t('people.firstRun.loadingDemo') : t('people.firstRun.loadDemo')}
          </Button>
        </section>
      </div>
    </StationScreen>
  );
}
