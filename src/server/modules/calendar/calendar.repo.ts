import { and, asc, count, desc, eq, gte, lte, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { calendarDays, jobRuns } from '../../db/schema';

export type CalendarDayRow = typeof calendarDays.$inferSelect;
export type JobRunRow = typeof jobRuns.$inferSelect;

/** Every override (the table holds a few dozen rows a year: the whole calendar is loaded into each process). */
export const listAllCalendarDays = (executor: Executor) => executor.select().from(calendarDays).orderBy(asc(calendarDays.date));

export const listCalendarDaysBetween = (executor: Executor, from: string, to: string) =>
  executor.select().from(calendarDays).where(and(gte(calendarDays.date, from), lte(calendarDays.date, to))).orderBy(asc(calendarDays.date));

/** What changes when an override is added, changed or removed: the number of rows and the last change. */
export async function calendarFingerprint(executor: Executor) {
  const [row] = await executor.select({ rows: count(), last: max(calendarDays.updatedAt) }).from(calendarDays);
  return `${row.rows}:${row.last ? new Date(row.last).getTime() : 0}`;
}

export async function findCalendarDay(executor: Executor, date: string) {
  const [row] = await executor.select().from(calendarDays).where(eq(calendarDays.date, date));
  return row;
}

export async function upsertCalendarDay(executor: Executor, values: typeof calendarDays.$inferInsert) {
  const { date: _date, ...rest } = values;
  const [row] = await executor
    .insert(calendarDays)
    .values(values)
    .onConflictDoUpdate({ target: calendarDays.date, set: { ...rest, updatedAt: sql`now()` } })
    .returning();
  return row;
}

export async function deleteCalendarDay(executor: Executor, date: string) {
  const [row] = await executor.delete(calendarDays).where(eq(calendarDays.date, date)).returning();
  return row;
}

/** Claims a job for a day: a new row, or nothing when another process (or an earlier run) holds that day already. */
export async function insertJobRun(executor: Executor, values: { job: string; runDate: string; instance: string; startedAt: Date }) {
  const [row] = await executor
    .insert(jobRuns)
    .values({ ...values, status: 'running', attempts: 1 })
    .onConflictDoNothing({ target: [jobRuns.job, jobRuns.runDate] })
    .returning();
  return row;
}

/**
 * Claims a day's run again when it may be retried: failed before `failedBefore`, or still `running` since before
 * `abandonedBefore` (its process died), with fewer than `maxAttempts` attempts. One statement: of two processes trying
 * at once, one gets the row.
 */
export async function reclaimJobRun(
  executor: Executor,
  values: { job: string; runDate: string; instance: string; startedAt: Date; failedBefore: Date; abandonedBefore: Date; maxAttempts: number },
) {
  const [row] = await executor
    .update(jobRuns)
    .set({ status: 'running', attempts: sql`${jobRuns.attempts} + 1`, instance: values.instance, startedAt: values.startedAt, finishedAt: null, error: null, result: null })
    .where(
      and(
        eq(jobRuns.job, values.job),
        eq(jobRuns.runDate, values.runDate),
        sql`${jobRuns.attempts} < ${values.maxAttempts}`,
        sql`((${jobRuns.status} = 'failed' and ${jobRuns.finishedAt} <= ${values.failedBefore.toISOString()}::timestamptz)
          or (${jobRuns.status} = 'running' and ${jobRuns.startedAt} <= ${values.abandonedBefore.toISOString()}::timestamptz))`,
      ),
    )
    .returning();
  return row;
}

export async function finishJobRun(
  executor: Executor,
  values: { job: string; runDate: string; status: 'done' | 'failed'; finishedAt: Date; result?: Record<string, unknown> | null; error?: string | null },
) {
  await executor
    .update(jobRuns)
    .set({ status: values.status, finishedAt: values.finishedAt, result: values.result ?? null, error: values.error ?? null })
    .where(and(eq(jobRuns.job, values.job), eq(jobRuns.runDate, values.runDate)));
}

export const recentJobRuns = (executor: Executor, limit: number) => executor.select().from(jobRuns).orderBy(desc(jobRuns.runDate), asc(jobRuns.job)).limit(limit);
