import { describe, expect, it } from 'vitest';
import { tFor } from '../i18n/test/translator';
import { heldWhyText } from './bulk-words';

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
