import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Hics251Report } from '../../../electron/api/domains/reports';
import { boardCaseHref } from '../board/board-hrefs';
import { formatDateTime } from '../cases/time-format';
import { HicsTotals, NoRows } from './ReportParts';
import { ColumnHeads } from '../components/ColumnHeads';
import { pdfLookup } from '../components/report-words';
import { gateWords } from '../components/error-words';
import { hics251RowWords } from '../../../electron/api/hics251-words';

/** HICS 251 Facility System Status: one line per device, worst status first. */
export function Hics251View({ report }: { report: Hics251Report }) {
  const { t } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'board.reports.hics251' });
  const lookup = pdfLookup(t);
  const gate = gateWords(t);
  return (
    <>
      <HicsTotals counts={report.totals} label={t('board.reports.hics251.totals')} />
      {report.rows.length === 0 ? (
        <NoRows />
      ) : (
        <div className="report-table-wrap">
          <table className="report-table" data-testid="hics251-table">
            <caption className="visually-hidden">{t('board.reports.hics251.caption')}</caption>
            <ColumnHeads
              columns={[
                heads('system'),
                heads('status'),
                heads('location'),
                heads('reason'),
                heads('estimatedReturn'),
                heads('comments'),
              ]}
            />
            <tbody>
              {report.rows.map((row) => {
                const words = hics251RowWords(row, lookup, gate);
                return (
                  <tr key={row.caseId} data-asset-tag={row.assetTag}>
                    <th scope="row">
                      <Link className="board-case-link" href={boardCaseHref(row.caseId)}>
                        {words.system}
                      </Link>
                    </th>
                    <td>
                      <span className={`report-status board-hics-${row.status}`}>
                        {t(`board.hics.${row.status}`)}
                      </span>
                    </td>
                    <td>{words.location}</td>
                    <td>{words.reason}</td>
                    <td>{row.estimatedReturn ? formatDateTime(row.estimatedReturn) : '—'}</td>
                    <td>{words.comments}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
