import { useTranslation } from 'react-i18next';
import {
  demoSigningPassphrase,
  type SigningStatus,
} from '../../../../electron/api/domains/signing';
import { formatDateTime } from '../../cases/time-format';

const when = (iso: string) => formatDateTime(iso);

/** What the current identity is: the facts IT compares, the fingerprint above all. */
export function SigningStatusView({ status }: { status: SigningStatus }) {
  const { t } = useTranslation();
  const identity = status.identity;
  if (!identity) return <p className="notice settings-warning">{t('settings.signing.none')}</p>;
  return (
    <>
      {identity.demo ? (
        <p className="notice settings-warning" data-testid="signing-demo">
          {t('settings.signing.demo', { passphrase: demoSigningPassphrase })}
        </p>
      ) : null}
      <dl className="fact-list signing-facts">
        <dt>{t('settings.signing.subject')}</dt>
        {/* A distinguished name, an identifier: shown as issued, in any language. */}
        <dd data-testid="signing-subject" translate="no">
          {identity.subject}
        </dd>
        <dt>{t('settings.signing.issuer')}</dt>
        <dd translate="no">{identity.issuer}</dd>
        <dt>{t('settings.signing.fingerprint')}</dt>
        <dd className="fingerprint" data-testid="signing-fingerprint">
          {identity.fingerprintSha256}
        </dd>
        <dt>{t('settings.signing.validity')}</dt>
        <dd>
          {t('settings.signing.validityRange', {
            from: when(identity.notBefore),
            to: when(identity.notAfter),
          })}
        </dd>
        <dt>{t('settings.signing.algorithm')}</dt>
        <dd>{identity.keyAlgorithm}</dd>
        <dt>{t('settings.signing.source')}</dt>
        <dd>{t(`settings.signing.sources.${identity.source}`)}</dd>
        <dt>{t('settings.signing.session')}</dt>
        <dd data-testid="signing-session" className={status.unlocked ? 'check-ok' : undefined}>
          {status.unlocked ? t('settings.signing.unlocked') : t('settings.signing.locked')}
        </dd>
      </dl>
      {status.warnings.map((w) => (
        <p key={w} className="notice settings-warning">
          {w}
        </p>
      ))}
      {status.previousIdentities > 0 ? (
        <p>{t('settings.signing.previous', { count: status.previousIdentities })}</p>
      ) : null}
    </>
  );
}
