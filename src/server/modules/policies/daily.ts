import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { beijingDate } from '../../../domain/calendar';
import type { Db } from '../../db/client';
import { analyzeTables } from '../../db/statistics';
import { systemActor } from '../../plugins/auth';
import { finishJobRun, insertJobRun, reclaimJobRun } from '../calendar/calendar.repo';
import { refreshWorkingCalendar } from '../calendar/calendar.service';
import { escalateOverdue } from './applications.service';
import { removeStaleUploads } from './attachments.service';
import { scanAutomaticPolicies } from './scan.service';
import { announceDueReviews } from '../pools/pools.service';
import { remindExecutiveTerms } from '../campaigns/executives.service';
import { flagOverduePlans } from '../retention/liaison.service';
import { routeHighRisk } from '../retention/retention.service';
import { announceOverdueJointTasks } from '../coordination/joint-tasks.service';

/** The daily jobs, in the order they run; each is claimed, run and recorded on its own (`job_runs`). */
export const dailyJobs = {
  /** Every 免申即享 policy scanned as of today (the zone's date: the first tick after midnight in Beijing is already the new day). */
  policyScans: async (db: Db, _dataDir: string, now: Date) => {
    const scans = await scanAutomaticPolicies(db, systemActor, beijingDate(now));
    return { scans: scans.map((scan) => ({ policy: scan.policyId, granted: scan.granted })) };
  },
  /** Overdue review steps escalated to the office, on the working-day calendar as the office last left it. */
  escalation: async (db: Db, _dataDir: string, now: Date) => {
    await refreshWorkingCalendar(db);
    return { escalated: await escalateOverdue(db, systemActor, now) };
  },
  /** Uploads never attached, once 24 hours old. */
  uploadCleanup: async (db: Db, dataDir: string, now: Date) => {
    const { removed } = await removeStaleUploads(db, dataDir, systemActor, now);
    return { removedUploads: removed };
  },
  /** 后备人才库: members whose yearly review is due, announced once to the office and the nominating unit. */
  poolReviews: async (db: Db, _dataDir: string, now: Date) => ({ announcedReviews: await announceDueReviews(db, now) }),
  /** Market-hired executives whose term ends within 60 days announced to the office and their enterprise (once per term end). */
  executiveTerms: async (db: Db, _dataDir: string, now: Date) => ({ reminded: await remindExecutiveTerms(db, systemActor, beijingDate(now)) }),
  /** Retention: overdue contact plans flagged to the leader and the office; high-risk talents routed as visit tasks. */
  liaison: async (db: Db, _dataDir: string, now: Date) => {
    const { overdue } = await flagOverduePlans(db, beijingDate(now));
    const { routed } = await routeHighRisk(db, systemActor, beijingDate(now));
    return { overdue, routed };
  },
  /** 协同用才: each open joint task past its due day announced once (督办) to the office, the owner unit and the helpers. */
  jointTasks: async (db: Db, _dataDir: string, now: Date) => ({ overdueJointTasks: await announceOverdueJointTasks(db, now) }),
  /** Planner statistics of the tables changed enough since their last look (PGlite has no autovacuum), table by table. */
  statistics: async (db: Db) => {
    const { tables } = await analyzeTables(db, { vacuum: true });
    return { analyzedTables: tables.length };
  },
} satisfies Record<string, (db: Db, dataDir: string, now: Date) => Promise<Record<string, unknown>>>;
export type DailyJob = keyof typeof dailyJobs;
export const dailyJobNames = Object.keys(dailyJobs) as DailyJob[];

/**
 * The daily work of policies, done by the system (audited as `system`, never as a user): every 免申即享 policy scanned
 * as of today, overdue review steps escalated to the office, stale uploads removed. Reading the inbox changes nothing:
 * escalation is done here. This runs the work unconditionally; servers run it through `runDueDailyJobs` (once a day).
 */
export async function runDailyWork(db: Db, dataDir: string, now = new Date()) {
  const { scans } = await dailyJobs.policyScans(db, dataDir, now);
  const { escalated } = await dailyJobs.escalation(db, dataDir, now);
  const { removedUploads } = await dailyJobs.uploadCleanup(db, dataDir, now);
  return { scans, escalated, removedUploads };
}

/** How the once-a-day claim behaves (the defaults are what servers use; tests shorten the waits). */
export type DailyJobOptions = {
  now?: Date;
  /** Who runs it, written into `job_runs.instance` (default: host name and process id). */
  instance?: string;
  /** A failed run is tried again at the first tick this long after it failed (default one hour)… */
  retryAfterMs?: number;
  /** …at most this many attempts a day in all (default 3). */
  maxAttempts?: number;
  /** A run still `running` after this long is taken to be abandoned by a dead process and may be claimed again (default 2 hours). */
  abandonedAfterMs?: number;
  /** The jobs to consider (default all; tests swap in failing ones). */
  jobs?: Partial<Record<DailyJob, (db: Db, dataDir: string, now: Date) => Promise<Record<string, unknown>>>>;
};

export type JobOutcome = { job: DailyJob; outcome: 'done' | 'failed' | 'skipped'; result?: Record<string, unknown>; error?: string };

/**
 * Runs each daily job that has not run today (Beijing date) yet, exactly once across every app server sharing the
 * database: a job is claimed by inserting its (job, day) row with ON CONFLICT DO NOTHING; whoever inserts it runs it,
 * everyone else skips it. The run is recorded as `done` with its counts, or `failed` with the error; a failed run is
 * claimed again (one UPDATE, so again by one server only) at the first tick `retryAfterMs` later, up to `maxAttempts` a
 * day; a run left `running` by a process that died is claimed again after `abandonedAfterMs`.
 */
export async function runDueDailyJobs(db: Db, dataDir: string, options: DailyJobOptions = {}): Promise<JobOutcome[]> {
  const now = options.now ?? new Date();
  const instance = options.instance ?? `${hostname()}:${process.pid}`;
  const runDate = beijingDate(now);
  const outcomes: JobOutcome[] = [];
  for (const job of dailyJobNames) {
    const work = options.jobs?.[job] ?? (options.jobs ? undefined : dailyJobs[job]);
    if (!work) continue;
    const startedAt = new Date();
    const claimed =
      (await insertJobRun(db, { job, runDate, instance, startedAt })) ??
      (await reclaimJobRun(db, {
        job, runDate, instance, startedAt, maxAttempts: options.maxAttempts ?? 3,
        failedBefore: new Date(startedAt.getTime() - (options.retryAfterMs ?? 60 * 60 * 1000)),
        abandonedBefore: new Date(startedAt.getTime() - (options.abandonedAfterMs ?? 2 * 60 * 60 * 1000)),
      }));
    if (!claimed) {
      outcomes.push({ job, outcome: 'skipped' });
      continue;
    }
    try {
      const result = await work(db, dataDir, now);
      await finishJobRun(db, { job, runDate, status: 'done', finishedAt: new Date(), result });
      outcomes.push({ job, outcome: 'done', result });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await finishJobRun(db, { job, runDate, status: 'failed', finishedAt: new Date(), error: message.slice(0, 2000) });
      outcomes.push({ job, outcome: 'failed', error: message });
    }
  }
  return outcomes;
}

/** How often each server looks for due jobs (a claim attempt per job: three cheap statements). */
const tickMs = 10 * 60 * 1000;

/** The first look an hour after start, as before job runs existed (a server just started, or a test run, is left alone). */
const firstTickMs = 60 * 60 * 1000;

/**
 * Looks for daily jobs not yet run today an hour after start and then every ten minutes, and runs them: on each day
 * the first server to look runs them, the others skip. A failed job is retried an hour later (up to three attempts a
 * day); it is logged either way.
 */
export function startDailyWork(db: Db, log: FastifyBaseLogger, dataDir: string) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const outcomes = await runDueDailyJobs(db, dataDir);
      for (const outcome of outcomes) {
        if (outcome.outcome === 'failed') log.error({ job: outcome.job, error: outcome.error }, 'daily job failed');
        else if (outcome.outcome === 'done') log.info({ job: outcome.job, result: outcome.result }, 'daily job done');
      }
    } catch (error) {
      log.error(error, 'daily jobs could not be claimed');
    } finally {
      running = false;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void tick();
    timer = setInterval(() => void tick(), tickMs);
    timer.unref();
  }, firstTickMs);
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
