import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type {
  BackupInfo,
  BackupRestoreReport,
  BackupVerification,
} from '../../../../electron/api/domains/backup';
import { call, type ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSession } from '../../session/session-context';
import { restoreRefusalIn } from './check-words';
import { ForceRestoreForm } from './ForceRestoreForm';
import { formatWhen } from './format';

/** The verification behind a refusal an administrator may override, if that is what it was. */
function forceableVerification(error: ApiError | undefined): BackupVerification | undefined {
  const details = error?.details as { verification?: BackupVerification } | undefined;
  return details?.verification?.forceable ? details.verification : undefined;
}

interface Props {
  backup: BackupInfo;
  onClose(): void;
}

/**
 * Says what a restore does before it does it: verified first, the current database kept aside,
 * newer work gone, everyone signed out (the restored database has its own users and sessions).
 */
export function RestoreDialog({ backup, onClose }: Props) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [report, setReport] = useState<BackupRestoreReport>();

  const restore = (force?: { reason: string }) => {
    setBusy(true);
    setError(undefined);
    void call('backup.restore', { file: backup.file, ...(force ? { force } : {}) }).then(
      (result) => {
        setBusy(false);
        if (result.ok) setReport(result.value);
        else setError(restoreRefusalIn(t, result.error));
      },
    );
  };

  const forceable = forceableVerification(error);

  // Once restored, the station is signed out: leaving the dialog goes to the sign-in screen.
  const close = () => (report ? void refresh() : onClose());

  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable={!busy}
      isOpen
      onOpenChange={(open) => {
        if (!open) close();
      }}
    >
      <Modal className="modal modal-narrow">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">
            {t('settings.backups.restoreTitle', { fileName: backup.fileName })}
          </Heading>
          {report ? (
            <div role="status">
              <p className="notice notice-success">
                {t('settings.backups.restored', { fileName: backup.fileName })}
              </p>
              {report.forced ? (
                <p>{t('settings.backups.restoredForced', { reason: report.forced.reason })}</p>
              ) : null}
              <p className="path">
                {report.replacedDatabaseKeptAs
                  ? t('settings.backups.restoredKeptAs', { file: report.replacedDatabaseKeptAs })
                  : t('settings.backups.restoredNoOld')}
              </p>
              {report.stoppedWork.length > 0 ? (
                <p>
                  {t('settings.backups.restoredStoppedWork', {
                    work: report.stoppedWork
                      .map((kind) => t(`settings.backups.runningWork.${kind}`))
                      .join(', '),
                  })}
                </p>
              ) : null}
              <p>{t('settings.backups.restoreStep4')}</p>
              <Button className="button button-primary" onPress={close} autoFocus>
                {t('settings.backups.signInAgain')}
              </Button>
            </div>
          ) : (
            <>
              <p>{t('settings.backups.restoreSteps')}</p>
              <ol className="restore-steps">
                <li>{t('settings.backups.restoreStep1')}</li>
                <li>{t('settings.backups.restoreStep2')}</li>
                <li>
                  {backup.createdAt
                    ? t('settings.backups.restoreStep3', {
                        createdAt: formatWhen(backup.createdAt),
                      })
                    : t('settings.backups.restoreStep3Unknown')}
                </li>
                <li>{t('settings.backups.restoreStep4')}</li>
              </ol>
              {error ? <ErrorMessage error={error} /> : null}
              {forceable ? (
                <ForceRestoreForm
                  fileName={backup.fileName}
                  verification={forceable}
                  busy={busy}
                  onForce={(reason) => restore({ reason })}
                />
              ) : null}
              <div className="people-actions">
                <Button className="button button-danger" onPress={() => restore()} isPending={busy}>
                  {busy ? t('settings.backups.restoring') : t('settings.backups.restoreConfirm')}
                </Button>
                <Button className="button button-secondary" slot="close" isDisabled={busy}>
                  {t('settings.backups.cancel')}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
