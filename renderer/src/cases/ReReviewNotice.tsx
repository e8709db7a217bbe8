import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../electron/api/domains/cases';
import { mayCall } from '../../../electron/api/permissions';
import { call, type ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSession } from '../session/session-context';

/**
 * A newer advisory revision arrived after this case relied on an older one. Biomed or IT
 * security acknowledge it against the new revision; everyone else sees who must.
 */
export function ReReviewNotice({
  detail,
  onAcknowledged,
}: {
  detail: CaseDetail;
  onAcknowledged(): void;
}) {
  const { t } = useTranslation();
  const { status } = useSession();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const review = detail.reReview;
  if (!review) return null;
  const mayAcknowledge = status?.role ? mayCall('cases.acknowledgeRevision', [status.role]) : false;

  const acknowledge = async () => {
    setBusy(true);
    const result = await call('cases.acknowledgeRevision', {
      caseId: detail.caseId,
      version: review.toVersion,
    });
    setBusy(false);
    if (result.ok) {
      setError(undefined);
      onAcknowledged();
    } else setError(result.error);
  };

  return (
    <section className="case-flag re-review" role="status" aria-label={t('cases.reReview.label')}>
      <p>{t('cases.header.reReview', { from: review.fromVersion, to: review.toVersion })}</p>
      {mayAcknowledge ? (
        <Button
          className="button button-primary"
          isDisabled={busy}
          onPress={() => void acknowledge()}
        >
          {t('cases.reReview.acknowledge', { version: review.toVersion })}
        </Button>
      ) : (
        <p className="hint">{t('cases.reReview.whoMay')}</p>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
