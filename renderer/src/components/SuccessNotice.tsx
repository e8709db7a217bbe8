/** What a call just did, said once it succeeded (read out as a status); nothing until then. */
export function SuccessNotice({ message }: { message: string | undefined }) {
  return message ? (
    <p className="notice notice-success" role="status">
      {message}
    </p>
  ) : null;
}

/**
 * The same, in a live region that stays on the page (read out as it appears) and without the
 * status role: for a panel that says more than one thing in turn.
 */
export function LiveSuccessNotice({ message }: { message: string | undefined }) {
  return (
    <div aria-live="polite">
      {message ? <p className="notice notice-success">{message}</p> : null}
    </div>
  );
}
