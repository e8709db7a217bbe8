import { useTranslation } from 'react-i18next';
import type { ReportHeader } from '../../../electron/api/domains/reports';
import { formatDateTime } from '../cases/time-format';
import { roleLabel } from '../people/role-label';

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
        <div>
          <dt>{t('board.reports.incident')}</dt>
          <dd>{header.incident.name}</dd>
        </div>
        {header.facility ? (
          <div>
            <dt>{t('board.reports.facility')}</dt>
            <dd>{header.facility}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('board.reports.period')}</dt>
          <dd data-testid="report-period">
            {t('board.reports.periodValue', {
              start: formatDateTime(header.operationalPeriod.start),
              end: formatDateTime(header.operationalPeriod.end),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('board.reports.preparedBy')}</dt>
          <dd data-testid="report-prepared-by">
            {t('board.reports.preparedByValue', {
              name: header.preparedBy.name,
              role,
              at: formatDateTime(header.preparedAt),
            })}
          </dd>
        </div>
        {header.timeZone ? (
          <div>
            <dt>{t('board.reports.timeZone')}</dt>
            <dd>{header.timeZone}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
