import type { CaseState } from './domains/cases';
import type { Hics251Report } from './domains/reports';
import { gateSentence, type GateLookup } from './gate-words';
import { placeText } from './place-words';

/** The catalogue keys (under `pdf.`) a HICS 251 row is worded with. */
export type Hics251WordKey =
  | `hics251Reasons.${CaseState}`
  | `hics251.${'withGate' | 'advisory' | 'assigned' | 'notAssigned' | 'awaitsReview' | 'system' | 'station' | 'location'}`
  | `place.${'floor' | 'room'}`;

/** The pdf catalogue's words in one language: the PDF's, or the station's in the UI. */
export type Hics251Lookup = (key: Hics251WordKey, values?: Record<string, string>) => string;

type Hics251Row = Hics251Report['rows'][number];

export interface Hics251RowWords {
  system: string;
  location: string;
  reason: string;
  comments: string;
}

/**
 * A HICS 251 row's words from its data, in the language of `t`: the one wording the report on
 * screen and its PDF share (the row's English strings are for the command line and CSV).
 */
export function hics251RowWords(
  row: Hics251Row,
  t: Hics251Lookup,
  gate: GateLookup,
): Hics251RowWords {
  const reason = t(`hics251Reasons.${row.state}`);
  const place = placeText(row.place, (key, value) => t(`place.${key}`, { [key]: value }));
  return {
    system: row.label
      ? t('hics251.system', { label: row.label, assetTag: row.assetTag })
      : row.assetTag,
    location:
      place && row.department
        ? t('hics251.location', { place, department: row.department })
        : place || row.department || '',
    reason: row.gateReasonWords
      ? t('hics251.withGate', { reason, gate: gateSentence(row.gateReasonWords, gate) })
      : reason,
    comments: [
      // The facility's report: each case names the station that holds it.
      ...(row.station !== null ? [t('hics251.station', { station: row.station })] : []),
      t('hics251.advisory', { ...row.advisory }),
      row.assignee ? t('hics251.assigned', { name: row.assignee }) : t('hics251.notAssigned'),
      ...(row.awaitsReview ? [t('hics251.awaitsReview')] : []),
    ].join('; '),
  };
}
