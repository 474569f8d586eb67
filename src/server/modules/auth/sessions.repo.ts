import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { sessions, users } from '../../db/schema';

export const sessionIdleMs = 30 * 60 * 1000;
export const sessionAbsoluteMs = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reading pages does not write on every request. */
const touchEveryMs = 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export async function createSession(executor: Executor, userId: string, ip: string | null, userAgent: string | null) {
  const token = newToken();
  const csrfToken = newToken();
  const now = new Date();
  await executor.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + sessionAbsoluteMs),
    ip,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

/** The live session for a cookie token with its user, or null when missing, idle too long, past its absolute end, or the user is disabled. */
export async function findLiveSession(executor: Executor, token: string, now = new Date()) {
  const [row] = await executor
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - sessionIdleMs)),
        eq(users.disabled, false),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > touchEveryMs) {
    await executor.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, row.session.tokenHash));
  }
  return row;
}

export async function deleteSession(executor: Executor, tokenHash: string) {
  await executor.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(executor: Executor, userId: string) {
  await executor.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions that can no longer be used. */
export async function purgeDeadSessions(executor: Executor, now = new Date()) {
  await executor
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - sessionIdleMs))));
}
