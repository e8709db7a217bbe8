import en from './i18n/pdf.en.json' with { type: 'json' };

/** Where a device stands, as recorded: any part may be unknown. */
export interface PlaceParts {
  site: string | null;
  building: string | null;
  floor: string | null;
  room: string | null;
}

/** The words of a place in the reader's language (the `pdf.place` keys of the catalogue). */
export type PlaceWords = (key: 'floor' | 'room', value: string) => string;

/** The English words: what the services record and the command line prints. */
export const englishPlaceWords: PlaceWords = (key, value) =>
  en.pdf.place[key].replace(`{{${key}}}`, value);

/**
 * "Main Campus, Building A, floor 1, room NM-104", what is known of it, in the words given: the
 * one wording of a place for the case lists, the HICS 251 report and the PDFs.
 */
export function placeText(d: PlaceParts, words: PlaceWords = englishPlaceWords): string {
  return [
    d.site,
    d.building,
    d.floor ? words('floor', d.floor) : null,
    d.room ? words('room', d.room) : null,
  ]
    .filter((p): p is string => !!p)
    .join(', ');
}
