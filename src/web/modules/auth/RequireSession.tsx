import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import type { SessionUser } from './auth.api';
import { RestrictedSession } from './RestrictedSession';
import { sessionEndQueryKey, useSession, type SessionEnd } from './session';

const CurrentUserContext = createContext<SessionUser | null>(null);

/** The signed-in user, for anything rendered inside RequireSession. */
export function useCurrentUser(): SessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is only for signed-in pages');
  return user;
}

type RequireSessionProps = { children: ReactNode };

/** Renders its children for a signed-in user (a restricted session sees what it must do first); sends anyone else to the sign-in page (and back afterwards). */
export function RequireSession({ children }: RequireSessionProps) {
  const { t } = useTranslation();
  const { session, user, isLoading, error, refetch } = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  if (isLoading) return <CenteredSpin fullScreen />;
  if (error && !user) {
    return (
      <div style={{ maxWidth: 560, margin: '80px auto', padding: 16 }}>
        <ErrorAlert message={error.message} retryLabel={t('common.retry')} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (!user) {
    const from = `${location.pathname}${location.search}`;
    const signedOut = queryClient.getQueryData<SessionEnd | null>(sessionEndQueryKey) === 'signedOut';
    return <Navigate to="/login" replace state={from !== '/' && !signedOut ? { from } : undefined} />;
  }
  // a one-time password to replace, or an administrator without TOTP: nothing else until done
  if (session?.restriction) return <RestrictedSession session={session} />;
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}
