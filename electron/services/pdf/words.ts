import de from '../../api/i18n/pdf.de.json' with { type: 'json' };
import { canonicalJson } from '../audit/hash';
import en from '../../api/i18n/pdf.en.json' with { type: 'json' };
import { catalogueLookup, type GateLookup } from '../../api/gate-words';
import gateDe from '../../api/i18n/gate.de.json' with { type: 'json' };
import gateEn from '../../api/i18n/gate.en.json' with { type: 'json' };
import type { Language } from '../../api/languages';
import { placeText, type PlaceParts } from '../../api/place-words';

/**
 * The PDFs' fixed words in the station's language, from the catalogue the UI's translations
 * include too (so the test that finds a key missing in either language covers them). Record
 * content (names, playbook questions, advisory text) is printed as recorded.
 */
type Catalogue = typeof en.pdf;
type Leaf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaf<T[K], `${P}${K}.`>;
}[keyof T & string];
export type PdfWordKey = Leaf<Catalogue>;
export interface PdfWords {
  (key: PdfWordKey, values?: Record<string, string | number>): string;
  /** The language the words are in (for words from other catalogues, e.g. priority reasons). */
  readonly language: Language;
}

const catalogues: Record<Language, Catalogue> = { en: en.pdf, de: de.pdf };

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

/** A catalogue text split at its `{{name}}` placeholders: texts at even, names at odd places. */
type Template = readonly string[];

function compile(text: string): Template {
  return text.split(/\{\{\s*(\w+)\s*\}\}/);
}

/** Each language's texts, compiled once when first used (a HICS 214 words 100,000 lines). */
const compiled: Record<Language, Map<string, Template>> = { en: new Map(), de: new Map() };

function template(language: Language, key: string): Template {
  const cache = compiled[language];
  let t = cache.get(key);
  if (t === undefined) {
    t = compile(lookup(catalogues[language], key) ?? lookup(catalogues.en, key) ?? key);
    cache.set(key, t);
  }
  return t;
}

export function pdfWords(language: Language = 'en'): PdfWords {
  const words = (key: PdfWordKey, values: Record<string, string | number> = {}) => {
    const parts = template(language, key);
    let out = parts[0] ?? '';
    for (let i = 1; i < parts.length; i += 2) {
      out += String(values[parts[i] ?? ''] ?? '') + (parts[i + 1] ?? '');
    }
    return out;
  };
  return Object.assign(words, { language });
}

/**
 * The fixed words as their catalogue keys and values ("case.floor{"floor":"2"}"), not as text:
 * a document built with these says what the record holds whatever the catalogue's wording, so
 * verify-pdf can tell a reworded document from an altered record (content-hash.ts).
 */
export function keyWords(language: Language = 'en'): PdfWords {
  const words = (key: PdfWordKey, values: Record<string, string | number> = {}) =>
    Object.keys(values).length === 0 ? key : `${key}${canonicalJson(values)}`;
  return Object.assign(words, { language });
}

/** A role's name in the document's language; a role the catalogue does not know, as stored. */
export function roleWord(t: PdfWords, role: string): string {
  return role in en.pdf.roles ? t(`roles.${role as keyof Catalogue['roles']}`) : role;
}

/** The patient-safety gate's reasons in a document's language (their catalogue is the gate's). */
export const gateLookups: Record<Language, GateLookup> = {
  en: catalogueLookup(gateEn, 'en'),
  de: catalogueLookup(gateDe, 'de'),
};

/** Where a device stands, in the document's language. */
export function placeIn(place: PlaceParts, t: PdfWords): string {
  return placeText(place, (key, value) => t(`place.${key}`, { [key]: value }));
}
