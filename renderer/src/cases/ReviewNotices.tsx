import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/api/domains/cases';
import { call } from '../api/client';
import { ReviewFlagNotice } from '../components/ReviewFlagNotice';
import { useMay } from '../inventory/use-may';

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
  const mayAcknowledgeRevision = useMay('cases.acknowledgeRevision');
  const mayAcknowledgeKev = useMay('threats.acknowledgeCase');
  const { caseId, reReview, kevReview } = detail;
  return (
    <>
      {reReview ? (
        <ReviewFlagNotice
          label={t('cases.reReview.label')}
          message={t('cases.header.reReview', {
            from: reReview.fromVersion,
            to: reReview.toVersion,
          })}
          acknowledgeLabel={t('cases.reReview.acknowledge', { version: reReview.toVersion })}
          whoMay={t('cases.reReview.whoMay')}
          mayAcknowledge={mayAcknowledgeRevision}
          acknowledge={() =>
            call('cases.acknowledgeRevision', { caseId, version: reReview.toVersion })
          }
          onAcknowledged={onAcknowledged}
        />
      ) : null}
      {kevReview ? (
        <ReviewFlagNotice
          label={t('threats.review.label')}
          message={t('threats.review.flagged', {
            version: kevReview.catalogVersion,
            cves: kevReview.knownExploited.join(', '),
          })}
          acknowledgeLabel={t('threats.review.acknowledge', { version: kevReview.catalogVersion })}
          whoMay={t('threats.review.whoMay')}
          mayAcknowledge={mayAcknowledgeKev}
          acknowledge={() =>
            call('threats.acknowledgeCase', { caseId, catalogVersion: kevReview.catalogVersion })
          }
          onAcknowledged={onAcknowledged}
        />
      ) : null}
    </>
  );
}
