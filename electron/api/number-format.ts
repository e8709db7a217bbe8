import type { Language } from './languages';

/**
 * The one way a number with decimals is shown, in the reader's language: "0.74" and "9.8" in
 * English, "0,74" and "9,8" in German. The services (the gate's words, the PDFs) and the renderer
 * (the case page, the advisories, the priorities) format through here, beside the one clock.
 *
 * Formatters are cached per language and precision: 10,000 cases' priorities are worded in one
 * request, and building an `Intl.NumberFormat` costs far more than using one.
 */
const formats = new Map<string, Intl.NumberFormat>();

function formatFor(language: Language, digits: number, entered = false): Intl.NumberFormat {
  const key = `${language}:${digits}:${entered}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      language,
      entered
        ? { maximumFractionDigits: digits, useGrouping: false }
        : { minimumFractionDigits: digits, maximumFractionDigits: digits },
    );
    formats.set(key, format);
  }
  return format;
}

/** `value` with exactly `digits` decimals in the language's form: `formatDecimal(9.8, 'de', 1)` → "9,8". */
export function formatDecimal(value: number, language: Language, digits: number): string {
  return formatFor(language, digits).format(value);
}

/**
 * A number someone entered in a checklist, as the answer field shows it: the decimals it has (at
 * most three), no thousands separator. "2.5" in English, "2,5" in German; "1200" in both.
 */
export function formatEntered(value: number, language: Language): string {
  return formatFor(language, 3, true).format(value);
}

/** A CVSS base score as advisories print it, one decimal: "9.8", in German "9,8". */
export function formatCvss(score: number, language: Language): string {
  return formatDecimal(score, language, 1);
}
