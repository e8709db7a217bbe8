import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/api/domains/cases';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useMay } from '../inventory/use-may';

/**
 * A newer KEV catalog lists a CVE of this case as known exploited. Biomed or IT security
 * acknowledge it against that catalog version; everyone else sees who must.
 */
export function KevReviewNotice({
  detail,
  onAcknowledged,
}: {
  detail: CaseDetail;
  onAcknowledged(): void;
}) {
  const { t } = useTranslation();
  const mayAcknowledge = useMay('threats.acknowledgeCase');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const review = detail.kevReview;
  if (!review) return null;

  const acknowledge = async () => {
    setBusy(true);
    const result = await call('threats.acknowledgeCase', {
      caseId: detail.caseId,
      catalogVersion: review.catalogVersion,
    });
    setBusy(false);
    if (result.ok) {
      setError(undefined);
      onAcknowledged();
    } else setError(result.error);
  };

  return (
    <section className="case-flag re-review" role="status" aria-label={t('threats.review.label')}>
      <p>
        {t('threats.review.flagged', {
          version: review.catalogVersion,
          cves: review.knownExploited.join(', '),
        })}
      </p>
      {mayAcknowledge ? (
        <Button
          className="button button-primary"
          isDisabled={busy}
          onPress={() => void acknowledge()}
        >
          {t('threats.review.acknowledge', { version: review.catalogVersion })}
        </Button>
      ) : (
        <p className="hint">{t('threats.review.whoMay')}</p>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
