import { describe, expect, it } from 'vitest';
import {
  caseHistoryEvents,
  type CaseHistoryEntry,
  type CaseHistoryEvent,
} from '../../../electron/api/domains/cases';
import { tFor } from '../i18n/test/translator';
import { historyWhat } from './history-words';

/** One entry of `event` with `detail`, as the case view returns it. */
function entry(event: CaseHistoryEvent, detail: Record<string, unknown> = {}): CaseHistoryEntry {
  return {
    id: 1,
    event,
    fromState: 'assessing',
    toState: 'standalone',
    at: '2017-08-03T10:00:00.000Z',
    by: { userId: 1, name: 'Dana Ruiz', role: 'biomed' },
    station: null,
    detail,
  };
}

/**
 * Every shape of entry the services write (cases/, threats/, exchange/): each kind of
 * `caseHistoryEvents`, and the variants a kind's detail selects.
 */
const written: CaseHistoryEntry[] = [
  ...caseHistoryEvents.map((event) => entry(event, { station: 'NM laptop 2' })),
  entry('assigned', { assignee: { userId: 2, name: 'Li Wei' }, previous: null }),
  entry('assigned', { assignee: null, previous: { userId: 2, name: 'Li Wei' } }),
  entry('review_flagged', { fromVersion: '3', toVersion: '4' }),
  entry('review_acknowledged', { fromVersion: '3', toVersion: '4', note: 'checked' }),
  entry('review_flagged', { kevCatalog: '2026.12.01', knownExploited: ['CVE-2017-0144'] }),
  entry('review_acknowledged', { kevCatalog: '2026.12.01' }),
  entry('handed_over', { station: 'NM laptop 2', back: true }),
  entry('taken_over', { station: 'NM laptop 2', back: true }),
];

describe('case history words', () => {
  it.each(['en', 'de'] as const)('words every kind of entry in %s, never as a key', async (lng) => {
    const t = await tFor(lng);
    const texts = written.map((e) => historyWhat(t, e));
    for (const text of texts) {
      expect(text).not.toMatch(/cases\.|threats\.|history\.|_|undefined|\{\{/);
      expect(text.trim()).not.toBe('');
    }
    // Each variant has words of its own: no two shapes read the same.
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('names the person, the revisions and the station in both languages', async () => {
    const [en, de] = [await tFor('en'), await tFor('de')];
    const assigned = entry('assigned', { assignee: { userId: 2, name: 'Li Wei' } });
    expect(historyWhat(en, assigned)).toBe('Assigned to Li Wei');
    expect(historyWhat(de, assigned)).toBe('Li Wei zugewiesen');
    const flagged = entry('review_flagged', { fromVersion: '3', toVersion: '4' });
    expect(historyWhat(de, flagged)).toContain('Revision 4');
    expect(historyWhat(de, flagged)).toContain('3');
    const handed = entry('handed_over', { station: 'Kommandoposten', back: true });
    expect(historyWhat(de, handed)).toBe('An die Station „Kommandoposten“ zurückgegeben');
    // German entries carry no English words.
    const english = /\b(the|assigned|review|handed|taken|opened|case)\b/i;
    for (const e of written) expect(historyWhat(de, e)).not.toMatch(english);
  });
});
