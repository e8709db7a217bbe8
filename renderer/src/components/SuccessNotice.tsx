/** What a call just did, said once it succeeded (read out as a status); nothing until then. */
export function SuccessNotice({ message }: { message: string | undefined }) {
  return message ? (
    <p className="notice notice-success" role="status">
      {message}
    </p>
  ) : null;
}
