import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ExchangeStatus } from '../../../electron/api/domains/exchange';
import { call } from '../api/client';
import { formatDateTime } from '../cases/time-format';
import { ErrorMessage } from '../components/ErrorMessage';
import { wordsSentence } from '../components/error-words';
import { LineForm } from '../components/LineForm';
import { useSubmit } from '../components/use-submit';
import { useMay } from '../inventory/use-may';

interface Props {
  exchange: ExchangeStatus;
  onStatus(status: ExchangeStatus): void;
}

/** The shared folder (a USB stick or a mounted share), and exchanging through it now. */
export function FolderPanel({ exchange, onStatus }: Props) {
  const { t } = useTranslation();
  const maySet = useMay('exchange.setFolder');
  const maySync = useMay('exchange.syncFolder');
  const sync = useSubmit();
  const pass = exchange.lastPass;

  return (
    <section className="panel" aria-labelledby="exchange-folder-title">
      <h2 id="exchange-folder-title">{t('exchange.folder.title')}</h2>
      <p>{t('exchange.folder.intro')}</p>
      {!exchange.enrolled ? <p className="notice">{t('exchange.folder.notEnrolled')}</p> : null}
      <p>
        {exchange.folder
          ? t('exchange.folder.current', { folder: exchange.folder })
          : t('exchange.folder.none')}
      </p>
      {maySet ? (
        <LineForm
          label={t('exchange.folder.label')}
          help={t('exchange.folder.help')}
          maxLength={4096}
          initial={exchange.folder ?? ''}
          submitLabel={t('exchange.folder.save')}
          send={(folder) => call('exchange.setFolder', { folder })}
          onDone={onStatus}
          clear={
            exchange.folder
              ? {
                  label: t('exchange.folder.stop'),
                  send: () => call('exchange.setFolder', { folder: null }),
                }
              : null
          }
        />
      ) : null}
      {exchange.folder && maySync ? (
        <div className="button-row">
          <Button
            className="button"
            isPending={sync.busy}
            onPress={() => sync.run(call('exchange.syncFolder', {}), onStatus)}
          >
            {t('exchange.folder.syncNow')}
          </Button>
        </div>
      ) : null}
      {sync.error ? <ErrorMessage error={sync.error} /> : null}
      <div aria-live="polite">
        {pass ? (
          <p className={pass.error ? 'check-bad' : 'check-ok'}>
            {pass.error
              ? t('exchange.folder.passFailed', {
                  at: formatDateTime(pass.at),
                  why: pass.words ? wordsSentence(t, pass.words) : pass.error,
                })
              : t('exchange.folder.passOk', { at: formatDateTime(pass.at) })}
          </p>
        ) : null}
        {pass?.technical ? (
          // What the system said is for IT: behind Details, not in the sentence.
          <details className="error-details">
            <summary>{t('errors.details')}</summary>
            <p className="error-code">{pass.technical}</p>
          </details>
        ) : null}
      </div>
    </section>
  );
}
