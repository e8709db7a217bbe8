import type { TFunction } from 'i18next';
import type { ActivityLookup } from '../../../electron/api/activity-sentence';
import type { Hics251Lookup } from '../../../electron/api/hics251-words';
import { placeText, type PlaceParts } from '../../../electron/api/place-words';

/**
 * The services' shared wordings (api/place-words.ts, api/hics251-words.ts,
 * api/activity-sentence.ts) in the station's
 * language: their keys live in the PDFs' catalogue, which the UI's translations include. The
 * keys are checked against that catalogue where the PDFs use the same wordings (pdf/words.ts).
 */
export function pdfLookup(t: TFunction): Hics251Lookup & ActivityLookup {
  const words = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  return (key: string, values?: Record<string, string | number>) => words(`pdf.${key}`, values);
}

/** "Main Campus, Building A, Geschoss 1, Raum NM-104", what is known, in the station's language. */
export function placeIn(t: TFunction, place: PlaceParts): string {
  const words = pdfLookup(t);
  return placeText(place, (key, value) => words(`place.${key}`, { [key]: value }));
}
