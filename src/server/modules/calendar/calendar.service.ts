import { buildCalendar, daysBetween, shiftDate, useWorkingCalendar, workingCalendar, type CalendarEntryKind } from '../../../domain/calendar';
import type { Db, Executor } from '../../db/client';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../../plugins/auth';
import { diff, recordAudit } from '../audit/audit.service';
import {
  calendarFingerprint, deleteCalendarDay, findCalendarDay, listAllCalendarDays, listCalendarDaysBetween, recentJobRuns, upsertCalendarDay, type CalendarDayRow,
} from './calendar.repo';

/** The longest range `GET /api/calendar/days` answers (a year and a day). */
export const maxRangeDays = 366;

let loadedFingerprint: string | null = null;

/**
 * Loads the office's overrides into this process's calendar (`useWorkingCalendar`), so deadline maths stays
 * synchronous. Called at start-up, after every edit here, and every minute by each app server (`startCalendarRefresh`):
 * an edit made on another server is seen within a minute, and before that server's daily work runs.
 */
export async function refreshWorkingCalendar(executor: Executor, options: { force?: boolean } = {}) {
  const fingerprint = await calendarFingerprint(executor);
  if (!options.force && fingerprint === loadedFingerprint) return false;
  const rows = await listAllCalendarDays(executor);
  useWorkingCalendar(buildCalendar(rows.map((row) => ({ date: row.date, kind: row.kind, name: row.name, nameEn: row.nameEn, note: row.note }))));
  loadedFingerprint = fingerprint;
  return true;
}

/** Refreshes the calendar every minute when its overrides changed (one cheap query). Returns a stop function. */
export function startCalendarRefresh(db: Db, onError: (error: unknown) => void) {
  const timer = setInterval(() => void refreshWorkingCalendar(db).catch(onError), 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Every day of a range with how it counts (everyone may read it: deadlines are shown to applicants too). */
export function calendarRange(from: string, to: string) {
  const problems: Record<string, { code: 'calendar.rangeOrder' | 'calendar.rangeTooLong'; params?: Record<string, number> }> = {};
  if (to < from) problems.to = { code: 'calendar.rangeOrder' };
  else if (to > shiftDate(from, maxRangeDays - 1)) problems.to = { code: 'calendar.rangeTooLong', params: { maximum: maxRangeDays } };
  if (Object.keys(problems).length) throw invalid(problems);
  const days = daysBetween(from, to, workingCalendar());
  return {
    from,
    to,
    workingDays: days.filter((day) => day.working).length,
    packageYears: { from: workingCalendar().packageYears[0], to: workingCalendar().packageYears[1] },
    days: days.map(({ note: _note, ...day }) => day),
  };
}

const presentOverride = (row: CalendarDayRow) => ({
  date: row.date, kind: row.kind, name: row.name, nameEn: row.nameEn, note: row.note, updatedAt: new Date(row.updatedAt).toISOString(),
});

/** The office's overrides of a year. */
export async function listCalendarOverrides(executor: Executor, year: number) {
  const rows = await listCalendarDaysBetween(executor, `${year}-01-01`, `${year}-12-31`);
  return { year, items: rows.map(presentOverride) };
}

export type CalendarDayInput = { date: string; kind: CalendarEntryKind; name: string; nameEn?: string | null; note?: string | null };

/** Makes a day a holiday or a working day (over the package's word for it), or changes such an override. Audited. */
export async function saveCalendarDay(db: Db, actor: Actor, input: CalendarDayInput) {
  const row = await db.transaction(async (tx) => {
    const before = await findCalendarDay(tx, input.date);
    const saved = await upsertCalendarDay(tx, { date: input.date, kind: input.kind, name: input.name, nameEn: input.nameEn ?? null, note: input.note ?? null, updatedBy: actor.userId });
    const shown = { kind: saved.kind, name: saved.name, nameEn: saved.nameEn, note: saved.note };
    await recordAudit(tx, actor, {
      action: before ? 'calendar.update' : 'calendar.create',
      targetType: 'calendarDay',
      targetId: input.date,
      changes: before ? diff({ kind: before.kind, name: before.name, nameEn: before.nameEn, note: before.note }, shown) : shown,
    });
    return saved;
  });
  await refreshWorkingCalendar(db, { force: true });
  return presentOverride(row);
}

/** Removes an override: the day counts as the package (or the weekday) says again. Audited. */
export async function removeCalendarDay(db: Db, actor: Actor, date: string) {
  await db.transaction(async (tx) => {
    const removed = await deleteCalendarDay(tx, date);
    if (!removed) throw notFound();
    await recordAudit(tx, actor, { action: 'calendar.remove', targetType: 'calendarDay', targetId: date, changes: { kind: removed.kind, name: removed.name } });
  });
  await refreshWorkingCalendar(db, { force: true });
}

/** The last runs of the daily jobs (the office sees them on the calendar page). */
export async function listJobRuns(executor: Executor, limit = 30) {
  const rows = await recentJobRuns(executor, limit);
  return rows.map((row) => ({
    job: row.job, runDate: row.runDate, status: row.status, attempts: row.attempts, instance: row.instance,
    startedAt: new Date(row.startedAt).toISOString(), finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
    result: row.result, error: row.error,
  }));
}
