import type { TFunction } from 'i18next';
import type { ActivityWording } from '../../../electron/api/activity-sentence';
import type { ErrorWords } from '../../../electron/api/error-words';
import type { Hics251Lookup } from '../../../electron/api/hics251-words';
import { placeText, type PlaceParts } from '../../../electron/api/place-words';
import { wordsSentence } from './error-words';

/**
 * The services' shared wordings (api/place-words.ts, api/hics251-words.ts,
 * api/activity-sentence.ts) in the station's
 * language: their keys live in the PDFs' catalogue, which the UI's translations include. The
 * keys are checked against that catalogue where the PDFs use the same wordings (pdf/words.ts).
 */
export function pdfLookup(t: TFunction): Hics251Lookup & ActivityWording {
  const words = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const lookup = (key: string, values?: Record<string, string | number>) =>
    words(`pdf.${key}`, values);
  return Object.assign(lookup, {
    errorSentence: (w: ErrorWords) => wordsSentence(t, w),
  });
}

/** "Main Campus, Building A, Geschoss 1, Raum NM-104", what is known, in the station's language. */
export function placeIn(t: TFunction, place: PlaceParts): string {
  const words = pdfLookup(t);
  return placeText(place, (key, value) => words(`place.${key}`, { [key]: value }));
}
