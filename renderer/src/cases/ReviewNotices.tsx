import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/api/domains/cases';
import { call } from '../api/client';
import { ReviewFlagNotice } from '../components/ReviewFlagNotice';
import { useMay } from '../inventory/use-may';

/** What can flag a case for review: its words, and the method (and permission) that clears it. */
const flags = {
  revision: { words: 'cases.reReview', method: 'cases.acknowledgeRevision' },
  kev: { words: 'threats.review', method: 'threats.acknowledgeCase' },
} as const;

type Flag = keyof typeof flags;

/** One flag raised on a case: against which version (revision, KEV catalog), in words. */
interface Raised {
  flag: Flag;
  version: string;
  message: string;
}

/**
 * What a case waits to have reviewed by biomed or IT security, each acknowledged against what
 * flagged it (everyone else sees who must):
 * - a newer advisory revision arrived after the case relied on an older one;
 * - a newer KEV catalog lists one of the case's CVEs as known exploited.
 */
export function ReviewNotices({
  detail,
  onAcknowledged,
}: {
  detail: CaseDetail;
  onAcknowledged(): void;
}) {
  const { t } = useTranslation();
  const { caseId, reReview, kevReview } = detail;
  const raised: Raised[] = [];
  if (reReview) {
    const { fromVersion: from, toVersion: to } = reReview;
    raised.push({
      flag: 'revision',
      version: to,
      message: t('cases.header.reReview', { from, to }),
    });
  }
  if (kevReview) {
    const { catalogVersion: version, knownExploited } = kevReview;
    const cves = knownExploited.join(', ');
    raised.push({ flag: 'kev', version, message: t('threats.review.flagged', { version, cves }) });
  }
  return raised.map((r) => (
    <CaseFlag key={r.flag} {...r} caseId={caseId} onAcknowledged={onAcknowledged} />
  ));
}

function CaseFlag(props: Raised & { caseId: number; onAcknowledged(): void }) {
  const { t } = useTranslation();
  const { flag, version, caseId } = props;
  const { words, method } = flags[flag];
  const mayAcknowledge = useMay(method);
  return (
    <ReviewFlagNotice
      label={t(`${words}.label`)}
      message={props.message}
      acknowledgeLabel={t(`${words}.acknowledge`, { version })}
      whoMay={t(`${words}.whoMay`)}
      mayAcknowledge={mayAcknowledge}
      acknowledge={() =>
        flag === 'revision'
          ? call('cases.acknowledgeRevision', { caseId, version })
          : call('threats.acknowledgeCase', { caseId, catalogVersion: version })
      }
      onAcknowledged={props.onAcknowledged}
    />
  );
}
