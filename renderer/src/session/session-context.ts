import { createContext, use } from 'react';
import type { SessionStatus } from '../../../electron/api/domains/session';
import type { ApiError } from '../api/client';

export interface SessionState {
  /** undefined until the first session.status answer. */
  status: SessionStatus | undefined;
  error: ApiError | undefined;
  /** Take the status a call returned (sign-in, hand over, unlock) as the current one. */
  apply(status: SessionStatus): void;
  refresh(): Promise<void>;
  /** The header's "Hand over": the sign-in screen shows over the app until done or cancelled. */
  handingOver: boolean;
  setHandingOver(value: boolean): void;
  /** Saves pending drafts first: once locked, the services refuse drafts.save. */
  lock(reason: 'idle' | 'manual'): Promise<void>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSession(): SessionState {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
