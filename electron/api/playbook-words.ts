import de from './i18n/playbook.de.json' with { type: 'json' };
import type { CaseActionOption, CaseDetail } from './domains/cases';
import type { Language } from './languages';
import type { MissingWords } from './missing-words';
import { errorWordsIn, type ErrorWords } from './error-words';
import errorsDe from './i18n/errors.de.json' with { type: 'json' };
import missingDe from './i18n/missing.de.json' with { type: 'json' };
import pdfDe from './i18n/pdf.de.json' with { type: 'json' };

/**
 * A playbook's words in another language, keyed by the template's own ids
 * (electron/api/i18n/playbook.<language>.json, one entry per "id@version").
 *
 * The template file stays the one source of a checklist's structure and of its English words,
 * and what is stored never holds its words: answers are values and option values, sign-offs
 * attest the template's id and version with those answers, audit events carry the rows. So the
 * words are changed where they are shown (the case page, a PDF), and nothing recorded changes
 * with the reader's language. A text the catalogue lacks is shown as the template has it.
 */

export interface PlaybookFieldWords {
  label?: string;
  help?: string;
  options?: Record<string, string>;
}
export interface PlaybookItemWords extends PlaybookFieldWords {
  rowLabel?: string;
  fields?: Record<string, PlaybookFieldWords>;
}
export interface PlaybookSectionWords {
  title?: string;
  help?: string;
  items?: Record<string, PlaybookItemWords>;
}
export interface PlaybookWords {
  title?: string;
  description?: string;
  sections?: Record<string, PlaybookSectionWords>;
}

const catalogues: Record<Language, Record<string, PlaybookWords | undefined>> = { en: {}, de };

/** The words of one template version in a language; undefined when it has none (English). */
export function playbookWords(
  templateId: string,
  version: number,
  language: Language,
): PlaybookWords | undefined {
  return catalogues[language][`${templateId}@${version}`];
}

/** The shape both the template and the case page's checklist share: what has words. */
interface WordedOption {
  value: string;
  label: string;
}
interface WordedField {
  id: string;
  label: string;
  help?: string;
  options?: readonly WordedOption[];
}
interface WordedItem extends WordedField {
  rowLabel?: string;
  fields?: readonly WordedField[];
}
interface WordedSection {
  id: string;
  title: string;
  help?: string;
  items: readonly WordedItem[];
}

function optionsIn<T extends WordedField>(
  field: T,
  words: PlaybookFieldWords | undefined,
  seen: Map<string, string>,
): T {
  const label = words?.label ?? field.label;
  const help = field.help === undefined ? undefined : (words?.help ?? field.help);
  if (!seen.has(field.label)) seen.set(field.label, label);
  const options = field.options?.map((o) => {
    const text = words?.options?.[o.value] ?? o.label;
    if (!seen.has(o.label)) seen.set(o.label, text);
    return { ...o, label: text };
  });
  return {
    ...field,
    label,
    ...(help === undefined ? {} : { help }),
    ...(options ? { options } : {}),
  };
}

/**
 * The sections in the catalogue's words (ids, values and everything else unchanged), and each
 * English label and option label with its translation, for the labels quoted inside sentences.
 */
export function localizeSections<S extends WordedSection>(
  sections: readonly S[],
  words: PlaybookWords | undefined,
): { sections: S[]; labels: Map<string, string> } {
  const labels = new Map<string, string>();
  if (!words) return { sections: [...sections], labels };
  const localized = sections.map((section) => {
    const sw = words.sections?.[section.id];
    const items = section.items.map((item) => {
      const iw = sw?.items?.[item.id];
      const worded = optionsIn(item, iw, labels);
      const fields = item.fields?.map((f) => optionsIn(f, iw?.fields?.[f.id], labels));
      const rowLabel = item.rowLabel === undefined ? undefined : (iw?.rowLabel ?? item.rowLabel);
      if (item.rowLabel !== undefined && rowLabel !== undefined && !labels.has(item.rowLabel)) {
        labels.set(item.rowLabel, rowLabel);
      }
      return {
        ...worded,
        ...(fields ? { fields } : {}),
        ...(rowLabel === undefined ? {} : { rowLabel }),
      };
    });
    const help = section.help === undefined ? undefined : (sw?.help ?? section.help);
    return {
      ...section,
      title: sw?.title ?? section.title,
      ...(help === undefined ? {} : { help }),
      items,
    };
  });
  return { sections: localized, labels };
}

/** A line of what is missing with the playbook's labels it quotes in the catalogue's words. */
export function localizeMissing(words: MissingWords, labels: Map<string, string>): MissingWords {
  const text = words.key === 'quoted' ? words.params?.text : undefined;
  const params =
    typeof text === 'string' && labels.has(text)
      ? { ...words.params, text: labels.get(text) ?? text }
      : words.params;
  const inner = words.words
    ? Object.fromEntries(
        Object.entries(words.words).map(([k, w]) => [k, localizeMissing(w, labels)]),
      )
    : undefined;
  const lists = words.lists
    ? Object.fromEntries(
        Object.entries(words.lists).map(([k, l]) => [
          k,
          { ...l, items: l.items.map((w) => localizeMissing(w, labels)) },
        ]),
      )
    : undefined;
  return {
    ...words,
    ...(params ? { params } : {}),
    ...(inner ? { words: inner } : {}),
    ...(lists ? { lists } : {}),
  };
}

/**
 * A case as its page or PDF shows it, with the playbook's words in `language`: the checklist,
 * the template's title, and the labels quoted in what the steps and the gate still need.
 */
export function localizeCaseDetail(detail: CaseDetail, language: Language): CaseDetail {
  const words = playbookWords(detail.template.id, detail.template.version, language);
  if (!words) return detail;
  const { sections, labels } = localizeSections(detail.template.sections, words);
  const option = (o: CaseActionOption): CaseActionOption => ({
    ...o,
    missingWords: o.missingWords.map((w) => localizeMissing(w, labels)),
  });
  const { next, options } = detail.nextActions;
  const answerWords = quotedWords(labels);
  const checked = sections.map((section) => ({
    ...section,
    status: {
      ...section.status,
      problems: section.status.problems.map((p) => {
        if (!p.words) return { ...p, label: labels.get(p.label) ?? p.label };
        // The sentence too, for what prints it (the case PDF): the page words `words` itself.
        const worded = localizeQuoted(p.words, answerWords);
        const message = errorWordsIn(language, worded).replace(/\.$/, '');
        return { ...p, label: labels.get(p.label) ?? p.label, words: worded, message };
      }),
    },
  }));
  return {
    ...detail,
    template: {
      ...detail.template,
      title: words.title ?? detail.template.title,
      sections: checked,
    },
    gate: {
      ...detail.gate,
      missingWords: detail.gate.missingWords.map((w) => localizeMissing(w, labels)),
    },
    nextActions: {
      ...detail.nextActions,
      next: next ? option(next) : null,
      options: options.map(option),
    },
  };
}

/** The answers Yes and No as the services quote them, in German. */
const yesNo = new Map([
  ['Yes', pdfDe.pdf.record.yes],
  ['No', pdfDe.pdf.record.no],
]);

/** The labels of the playbook and the answers Yes and No as the services quote them, in German. */
function quotedWords(labels: Map<string, string>): Map<string, string> {
  return new Map([...labels, ...yesNo]);
}

/**
 * A refused answer's words (as the services send them, quoting the template's English labels)
 * with the labels, answers and the "or" between them in `language`; unchanged in English.
 */
export function localizeAnswerRefusal(
  detail: CaseDetail,
  language: Language,
  words: ErrorWords,
): ErrorWords {
  const playbook = playbookWords(detail.template.id, detail.template.version, language);
  if (!playbook) return words;
  const { labels } = localizeSections(detail.template.sections, playbook);
  return localizeQuoted(words, quotedWords(labels));
}

/**
 * An answer's problem with the labels and answers it quotes ('Label', as the services word it in
 * English) in the catalogue's words and German quotation marks.
 */
export function localizeQuoted(words: ErrorWords, labels: Map<string, string>): ErrorWords {
  const quote = (text: string) => missingDe.missingWords.quoted.replace('{{text}}', text);
  // Quoted answers listed as the services join them ("'A', 'B' or 'C'") take the German "oder".
  const or = ` ${errorsDe.serviceErrors.or} `;
  const localized = (v: string) =>
    v.replace(
      /'([^']*)'( or (?='))?/g,
      (_, text: string, joined?: string) => quote(labels.get(text) ?? text) + (joined ? or : ''),
    );
  const params = Object.fromEntries(
    Object.entries(words.params).map(([k, v]) => [k, typeof v === 'string' ? localized(v) : v]),
  );
  // A row of a list: the playbook's row label in the catalogue's words, its field's label quoted.
  const rows = words.rows
    ? Object.fromEntries(
        Object.entries(words.rows).map(([k, row]) => [
          k,
          {
            ...row,
            label: labels.get(row.label) ?? row.label,
            ...(row.field === undefined ? {} : { field: localized(row.field) }),
          },
        ]),
      )
    : undefined;
  return { ...words, params, ...(rows ? { rows } : {}) };
}
