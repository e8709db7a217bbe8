import { useTranslation } from 'react-i18next';
import { activitySentence, positionWord } from '../../../electron/api/activity-sentence';
import {
  objectiveLines,
  plannedActionText,
  situationText,
} from '../../../electron/api/briefing-words';
import { caseStates } from '../../../electron/api/domains/cases';
import type { BriefingReport } from '../../../electron/api/domains/reports';
import { formatCvss } from '../../../electron/api/number-format';
import { formatDateTime } from '../cases/time-format';
import { HicsTotals, ReportList, ReportListSection, ReportSection } from './ReportParts';
import { priorityNumber, reasonsText, stationLanguage } from '../threats/priority-words';
import { titleWithoutId } from '../advisories/advisory-text';
import { StationLabel } from '../board/StationLabel';
import { ColumnHeads } from '../components/ColumnHeads';
import { pdfLookup } from '../components/report-words';

/** The incident briefing, laid out like HICS 201: situation, objectives, actions, resources. */
export function BriefingView({ report }: { report: BriefingReport }) {
  const { t, i18n } = useTranslation();
  const { t: heads } = useTranslation(undefined, { keyPrefix: 'board.reports' });
  const language = stationLanguage(i18n.resolvedLanguage);
  const { situation } = report;
  // The actions taken and planned and the positions in the station's language, by the wording
  // the PDF uses (its catalogue: one place for those words).
  const words = pdfLookup(t);
  const states = caseStates.filter((s) => situation.countsByState[s] > 0);
  return (
    <div className="report-briefing">
      <ReportSection id="briefing-situation" title={t('board.reports.briefing.situation')}>
        <p className="report-summary" data-testid="briefing-summary">
          {situationText(situation, words, language)}
        </p>
        <ul className="report-totals">
          {states.map((s) => (
            <li key={s} className={`report-total board-state-${s}`}>
              <span className="report-total-number">{situation.countsByState[s]}</span>{' '}
              {t(`cases.state.${s}`)}
            </li>
          ))}
        </ul>
        <HicsTotals counts={situation.countsByHics251} />
        <p>
          {t('board.reports.briefing.attention', {
            blocked: situation.attention.blocked,
            overdue: situation.attention.recheckOverdue,
            reReview: situation.attention.needsReReview,
            signoff: situation.attention.awaitingSignoff,
          })}
        </p>
        <table className="report-table">
          <caption className="report-caption">{t('board.reports.briefing.advisories')}</caption>
          <ColumnHeads
            columns={[heads('briefing.advisory'), heads('briefing.cves'), heads('briefing.cases')]}
          />
          <tbody>
            {situation.advisories.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.trackingId} {t('board.table.revision', { version: a.version })}
                  <span className="board-sub">{titleWithoutId(a.title, a.trackingId)}</span>
                </th>
                <td>
                  {a.cves
                    .map((c) =>
                      c.cvss === null ? c.cve : `${c.cve} (CVSS ${formatCvss(c.cvss, language)})`,
                    )
                    .join(', ')}
                </td>
                <td>{a.caseCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ReportSection>
      <ReportSection id="briefing-objectives" title={t('board.reports.briefing.objectives')}>
        <ReportList ordered items={objectiveLines(report.objectiveCodes, words)} itemKey={(o) => o}>
          {(o) => o}
        </ReportList>
      </ReportSection>
      <ReportSection
        id="briefing-taken"
        title={t('board.reports.briefing.taken')}
        empty={report.actionsTaken.length === 0}
      >
        <table className="report-table report-table-log">
          <ColumnHeads columns={[heads('time'), heads('briefing.action'), heads('timeline.by')]} />
          <tbody>
            {report.actionsTaken.map((a, i) => (
              <tr key={`${a.at}-${i}`}>
                <td className="report-time">{formatDateTime(a.at)}</td>
                <td>{activitySentence(words, a.words)}</td>
                <td>{a.person ?? positionWord(words, a.position)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ReportSection>
      <ReportListSection
        id="briefing-priorities"
        title={t('threats.briefing.title')}
        ordered
        items={report.topPriorities}
        itemKey={(p) => `${p.station ?? ''}/${p.caseId}`}
      >
        {(p) => (
          <>
            <strong>
              {p.assetTag} ({p.trackingId})
            </strong>
            {p.station ? (
              <>
                {' · '}
                <StationLabel
                  station={{ name: p.station }}
                  heldHere={p.heldHere}
                  className="briefing-station"
                  testId="briefing-station"
                />
              </>
            ) : null}
            {': '}
            {t('board.table.priority', {
              value: priorityNumber(language, p.priority),
              reasons: reasonsText(t, language, p.reasonCodes),
            })}
          </>
        )}
      </ReportListSection>
      <ReportListSection
        id="briefing-planned"
        title={t('board.reports.briefing.planned')}
        items={report.actionsPlanned}
        itemKey={(a) => a.state}
      >
        {(a) => (
          <>
            <strong>{t(`cases.state.${a.state}`)}</strong>
            {': '}
            {t('board.reports.briefing.plannedLine', {
              count: a.caseCount,
              action: plannedActionText(a.state, words),
            })}
          </>
        )}
      </ReportListSection>
      <ReportSection id="briefing-resources" title={t('board.reports.briefing.resources')}>
        <table className="report-table">
          <ColumnHeads
            columns={[
              heads('briefing.position'),
              heads('briefing.person'),
              heads('briefing.openCases'),
              heads('briefing.allCases'),
            ]}
          />
          <tbody>
            {report.resources.flatMap((group) =>
              group.people.map((p) => (
                <tr key={`${group.role}-${p.userId}`}>
                  <td>{positionWord(words, group.role)}</td>
                  <th scope="row">{p.name}</th>
                  <td>{p.openCases}</td>
                  <td>{p.cases}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
        <p>{t('board.reports.briefing.unassigned', { count: report.unassignedOpenCases })}</p>
      </ReportSection>
    </div>
  );
}
