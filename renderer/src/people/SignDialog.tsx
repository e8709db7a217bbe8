import { useState, type FormEvent } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { JsonValue } from '../../../electron/api/domains/cases';
import type { Signoff } from '../../../electron/api/domains/signoffs';
import {
  maySign,
  signoffKinds,
  type Role,
  type SignoffKind,
} from '../../../electron/api/permissions';
import { signoffStatement, statementLanguage } from '../../../electron/api/roles';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { CoSignerFields, type CoSigner } from './CoSignerFields';
import { useSession } from '../session/session-context';
import { roleLabel } from './role-label';
import { SecretField } from './SecretField';
import '../styles/cases.css';

export interface SignSubject {
  subjectType: string;
  subjectId: string;
  /** What the services will compare with the subject's current content: sent back as is. */
  content: Record<string, JsonValue>;
}

interface Props {
  kind: SignoffKind | undefined;
  subject: SignSubject | undefined;
  /** What is being signed, in plain words (the device, the advisory revision, the checklist). */
  summary: string[];
  onClose(): void;
  onSigned(signoff: Signoff): void;
  /** The services refused because the content changed: the caller reloads what it shows. */
  onStale?(): void;
}

/**
 * A sign-off: the fixed sentence of the kind, who signs and as what, and their PIN or password
 * again. The services decide (role, PIN, content unchanged); their message is shown as given.
 *
 * When the station's user may not give this kind, the person who must sign does it here, picking
 * their name or typing their staff ID and entering their own PIN: the station stays with its
 * user (no hand-over), the sign-off is theirs. The station's user may also let someone else sign.
 */
export function SignDialog({ kind, subject, summary, onClose, onSigned, onStale }: Props) {
  const { t, i18n } = useTranslation();
  // A person signs the words they read: the statement in the reader's language, sent with it.
  const language = statementLanguage(i18n.resolvedLanguage);
  const { status } = useSession();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const open = kind !== undefined && subject !== undefined;
  const user = status?.user;
  const role = status?.role ?? undefined;
  const allowed: readonly Role[] = kind ? signoffKinds[kind].roles : [];
  const selfMaySign =
    kind !== undefined && user !== undefined && user !== null && maySign(kind, user.roles);
  const [someoneElse, setSomeoneElse] = useState(false);
  const [coSigner, setCoSigner] = useState<CoSigner>();
  const coSigning = someoneElse || !selfMaySign;

  const close = () => {
    setSecret('');
    setError(undefined);
    setSomeoneElse(false);
    setCoSigner(undefined);
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!kind || !subject) return;
    setBusy(true);
    setError(undefined);
    void call('signoffs.sign', {
      kind,
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      content: subject.content,
      secret,
      language,
      ...(coSigning && coSigner ? { signer: coSigner } : {}),
    }).then((result) => {
      setBusy(false);
      setSecret('');
      if (result.ok) {
        setError(undefined);
        setSomeoneElse(false);
        setCoSigner(undefined);
        onSigned(result.value);
        return;
      }
      setError(result.error);
      const details = result.error.details as { reason?: unknown } | undefined;
      if (details?.reason === 'content_changed') onStale?.();
    });
  };

  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable={!busy}
      isOpen={open}
      onOpenChange={(isOpen) => {
        if (!isOpen) close();
      }}
    >
      <Modal className="modal sign-modal">
        <Dialog className="dialog sign-dialog">
          {kind && subject ? (
            <>
              <div className="dialog-header">
                <Heading slot="title">
                  {t('people.sign.title', { kind: t(`people.sign.kinds.${kind}`) })}
                </Heading>
              </div>
              <section className="sign-statement" aria-label={t('people.sign.statementLabel')}>
                <p className="sign-label">{t('people.sign.statementLabel')}</p>
                <blockquote className="sign-quote" data-testid="sign-statement" lang={language}>
                  {signoffStatement(kind, language)}
                </blockquote>
              </section>
              {summary.length > 0 ? (
                <section className="sign-summary" aria-label={t('people.sign.subjectLabel')}>
                  <p className="sign-label">{t('people.sign.subjectLabel')}</p>
                  <ul>
                    {summary.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {!coSigning && user && role ? (
                <p className="sign-signer">
                  {t('people.sign.signer', { name: user.displayName, role: roleLabel(t, role) })}
                </p>
              ) : null}
              {coSigning ? (
                <p className="sign-signer">
                  {t('people.sign.needs', {
                    needed: allowed.map((r) => roleLabel(t, r)).join(', '),
                  })}
                </p>
              ) : null}
              <Form
                className={coSigning ? 'sign-form sign-form-cosign' : 'sign-form'}
                onSubmit={submit}
              >
                {coSigning ? (
                  <CoSignerFields
                    kind={kind}
                    stationUserId={user?.id}
                    value={coSigner}
                    onChange={setCoSigner}
                  />
                ) : null}
                <SecretField
                  label={coSigning ? t('people.sign.signerSecret') : t('people.sign.secret')}
                  value={secret}
                  onChange={setSecret}
                  kind={coSigning ? undefined : user?.credentialKind}
                  autoFocus
                />
                {error ? <ErrorMessage error={error} /> : null}
                <div className="sign-actions">
                  <Button
                    type="submit"
                    className="button button-primary"
                    isPending={busy}
                    isDisabled={secret.length === 0 || (coSigning && coSigner === undefined)}
                  >
                    {busy ? t('people.sign.signing') : t('people.sign.submit')}
                  </Button>
                  <Button className="button button-secondary" onPress={close}>
                    {t('people.sign.cancel')}
                  </Button>
                  {selfMaySign ? (
                    <Button
                      className="button button-link sign-switch"
                      onPress={() => {
                        setSomeoneElse(!someoneElse);
                        setCoSigner(undefined);
                        setSecret('');
                        setError(undefined);
                      }}
                    >
                      {someoneElse ? t('people.sign.selfSigns') : t('people.sign.someoneElse')}
                    </Button>
                  ) : null}
                </div>
              </Form>
            </>
          ) : null}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
