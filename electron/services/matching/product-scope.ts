/**
 * What a product name says about its scope beyond the model words: the models it leaves out
 * ("LOGIQ, not including LOGIQ 100 Pro", ICSMA-20-049-02), whether it names a whole product line
 * ("Vivid products", "Evera ICD: (all models)"), and the model numbers written into it ("RF models
 * EX1150", ICSMA-17-009-01; "Model number 96280", ICSMA-20-049-01).
 */
import { significantTokens, tokenize } from './model-tokens';

export interface Exclusion {
  /** As the advisory writes it, completed with the line name: "LOGIQ 100 Pro", "Venue 40 R1-3". */
  text: string;
  /** Significant tokens of the excluded model, without its revision range. */
  tokens: string[];
  /** "R1-3": only these hardware revisions are excluded. */
  revisions: { low: number; high: number } | null;
}

const exclusionPhrase =
  /[,:;]?\s*(?:all\s+versions\s*,?\s*)?\b(?:not\s+including|excluding|except(?:\s+for)?|other\s+than)\s+(.+)$/i;
const parenthesisedExclusion = /\(\s*(?:not\s+including|excluding|except(?:\s+for)?)\s+([^()]+)\)/i;
/** Words that say "a line" rather than naming one model. */
const lineWords = /\b(?:products|family|series|product\s+line|all\s+models)\b/i;
const lineNoise = new Set(['product', 'products', 'line', 'family', 'series', 'the']);

/** "LOGIQ, not including LOGIQ 100 Pro" → base "LOGIQ", excluded ["LOGIQ 100 Pro"]. */
export function splitExclusions(name: string): { base: string; excluded: string[] } {
  const paren = parenthesisedExclusion.exec(name);
  if (paren?.[1]) {
    return {
      base: name.replace(paren[0], ' ').replace(/\s+/g, ' ').trim(),
      excluded: splitList(paren[1]),
    };
  }
  const m = exclusionPhrase.exec(name);
  if (!m?.[1]) return { base: name, excluded: [] };
  return {
    base: name
      .slice(0, m.index)
      .replace(/[,:;\s]+$/, '')
      .trim(),
    excluded: splitList(m[1]),
  };
}

function splitList(text: string): string[] {
  return text
    .replace(/[:.]\s*all\s+versions\s*$/i, '')
    .split(/\s*(?:,|;|\band\b|\bor\b|&)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Excluded models as comparable tokens. "40 R1-3" under the line "Venue" reads "Venue 40 R1-3":
 * an item that does not start with the line's first word gets it.
 */
export function compileExclusions(lineName: string, excluded: readonly string[]): Exclusion[] {
  const line = significantTokens(tokenize(lineName)).filter((t) => !lineNoise.has(t));
  const out: Exclusion[] = [];
  const seen = new Set<string>();
  for (const raw of excluded) {
    let text = raw.trim();
    let revisions: Exclusion['revisions'] = null;
    const rev = /\s+R(\d+)\s*-\s*R?(\d+)$/i.exec(text);
    if (rev?.[1] && rev[2]) {
      revisions = { low: Number(rev[1]), high: Number(rev[2]) };
      text = text.slice(0, rev.index);
    }
    let tokens = significantTokens(tokenize(text)).filter((t) => !lineNoise.has(t));
    if (tokens.length === 0) continue;
    // "100 Pro" under "LOGIQ" is a LOGIQ model; "EchoPAC" under "Vivid" is a product of its own.
    const completed = /^\d/.test(tokens[0] ?? '') && line.length > 0;
    if (completed) tokens = [...line, ...tokens];
    const key = tokens.join(' ') + (revisions ? `#${revisions.low}-${revisions.high}` : '');
    if (seen.has(key)) continue;
    seen.add(key);
    const shown = completed ? `${lineName.trim()} ${raw.trim()}` : raw.trim();
    out.push({ text: shown.replace(/\s+product\s+line$/i, ''), tokens, revisions });
  }
  return out;
}

export type ExclusionVerdict =
  | { kind: 'excluded'; exclusion: Exclusion }
  | { kind: 'revision-unknown'; exclusion: Exclusion }
  | null;

/** Whether a device's model is one the product leaves out. */
export function exclusionFor(
  exclusions: readonly Exclusion[],
  deviceTokens: readonly string[],
): ExclusionVerdict {
  const set = new Set(deviceTokens);
  for (const e of exclusions) {
    if (!e.tokens.every((t) => set.has(t))) continue;
    if (!e.revisions) return { kind: 'excluded', exclusion: e };
    const i = deviceTokens.indexOf('r');
    const n = i >= 0 ? Number(deviceTokens[i + 1]) : NaN;
    if (!Number.isInteger(n)) return { kind: 'revision-unknown', exclusion: e };
    if (n >= e.revisions.low && n <= e.revisions.high) return { kind: 'excluded', exclusion: e };
  }
  return null;
}

/** Whether the product names a whole line rather than one model. */
export function namesWholeLine(
  displayName: string,
  fullName: string,
  hasExclusions: boolean,
): boolean {
  if (hasExclusions || lineWords.test(displayName) || lineWords.test(fullName)) return true;
  // A bare line name ("Voluson", "Venue"): one word of letters.
  return /^[A-Za-z][A-Za-z-]{2,}$/.test(displayName.trim());
}

/**
 * Model numbers in a name: letters then three or more digits, or four or more digits, with an
 * optional suffix ("EX1150", "96280", "8015", "35700BAX2"). Upper case, for comparing.
 */
export function modelNumbers(text: string | null): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(/\b([A-Za-z]{1,4}\d{3,}[A-Za-z0-9]*|\d{4,}[A-Za-z0-9]*)\b/g)) {
    const token = (m[1] ?? '').toUpperCase();
    // Years in names ("Windows Server 2008") are not model numbers.
    if (/^(19|20)\d\d$/.test(token)) continue;
    out.add(token);
  }
  return [...out];
}

/** "35700BAX3" → "35700BAX": a model number without the digits that tell its variants apart. */
function modelStem(number: string): string | null {
  const m = /^([A-Z]{0,4}\d+[A-Z]+)\d+$|^([A-Z]{0,4}\d+[A-Z]+)$/.exec(number.toUpperCase());
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/**
 * A model number the device's record gives that is a different variant of the one the advisory
 * names ("35700BAX2" where the advisory names "35700BAX3": same stem, another model), or null.
 * The record then says which model the device is, and it is not the advisory's.
 */
export function otherVariantOf(named: string, texts: (string | null)[]): string | null {
  const stem = modelStem(named);
  if (!stem) return null;
  for (const text of texts) {
    for (const recorded of modelNumbers(text)) {
      if (recorded !== named.toUpperCase() && modelStem(recorded) === stem) return recorded;
    }
  }
  return null;
}
