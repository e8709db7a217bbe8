import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ExchangeStatus } from '../../../electron/api/domains/exchange';
import type { StationStatus, StationView } from '../../../electron/api/domains/stations';
import { call } from '../api/client';
import { SigningUnlockDialog } from '../board/SigningUnlockDialog';
import { useSigningGate } from '../board/use-signing-gate';
import { formatDateTime } from '../cases/time-format';
import { ColumnHeads } from '../components/ColumnHeads';
import { FormDialog } from '../components/FormDialog';
import { useSubmit } from '../components/use-submit';
import { useMay } from '../inventory/use-may';

interface Props {
  station: StationStatus;
  stations: StationView[];
  exchange: ExchangeStatus | undefined;
  onChanged(): void;
}

/** Every station known here and the last exchange with it; revoking one (a lost laptop). */
export function StationsTable({ station, stations, exchange, onChanged }: Props) {
  const { t } = useTranslation();
  const mayRevoke = useMay('stations.revoke') && station.holdsOrganisationIdentity;
  const [revoking, setRevoking] = useState<StationView>();
  const others = stations.filter((s) => !s.self);
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'exchange.stations' });
  // What they hold of ours only with this station's exchange status; revoking only for some.
  const columns = [
    ...(['station', 'lastHeard', 'received'] as const),
    ...(exchange ? (['theyHave'] as const) : []),
    ...(mayRevoke ? (['action'] as const) : []),
  ];
  const acks = new Map(exchange?.stations.map((s) => [s.stationId, s.acknowledgedUpTo]));
  return (
    <section className="panel" aria-labelledby="exchange-stations-title">
      <h2 id="exchange-stations-title">{t('exchange.stations.title')}</h2>
      {others.length === 0 ? (
        <p>{t('exchange.stations.none')}</p>
      ) : (
        <table className="data-table exchange-table">
          <ColumnHeads columns={columns.map((key) => heads(key))} />
          <tbody>
            {others.map((s) => (
              <tr key={s.stationId}>
                <td>
                  {s.name}
                  <span className="exchange-sub">
                    {s.revoked
                      ? t('exchange.stations.revoked', { at: formatDateTime(s.revokedAt) })
                      : s.enrolled
                        ? t('exchange.stations.enrolledHere')
                        : t('exchange.stations.heardOf')}
                  </span>
                </td>
                <td>{s.lastHeardFrom ? formatDateTime(s.lastHeardFrom) : t('exchange.never')}</td>
                <td>
                  {s.headId === null
                    ? t('exchange.stations.nothing')
                    : t('exchange.stations.upTo', { id: s.headId })}
                </td>
                {exchange ? (
                  <td>
                    {t('exchange.stations.ofOurs', {
                      id: acks.get(s.stationId) ?? 0,
                      head: exchange.ownHead,
                    })}
                  </td>
                ) : null}
                {mayRevoke ? (
                  <td>
                    {s.revoked ? null : (
                      <Button className="button" onPress={() => setRevoking(s)}>
                        {t('exchange.stations.revoke')}
                      </Button>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking ? (
        <RevokeDialog
          station={revoking}
          onClose={() => setRevoking(undefined)}
          onRevoked={() => {
            setRevoking(undefined);
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}

function RevokeDialog(props: { station: StationView; onClose(): void; onRevoked(): void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const gate = useSigningGate();
  const { station } = props;
  return (
    <>
      <FormDialog
        title={t('exchange.revoke.title', { name: station.name })}
        onClose={props.onClose}
        submitLabel={t('exchange.revoke.submit')}
        onSubmit={() =>
          gate.whenUnlocked(() =>
            submit.run(call('stations.revoke', { stationId: station.stationId }), props.onRevoked),
          )
        }
        busy={submit.busy}
        cancelLabel={t('exchange.revoke.cancel')}
        error={submit.error ?? gate.error}
      >
        <p>{t('exchange.revoke.body', { name: station.name })}</p>
      </FormDialog>
      <SigningUnlockDialog
        {...gate.dialog}
        intro={t('exchange.unlock.revokeIntro')}
        submitLabel={t('exchange.unlock.submit')}
      />
    </>
  );
}
