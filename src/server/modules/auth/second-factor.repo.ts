import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginChallenges, recoveryCodes } from '../../db/schema';

export async function insertChallenge(executor: Executor, values: typeof loginChallenges.$inferInsert) {
  await executor.delete(loginChallenges).where(lt(loginChallenges.expiresAt, new Date()));
  await executor.insert(loginChallenges).values(values);
}

export async function findChallenge(executor: Executor, tokenHash: string) {
  const [row] = await executor.select().from(loginChallenges).where(eq(loginChallenges.tokenHash, tokenHash));
  return row && row.expiresAt > new Date() ? row : null;
}

export async function countChallengeAttempt(executor: Executor, tokenHash: string) {
  const [row] = await executor
    .update(loginChallenges)
    .set({ attempts: (await findChallenge(executor, tokenHash))!.attempts + 1 })
    .where(eq(loginChallenges.tokenHash, tokenHash))
    .returning();
  return row;
}

export async function deleteChallenge(executor: Executor, tokenHash: string) {
  await executor.delete(loginChallenges).where(eq(loginChallenges.tokenHash, tokenHash));
}

export async function replaceRecoveryCodes(executor: Executor, userId: string, codeHashes: string[]) {
  await executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length) await executor.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks an unused recovery code used; true when there was one. */
export async function useRecoveryCode(executor: Executor, userId: string, codeHash: string) {
  const rows = await executor
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function unusedRecoveryCodes(executor: Executor, userId: string) {
  return (await executor.select({ id: recoveryCodes.id }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))).length;
}
