import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SecuritySettings } from '../../../electron/api/domains/people';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { isAboutFields, problemAt } from '../components/error-words';
import { useMissing } from '../components/use-missing';
import { useSession } from '../session/session-context';
import { WholeNumberField, wholeNumberOf, wholeNumberProblem } from './WholeNumberField';

type Field = keyof SecuritySettings;
const fields: readonly Field[] = ['lockoutThreshold', 'lockoutMinutes', 'idleMinutes'];
type Texts = Record<Field, string>;

const textsOf = (s: SecuritySettings): Texts => ({
  lockoutThreshold: String(s.lockoutThreshold),
  lockoutMinutes: String(s.lockoutMinutes),
  idleMinutes: String(s.idleMinutes),
});

/** Settings → Security: lockout threshold and duration, and the idle lock. Administrators only. */
export function SecuritySettingsForm() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [texts, setTexts] = useState<Texts>();
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  // Each field says what it lacks when the form is sent; the services check the ranges.
  const missing = useMissing<Field>({
    lockoutThreshold: texts ? wholeNumberProblem(t, texts.lockoutThreshold) : null,
    lockoutMinutes: texts ? wholeNumberProblem(t, texts.lockoutMinutes) : null,
    idleMinutes: texts ? wholeNumberProblem(t, texts.idleMinutes) : null,
  });

  useEffect(() => {
    void call('settings.getSecurity', {}).then((result) => {
      if (result.ok) setTexts(textsOf(result.value));
      else setError(result.error);
    });
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!texts) return;
    setSaved(false);
    setError(undefined);
    if (!missing.submitted()) return;
    const values: Partial<SecuritySettings> = {};
    for (const field of fields) values[field] = wholeNumberOf(texts[field]);
    setSaving(true);
    // The services check the ranges and say which field is wrong.
    void call('settings.setSecurity', values).then((result) => {
      setSaving(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setTexts(textsOf(result.value));
      setSaved(true);
      // The idle lock reads its minutes from the session status.
      void refresh();
    });
  };

  return (
    <section className="panel" aria-labelledby="security-title">
      <h2 id="security-title">{t('settings.security.title')}</h2>
      <p>{t('settings.security.intro')}</p>
      {texts ? (
        <Form className="settings-form" onSubmit={submit} validationBehavior="aria">
          {fields.map((field) => (
            <WholeNumberField
              key={field}
              label={t(`settings.security.${field}`)}
              help={t(`settings.security.${field}Help`)}
              value={texts[field]}
              problem={problemAt(t, error, field) ?? missing.at(field)}
              onChange={(v) => {
                setSaved(false);
                setTexts({ ...texts, [field]: v });
              }}
            />
          ))}
          {error && !isAboutFields(error, fields) ? <ErrorMessage error={error} /> : null}
          <div aria-live="polite">
            {saved ? <p className="notice notice-success">{t('settings.security.saved')}</p> : null}
          </div>
          <Button type="submit" className="button button-primary" isPending={saving}>
            {saving ? t('settings.security.saving') : t('settings.security.save')}
          </Button>
        </Form>
      ) : error ? (
        <ErrorMessage error={error} />
      ) : (
        <p role="status">{t('settings.security.loading')}</p>
      )}
    </section>
  );
}
