import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { ChangeCredentialScreen } from '../people/ChangeCredentialScreen';
import { FirstRunScreen } from '../people/FirstRunScreen';
import { SignInScreen } from '../people/SignInScreen';
import { StationScreen } from '../people/StationScreen';
import { useSession } from './session-context';

/**
 * The app itself shows only to an active, signed-in user; otherwise the first-run, sign-in,
 * unlock or hand-over screen. The app unmounts while locked: forms keep their words as drafts.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status, error, refresh, handingOver } = useSession();
  if (!status) {
    return (
      <StationScreen title={t('people.signIn.title')}>
        {error ? (
          <ErrorMessage error={error} onRetry={() => void refresh()} />
        ) : (
          <p role="status">{t('people.loadingSession')}</p>
        )}
      </StationScreen>
    );
  }
  if (status.firstRun) return <FirstRunScreen />;
  if (status.state !== 'active') return <SignInScreen key="sign-in" mode="signIn" />;
  if (status.mustChangeCredential) return <ChangeCredentialScreen />;
  if (handingOver) return <SignInScreen key="hand-over" mode="handOver" />;
  return children;
}
