import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ReportKind } from '../../../electron/api/domains/reports';
import { call, type ApiError } from '../api/client';
import { exportIncidentPdf, pdfKindOf, pdfLanguage } from '../board/pdf-export';
import { SigningUnlockDialog } from '../board/SigningUnlockDialog';
import { useSigningGate } from '../board/use-signing-gate';
import { ErrorMessage } from '../components/ErrorMessage';
import { bytesOfBase64, saveFile } from '../components/download';
import type { Period } from './use-report';
import { SuccessNotice } from '../components/SuccessNotice';

interface Props {
  kind: ReportKind;
  incidentId: number;
  period: Period | undefined;
}

/**
 * Export the report shown: CSV (the services neutralise spreadsheet formulas) or a signed PDF.
 * Files are saved through a `blob:` download link (see components/download.ts): the CSP does not
 * govern downloads and the request filter only cancels navigations, so this works in the
 * harness and in Electron (where it opens the save dialog).
 */
export function ReportExportBar({ kind, incidentId, period }: Props) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<'csv' | 'pdf'>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const gate = useSigningGate();
  const operationalPeriod = kind !== 'briefing' && period ? { operationalPeriod: period } : {};

  const csv = () => {
    setBusy('csv');
    setError(undefined);
    setSaved(undefined);
    void call('reports.csv', { incidentId, report: kind, ...operationalPeriod }).then((result) => {
      setBusy(undefined);
      if (!result.ok) return setError(result.error);
      saveFile(result.value.fileName, 'text/csv;charset=utf-8', result.value.text);
      setSaved(
        t('board.reports.savedCsv', {
          fileName: result.value.fileName,
          count: result.value.rowCount,
        }),
      );
    });
  };
  const pdfKind = pdfKindOf(kind);
  const pdf = () => {
    if (!pdfKind) return;
    setBusy('pdf');
    setError(undefined);
    setSaved(undefined);
    void exportIncidentPdf(incidentId, pdfKind, pdfLanguage(i18n.language)).then((result) => {
      setBusy(undefined);
      if (!result.ok) return setError(result.error);
      saveFile(result.value.fileName, 'application/pdf', bytesOfBase64(result.value.base64));
      setSaved(t('board.reports.savedPdf', { fileName: result.value.fileName }));
    });
  };

  return (
    <div className="report-export">
      <div className="report-export-buttons">
        <Button className="button button-secondary" onPress={csv} isPending={busy === 'csv'}>
          {t('board.reports.exportCsv')}
        </Button>
        {pdfKind ? (
          <Button
            className="button button-secondary"
            onPress={() => gate.whenUnlocked(pdf)}
            isPending={busy === 'pdf'}
          >
            {t('board.reports.exportPdf')}
          </Button>
        ) : null}
      </div>
      <SuccessNotice message={saved} />
      {error ? <ErrorMessage error={error} /> : null}
      {gate.error ? <ErrorMessage error={gate.error} /> : null}
      <SigningUnlockDialog {...gate.dialog} />
    </div>
  );
}
