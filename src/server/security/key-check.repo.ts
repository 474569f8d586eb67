import { desc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditLog, systemSettings, talents } from '../db/schema';

export async function readSetting(executor: Executor, key: string): Promise<string | null> {
  const [row] = await executor.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, key));
  return row?.value ?? null;
}

/** Inserts a setting unless another server stored it first: true when this call stored it. */
export async function insertSetting(executor: Executor, key: string, value: string): Promise<boolean> {
  const rows = await executor.insert(systemSettings).values({ key, value }).onConflictDoNothing().returning({ key: systemSettings.key });
  return rows.length > 0;
}

/** One sealed ID number, to try the key on a database written before the key check existed. */
export async function sampleSealedIdNumber(executor: Executor): Promise<string | null> {
  const [row] = await executor.select({ sealed: talents.idNumberCipher }).from(talents).limit(1);
  return row?.sealed ?? null;
}

/** The newest chained audit row, whose hash only the right key reproduces. */
export async function newestChainedAuditRow(executor: Executor) {
  const [row] = await executor.select().from(auditLog).where(isNotNull(auditLog.seq)).orderBy(desc(auditLog.seq)).limit(1);
  return row ?? null;
}
