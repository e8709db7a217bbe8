import { useTranslation } from 'react-i18next';
import type { ReportKind } from '../../../electron/api/domains/reports';
import { ErrorMessage } from '../components/ErrorMessage';
import { BriefingView } from './BriefingView';
import { Hics214View } from './Hics214View';
import { Hics251View } from './Hics251View';
import { PeriodForm } from './PeriodForm';
import { ReportExportBar } from './ReportExportBar';
import { ReportHeaderView } from './ReportHeaderView';
import { TimelineView } from './TimelineView';
import { useReport, type Period } from './use-report';

interface Props {
  kind: ReportKind;
  incidentId: number;
  period: Period | undefined;
  onPeriod(period: Period | undefined): void;
}

/** One report: its form header, the period, the exports, and the report itself. */
export function ReportPanel({ kind, incidentId, period, onPeriod }: Props) {
  const { t } = useTranslation();
  const { report, error, retry } = useReport(kind, incidentId, period);
  const title = t(`board.reports.titles.${kind}`);

  return (
    <section
      className="report"
      aria-labelledby={`report-title-${kind}`}
      data-testid={`report-${kind}`}
    >
      <div className="row-ends report-top">
        <h2 id={`report-title-${kind}`} className="report-title">
          {title}
        </h2>
        <ReportExportBar kind={kind} incidentId={incidentId} period={period} />
      </div>
      {error ? <ErrorMessage error={error} onRetry={retry} /> : null}
      {!report && !error ? <p className="loading-text">{t('board.reports.loading')}</p> : null}
      {report ? (
        <>
          <ReportHeaderView header={report.header} form={t(`board.reports.forms.${kind}`)} />
          {kind !== 'briefing' ? (
            <PeriodForm
              key={`${report.header.operationalPeriod.start}/${report.header.operationalPeriod.end}`}
              shown={report.header.operationalPeriod}
              chosen={period !== undefined}
              onChange={onPeriod}
            />
          ) : null}
          {report.kind === 'hics251' ? <Hics251View report={report} /> : null}
          {report.kind === 'hics214' ? <Hics214View report={report} /> : null}
          {report.kind === 'briefing' ? <BriefingView report={report} /> : null}
          {report.kind === 'timeline' ? <TimelineView report={report} /> : null}
        </>
      ) : null}
    </section>
  );
}
