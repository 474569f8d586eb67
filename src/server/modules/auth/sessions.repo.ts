import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { sessions, users } from '../../db/schema';
import type { LiveSession, SessionCache } from './sessions.cache';

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

/**
 * The live session for a cookie token with its user, or null when missing, idle too long, past its absolute end, or the
 * user is disabled. With a cache (plugins/auth.ts), a session read within its TTL is answered from memory: no query,
 * except the idle refresh of last_seen_at, written at most once a minute.
 */
export async function findLiveSession(executor: Executor, token: string, now = new Date(), cache?: SessionCache): Promise<LiveSession | null> {
  const tokenHash = hashToken(token);
  const at = now.getTime();
  const cached = cache?.read(tokenHash, at);
  if (cached) {
    if (cached.session.expiresAt.getTime() > at && cached.session.lastSeenAt.getTime() > at - sessionIdleMs && !cached.user.disabled) {
      await touch(executor, cached, now);
      return cached;
    }
    // possibly idle here but seen by another app server meanwhile: the database decides
    cache!.drop(tokenHash);
  }
  const mark = cache?.mark() ?? 0;
  const [row] = await executor
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(at - sessionIdleMs)),
        eq(users.disabled, false),
      ),
    );
  if (!row) return null;
  await touch(executor, row, now);
  cache?.store(tokenHash, row, mark, at);
  return row;
}

/** The idle-timeout refresh: last_seen_at written when older than a minute (its notification makes every cache read it again). */
async function touch(executor: Executor, live: LiveSession, now: Date) {
  if (now.getTime() - live.session.lastSeenAt.getTime() <= touchEveryMs) return;
  live.session.lastSeenAt = now;
  await executor.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, live.session.tokenHash));
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
