import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AnswerValue,
  CaseDetail,
  CaseState,
  ChecklistSectionId,
} from '../../../electron/api/domains/cases';
import { errorWordsOf } from '../../../electron/api/error-words';
import type { Language } from '../../../electron/api/languages';
import { localizeAnswerRefusal, localizeCaseDetail } from '../../../electron/api/playbook-words';
import { call, type ApiError, type Result } from '../api/client';
import { stationLanguage } from '../threats/priority-words';

export interface CaseHandle {
  detail: CaseDetail | undefined;
  loadError: ApiError | undefined;
  /** Read the case again (after a sign-off, or when a sign-off found it changed). */
  reload(): void;
  /** Save one answer; answers go one after another so the last response is the newest state. */
  answer(
    sectionId: ChecklistSectionId,
    itemId: string,
    value: AnswerValue | null,
  ): Promise<Result<CaseDetail>>;
  transition(
    target: CaseState,
    extra?: { reason?: string; recheckAt?: string },
  ): Promise<Result<CaseDetail>>;
  quarantine(reason: string): Promise<Result<CaseDetail>>;
  /** Saves in flight (the page shows "Saving…" while any is). */
  pending: number;
}

/** One case as the on-floor screen works it: loaded once, replaced by what every change returns. */
export function useCase(caseId: number): CaseHandle {
  const [stored, setDetail] = useState<CaseDetail>();
  // The playbook's words in the station's language (the services send the template's own).
  const language = stationLanguage(useTranslation().i18n.resolvedLanguage);
  const detail = useMemo(
    () => (stored ? localizeCaseDetail(stored, language) : undefined),
    [stored, language],
  );
  const [loadError, setLoadError] = useState<ApiError>();
  const [pending, setPending] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const [reloads, reload] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    let live = true;
    void call('cases.get', { caseId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setDetail(result.value);
        setLoadError(undefined);
      } else setLoadError(result.error);
    });
    return () => {
      live = false;
    };
  }, [caseId, reloads]);

  const run = useCallback((task: () => Promise<Result<CaseDetail>>) => {
    setPending((n) => n + 1);
    const next = queue.current.then(task).then((result) => {
      setPending((n) => n - 1);
      if (result.ok) setDetail(result.value);
      return result;
    });
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const answer = useCallback(
    (sectionId: ChecklistSectionId, itemId: string, value: AnswerValue | null) =>
      run(() => call('cases.answer', { caseId, sectionId, itemId, value })).then((result) =>
        stored ? refusalIn(result, stored, language) : result,
      ),
    [caseId, run, stored, language],
  );
  const transition = useCallback(
    (target: CaseState, extra: { reason?: string; recheckAt?: string } = {}) =>
      run(() => call('cases.transition', { caseId, target, ...extra })),
    [caseId, run],
  );
  const quarantine = useCallback(
    (reason: string) => run(() => call('cases.quarantine', { caseId, reason })),
    [caseId, run],
  );

  return { detail, loadError, reload, answer, transition, quarantine, pending };
}

/** A refused answer quoting the playbook's labels and answers in the station's language. */
function refusalIn(
  result: Result<CaseDetail>,
  detail: CaseDetail,
  language: Language,
): Result<CaseDetail> {
  if (result.ok) return result;
  const words = errorWordsOf(result.error.details);
  if (!words) return result;
  const details = {
    ...(result.error.details as object),
    words: localizeAnswerRefusal(detail, language, words),
  };
  return { ok: false, error: { ...result.error, details } };
}
