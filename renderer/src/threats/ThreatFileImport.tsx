import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSubmit } from '../components/use-submit';
import { FileChooser } from '../inventory/FileChooser';
import { maxEpssBytes, maxKevBytes } from '../../../electron/api/domains/threats';
import { SuccessNotice } from '../components/SuccessNotice';

type Kind = 'kev' | 'epss';

/** Import one KEV catalog or EPSS file; a refused file names the field or line, nothing is stored. */
export function ThreatFileImport({ kind, onImported }: { kind: Kind; onImported(): void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [done, setDone] = useState<string>();

  const finish = (message: string) => {
    setDone(message);
    onImported();
  };
  const importFile = (file: { fileName: string; content: string }) => {
    setDone(undefined);
    if (kind === 'kev') {
      submit.run(call('threats.importKev', file), (v) =>
        finish(
          `${t(`threats.import.kev.${v.outcome}`, { fileName: v.fileName, version: v.catalogVersion, count: v.count })}${
            v.casesFlagged > 0
              ? ` ${t('threats.import.kev.flagged', { count: v.casesFlagged })}`
              : ''
          }`,
        ),
      );
    } else {
      submit.run(call('threats.importEpss', file), (v) =>
        finish(
          t(`threats.import.epss.${v.outcome}`, {
            fileName: v.fileName,
            date: v.scoreDate.slice(0, 10),
            count: v.rows,
          }),
        ),
      );
    }
  };

  return (
    <div className="threat-import">
      <FileChooser
        label={t(`threats.import.${kind}.choose`)}
        accept={kind === 'kev' ? ['.json', 'application/json'] : ['.csv', 'text/csv']}
        maxBytes={kind === 'kev' ? maxKevBytes : maxEpssBytes}
        onRead={importFile}
        isPending={submit.busy}
      />
      {submit.busy ? (
        <p className="loading-text" role="status">
          {t('threats.import.checking')}
        </p>
      ) : null}
      {submit.error ? <ErrorMessage error={submit.error} /> : null}
      <SuccessNotice message={done} />
    </div>
  );
}
