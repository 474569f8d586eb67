import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError, setCsrfToken } from '../../app/api';
import { fetchCurrentSession, signIn, signInSecondStep, signOut, type Challenge, type Session, type SignInInput } from './auth.api';

export const sessionQueryKey = ['session'] as const;
/** Why the last session ended: a deliberate sign-out sends to the sign-in page without a "come back to" address. */
export const sessionEndQueryKey = ['session', 'end'] as const;
export type SessionEnd = 'signedOut' | 'expired';

/** The signed-in session, or null (401 from /api/auth/me). Keeps the API client's CSRF token in step. */
async function loadSession(): Promise<Session | null> {
  try {
    const session = await fetchCurrentSession();
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Stores a session the server just issued (sign-in, password change) or its end; drops what another user had loaded. */
export function storeSession(queryClient: QueryClient, session: Session | null, end: SessionEnd = 'expired') {
  setCsrfToken(session?.csrfToken ?? null);
  const previous = queryClient.getQueryData<Session | null>(sessionQueryKey);
  if (previous?.user.id !== session?.user.id || !session) {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  }
  queryClient.setQueryData<SessionEnd | null>(sessionEndQueryKey, session ? null : end);
  queryClient.setQueryData(sessionQueryKey, session);
}

export function useSession() {
  const query = useQuery({ queryKey: sessionQueryKey, queryFn: loadSession, staleTime: Infinity, retry: 1 });
  return { session: query.data ?? null, user: query.data?.user ?? null, isLoading: query.isPending, error: query.error, refetch: query.refetch };
}

export const isChallenge = (answer: Session | Challenge): answer is Challenge => 'challengeToken' in answer;

/** The first step: a session, or (TOTP on) a challenge for `useSignInSecondStep`. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => signIn(input),
    onSuccess: (answer) => {
      if (!isChallenge(answer)) storeSession(queryClient, answer);
    },
  });
}

export function useSignInSecondStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signInSecondStep,
    onSuccess: (session) => storeSession(queryClient, session),
  });
}

/** Reads the session again from the server (after a change of its restriction, e.g. TOTP enrolled). */
export const refreshSession = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: sessionQueryKey, exact: true });

/** Signs out on the server; signed out there or not (an expired session answers 401), this browser forgets the session. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => storeSession(queryClient, null, 'signedOut'),
  });
}
