import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/api/domains/cases';
import type { StationView } from '../../../electron/api/domains/stations';
import { call } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { SelectField } from '../components/SelectField';
import { TextInputField } from '../components/TextInputField';
import { useSubmit } from '../components/use-submit';
import { useMay } from '../inventory/use-may';
import { SecretField } from '../people/SecretField';
import { useSession } from '../session/session-context';

/** The stations a case may be handed to: enrolled, not revoked, not this one. */
function useTargets(allowed: boolean): StationView[] {
  const [stations, setStations] = useState<StationView[]>([]);
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    void call('stations.list', {}).then((result) => {
      if (live && result.ok) {
        setStations(result.value.filter((s) => !s.self && s.enrolled && !s.revoked));
      }
    });
    return () => {
      live = false;
    };
  }, [allowed]);
  return stations;
}

/**
 * "Hand to another station": the station that holds a case gives it to another enrolled station,
 * which works it from the moment its bundle arrives there. The person confirms with their PIN or
 * password (the transfer is signed). Offered to the roles that may, while the case is open here
 * and another station can take it.
 */
export function HandOnPanel({ detail, onHandedOn }: { detail: CaseDetail; onHandedOn(): void }) {
  const { t } = useTranslation();
  const may = useMay('cases.transfer');
  const allowed = may && detail.open;
  const stations = useTargets(allowed);
  const kind = useSession().status?.user?.credentialKind;
  const [open, setOpen] = useState(false);
  const [stationId, setStationId] = useState<string>();
  const [reason, setReason] = useState('');
  const [secret, setSecret] = useState('');
  const submit = useSubmit();
  if (!allowed || stations.length === 0) return null;

  const close = () => {
    setOpen(false);
    setSecret('');
    submit.clear();
  };
  const hand = () => {
    if (!stationId) return;
    const input = {
      caseId: detail.caseId,
      stationId,
      signoff: { secret },
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    setSecret('');
    submit.run(call('cases.transfer', input), () => {
      setOpen(false);
      onHandedOn();
    });
  };
  return (
    <section className="case-panel hand-on" aria-labelledby="hand-on-title">
      <h2 id="hand-on-title">{t('cases.handOn.title')}</h2>
      <p className="field-help">{t('cases.handOn.help')}</p>
      <Button className="button button-secondary" onPress={() => setOpen(true)}>
        {t('cases.handOn.open')}
      </Button>
      <FormDialog
        title={t('cases.handOn.dialogTitle', { assetTag: detail.device.assetTag })}
        testId="hand-on-dialog"
        isOpen={open}
        onClose={close}
        submitLabel={t('cases.handOn.submit')}
        onSubmit={hand}
        busy={submit.busy}
        submitDisabled={!stationId || secret.length === 0}
        cancelLabel={t('cases.other.cancel')}
        error={submit.error}
      >
        <p>{t('cases.handOn.intro')}</p>
        <SelectField
          label={t('cases.handOn.station')}
          className="filter-select hand-on-station"
          options={stations.map((s) => ({ key: s.stationId, label: s.name }))}
          value={stationId}
          onChange={setStationId}
        />
        <TextInputField
          label={t('cases.handOn.reason')}
          value={reason}
          onChange={setReason}
          maxLength={1000}
        />
        <SecretField
          label={t('people.sign.secret')}
          value={secret}
          onChange={setSecret}
          {...(kind ? { kind } : {})}
        />
      </FormDialog>
    </section>
  );
}
