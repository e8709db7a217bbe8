import en from './i18n/errors.en.json' with { type: 'json' };
import { roleLabels, roles as allRoles, type Role } from './roles';

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
  /** Values that are lists of roles, each worded by the reader in its language ("A, B or C"). */
  roles?: Record<string, Role[]>;
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
  const { key, params, roles } = words as { key?: unknown; params?: unknown; roles?: unknown };
  if (typeof key !== 'string' || !isParams(params)) return undefined;
  const known = key in catalogue || `${key}_one` in catalogue;
  if (!known) return undefined;
  const roleLists = isRoleLists(roles) ? roles : undefined;
  return { key: key as ErrorWordKey, params, ...(roleLists ? { roles: roleLists } : {}) };
}

function isRoleLists(value: unknown): value is Record<string, Role[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every(
      (list) => Array.isArray(list) && list.every((r) => allRoles.includes(r as Role)),
    )
  );
}

/** "A", "A or B", "A, B or C": the words of a list, with the reader's "or". */
export function listWords(items: readonly string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1) ?? ''}`;
}

/** The English sentence, as i18next would build it (English and German plurals: one, other). */
export function englishErrorWords({ key, params: given, roles = {} }: ErrorWords): string {
  const params: ErrorParams = { ...given };
  for (const [name, list] of Object.entries(roles)) {
    params[name] = listWords(
      list.map((r) => roleLabels[r]),
      catalogue.or ?? 'or',
    );
  }
  const form =
    typeof params.count === 'number' ? `${key}_${params.count === 1 ? 'one' : 'other'}` : key;
  const text = catalogue[form] ?? catalogue[key] ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
