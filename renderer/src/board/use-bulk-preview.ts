import { useEffect, useState } from 'react';
import type { BulkPreview, RemoteCaseKey } from '../../../electron/api/domains/board';
import { call, type ApiError } from '../api/client';

interface Answer {
  key: string;
  preview?: BulkPreview;
  error?: ApiError;
}

/**
 * What a bulk decision on the chosen cases would do, asked when the dialog opens (and again for
 * another choice of cases): nothing is signed or written until the commander decides. An answer
 * counts only for the choice it was asked for.
 */
export function useBulkPreview(
  incidentId: number,
  caseIds: readonly number[],
  remoteCases: readonly RemoteCaseKey[],
  open: boolean,
): { preview: BulkPreview | undefined; error: ApiError | undefined } {
  const [answer, setAnswer] = useState<Answer>({ key: '' });
  const key = open ? `${incidentId}:${JSON.stringify([caseIds, remoteCases])}` : '';
  useEffect(() => {
    if (key === '') return;
    let live = true;
    const remote =
      remoteCases.length > 0 ? { remoteCases: remoteCases.map((r) => ({ ...r })) } : {};
    void call('cases.bulkPreview', { incidentId, caseIds: [...caseIds], ...remote }).then(
      (result) => {
        if (!live) return;
        setAnswer(result.ok ? { key, preview: result.value } : { key, error: result.error });
      },
    );
    return () => {
      live = false;
    };
    // The key holds the ids: a new array with the same ids asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const current = key !== '' && answer.key === key;
  return {
    preview: current ? answer.preview : undefined,
    error: current ? answer.error : undefined,
  };
}
