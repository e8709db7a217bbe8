import { useEffect, useState } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../electron/api/domains/cases';
import { call } from '../api/client';
import { myCaseHref } from './hash-path';

/** Once a device is back in service: the next open device assigned to this person, if any. */
export function NextAssignedDevice({ after }: { after: number }) {
  const { t } = useTranslation();
  const [next, setNext] = useState<CaseSummary | null>();
  useEffect(() => {
    let live = true;
    void call('cases.list', { mine: true, openOnly: true, limit: 50 }).then((result) => {
      if (!live) return;
      setNext(result.ok ? (result.value.cases.find((c) => c.caseId !== after) ?? null) : null);
    });
    return () => {
      live = false;
    };
  }, [after]);
  if (next === undefined) return null;
  if (next === null) return <p>{t('cases.next.noneAssigned')}</p>;
  return (
    <Link className="button button-primary button-big" href={myCaseHref(next.caseId)}>
      {t('cases.next.nextDevice', { assetTag: next.assetTag })}
    </Link>
  );
}
