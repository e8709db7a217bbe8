import type { TFunction } from 'i18next';
import {
  matchSentence,
  type MatchLookup,
  type MatchWords,
} from '../../../electron/api/match-words';
import { versionRangeWords } from './advisory-text';

/** The match catalogue in the station's language, version ranges in its words. */
export function matchLookup(t: TFunction): MatchLookup {
  return {
    word: (key, values) => t(`matchReasons.${key}`, values),
    range: (text) => versionRangeWords(t, text),
  };
}

/**
 * A match's reasons in the station's language from their catalogue words; a match stored before
 * the words were kept shows its English sentences as they were stored.
 */
export function matchReasonTexts(
  t: TFunction,
  match: { reasons: string[]; reasonWords: MatchWords[] | null },
): string[] {
  if (!match.reasonWords) return match.reasons;
  const lookup = matchLookup(t);
  return match.reasonWords.map((w) => matchSentence(w, lookup));
}
