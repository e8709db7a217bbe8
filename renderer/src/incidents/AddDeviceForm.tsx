import { useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '../../../electron/api/domains/incidents';
import { call, type ApiError } from '../api/client';
import { AnswerTextField } from '../components/TextInputField';
import { ErrorMessage } from '../components/ErrorMessage';
import { SuccessNotice } from '../components/SuccessNotice';

/** A device the matching missed: opened by hand, by asset tag, with the reason recorded. */
export function AddDeviceForm({
  incident,
  onAdded,
}: {
  incident: IncidentSummary;
  onAdded(): void;
}) {
  const { t } = useTranslation();
  const [assetTag, setAssetTag] = useState('');
  const [advisory, setAdvisory] = useState(String(incident.advisories[0]?.id ?? ''));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [added, setAdded] = useState<string>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const tag = assetTag.trim();
    setBusy(true);
    setError(undefined);
    setAdded(undefined);
    void (async () => {
      const found = await call('devices.list', { search: tag, limit: 20 });
      const device = found.ok
        ? found.value.devices.find((d) => d.assetTag.toLowerCase() === tag.toLowerCase())
        : undefined;
      if (!found.ok) {
        setBusy(false);
        return setError(found.error);
      }
      if (!device) {
        setBusy(false);
        return setError({ code: 'not_found', message: t('cases.incidents.add.noDevice', { tag }) });
      }
      const result = await call('cases.addDevice', {
        incidentId: incident.id,
        deviceId: device.id,
        advisoryId: Number(advisory),
        reason: reason.trim(),
      });
      setBusy(false);
      if (!result.ok) return setError(result.error);
      setAdded(t('cases.incidents.add.done', { tag: device.assetTag }));
      setAssetTag('');
      setReason('');
      onAdded();
    })();
  };

  return (
    <section className="panel" aria-labelledby="incident-add-title">
      <h2 id="incident-add-title">{t('cases.incidents.add.title')}</h2>
      <SuccessNotice message={added} />
      <Form onSubmit={submit} className="incident-form">
        <TextField
          className="answer-control"
          value={assetTag}
          onChange={setAssetTag}
          isRequired
          maxLength={64}
        >
          <Label className="answer-label">{t('cases.incidents.add.assetTag')}</Label>
          <Input className="text-input short-input" />
        </TextField>
        {incident.advisories.length > 1 ? (
          <RadioGroup className="answer-control" value={advisory} onChange={setAdvisory}>
            <Label className="answer-label">{t('cases.incidents.add.advisory')}</Label>
            <div className="choice-options">
              {incident.advisories.map((a) => (
                <Radio key={a.id} value={String(a.id)} className="choice-option">
                  {a.trackingId}
                </Radio>
              ))}
            </div>
          </RadioGroup>
        ) : null}
        <AnswerTextField
          label={t('cases.incidents.add.reason')}
          value={reason}
          onChange={setReason}
        />
        {error ? <ErrorMessage error={error} /> : null}
        <Button
          type="submit"
          className="button button-secondary"
          isPending={busy}
          isDisabled={assetTag.trim() === '' || reason.trim() === '' || advisory === ''}
        >
          {t('cases.incidents.add.submit')}
        </Button>
      </Form>
    </section>
  );
}
