import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { ApiError } from '../api/client';
import { ErrorMessage } from './ErrorMessage';

interface Props {
  error: ApiError | undefined;
  /** Absent: nothing to submit yet, so no submit button. */
  submitLabel?: string;
  /** The call is on its way: the submit button shows it. */
  busy: boolean;
  /** Submitting would refuse anyway (nothing chosen yet). */
  submitDisabled?: boolean;
  /** The buttons' row, by its class in the form's layout; absent: the submit button alone. */
  rowClassName?: string;
  /** Buttons after the submit button in the row (cancel, stop using something). */
  children?: ReactNode;
}

/** The end of every form: the service's error, then the submit button and the others beside it. */
export function FormFooter({
  error,
  submitLabel,
  busy,
  submitDisabled,
  rowClassName,
  children,
}: Props) {
  const submit =
    submitLabel === undefined ? null : (
      <Button
        type="submit"
        className="button button-primary"
        isPending={busy}
        isDisabled={submitDisabled}
      >
        {submitLabel}
      </Button>
    );
  return (
    <>
      {error ? <ErrorMessage error={error} /> : null}
      {rowClassName === undefined ? (
        submit
      ) : (
        <div className={rowClassName}>
          {submit}
          {children}
        </div>
      )}
    </>
  );
}
