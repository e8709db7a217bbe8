/**
 * FIRST's EPSS scores as published: a comment line `#model_version:<v>,score_date:<date-time>`,
 * the header `cve,epss,percentile`, then one row per CVE with two numbers from 0 to 1. A
 * malformed line is refused with its number; nothing of the file is stored then.
 */
import { englishErrorWords, type ErrorParams, type ErrorWordKey } from '../../api/error-words';
import type { Parsed } from './kev-parse';

export interface EpssFile {
  modelVersion: string;
  scoreDate: string;
  /** Parallel arrays: 300,000 rows as objects would triple the memory. */
  cves: string[];
  scores: Float64Array;
  percentiles: Float64Array;
}

const cvePattern = /^CVE-\d{4}-\d{4,19}$/;
const numberPattern = /^(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)(?:e-?\d+)?$/i;

function fail(line: number, key: ErrorWordKey, params: ErrorParams = {}): Parsed<EpssFile> {
  const words = { key, params: { line, ...params } };
  // The caller words the refusal with the file's name; the message stands for it meanwhile.
  return {
    ok: false,
    message: englishErrorWords({ key, params: { ...words.params, file: 'EPSS' } }),
    words,
  };
}

export function parseEpssFile(text: string): Parsed<EpssFile> {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const head =
    /^#model_version:([^,\s]+),score_date:(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)$/.exec(
      (lines[0] ?? '').replace(/^\uFEFF/, '').trim(),
    );
  if (!head?.[1] || !head[2]) {
    return fail(1, 'epssNoModelLine');
  }
  if ((lines[1] ?? '').trim() !== 'cve,epss,percentile') {
    return fail(2, 'epssNoHeader', { found: (lines[1] ?? '').slice(0, 60) });
  }
  const n = lines.length - 2;
  const cves: string[] = new Array<string>(n);
  const scores = new Float64Array(n);
  const percentiles = new Float64Array(n);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const raw = lines[i + 2] ?? '';
    const lineNo = i + 3;
    const a = raw.indexOf(',');
    const b = a < 0 ? -1 : raw.indexOf(',', a + 1);
    if (a < 0 || b < 0 || raw.indexOf(',', b + 1) >= 0) {
      return fail(lineNo, 'epssNotThreeFields', { found: raw.slice(0, 60) });
    }
    const cve = raw.slice(0, a);
    const epss = raw.slice(a + 1, b);
    const pct = raw.slice(b + 1).trimEnd();
    if (!cvePattern.test(cve)) return fail(lineNo, 'epssNotCve', { value: cve.slice(0, 40) });
    if (!numberPattern.test(epss))
      return fail(lineNo, 'epssNotNumber', { column: 'epss', value: epss.slice(0, 40) });
    if (!numberPattern.test(pct))
      return fail(lineNo, 'epssNotNumber', { column: 'percentile', value: pct.slice(0, 40) });
    const score = Number(epss);
    const percentile = Number(pct);
    if (!(score >= 0 && score <= 1))
      return fail(lineNo, 'epssNotNumber', { column: 'epss', value: epss });
    if (!(percentile >= 0 && percentile <= 1))
      return fail(lineNo, 'epssNotNumber', { column: 'percentile', value: pct });
    if (seen.has(cve)) return fail(lineNo, 'epssCveTwice', { value: cve });
    seen.add(cve);
    cves[i] = cve;
    scores[i] = score;
    percentiles[i] = percentile;
  }
  return {
    ok: true,
    value: { modelVersion: head[1], scoreDate: head[2], cves, scores, percentiles },
  };
}
