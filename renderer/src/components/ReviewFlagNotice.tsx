import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ApiError, Result } from '../api/client';
import { ErrorMessage } from './ErrorMessage';

/**
 * A flag on a case that someone who may review must acknowledge (a newer advisory revision, a
 * newer KEV catalog): what flagged it, the acknowledgement for those who may give it, and who
 * must for everyone else.
 */
export function ReviewFlagNotice({
  label,
  message,
  acknowledgeLabel,
  whoMay,
  mayAcknowledge,
  acknowledge,
  onAcknowledged,
}: {
  label: string;
  message: string;
  acknowledgeLabel: string;
  whoMay: string;
  mayAcknowledge: boolean;
  acknowledge(): Promise<Result<unknown>>;
  onAcknowledged(): void;
}) {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    const result = await acknowledge();
    setBusy(false);
    if (result.ok) {
      setError(undefined);
      onAcknowledged();
    } else setError(result.error);
  };

  return (
    <section className="case-flag re-review" role="status" aria-label={label}>
      <p>{message}</p>
      {mayAcknowledge ? (
        <Button className="button button-primary" isDisabled={busy} onPress={() => void run()}>
          {acknowledgeLabel}
        </Button>
      ) : (
        <p className="hint">{whoMay}</p>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
