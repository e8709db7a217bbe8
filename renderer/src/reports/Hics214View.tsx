import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { activitySentence, positionWord } from '../../../electron/api/activity-sentence';
import type { Hics214Report } from '../../../electron/api/domains/reports';
import { boardCaseHref } from '../board/board-hrefs';
import { formatDateTime } from '../cases/time-format';
import { ColumnHeads } from '../components/ColumnHeads';
import { pdfLookup } from '../components/report-words';

/** HICS 214 Activity Log: for each person in each position, their notable activities in time. */
export function Hics214View({ report }: { report: Hics214Report }) {
  const { t } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'board.reports' });
  // Activities and positions in the station's language, by the wording the PDF uses.
  const words = pdfLookup(t);
  return (
    <>
      <p className="report-note">
        {t('board.reports.hics214.counts', {
          count: report.activityCount,
          people: report.entries.length,
          events: report.eventsRead,
        })}
      </p>
      {report.entries.length === 0 ? (
        <p className="report-empty">{t('board.reports.noRows')}</p>
      ) : null}
      {report.entries.map((entry) => {
        const position = positionWord(words, entry.role);
        // Without a person (the system, the command line), the position is the name.
        const name = entry.person.userId === null ? position : entry.person.name;
        return (
          <section
            key={`${entry.person.userId ?? entry.person.name}-${entry.role}`}
            className="report-section"
            aria-label={`${name}, ${position}`}
          >
            <h3 className="report-person">
              {name}
              <span className="report-position"> — {position}</span>
            </h3>
            <table className="report-table report-table-log">
              <ColumnHeads columns={[heads('time'), heads('hics214.activity')]} />
              <tbody>
                {entry.activities.map((a) => (
                  <tr key={a.auditEventId}>
                    <td className="report-time">{formatDateTime(a.at)}</td>
                    <td>
                      {activitySentence(words, a.words)}
                      {a.caseId !== null && a.assetTag ? (
                        <>
                          {' '}
                          <Link className="board-case-link" href={boardCaseHref(a.caseId)}>
                            {t('board.reports.openCase', { assetTag: a.assetTag })}
                          </Link>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
