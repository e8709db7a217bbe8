import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportHeader } from '../../../electron/api/domains/reports';
import { formatDateTime } from '../cases/time-format';
import { roleLabel } from '../people/role-label';

/** One fact of the header: its name, and its value. */
function Fact({
  label,
  testId,
  children,
}: {
  label: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** The block every HICS form starts with: incident, operational period, prepared by and when. */
export function ReportHeaderView({ header, form }: { header: ReportHeader; form: string }) {
  const { t } = useTranslation();
  const role =
    header.preparedBy.role === 'operator'
      ? t('board.reports.operator')
      : roleLabel(t, header.preparedBy.role);
  return (
    <div className="report-header">
      <p className="report-form-name">{form}</p>
      <dl className="report-header-facts">
        <Fact label={t('board.reports.incident')}>{header.incident.name}</Fact>
        {header.facility ? (
          <Fact label={t('board.reports.facility')}>{header.facility}</Fact>
        ) : null}
        <Fact label={t('board.reports.period')} testId="report-period">
          {t('board.reports.periodValue', {
            start: formatDateTime(header.operationalPeriod.start),
            end: formatDateTime(header.operationalPeriod.end),
          })}
        </Fact>
        <Fact label={t('board.reports.preparedBy')} testId="report-prepared-by">
          {t('board.reports.preparedByValue', {
            name: header.preparedBy.name,
            role,
            at: formatDateTime(header.preparedAt),
          })}
        </Fact>
        {header.timeZone ? (
          <Fact label={t('board.reports.timeZone')}>{header.timeZone}</Fact>
        ) : null}
      </dl>
    </div>
  );
}
