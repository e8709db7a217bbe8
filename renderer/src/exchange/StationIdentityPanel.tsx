import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { FactList } from '../components/FactList';
import { LineForm } from '../components/LineForm';
import { useMay } from '../inventory/use-may';
import type { StationPartProps } from './station-part';
import { RenewCommandPost } from './RenewCommandPost';

/** This installation as a station: its name and key fingerprint, or the form that names it. */
export function StationIdentityPanel({ station, onChanged }: StationPartProps) {
  const { t } = useTranslation();
  const mayInit = useMay('stations.init');

  return (
    <section className="panel" aria-labelledby="exchange-station-title">
      <h2 id="exchange-station-title">{t('exchange.station.title')}</h2>
      <RenewCommandPost station={station} onChanged={onChanged} />
      {station.initialised ? (
        <FactList
          facts={[
            { label: t('exchange.station.name'), value: station.name },
            { label: t('exchange.station.id'), value: station.stationId, className: 'path' },
            {
              label: t('exchange.station.fingerprint'),
              value: station.keyFingerprintSpoken,
              className: 'fingerprint',
            },
            {
              label: t('exchange.station.enrolment'),
              value: (
                <>
                  {station.enrolled
                    ? t('exchange.station.enrolled')
                    : t('exchange.station.notEnrolled')}
                  {station.holdsOrganisationIdentity
                    ? ` · ${t('exchange.station.holdsIdentity')}`
                    : ''}
                  {station.commandPost ? ` · ${t('exchange.station.commandPost')}` : ''}
                </>
              ),
            },
          ]}
        />
      ) : mayInit ? (
        <LineForm
          intro={t('exchange.station.initIntro')}
          label={t('exchange.station.nameLabel')}
          help={t('exchange.station.nameHelp')}
          maxLength={64}
          submitLabel={t('exchange.station.init')}
          send={(name) => call('stations.init', { name })}
          onDone={onChanged}
        />
      ) : (
        <p>{t('exchange.station.initWho')}</p>
      )}
    </section>
  );
}
