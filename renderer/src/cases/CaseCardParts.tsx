import { useTranslation } from 'react-i18next';
import type { NextActionRef } from '../../../electron/api/domains/cases';

/** A list of case cards: its cases, where each opens, and the list's accessible name. */
export interface CaseCardListProps<T> {
  cases: T[];
  hrefOf(c: T): string;
  label: string;
}

/** The top of a case card: the asset tag and device, then where it is and its advisory. */
export function CaseCardHead({
  assetTag,
  device,
  where,
}: {
  assetTag: string;
  device: string;
  where: readonly (string | null | undefined)[];
}) {
  return (
    <>
      <span className="case-card-device">
        <span className="case-asset">{assetTag}</span> {device}
      </span>
      <span className="case-card-where">{where.filter(Boolean).join(' · ')}</span>
    </>
  );
}

/** What comes next for the case, and whether it can be done now; a closed case says so. */
export function CaseCardNext({ nextAction }: { nextAction: NextActionRef | null }) {
  const { t } = useTranslation();
  return (
    <span className="case-card-next">
      {nextAction
        ? t(nextAction.allowed ? 'cases.list.nextReady' : 'cases.list.nextBlocked', {
            action: t(`steps.${nextAction.actionKey}`),
          })
        : t('cases.next.closed')}
    </span>
  );
}
