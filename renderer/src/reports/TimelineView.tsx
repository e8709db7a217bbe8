import { useTranslation } from 'react-i18next';
import { activitySentence, positionWord } from '../../../electron/api/activity-sentence';
import type { TimelineReport } from '../../../electron/api/domains/reports';
import { formatDateTime } from '../cases/time-format';
import { ColumnHeads } from '../components/ColumnHeads';
import { pdfLookup } from '../components/report-words';

/** The incident's notable events, oldest first, in the station's language. */
export function TimelineView({ report }: { report: TimelineReport }) {
  const { t } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'board.reports' });
  // Events and positions by the wording the HICS 214 and the PDFs use.
  const words = pdfLookup(t);
  if (report.entries.length === 0)
    return <p className="report-empty">{t('board.reports.noRows')}</p>;
  return (
    <div className="report-table-wrap">
      <table className="report-table report-table-log" data-testid="timeline-table">
        <ColumnHeads columns={[heads('time'), heads('timeline.event'), heads('timeline.by')]} />
        <tbody>
          {report.entries.map((e) => {
            const position = positionWord(words, e.position);
            return (
              <tr key={e.auditEventId}>
                <td className="report-time">{formatDateTime(e.at)}</td>
                <td>{activitySentence(words, e.words)}</td>
                <td>
                  {/* Without a person (the app, the command line), the position is the name. */}
                  {e.person ?? position}
                  {e.person !== null ? <span className="report-role"> ({position})</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
