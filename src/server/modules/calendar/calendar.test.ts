import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, inject, vi } from 'vitest';
import { buildApp } from '../../app';
import { secretsFor } from '../../config';
import { openDatabase, type Db } from '../../db/client';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { databaseUrl } from '../../test/template';
import { dailyJobNames, dailyJobs, runDueDailyJobs, type DailyJob } from '../policies/daily';

let t: TestApp;
let office: Agent;
let talent: Agent;

beforeAll(async () => {
  t = await createTestApp();
  [office, talent] = await Promise.all([t.login('office'), t.login('talent')]);
});
afterAll(async () => t?.close());
afterEach(() => vi.useRealTimers());

/** A moment in Beijing time. */
const beijing = (text: string) => new Date(`${text}+08:00`);

describe('GET /api/calendar/days: how days count, for everyone signed in', () => {
  it('shows 国庆 2026 off and the make-up Saturday worked, and counts the working days of the range', async () => {
    const response = await talent.get('/api/calendar/days', { query: { from: '2026-09-28', to: '2026-10-11' } });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { workingDays: number; days: { date: string; kind: string; working: boolean; name: string | null; source: string | null }[] };
    const byDate = new Map(body.days.map((day) => [day.date, day]));
    expect(byDate.get('2026-10-01')).toMatchObject({ kind: 'holiday', working: false, name: '国庆节', source: 'package' });
    expect(byDate.get('2026-10-10')).toMatchObject({ kind: 'makeUp', working: true, source: 'package' });
    expect(byDate.get('2026-10-11')).toMatchObject({ kind: 'weekend', working: false, source: null });
    // 28–30 September, 8–10 October
    expect(body.workingDays).toBe(6);
    expect(body.days).toHaveLength(14);
  });

  it('answers bad ranges with a 400 naming the field, never a 500', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ from: '2026-10-11', to: '2026-10-01' }, 'to', '不能早于开始日期'],
      [{ from: '2026-01-01', to: '2027-06-01' }, 'to', '日期范围最多 366 天'],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'from', ''],
      [{ from: '1899-01-01', to: '2026-01-02' }, 'from', ''],
      [{ from: '2026-01-01' }, 'to', ''],
    ];
    for (const [query, field, message] of cases) {
      const response = await talent.get('/api/calendar/days', { query });
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      const fields = response.json().error.fields as Record<string, string>;
      expect(Object.keys(fields)).toEqual([field]);
      expect(fields[field]).toContain(message);
    }
  });
});

describe('the office keeps the overrides', () => {
  it('validates an override: kind, name, unknown fields and the date in the path, each named', async () => {
    const cases: [string, unknown, string][] = [
      ['/api/calendar/overrides/2027-10-01', { kind: 'dayOff', name: '国庆节' }, 'kind'],
      ['/api/calendar/overrides/2027-10-01', { kind: 'holiday', name: '  ' }, 'name'],
      ['/api/calendar/overrides/2027-10-01', { kind: 'holiday', name: '国庆节', colour: 'red' }, ''],
      ['/api/calendar/overrides/2027-02-29', { kind: 'holiday', name: '国庆节' }, 'date'],
      ['/api/calendar/overrides/2027-10-01', { kind: 'holiday', name: '国庆\u202e节' }, 'name'],
    ];
    for (const [url, body, field] of cases) {
      const response = await office.put(url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      if (field) expect(Object.keys(response.json().error.fields)).toContain(field);
    }
    expect(await t.rows(sql`select 1 from calendar_days`)).toHaveLength(0);
  });

  it('enters a year the package does not know, changes and removes a day, each audited; everyone sees it at once', async () => {
    const saved = await office.put('/api/calendar/overrides/2027-10-01', { kind: 'holiday', name: '国庆节', nameEn: 'National Day', note: '国务院办公厅通知（2027）' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ date: '2027-10-01', kind: 'holiday', name: '国庆节', nameEn: 'National Day', note: '国务院办公厅通知（2027）' });
    expect((await office.put('/api/calendar/overrides/2027-09-26', { kind: 'workday', name: '国庆节调休上班' })).statusCode).toBe(200);
    const days = (await talent.get('/api/calendar/days', { query: { from: '2027-09-26', to: '2027-10-01' } })).json().days as { date: string; kind: string; source: string | null }[];
    expect(days[0]).toMatchObject({ date: '2027-09-26', kind: 'makeUp', source: 'office' });
    expect(days[5]).toMatchObject({ date: '2027-10-01', kind: 'holiday', source: 'office' });
    expect(days[5]).not.toHaveProperty('note');

    expect((await office.put('/api/calendar/overrides/2027-10-01', { kind: 'holiday', name: '国庆节', note: null })).json().note).toBeNull();
    expect((await office.get('/api/calendar/overrides', { query: { year: '2027' } })).json().items.map((item: { date: string }) => item.date)).toEqual(['2027-09-26', '2027-10-01']);
    expect((await office.delete('/api/calendar/overrides/2027-09-26')).statusCode).toBe(204);
    expect((await office.delete('/api/calendar/overrides/2027-09-26')).statusCode).toBe(404);
    expect((await talent.get('/api/calendar/days', { query: { from: '2027-09-26', to: '2027-09-26' } })).json().days[0]).toMatchObject({ kind: 'weekend', source: null });

    const audits = await t.rows<{ action: string; target_id: string; changes: Record<string, unknown> }>(sql`
      select action, target_id, changes from audit_log where target_type = 'calendarDay' order by seq`);
    expect(audits).toEqual([
      { action: 'calendar.create', target_id: '2027-10-01', changes: { kind: 'holiday', name: '国庆节', nameEn: 'National Day', note: '国务院办公厅通知（2027）' } },
      { action: 'calendar.create', target_id: '2027-09-26', changes: { kind: 'workday', name: '国庆节调休上班', nameEn: null, note: null } },
      { action: 'calendar.update', target_id: '2027-10-01', changes: { nameEn: { from: 'National Day', to: null }, note: { from: '国务院办公厅通知（2027）', to: null } } },
      { action: 'calendar.remove', target_id: '2027-09-26', changes: { kind: 'workday', name: '国庆节调休上班' } },
    ]);
    await office.delete('/api/calendar/overrides/2027-10-01');
  });
});

describe('review deadlines on the Chinese calendar (fake clock around 国庆 2026)', () => {
  it('a step started on 30 September is not overdue during the holiday; an office override moves its deadline', async () => {
    const department = await t.login('department');
    const waiting = (await department.get('/api/applications', { query: { inbox: 'true', pageSize: '100' } })).json().items as { id: string; escalated: boolean }[];
    const application = waiting.find((item) => !item.escalated)!;
    const [{ days }] = await t.rows<{ days: number }>(sql`
      select (v.steps -> a.step_index ->> 'workingDays')::int as days from applications a join policy_versions v on v.id = a.version_id where a.id = ${application.id}`);
    expect(days).toBe(5);
    await t.db.execute(sql`update applications set step_started_at = ${beijing('2026-09-30T10:15:00').toISOString()}::timestamptz where id = ${application.id}`);
    const escalated = async () => (await t.rows<{ at: Date | null }>(sql`select escalated_at as at from applications where id = ${application.id}`))[0].at !== null;

    // 8, 9, 10 (the make-up Saturday), 12 and 13 October: due on the 13th at 10:15 (weekends alone would say the 7th)
    const detail = async () => (await department.get(`/api/applications/${application.id}`)).json().currentStep as { dueAt: string };
    expect((await detail()).dueAt).toBe(beijing('2026-10-13T10:15:00').toISOString());
    vi.useFakeTimers({ toFake: ['Date'], now: beijing('2026-10-12T12:00:00') });
    await dailyJobs.escalation(t.db, t.config.dataDir, new Date());
    vi.useRealTimers();
    expect(await escalated()).toBe(false);

    // the office makes Friday 9 October a local holiday: due on the 14th
    expect((await office.put('/api/calendar/overrides/2026-10-09', { kind: 'holiday', name: '区庆', nameEn: 'Zone day' })).statusCode).toBe(200);
    expect((await detail()).dueAt).toBe(beijing('2026-10-14T10:15:00').toISOString());
    vi.useFakeTimers({ toFake: ['Date'], now: beijing('2026-10-13T12:00:00') });
    await dailyJobs.escalation(t.db, t.config.dataDir, new Date());
    vi.useRealTimers();
    expect(await escalated()).toBe(false);
    vi.useFakeTimers({ toFake: ['Date'], now: beijing('2026-10-14T10:20:00') });
    await dailyJobs.escalation(t.db, t.config.dataDir, new Date());
    vi.useRealTimers();
    expect(await escalated()).toBe(true);
    await office.delete('/api/calendar/overrides/2026-10-09');
  });
});

/** A second app server on the same database: its own connection pool on PostgreSQL, a second app on PGlite's one connection. */
async function secondInstance(): Promise<{ db: Db; close: () => Promise<void> }> {
  const templates = inject('testTemplates');
  if (templates.kind === 'pglite') {
    const app = await t.withConfig({});
    return { db: app.db, close: async () => {} };
  }
  const [{ name }] = await t.rows<{ name: string }>(sql`select current_database() as name`);
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl(templates.serverUrl, name), poolSize: 4 });
  const app = await buildApp({ config: t.config, database, secrets: secretsFor(t.config) });
  await app.ready();
  return { db: app.db, close: async () => { await app.close(); await database.close(); } };
}

describe('daily work runs exactly once a day across app servers (job_runs)', () => {
  it('two app instances on one database, ticking together three times: each job runs once that day', async () => {
    const second = await secondInstance();
    try {
      const runs: Record<string, number> = {};
      const counted = Object.fromEntries(
        (Object.keys(dailyJobs) as DailyJob[]).map((job) => [job, async (db: Db, dataDir: string, now: Date) => {
          runs[job] = (runs[job] ?? 0) + 1;
          return dailyJobs[job](db, dataDir, now);
        }]),
      );
      const now = beijing('2026-12-03T00:05:00');
      const scansBefore = await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'policy.scan'`);
      const [{ automatic }] = await t.rows<{ automatic: number }>(sql`select count(*)::int as automatic from policies where mode = 'automatic' and status = 'published'`);
      expect(automatic).toBeGreaterThan(0);
      const outcomes = [];
      for (let tick = 0; tick < 3; tick += 1) {
        outcomes.push(...(await Promise.all([
          runDueDailyJobs(t.db, t.config.dataDir, { now, instance: 'server-a', jobs: counted }),
          runDueDailyJobs(second.db, t.config.dataDir, { now, instance: 'server-b', jobs: counted }),
        ])).flat());
      }
      // every daily job, whichever modules add them: each ran once, and was skipped by every other tick
      const jobs = [...dailyJobNames].sort();
      expect(jobs).toEqual(expect.arrayContaining(['escalation', 'policyScans', 'statistics', 'uploadCleanup']));
      expect(runs).toEqual(Object.fromEntries(jobs.map((job) => [job, 1])));
      expect(outcomes.filter((outcome) => outcome.outcome === 'done').map((outcome) => outcome.job).sort()).toEqual(jobs);
      expect(outcomes.filter((outcome) => outcome.outcome === 'skipped')).toHaveLength(jobs.length * 2 * 3 - jobs.length);
      const rows = await t.rows<{ job: string; status: string; attempts: number; instance: string }>(sql`
        select job, status, attempts, instance from job_runs where run_date = '2026-12-03' order by job`);
      expect(rows.map(({ job, status, attempts }) => ({ job, status, attempts })).sort((a, b) => (a.job < b.job ? -1 : 1))).toEqual(jobs.map((job) => ({ job, status: 'done', attempts: 1 })));
      expect(rows.every((row) => ['server-a', 'server-b'].includes(row.instance))).toBe(true);
      // each 免申即享 policy was scanned (and audited) once, not once per server
      const scansAfter = await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'policy.scan'`);
      expect(scansAfter[0].n - scansBefore[0].n).toBe(automatic);
      // the next day runs again
      const nextDay = await runDueDailyJobs(t.db, t.config.dataDir, { now: beijing('2026-12-04T00:05:00'), instance: 'server-a', jobs: { uploadCleanup: counted.uploadCleanup } });
      expect(nextDay).toEqual([{ job: 'uploadCleanup', outcome: 'done', result: { removedUploads: 0 } }]);
      expect(runs.uploadCleanup).toBe(2);
    } finally {
      await second.close();
    }
  });

  it('a failed run is recorded with its error and claimed again later that day by one server, at most three attempts', async () => {
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 4) throw new Error(`database unreachable (${calls})`);
      return { escalated: 0 };
    };
    const now = beijing('2026-12-05T00:05:00');
    const tick = (options: { retryAfterMs?: number; maxAttempts?: number } = {}) => runDueDailyJobs(t.db, t.config.dataDir, { now, instance: 'server-a', jobs: { escalation: flaky }, ...options });
    const state = async () => (await t.rows<{ status: string; attempts: number; error: string | null }>(sql`select status, attempts, error from job_runs where job = 'escalation' and run_date = '2026-12-05'`))[0];

    expect((await tick())[0]).toMatchObject({ outcome: 'failed', error: 'database unreachable (1)' });
    expect(await state()).toEqual({ status: 'failed', attempts: 1, error: 'database unreachable (1)' });
    // within the hour: not retried
    expect((await tick())[0].outcome).toBe('skipped');
    // an hour later (here: at once): claimed again; two servers at that moment retry it once between them
    const [a, b] = await Promise.all([tick({ retryAfterMs: 0 }), tick({ retryAfterMs: 0 })]);
    expect([a[0].outcome, b[0].outcome].sort()).toEqual(['failed', 'skipped']);
    expect(await state()).toEqual({ status: 'failed', attempts: 2, error: 'database unreachable (2)' });
    expect((await tick({ retryAfterMs: 0 }))[0].outcome).toBe('failed');
    // three attempts a day at most: the fourth waits for tomorrow
    expect((await tick({ retryAfterMs: 0 }))[0].outcome).toBe('skipped');
    expect(calls).toBe(3);
    // a higher limit lets it through, and once done it is never run again that day
    expect((await tick({ retryAfterMs: 0, maxAttempts: 5 }))[0]).toMatchObject({ outcome: 'done', result: { escalated: 0 } });
    expect(await state()).toEqual({ status: 'done', attempts: 4, error: null });
    expect((await tick({ retryAfterMs: 0, maxAttempts: 5 }))[0].outcome).toBe('skipped');
    expect(calls).toBe(4);
  });

  it('the office sees the last runs', async () => {
    const response = await office.get('/api/calendar/job-runs');
    expect(response.statusCode).toBe(200);
    expect(response.json().items.some((item: { job: string; runDate: string; status: string }) => item.job === 'escalation' && item.runDate === '2026-12-05' && item.status === 'done')).toBe(true);
  });
});
