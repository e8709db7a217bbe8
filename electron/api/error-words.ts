import en from './i18n/errors.en.json' with { type: 'json' };

/**
 * A service error's words as a key of the errors catalogue (electron/api/i18n/errors.*.json)
 * and the values it fills in: the services word the English message from it, and the UI says
 * the same in the station's language. A key with `_one` and `_other` forms takes `count`.
 */
type Plural<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
export type ErrorWordKey = Plural<keyof typeof en.serviceErrors>;
export type ErrorParams = Record<string, string | number>;

export interface ErrorWords {
  key: ErrorWordKey;
  params: ErrorParams;
}

const catalogue: Record<string, string> = en.serviceErrors;

function isParams(value: unknown): value is ErrorParams {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}

/** The words an error's details carry, if they name a key the catalogue has. */
export function errorWordsOf(details: unknown): ErrorWords | undefined {
  const words = (details as { words?: unknown } | undefined)?.words;
  if (typeof words !== 'object' || words === null) return undefined;
  const { key, params } = words as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !isParams(params)) return undefined;
  const known = key in catalogue || `${key}_one` in catalogue;
  return known ? { key: key as ErrorWordKey, params } : undefined;
}

/** The English sentence, as i18next would build it (English and German plurals: one, other). */
export function englishErrorWords({ key, params }: ErrorWords): string {
  const form =
    typeof params.count === 'number' ? `${key}_${params.count === 1 ? 'one' : 'other'}` : key;
  const text = catalogue[form] ?? catalogue[key] ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
