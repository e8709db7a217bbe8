import { useEffect, useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  FieldError,
  Form,
  Input,
  Label,
  Radio,
  RadioGroup,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IncidentCreateResult } from '../../../electron/api/domains/incidents';
import type { UserSummary } from '../../../electron/api/domains/people';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormFooter } from '../components/FormFooter';
import { localInputFromNow, localInputToIso } from '../cases/time-format';
import { useSession } from '../session/session-context';
import { useAdvisoryChoices } from './use-advisory-choices';
import { TimeInput } from '../components/TimeInput';
import { titleWithoutId } from '../advisories/advisory-text';
import { PageLink } from '../components/PageLink';
import { useMissing } from '../components/use-missing';

/** A first operational period of twelve hours: one shift handover later, the commander reviews. */
const periodHours = 12;

/**
 * Open an incident: a name, its commander, the first operational period, and the advisories it
 * answers. Only advisories with confirmed matches are offered: they are what opens cases.
 */
export function CreateIncidentForm({
  onCreated,
  onCancel,
  advisoryId,
}: {
  onCreated(result: IncidentCreateResult): void;
  onCancel(): void;
  /** Opened from an advisory's page: that advisory is chosen (and names the incident). */
  advisoryId?: number;
}) {
  const { t } = useTranslation();
  const { status } = useSession();
  const { choices, error: loadError } = useAdvisoryChoices();
  const [commanders, setCommanders] = useState<UserSummary[]>([]);
  const [name, setName] = useState('');
  const [commander, setCommander] = useState('');
  const userId = status?.user?.id;
  const [start, setStart] = useState(() => localInputFromNow());
  const [end, setEnd] = useState(() => localInputFromNow(periodHours * 60));
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    void call('session.listUsers', {}).then((result) => {
      if (!result.ok) return;
      const list = result.value.filter((u) => u.roles.includes('incident_commander'));
      setCommanders(list);
      // The commander opening the incident usually commands it.
      if (list.some((u) => u.id === userId)) setCommander(String(userId));
    });
  }, [userId]);

  const usable = (choices ?? []).filter((c) => c.confirmed > 0);
  // Once the choices are known, the advisory this form was opened for is chosen, once.
  const [preset, setPreset] = useState(advisoryId);
  if (preset !== undefined && choices) {
    setPreset(undefined);
    const found = usable.find((c) => c.advisory.id === preset);
    if (found) {
      setPicked([String(preset)]);
      setName(`${found.advisory.trackingId}${t('cases.incidents.create.nameSuffix')}`);
    }
  }
  const pick = (ids: string[]) => {
    setPicked(ids);
    // Suggest a name from the first advisory until the commander types their own.
    const first = usable.find((c) => String(c.advisory.id) === ids[0]);
    if (first && (name === '' || name.endsWith(t('cases.incidents.create.nameSuffix')))) {
      setName(`${first.advisory.trackingId}${t('cases.incidents.create.nameSuffix')}`);
    }
  };

  // What is missing is said at each field once the form is submitted (not by a greyed button).
  const missing = useMissing({
    advisories: picked.length === 0 ? t('cases.incidents.create.needAdvisory') : null,
    name: name.trim() === '' ? t('cases.incidents.create.needName') : null,
    commander: commander === '' ? t('cases.incidents.create.needCommander') : null,
  });
  const shown = missing.at;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!missing.submitted()) return;
    const startIso = localInputToIso(start);
    const endIso = localInputToIso(end, 'future');
    if (!startIso || !endIso) {
      setError({ code: 'invalid_input', message: t('cases.incidents.create.badPeriod') });
      return;
    }
    setBusy(true);
    setError(undefined);
    void call('incidents.create', {
      name: name.trim(),
      commanderUserId: Number(commander),
      operationalPeriod: { start: startIso, end: endIso },
      advisoryIds: picked.map(Number),
    }).then((result) => {
      setBusy(false);
      if (result.ok) onCreated(result.value);
      else setError(result.error);
    });
  };

  return (
    <section className="panel incident-create" aria-labelledby="incident-create-title">
      <h2 id="incident-create-title">{t('cases.incidents.create.title')}</h2>
      {loadError ? <ErrorMessage error={loadError} /> : null}
      {!choices && !loadError ? (
        <p className="loading-text">{t('cases.incidents.create.loading')}</p>
      ) : null}
      {choices && usable.length === 0 ? (
        <div className="incident-create-empty" data-testid="incident-no-confirmed">
          <p>{t('cases.incidents.create.noConfirmed')}</p>
          <PageLink page="advisories">{t('cases.incidents.create.toAdvisories')}</PageLink>
        </div>
      ) : null}
      {usable.length > 0 ? (
        <Form className="incident-form" onSubmit={submit} validationBehavior="aria">
          <CheckboxGroup
            className="answer-control"
            value={picked}
            onChange={pick}
            isInvalid={shown('advisories') !== null}
          >
            <Label className="answer-label">{t('cases.incidents.create.advisories')}</Label>
            <FieldError className="field-error">{shown('advisories')}</FieldError>
            {usable.map(({ advisory, confirmed }) => (
              <Checkbox key={advisory.id} value={String(advisory.id)} className="check-option">
                <span className="check-box" aria-hidden="true" />
                <span>
                  <strong>{advisory.trackingId}</strong>{' '}
                  {/* CISA titles often repeat the ID: show it once. */}
                  {titleWithoutId(advisory.title, advisory.trackingId)}
                  <span className="check-sub">
                    {t('cases.incidents.create.advisoryLine', {
                      count: confirmed,
                      version: advisory.version,
                    })}
                  </span>
                </span>
              </Checkbox>
            ))}
          </CheckboxGroup>
          <TextField
            className="answer-control answer-text"
            value={name}
            onChange={setName}
            isRequired
            maxLength={200}
            isInvalid={shown('name') !== null}
          >
            <Label className="answer-label">{t('cases.incidents.create.name')}</Label>
            <Input className="text-input" />
            <FieldError className="field-error">{shown('name')}</FieldError>
          </TextField>
          <RadioGroup
            className="answer-control"
            value={commander}
            onChange={setCommander}
            isRequired
            isInvalid={shown('commander') !== null}
          >
            <Label className="answer-label">{t('cases.incidents.create.commander')}</Label>
            <FieldError className="field-error">{shown('commander')}</FieldError>
            <div className="choice-options">
              {commanders.map((u) => (
                <Radio key={u.id} value={String(u.id)} className="choice-option">
                  {u.displayName}
                </Radio>
              ))}
            </div>
          </RadioGroup>
          <div className="period-row">
            <TextField className="answer-control" value={start} onChange={setStart} isRequired>
              <Label className="answer-label">{t('cases.incidents.create.periodStart')}</Label>
              <TimeInput value={start} />
            </TextField>
            <TextField className="answer-control" value={end} onChange={setEnd} isRequired>
              <Label className="answer-label">{t('cases.incidents.create.periodEnd')}</Label>
              <TimeInput value={end} leaning="future" />
            </TextField>
          </div>
          <FormFooter
            error={error}
            submitLabel={t('cases.incidents.create.submit')}
            busy={busy}
            rowClassName="step-actions"
          >
            <Button className="button button-secondary" onPress={onCancel}>
              {t('cases.incidents.create.cancel')}
            </Button>
          </FormFooter>
        </Form>
      ) : null}
    </section>
  );
}
