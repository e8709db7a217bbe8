import type { TFunction } from 'i18next';
import type { BundleImportOutcome } from '../../../electron/api/domains/exchange';
import { formatDateTime } from '../cases/time-format';
import { wordsSentence } from '../components/error-words';

/**
 * Why this station held or refused a bundle, in its language: the outcome carries the errors
 * catalogue's words (a revocation's time is shown in the facility's zone); an outcome without
 * them (an older app's, or a reason not yet worded) shows its English sentence. An applied
 * bundle's carried advisories that were not stored here are worded one sentence after another.
 */
export function outcomeReason(
  t: TFunction,
  outcome: Pick<BundleImportOutcome, 'reason' | 'words' | 'notStored'>,
): string {
  // An applied bundle's advisories not stored here, each a sentence.
  if (outcome.notStored?.length) return outcome.notStored.map((w) => wordsSentence(t, w)).join(' ');
  const words = outcome.words;
  if (!words) return outcome.reason ?? '';
  const at = words.params.at;
  return wordsSentence(
    t,
    typeof at === 'string'
      ? { ...words, params: { ...words.params, at: formatDateTime(at) } }
      : words,
  );
}
