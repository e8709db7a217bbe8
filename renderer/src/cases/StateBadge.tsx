import { useTranslation } from 'react-i18next';
import type { CaseState, Hics251Status } from '../../../electron/api/domains/cases';

/** The case's state, and what it means on the HICS 251 facility status report. */
export function StateBadge({ state, hics251 }: { state: CaseState; hics251?: Hics251Status }) {
  const { t } = useTranslation();
  return (
    <span className="state-badge-group">
      <span className={`state-badge state-${state}`} data-testid="case-state">
        {t(`cases.state.${state}`)}
      </span>
      {hics251 ? (
        <span className={`hics hics-${hics251}`}>
          {t('cases.hics.label', { status: t(`cases.hics.${hics251}`) })}
        </span>
      ) : null}
    </span>
  );
}
