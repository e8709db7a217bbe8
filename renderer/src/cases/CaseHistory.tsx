import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseHistoryEntry } from '../../../electron/api/domains/cases';
import { roles, type Role } from '../../../electron/api/roles';
import { call } from '../api/client';
import { roleLabel } from '../people/role-label';
import { historyWhat } from './history-words';
import { formatDateTime } from './time-format';

function detailText(entry: CaseHistoryEntry): string | undefined {
  const { reason, recheckAt } = entry.detail;
  if (typeof reason === 'string' && reason !== '') return reason;
  if (typeof recheckAt === 'string') return formatDateTime(recheckAt);
  return undefined;
}

/** Who made an entry: the person, else their role, else the app itself (an import, a new revision). */
function whoText(t: TFunction, by: CaseHistoryEntry['by']): string {
  if (by.name) return by.name;
  return (roles as readonly string[]).includes(by.role)
    ? roleLabel(t, by.role as Role)
    : t('cases.history.automatic');
}

/** This station's name: entries made elsewhere (a case handed here) name their station. */
function useOwnStation(): string | null | undefined {
  const [name, setName] = useState<string | null>();
  useEffect(() => {
    let live = true;
    void call('stations.status', {}).then((result) => {
      if (live && result.ok) setName(result.value.name);
    });
    return () => {
      live = false;
    };
  }, []);
  return name;
}

/** Every step the case took, newest first, with who took it. */
export function CaseHistory({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const entries = [...detail.history].reverse();
  const here = useOwnStation();
  return (
    <section className="case-panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('cases.history.title')}</h2>
      <ol className="history-list">
        {entries.map((entry) => {
          const extra = detailText(entry);
          return (
            <li key={entry.id} className="history-entry">
              <span className="history-what">
                {historyWhat(t, entry)}
                {extra ? <span className="history-extra"> — {extra}</span> : null}
              </span>
              <span className="history-who">
                {whoText(t, entry.by)} · {formatDateTime(entry.at)}
                {/* Made at the station that held the case before it was handed here. */}
                {here !== undefined && entry.station && entry.station !== here
                  ? ` · ${t('cases.history.atStation', { station: entry.station })}`
                  : null}
              </span>
            </li>
          );
        })}
      </ol>
      {detail.signoffs.length > 0 ? (
        <>
          <h3>{t('cases.history.signoffs')}</h3>
          <ul className="history-list">
            {detail.signoffs.map((s) => (
              <li key={s.id} className="history-entry">
                <span className="history-what">
                  {t(`people.sign.kinds.${s.kind}`)}
                  {s.earlierRound ? (
                    <span className="history-extra"> — {t('cases.signoffs.earlierRoundMark')}</span>
                  ) : s.stale ? (
                    <span className="history-extra"> — {t('cases.signoffs.stale')}</span>
                  ) : null}
                </span>
                <span className="history-who">
                  {s.userName} · {formatDateTime(s.signedAt)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
