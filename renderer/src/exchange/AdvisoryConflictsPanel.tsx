import { useTranslation } from 'react-i18next';
import type { AdvisoryCopy, ExchangeStatus } from '../../../electron/api/domains/exchange';

/** Where one copy is and which document it is: its station, its file and its digest. */
function CopyLine({ copy, here }: { copy: AdvisoryCopy; here: boolean }) {
  const { t } = useTranslation();
  const words = { station: copy.stationName, fileName: copy.fileName, digest: copy.digest };
  const key = here ? (copy.stationName === null ? 'hereUnnamed' : 'here') : 'there';
  return <span className="exchange-sub-line">{t(`exchange.advisoryConflicts.${key}`, words)}</span>;
}

/**
 * Advisory revisions another station holds as a different document than this station (one
 * tracking ID and version, two files): what that means, the two copies side by side, and what to
 * do. Nothing shows while there is none.
 */
export function AdvisoryConflictsPanel({ exchange }: { exchange: ExchangeStatus }) {
  const { t } = useTranslation();
  const conflicts = exchange.advisoryConflicts;
  if (conflicts.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="exchange-advisory-conflicts-title">
      <h2 id="exchange-advisory-conflicts-title">{t('exchange.advisoryConflicts.title')}</h2>
      <p className="hint">{t('exchange.advisoryConflicts.intro')}</p>
      <p className="hint">{t('exchange.advisoryConflicts.todo')}</p>
      <ul
        className="exchange-list"
        aria-labelledby="exchange-advisory-conflicts-title"
        data-testid="exchange-advisory-conflicts"
      >
        {conflicts.map((c) => (
          <li key={`${c.trackingId}:${c.version}`}>
            <strong>
              {t('exchange.advisoryConflicts.revision', {
                trackingId: c.trackingId,
                version: c.version,
                title: c.title,
              })}
            </strong>
            <CopyLine copy={c.here} here />
            {c.elsewhere.map((e) => (
              <CopyLine key={e.stationId} copy={e} here={false} />
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
