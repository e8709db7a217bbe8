import type { TFunction } from 'i18next';
import type { CaseHistoryEntry } from '../../../electron/api/domains/cases';

/** A name stored in an entry's detail (`{ userId, name }`), or null. */
function personName(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const name = (value as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : null;
}

/**
 * What a case-history entry says, in the reader's language: every kind the services write
 * (`caseHistoryEvents`) has words of its own. A KEV review (flag or acknowledgement) names its
 * catalog, an advisory's review its revisions; an assignment names the person; a hand-over names the other station.
 */
export function historyWhat(t: TFunction, entry: CaseHistoryEntry): string {
  const { kevCatalog, fromVersion, toVersion } = entry.detail;
  switch (entry.event) {
    case 'review_flagged':
    case 'review_acknowledged':
      if (typeof kevCatalog === 'string') {
        return entry.event === 'review_flagged'
          ? t('threats.review.label')
          : t('threats.review.acknowledged', { version: kevCatalog });
      }
      if (typeof fromVersion === 'string' && typeof toVersion === 'string') {
        return t(`cases.history.${entry.event}Revision`, { from: fromVersion, to: toVersion });
      }
      return t(`cases.history.${entry.event}`);
    case 'assigned': {
      const name = personName(entry.detail.assignee);
      if (name !== null) return t('cases.history.assignedTo', { name });
      return entry.detail.assignee === null
        ? t('cases.history.unassigned')
        : t('cases.history.assigned');
    }
    case 'handed_over':
    case 'taken_over': {
      const station = String(entry.detail.station);
      return entry.detail.back === true
        ? t(`cases.history.${entry.event}Back`, { station })
        : t(`cases.history.${entry.event}`, { station });
    }
    case 'opened':
    case 'transition':
      return t(`cases.history.${entry.event}`, {
        from: entry.fromState ? t(`cases.state.${entry.fromState}`) : '',
        to: t(`cases.state.${entry.toState}`),
      });
  }
}
