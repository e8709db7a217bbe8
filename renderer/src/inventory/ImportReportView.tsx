import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MatchRunReport } from '../../../electron/api/domains/advisories';
import type { InventoryImportReport } from '../../../electron/api/domains/inventory';
import { ProblemTable } from './ProblemTable';

interface Props {
  report: InventoryImportReport;
  matching: MatchRunReport | undefined;
  busy: boolean;
  onSkipInvalid(): void;
  onBack(): void;
  onDone(): void;
}

/** After an import: what was written, or why nothing was, with every problem by row and column. */
export function ImportReportView({ report, matching, busy, onSkipInvalid, onBack, onDone }: Props) {
  const { t } = useTranslation();
  if (!report.written) {
    return (
      <section className="import-report" aria-labelledby="import-report-title">
        <div className="notice notice-danger" role="alert">
          <h2 id="import-report-title">{t('inventory.report.refusedTitle')}</h2>
          <p>{t('inventory.report.refusedBody', { count: report.errors.length })}</p>
        </div>
        <div className="import-actions">
          <Button className="button button-primary" onPress={onSkipInvalid} isPending={busy}>
            {t('inventory.report.skipInvalid')}
          </Button>
          <Button className="button button-secondary" onPress={onBack}>
            {t('inventory.report.back')}
          </Button>
        </div>
        <ProblemTable title={t('inventory.report.errorsTitle')} problems={report.errors} />
      </section>
    );
  }
  return (
    <section className="import-report" aria-labelledby="import-report-title">
      <div className="notice notice-success" role="status">
        <h2 id="import-report-title">{t('inventory.report.writtenTitle')}</h2>
        <p>
          {t('inventory.report.writtenBody', {
            added: report.added,
            updated: report.updated,
            unchanged: report.unchanged,
          })}
        </p>
        {report.skipped.length ? (
          <p>{t('inventory.report.skippedBody', { count: report.skipped.length })}</p>
        ) : null}
        {matching ? (
          <p>
            {t('inventory.report.matching', {
              count: matching.added + matching.updated + matching.unchanged,
            })}
          </p>
        ) : busy ? (
          <p>{t('inventory.report.matchingBusy')}</p>
        ) : null}
      </div>
      <div className="import-actions">
        <Button className="button button-primary" onPress={onDone}>
          {t('inventory.report.done')}
        </Button>
      </div>
      {report.skipped.length ? (
        <ProblemTable title={t('inventory.report.skippedTitle')} problems={report.skipped} />
      ) : null}
    </section>
  );
}
