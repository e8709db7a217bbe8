import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '../../../electron/api/domains/incidents';
import { call } from '../api/client';
import { AnswerTextField } from '../components/TextInputField';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSubmit } from '../components/use-submit';

/** Closing an incident takes a summary, and only once every case is closed (the services check). */
export function CloseIncidentForm({
  incident,
  onClosed,
}: {
  incident: IncidentSummary;
  onClosed(incident: IncidentSummary): void;
}) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState('');
  const closing = useSubmit();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    closing.run(call('incidents.close', { id: incident.id, summary: summary.trim() }), onClosed);
  };
  return (
    <section className="panel" aria-labelledby="incident-close-title">
      <h2 id="incident-close-title">{t('cases.incidents.close.title')}</h2>
      <p>
        {incident.openCaseCount > 0
          ? t('cases.incidents.close.stillOpen', { count: incident.openCaseCount })
          : t('cases.incidents.close.ready')}
      </p>
      <Form onSubmit={submit} className="incident-form">
        <AnswerTextField
          label={t('cases.incidents.close.summary')}
          value={summary}
          onChange={setSummary}
          maxLength={4000}
          rows={4}
        />
        {closing.error ? <ErrorMessage error={closing.error} /> : null}
        <Button
          type="submit"
          className="button button-primary"
          isPending={closing.busy}
          isDisabled={summary.trim() === ''}
        >
          {t('cases.incidents.close.submit')}
        </Button>
      </Form>
    </section>
  );
}
