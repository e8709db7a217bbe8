import type { TFunction } from 'i18next';
import type { CaseRequest } from '../../../electron/api/domains/case-requests';
import { wordsSentence } from '../components/error-words';

/**
 * Why the station holding a case refused a request, in this station's language: its answer
 * carries the errors catalogue's words; an older app's answer carries only its own sentence.
 */
export function refusalSentence(
  t: TFunction,
  request: Pick<CaseRequest, 'answerWords' | 'answerReason'>,
): string {
  return request.answerWords ? wordsSentence(t, request.answerWords) : (request.answerReason ?? '');
}
