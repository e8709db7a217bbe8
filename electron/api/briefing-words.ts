import type { ActivityLookup } from './activity-sentence';
import type { CaseState } from './domains/cases';
import type { BriefingReport } from './domains/reports';
import type { Language } from './languages';

/**
 * The briefing's situation and objectives in the PDF catalogue's words (keys under `pdf.`), one
 * wording for its PDF and the screen. The report carries its English sentence (the CSV and the
 * command line print it) and the counts and codes the other languages are worded from.
 */

/** The situation in one paragraph: the report's own sentence in English, else from its counts. */
export function situationText(
  s: BriefingReport['situation'],
  t: ActivityLookup,
  language: Language,
): string {
  if (language === 'en') return s.summary;
  const states = (Object.entries(s.countsByState) as [CaseState, number][])
    .filter(([, n]) => n > 0)
    .map(([state, count]) => t('situation.stateCount', { state: t(`states.${state}`), count }))
    .join('; ');
  const held =
    s.byStation.length > 1
      ? ` ${t('situation.heldAt', {
          stations: s.byStation
            .map((b) => `${b.station ?? t('situation.thisStation')} (${b.caseCount})`)
            .join(', '),
        })}`
      : '';
  return (
    t('situation.summary', {
      cases: s.caseCount,
      advisories: s.advisories.length,
      list: s.advisories
        .map((a) => t('reports.advisoryRevision', { trackingId: a.trackingId, version: a.version }))
        .join(', '),
      cves: new Set(s.advisories.flatMap((a) => a.cves.map((c) => c.cve))).size,
      states: states || t('situation.noneYet'),
      fully: s.countsByHics251.fully_functional,
      partially: s.countsByHics251.partially_functional,
      non: s.countsByHics251.non_functional,
      open: s.openCaseCount,
    }) + held
  );
}

/** The objectives, one line each, from their codes. */
export function objectiveLines(
  objectives: BriefingReport['objectiveCodes'],
  t: ActivityLookup,
): string[] {
  return objectives.map(({ code, ...values }) => t(`objectives.${code}`, values));
}

/** What comes next for the cases in an open state, as the commander would brief it. */
export function plannedActionText(
  state: Exclude<CaseState, 'returned_to_service'>,
  t: ActivityLookup,
): string {
  return t(`plannedActions.${state}`);
}
