import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePriority } from '../../../electron/api/domains/threats';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { priorityNumber, reasonText, stationLanguage } from './priority-words';

/**
 * The case's priority with its reasons in words, strongest first: why this device before others.
 * `version` changes whenever the case does, so the priority is read again (answers move it).
 */
export function CasePriorityPanel({ caseId, version }: { caseId: number; version: string }) {
  const { t, i18n } = useTranslation();
  const language = stationLanguage(i18n.resolvedLanguage);
  const [priority, setPriority] = useState<CasePriority | null>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    let live = true;
    void call('threats.priorities', { caseId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setError(undefined);
        setPriority(r.value[0] ?? null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [caseId, version]);

  if (error) return <ErrorMessage error={error} />;
  if (priority === undefined) return null;
  return (
    <section
      className="case-priority"
      aria-label={t('threats.priority.label')}
      title={
        priority
          ? priority.reasonCodes.map((r) => reasonText(t, language, r)).join(' · ')
          : undefined
      }
    >
      {priority ? (
        <>
          <p className="case-priority-value">
            {t('threats.priority.value', { value: priorityNumber(language, priority.priority) })}
          </p>
          <ul className="priority-reasons" aria-label={t('threats.priority.reasons')}>
            {priority.reasonCodes.map((r) => (
              <li key={r.code}>{reasonText(t, language, r)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">{t('threats.priority.none')}</p>
      )}
    </section>
  );
}
