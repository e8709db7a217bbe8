import { describe, expect, it } from 'vitest';
import { tFor } from '../i18n/test/translator';
import type { BulkMoved, BulkRefused } from '../../../electron/api/domains/board-bulk';
import { bulkOutcome, heldWhyText } from './bulk-words';

/** Why a chosen case would stay, in the bulk dialog: in German on a German board. */
describe('why a case would not move, in the bulk preview', () => {
  it('says it in the reader’s language', async () => {
    const [en, de] = [await tFor('en'), await tFor('de')];
    const noStep = { kind: 'noStep', from: 'assessing', to: 'assessing' } as const;
    expect(heldWhyText(en, noStep)).toBe('From Assessing there is no step to Assessing.');
    expect(heldWhyText(de, noStep)).toBe(
      'Von „In Beurteilung“ gibt es keinen Schritt nach „In Beurteilung“.',
    );
    const closed = { kind: 'caseClosed', state: 'returned_to_service' } as const;
    expect(heldWhyText(de, closed)).toBe('Der Fall ist abgeschlossen (Wieder in Betrieb).');
    const incident = { kind: 'incidentClosed', incident: 'ICSMA-17-215-02 response' } as const;
    expect(heldWhyText(de, incident)).toBe(
      'Der Vorfall „ICSMA-17-215-02 response“ ist abgeschlossen: Seine Fälle können sich nicht mehr ändern.',
    );
    expect(heldWhyText(en, incident)).toBe(
      'The incident "ICSMA-17-215-02 response" is closed: its cases can no longer change.',
    );
  });
});

/** How a signed bulk decision ended, counted by what it says: the refused when none moved. */
describe('the outcome of a signed bulk decision', () => {
  const moved = (assetTag: string): BulkMoved => ({
    caseId: 1,
    assetTag,
    from: 'at_risk',
    to: 'assessing',
    recheckAt: null,
  });
  const refused = (assetTag: string): BulkRefused => ({
    caseId: 2,
    assetTag,
    reason: 'From Assessing there is no step to Assessing.',
    missing: [],
  });

  it('counts the one refused case when nothing moved, in either language', async () => {
    const [en, de] = [await tFor('en'), await tFor('de')];
    const none = { moved: [], refused: [refused('NM-0005')], requested: [] };
    expect(bulkOutcome(en, 'move', none)).toEqual({
      outcome: 'none',
      text: 'Signed, but nothing changed: 1 case not moved. See why below.',
    });
    expect(bulkOutcome(de, 'move', none).text).toBe(
      'Unterschrieben, aber nichts geändert: 1 Fall nicht verschoben. Den Grund sehen Sie unten.',
    );
    expect(bulkOutcome(de, 'recheck', none).text).toBe(
      'Unterschrieben, aber nichts geändert: 1 Fall nicht geändert. Den Grund sehen Sie unten.',
    );
    const two = { moved: [], refused: [refused('NM-0005'), refused('NM-0008')], requested: [] };
    expect(bulkOutcome(de, 'move', two).text).toBe(
      'Unterschrieben, aber nichts geändert: 2 Fälle nicht verschoben. Die Gründe sehen Sie unten.',
    );
  });

  it('is amber when some moved and green when all did, counting the moved', async () => {
    const de = await tFor('de');
    const partial = { moved: [moved('NM-0002')], refused: [refused('NM-0004')], requested: [] };
    expect(bulkOutcome(de, 'move', partial)).toEqual({
      outcome: 'partial',
      text: 'Unterschrieben, aber nur teilweise erledigt: 1 Fall verschoben, 1 nicht. Die Gründe sehen Sie unten.',
    });
    const done = { moved: [moved('NM-0002'), moved('NM-0004')], refused: [], requested: [] };
    expect(bulkOutcome(de, 'move', done)).toEqual({
      outcome: 'done',
      text: 'Unterschrieben. 2 Fälle verschoben.',
    });
  });
});
