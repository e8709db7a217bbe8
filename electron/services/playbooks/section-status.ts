import {
  describeAnswer,
  describeExpected,
  findItem,
  isItemVisible,
  isUnanswered,
  matchesComparison,
  parseDateTime,
  validateAnswer,
  type AnswerOptions,
  type AnswerValue,
  type CaseAnswers,
} from './answers';
import type { PlaybookItem, PlaybookTemplate, SectionId } from './schema';
import { englishErrorWords, type ErrorWords } from '../../api/error-words';

/** Where a checklist section stands: complete, done, and what is missing or wrong, in words. */

export interface ItemProblem {
  itemId: string;
  label: string;
  kind: 'unanswered' | 'invalid' | 'unmet';
  message: string;
  /** The message as words of the errors catalogue, for the reader's language. */
  words?: ErrorWords;
}

/** A problem worded from the errors catalogue: its English message, and the words for others. */
function worded(
  base: { itemId: string; label: string },
  kind: ItemProblem['kind'],
  words: ErrorWords,
): ItemProblem {
  return { ...base, kind, message: englishErrorWords(words).replace(/\.$/, ''), words };
}

export interface SectionStatus {
  section: SectionId;
  /** Every visible required item answered, and no visible answer invalid. */
  complete: boolean;
  /** Complete, and every check that must pass ("Daily QC passed: Yes") passes. */
  done: boolean;
  problems: ItemProblem[];
  answered: number;
  visible: number;
}

/**
 * Where a section stands. An optional item may be left empty but not answered wrongly: an invalid
 * answer anywhere keeps the section incomplete, since it would be printed and signed as given.
 */
export function sectionStatus(
  template: PlaybookTemplate,
  sectionId: SectionId,
  answers: CaseAnswers,
  options: AnswerOptions = {},
): SectionStatus {
  const section = template.sections.find((s) => s.id === sectionId);
  if (!section) {
    const message = `This playbook (${template.id} v${template.version}) has no "${sectionId}" section`;
    return {
      section: sectionId,
      complete: false,
      done: false,
      problems: [{ itemId: '', label: '', kind: 'invalid', message }],
      answered: 0,
      visible: 0,
    };
  }
  const problems: ItemProblem[] = [];
  let answered = 0;
  const shown = section.items.filter((item) => isItemVisible(template, item, answers));
  for (const item of shown) {
    const raw = answers[sectionId]?.[item.id];
    const base = { itemId: item.id, label: item.label };
    if (isUnanswered(raw)) {
      if (item.required) {
        const words = { key: 'answerUnanswered' as const, params: { name: `'${item.label}'` } };
        problems.push(worded(base, 'unanswered', words));
      }
      continue;
    }
    const check = validateAnswer(item, raw, options);
    if (!check.ok) {
      problems.push({ ...base, kind: 'invalid', message: check.problem, words: check.words });
      continue;
    }
    answered += 1;
    const mismatch = crossCheck(template, item, check.value, answers);
    if (mismatch) problems.push(worded(base, 'invalid', mismatch));
    if (
      (item.type === 'yes_no' || item.type === 'choice') &&
      item.passWhen &&
      !matchesComparison(item.passWhen, check.value)
    ) {
      const params = {
        name: `'${item.label}'`,
        answer: `'${describeAnswer(item, check.value)}'`,
        expected: describeExpected(item, item.passWhen),
      };
      problems.push(worded(base, 'unmet', { key: 'answerNeeds', params }));
    }
  }
  const complete = !problems.some((p) => p.kind !== 'unmet');
  return {
    section: sectionId,
    complete,
    done: complete && problems.length === 0,
    problems,
    answered,
    visible: shown.length,
  };
}

/** Comparisons with another item: a count that must match, a time that must not come before another. */
function crossCheck(
  template: PlaybookTemplate,
  item: PlaybookItem,
  value: AnswerValue,
  answers: CaseAnswers,
): ErrorWords | null {
  const other = (id: string | undefined) => {
    const found = id === undefined ? undefined : findItem(template, id);
    if (!found) return undefined;
    const check = validateAnswer(found.item, answers[found.section]?.[found.item.id]);
    return { item: found.item, value: check.ok ? check.value : undefined };
  };
  if (item.type === 'count' && item.equalsItem !== undefined) {
    const ref = other(item.equalsItem);
    // No answer there means nothing was logged: a device that never ran standalone has no backlog.
    const expected = typeof ref?.value === 'number' ? ref.value : 0;
    if (ref && value !== expected) {
      const params = {
        name: `'${item.label}'`,
        value: String(value),
        other: `'${ref.item.label}'`,
      };
      return { key: 'answerCountMismatch', params: { ...params, expected } };
    }
  }
  if (item.type === 'datetime') {
    const at = parseDateTime(value);
    const before = other(item.notBefore);
    const beforeAt = parseDateTime(before?.value);
    if (at && before && beforeAt && at < beforeAt) {
      return { key: 'answerTimeBefore', params: timeParams(item, value, before) };
    }
    const after = other(item.notAfter);
    const afterAt = parseDateTime(after?.value);
    if (at && after && afterAt && at > afterAt) {
      return { key: 'answerTimeAfter', params: timeParams(item, value, after) };
    }
  }
  return null;
}

function timeParams(
  item: PlaybookItem,
  value: AnswerValue,
  other: { item: PlaybookItem; value: unknown },
) {
  return {
    name: `'${item.label}'`,
    value: String(value),
    other: `'${other.item.label}'`,
    otherValue: String(other.value),
  };
}
