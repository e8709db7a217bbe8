import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { myCaseHref } from './hash-path';

/** Once a device is back in service: the next open device assigned to this person, if any. */
export function NextAssignedDevice({ after }: { after: number }) {
  const { t } = useTranslation();
  // Asked again for each device put back: the list of open devices has changed.
  const mine = useCall('cases.list', { mine: true, openOnly: true, limit: 50 }, after);
  const next = mine.error
    ? null
    : mine.value && (mine.value.cases.find((c) => c.caseId !== after) ?? null);
  if (next === undefined) return null;
  if (next === null) return <p>{t('cases.next.noneAssigned')}</p>;
  return (
    <Link className="button button-primary button-big" href={myCaseHref(next.caseId)}>
      {t('cases.next.nextDevice', { assetTag: next.assetTag })}
    </Link>
  );
}
