import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginCaptchas, loginFailures } from '../../db/schema';

export type FailureCount = { count: number; lastAt: Date };

/** The failure counts of the keys whose last failure is within the window; keys without one are absent. */
export async function readFailures(executor: Executor, keys: string[], windowMs: number) {
  const rows = await executor
    .select()
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gt(loginFailures.lastAt, new Date(Date.now() - windowMs))));
  return new Map<string, FailureCount>(rows.map((row) => [row.key, { count: row.count, lastAt: row.lastAt }]));
}

/** One more failure for each key; a count whose last failure is older than the window starts again at 1. */
export async function addFailure(executor: Executor, keys: string[], windowMs: number) {
  const now = new Date();
  const stale = new Date(now.getTime() - windowMs);
  await executor
    .insert(loginFailures)
    .values(keys.map((key) => ({ key, count: 1, lastAt: now })))
    .onConflictDoUpdate({
      target: loginFailures.key,
      set: { count: sql`case when ${loginFailures.lastAt} < ${stale} then 1 else ${loginFailures.count} + 1 end`, lastAt: now },
    });
}

export async function clearFailures(executor: Executor, keys: string[]) {
  await executor.delete(loginFailures).where(inArray(loginFailures.key, keys));
}

export async function insertCaptcha(executor: Executor, values: typeof loginCaptchas.$inferInsert) {
  await executor.delete(loginCaptchas).where(lt(loginCaptchas.expiresAt, new Date()));
  const [row] = await executor.insert(loginCaptchas).values(values).returning();
  return row;
}

/** Removes the captcha (single use) and returns it when it was still live. */
export async function takeCaptcha(executor: Executor, id: string) {
  const [row] = await executor.delete(loginCaptchas).where(eq(loginCaptchas.id, id)).returning();
  return row && row.expiresAt > new Date() ? row : null;
}
