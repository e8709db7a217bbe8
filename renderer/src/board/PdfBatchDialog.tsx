import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Dialog,
  Heading,
  Label,
  Modal,
  ModalOverlay,
  ProgressBar,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { maxBatchCases, type ExportJobProgress } from '../../../electron/api/domains/exports';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { pdfLanguage } from './pdf-export';
import { SigningUnlockDialog } from './SigningUnlockDialog';
import { useSigningGate } from './use-signing-gate';

interface Props {
  isOpen: boolean;
  caseIds: readonly number[];
  onClose(): void;
}

/** How often the progress is read while the services write the PDFs. */
const pollMs = 500;

/**
 * One signed PDF per selected case. The services write them into one folder as a job
 * (`exports.casePdfs`), so that hundreds of cases do not mean hundreds of save dialogs; the
 * dialog polls the job for its progress bar, can stop it, and names the folder at the end.
 */
export function PdfBatchDialog({ isOpen, caseIds, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState<ExportJobProgress>();
  const [error, setError] = useState<ApiError>();
  const [starting, setStarting] = useState(false);
  const gate = useSigningGate();
  const jobId = progress?.jobId;
  const running = progress?.state === 'running';
  const tooMany = caseIds.length > maxBatchCases;
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    if (!jobId || !running) return;
    const timer = window.setTimeout(() => {
      void call('exports.progress', { jobId }).then((result) => {
        if (!live.current) return;
        if (result.ok) setProgress(result.value);
        else setError(result.error);
      });
    }, pollMs);
    return () => window.clearTimeout(timer);
  }, [jobId, running, progress]);

  const start = () => {
    setStarting(true);
    setError(undefined);
    const language = pdfLanguage(i18n.language);
    void call('exports.casePdfs', { caseIds: [...caseIds], language }).then((result) => {
      setStarting(false);
      if (!result.ok) return setError(result.error);
      const { jobId: id, directory, total } = result.value;
      setProgress({
        jobId: id,
        state: 'running',
        directory,
        total,
        done: 0,
        files: [],
        failures: [],
        error: null,
        startedAt: '',
        finishedAt: null,
      });
    });
  };
  const stop = () => {
    if (!jobId) return;
    void call('exports.cancel', { jobId }).then((result) => {
      if (result.ok) setProgress(result.value);
      else setError(result.error);
    });
  };
  const close = () => {
    setProgress(undefined);
    setError(undefined);
    onClose();
  };
  const total = caseIds.length;

  return (
    <>
      <ModalOverlay
        className="modal-overlay"
        isOpen={isOpen && !gate.dialog.isOpen}
        isDismissable={!running}
        onOpenChange={(open) => {
          if (!open) close();
        }}
      >
        <Modal className="modal">
          <Dialog className="dialog" data-testid="pdf-batch-dialog">
            <div className="dialog-header">
              <Heading slot="title">{t('board.pdf.title', { count: total })}</Heading>
            </div>
            {progress ? (
              <>
                <ProgressBar
                  className="board-progress"
                  value={progress.done}
                  maxValue={Math.max(1, progress.total)}
                  valueLabel={t('board.pdf.progress', {
                    done: progress.done,
                    total: progress.total,
                  })}
                >
                  {({ percentage, valueText }) => (
                    <>
                      <Label className="field-label">{t('board.pdf.progressLabel')}</Label>
                      <span className="board-progress-value">{valueText}</span>
                      <div className="board-progress-track">
                        <div
                          className="board-progress-fill"
                          style={{ width: `${percentage ?? 0}%` }}
                        />
                      </div>
                    </>
                  )}
                </ProgressBar>
                {!running ? (
                  <p
                    className={progress.state === 'failed' ? 'notice' : 'notice notice-success'}
                    role="status"
                  >
                    {t(`board.pdf.state.${progress.state}`, {
                      count: progress.files.length,
                      directory: progress.directory,
                    })}
                  </p>
                ) : null}
                {progress.error ? (
                  <ErrorMessage error={{ code: 'internal', message: progress.error }} />
                ) : null}
                {progress.failures.length > 0 ? (
                  <ul className="board-bulk-list" aria-label={t('board.pdf.failures')}>
                    {progress.failures.map((f) => (
                      <li key={f.caseId}>
                        <strong>{t('board.bulk.unknownCase', { id: f.caseId })}</strong>
                        <span className="board-bulk-reason">{f.message}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              <p>
                {tooMany
                  ? t('board.pdf.tooMany', { max: maxBatchCases })
                  : t('board.pdf.intro', { count: total })}
              </p>
            )}
            {error ? <ErrorMessage error={error} /> : null}
            {gate.error ? <ErrorMessage error={gate.error} /> : null}
            <div className="dialog-actions">
              {!progress ? (
                <Button
                  className="button button-primary"
                  isDisabled={tooMany}
                  isPending={starting}
                  onPress={() => gate.whenUnlocked(start)}
                >
                  {t('board.pdf.start', { count: total })}
                </Button>
              ) : null}
              {running ? (
                <Button className="button button-secondary" onPress={stop}>
                  {t('board.pdf.stop')}
                </Button>
              ) : (
                <Button className="button button-secondary" onPress={close}>
                  {progress ? t('board.dialog.done') : t('board.dialog.cancel')}
                </Button>
              )}
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
      <SigningUnlockDialog {...gate.dialog} />
    </>
  );
}
