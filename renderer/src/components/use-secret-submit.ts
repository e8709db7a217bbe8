import { useState } from 'react';
import type { Result } from '../api/client';
import { useSubmit, type Submit } from './use-submit';

export interface SecretSubmit extends Submit {
  /** The PIN, password or passphrase as typed so far. */
  secret: string;
  setSecret(secret: string): void;
  /** Make the call with the secret; it is forgotten when the answer comes, whatever it says. */
  send<T>(request: (secret: string) => Promise<Result<T>>, onDone: (value: T) => void): void;
}

/**
 * A form that sends a secret (unlocking, signing in): busy and the error as every form keeps
 * them, and the secret typed for one call only, so a refused one must be typed again.
 */
export function useSecretSubmit(): SecretSubmit {
  const [secret, setSecret] = useState('');
  const submit = useSubmit();
  return {
    ...submit,
    secret,
    setSecret,
    send(request, onDone) {
      submit.run(
        request(secret).finally(() => setSecret('')),
        onDone,
      );
    },
  };
}
