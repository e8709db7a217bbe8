import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { FileChooser } from '../inventory/FileChooser';
import { maxEpssBytes, maxKevBytes } from '../../../electron/api/domains/threats';

type Kind = 'kev' | 'epss';

/** Import one KEV catalog or EPSS file; a refused file names the field or line, nothing is stored. */
export function ThreatFileImport({ kind, onImported }: { kind: Kind; onImported(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  const importFile = (file: { fileName: string; content: string }) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    const finish = (message: string) => {
      setBusy(false);
      setDone(message);
      onImported();
    };
    if (kind === 'kev') {
      void call('threats.importKev', file).then((r) => {
        if (!r.ok) {
          setBusy(false);
          setError(r.error);
          return;
        }
        const v = r.value;
        finish(
          `${t(`threats.import.kev.${v.outcome}`, { fileName: v.fileName, version: v.catalogVersion, count: v.count })}${
            v.casesFlagged > 0
              ? ` ${t('threats.import.kev.flagged', { count: v.casesFlagged })}`
              : ''
          }`,
        );
      });
    } else {
      void call('threats.importEpss', file).then((r) => {
        if (!r.ok) {
          setBusy(false);
          setError(r.error);
          return;
        }
        const v = r.value;
        finish(
          t(`threats.import.epss.${v.outcome}`, {
            fileName: v.fileName,
            date: v.scoreDate.slice(0, 10),
            count: v.rows,
          }),
        );
      });
    }
  };

  return (
    <div className="threat-import">
      <FileChooser
        label={t(`threats.import.${kind}.choose`)}
        accept={kind === 'kev' ? ['.json', 'application/json'] : ['.csv', 'text/csv']}
        maxBytes={kind === 'kev' ? maxKevBytes : maxEpssBytes}
        onRead={importFile}
        isPending={busy}
      />
      {busy ? (
        <p className="loading-text" role="status">
          {t('threats.import.checking')}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {done ? (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      ) : null}
    </div>
  );
}
