import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ApiError } from '../api/client';

export interface SigningGate {
  /** Run `action` once the signing key is unlocked, asking for the passphrase if needed. */
  whenUnlocked(action: () => void): void;
  /** Props for `SigningUnlockDialog`. */
  dialog: { isOpen: boolean; demo: boolean; onClose(): void; onUnlocked(): void };
  error: ApiError | undefined;
}

/** Signed exports check `signing.status` first; a locked key opens the passphrase dialog. */
export function useSigningGate(): SigningGate {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [demo, setDemo] = useState(false);
  const pending = useRef<(() => void) | undefined>(undefined);

  return {
    whenUnlocked: (action) => {
      setError(undefined);
      void call('signing.status', {}).then((result) => {
        if (!result.ok) return setError(result.error);
        if (!result.value.configured) {
          return setError({ code: 'conflict', message: t('board.signing.notConfigured') });
        }
        if (result.value.unlocked) return action();
        setDemo(result.value.identity?.demo ?? false);
        pending.current = action;
        setOpen(true);
      });
    },
    dialog: {
      isOpen,
      demo,
      onClose: () => {
        pending.current = undefined;
        setOpen(false);
      },
      onUnlocked: () => {
        setOpen(false);
        const action = pending.current;
        pending.current = undefined;
        action?.();
      },
    },
    error,
  };
}
