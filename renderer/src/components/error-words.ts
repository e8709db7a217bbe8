import type { TFunction } from 'i18next';
import type { ApiError } from '../api/client';

interface Issue {
  path: (string | number)[];
  message: string;
}

function issuesOf(error: ApiError): Issue[] {
  const raw = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (i): i is Issue =>
      typeof i === 'object' &&
      i !== null &&
      Array.isArray((i as Issue).path) &&
      typeof (i as Issue).message === 'string',
  );
}

/** "recheckAt" → "recheck at": a field the catalogue does not name still reads as words. */
function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}

/** The field a schema path points at, by the name the form gives it (`signoff.secret` → PIN). */
export function fieldName(t: TFunction, path: readonly (string | number)[]): string {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (key === undefined) return t('errors.fields.input');
  // The key is built from the path, so the typed catalogue cannot check it: a field it lacks
  // falls back to the path's own words.
  return t(`errors.fields.${key}` as 'errors.fields.input', { defaultValue: words(key) });
}

/**
 * What the user reads: for refused input, each problem after the name of its field (the method
 * name and the schema path stay behind Details); otherwise the service's own sentence.
 */
export function errorLines(t: TFunction, error: ApiError): { lines: string[]; technical: boolean } {
  const issues = error.code === 'invalid_input' ? issuesOf(error) : [];
  if (issues.length === 0) return { lines: [error.message], technical: false };
  return {
    lines: issues.map((i) => {
      const field = fieldName(t, i.path);
      return `${field.charAt(0).toUpperCase()}${field.slice(1)}: ${i.message}`;
    }),
    technical: true,
  };
}
