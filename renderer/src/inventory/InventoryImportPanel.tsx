import { useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { FileChooser } from './FileChooser';
import { ImportReportView } from './ImportReportView';
import { MappingTable } from './MappingTable';
import { PreviewSummary } from './PreviewSummary';
import { ProblemTable } from './ProblemTable';
import { useInventoryImport, type ImportMode } from './use-inventory-import';
import { ImportPanel } from './ImportPanel';

/** The API's bound (maxInventoryBytes in electron/api/domains/inventory.ts). */
const maxInventoryBytes = 20 * 1024 * 1024;

interface Props {
  /** Called once devices were written, so the table and counts reload. */
  onWritten(): void;
  onClose(): void;
}

/**
 * Import an inventory CSV in three steps: choose the file, check the preview (delimiter, column
 * mapping, problems) and choose what to do with invalid rows, then read the report. Nothing is
 * written before the user presses Import.
 */
export function InventoryImportPanel({ onWritten, onClose }: Props) {
  const { t } = useTranslation();
  const wizard = useInventoryImport(onWritten);
  const [mode, setMode] = useState<ImportMode>('allOrNothing');
  const [showReport, setShowReport] = useState(true);
  const { preview, report, busy, error } = wizard;

  const runImport = (m: ImportMode) => {
    setShowReport(true);
    wizard.run(m);
  };

  return (
    <ImportPanel titleId="import-title" title={t('inventory.import.title')} onClose={onClose}>
      {error ? <ErrorMessage error={error} /> : null}
      {report && showReport ? (
        <ImportReportView
          report={report}
          matching={wizard.matching}
          busy={busy !== undefined}
          onSkipInvalid={() => {
            setMode('skipInvalid');
            runImport('skipInvalid');
          }}
          onBack={() => setShowReport(false)}
          onDone={onClose}
        />
      ) : !preview ? (
        <div className="import-step">
          <p>{t('inventory.import.intro')}</p>
          <FileChooser
            label={t('inventory.import.choose')}
            accept={['.csv', '.txt', 'text/csv', 'text/plain']}
            maxBytes={maxInventoryBytes}
            onRead={wizard.choose}
            isPending={busy === 'preview'}
          />
        </div>
      ) : (
        <div className="import-step">
          <p>{t('inventory.import.checkPreview')}</p>
          <PreviewSummary preview={preview} />
          <MappingTable preview={preview} onChange={wizard.remap} isDisabled={busy !== undefined} />
          {preview.problemCount > 0 ? (
            <ProblemTable
              title={t('inventory.preview.problemsTitle', { count: preview.problemCount })}
              problems={preview.problems}
              total={preview.problemCount}
            />
          ) : (
            <p className="notice notice-success">{t('inventory.preview.noProblems')}</p>
          )}
          <RadioGroup
            className="import-mode"
            value={mode}
            onChange={(v) => setMode(v as ImportMode)}
          >
            <Label className="field-label">{t('inventory.import.modeLabel')}</Label>
            <Radio value="allOrNothing" className="radio-choice radio-card">
              <span className="radio-title">{t('inventory.import.allOrNothing')}</span>
              <span className="radio-help">{t('inventory.import.allOrNothingHelp')}</span>
            </Radio>
            <Radio value="skipInvalid" className="radio-choice radio-card">
              <span className="radio-title">{t('inventory.import.skipInvalid')}</span>
              <span className="radio-help">{t('inventory.import.skipInvalidHelp')}</span>
            </Radio>
          </RadioGroup>
          <div className="import-actions">
            <Button
              className="button button-primary"
              onPress={() => runImport(mode)}
              isPending={busy === 'import'}
            >
              {t('inventory.import.run')}
            </Button>
            <Button className="button button-secondary" onPress={wizard.reset}>
              {t('inventory.import.another')}
            </Button>
          </div>
        </div>
      )}
    </ImportPanel>
  );
}
