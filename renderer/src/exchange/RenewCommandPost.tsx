import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { SigningUnlockDialog } from '../board/SigningUnlockDialog';
import { useSigningGate } from '../board/use-signing-gate';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSubmit } from '../components/use-submit';
import { useMay } from '../inventory/use-may';
import type { StationPartProps } from './station-part';

/**
 * A command post enrolled before certificates marked it: the other stations refuse its requests
 * and conflict choices until it renews its own certificate (signed with the organisation key).
 */
export function RenewCommandPost({ station, onChanged }: StationPartProps) {
  const { t } = useTranslation();
  const mayRenew = useMay('stations.renewCommandPost');
  const gate = useSigningGate();
  const renewing = useSubmit();
  const [renewed, setRenewed] = useState(false);
  const renew = () =>
    gate.whenUnlocked(() =>
      renewing.run(call('stations.renewCommandPost', {}), () => {
        setRenewed(true);
        onChanged();
      }),
    );
  return (
    <>
      {station.renewCommandPost ? (
        <div className="notice" data-testid="renew-command-post">
          <p>
            <strong>{t('exchange.station.renewTitle')}</strong>
          </p>
          <p>{t('exchange.station.renewBody')}</p>
          {mayRenew ? (
            <Button className="button button-primary" isPending={renewing.busy} onPress={renew}>
              {t('exchange.station.renew')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {gate.error ? <ErrorMessage error={gate.error} /> : null}
      {renewing.error ? <ErrorMessage error={renewing.error} /> : null}
      <div aria-live="polite">
        {renewed ? <p className="notice notice-success">{t('exchange.station.renewed')}</p> : null}
      </div>
      <SigningUnlockDialog
        {...gate.dialog}
        intro={t('exchange.unlock.renewIntro')}
        submitLabel={t('exchange.unlock.submit')}
      />
    </>
  );
}
