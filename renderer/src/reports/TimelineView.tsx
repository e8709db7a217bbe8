import { useTranslation } from 'react-i18next';
import type { TimelineReport } from '../../../electron/api/domains/reports';
import { formatDateTime } from '../cases/time-format';
import { ColumnHeads } from '../components/ColumnHeads';

/** The incident's notable events, oldest first. */
export function TimelineView({ report }: { report: TimelineReport }) {
  const { t } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'board.reports' });
  if (report.entries.length === 0)
    return <p className="report-empty">{t('board.reports.noRows')}</p>;
  return (
    <div className="report-table-wrap">
      <table className="report-table report-table-log" data-testid="timeline-table">
        <ColumnHeads columns={[heads('time'), heads('timeline.event'), heads('timeline.by')]} />
        <tbody>
          {report.entries.map((e) => (
            <tr key={e.auditEventId}>
              <td className="report-time">{formatDateTime(e.at)}</td>
              <td>{e.event}</td>
              <td>
                {e.by}
                {e.role ? <span className="report-role"> ({e.role})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
