import type { ErrorWords, TermKey } from '../../api/error-words';

/**
 * A CSAF validator message as people read it: the field named in plain words ("document ›
 * tracking › current release date") and what is wrong with it, worded from the errors
 * catalogue (English and German); the JSON path, the validator's own words and its test stay in
 * `technical`, shown behind "Details".
 */
export interface CsafProblem {
  words: ErrorWords;
  technical: string;
}

/** "/document/tracking/current_release_date" → "document › tracking › current release date". */
export function fieldWords(instancePath: string): string {
  return instancePath
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      const part = p.replace(/~1/g, '/').replace(/~0/g, '~');
      // A list's entry is counted from 1, as people count.
      return /^\d+$/.test(part) ? `no. ${Number(part) + 1}` : part.replace(/_/g, ' ');
    })
    .join(' › ');
}

/** The catalogue key and values of one validator message. */
function wordsOf(message: string): Pick<ErrorWords, 'key' | 'params' | 'terms'> {
  let m = /^must have required property '(.+)'$/.exec(message);
  if (m?.[1]) return { key: 'csafMissing', params: { field: m[1].replace(/_/g, ' ') } };
  m = /^must match format "(.+)"$/.exec(message);
  if (m?.[1]) return { key: 'csafFormat', params: { format: m[1] } };
  if (/^must be equal to (one of the allowed values|constant)$/.test(message)) {
    return { key: 'csafAllowed', params: {} };
  }
  if (/^must NOT have (additional|unevaluated) properties$/.test(message)) {
    return { key: 'csafExtra', params: {} };
  }
  m = /^must be (string|number|integer|array|object|boolean)$/.exec(message);
  if (m?.[1]) {
    const type = `csafType_${m[1]}` as TermKey;
    return { key: 'csafType', params: {}, terms: { type } };
  }
  if (/^must NOT have fewer than \d+ (characters|items)$/.test(message)) {
    return { key: 'csafTooShort', params: {} };
  }
  if (/^must match pattern /.test(message)) return { key: 'csafPattern', params: {} };
  // The validator's own words stay in `technical`, behind Details.
  return { key: 'csafOther', params: {} };
}

export function csafProblem(instancePath: string, message: string, test: string): CsafProblem {
  const where = fieldWords(instancePath);
  const { key, params, terms = {} } = wordsOf(message);
  return {
    words: where
      ? { key, params: { ...params, where }, terms }
      : { key, params, terms: { ...terms, where: 'csafWholeFile' } },
    technical: `${instancePath || '/'}: ${message} (${test})`,
  };
}
