import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import { systemActor } from '../../plugins/auth';
import { escalateOverdue } from './applications.service';
import { removeStaleUploads } from './attachments.service';
import { scanAutomaticPolicies } from './scan.service';

const day = 24 * 60 * 60 * 1000;

/**
 * The daily work of policies, done by the system (audited as `system`, never as a user): every 免申即享 policy scanned
 * as of today, overdue review steps escalated to the office. Reading the inbox changes nothing: escalation is done here.
 */
export async function runDailyWork(db: Db, dataDir: string, now = new Date()) {
  const asOf = now.toISOString().slice(0, 10);
  const scans = await scanAutomaticPolicies(db, systemActor, asOf);
  const escalated = await escalateOverdue(db, systemActor, now);
  const { removed: removedUploads } = await removeStaleUploads(db, dataDir, systemActor, now);
  return { scans: scans.map((scan) => ({ policy: scan.policyId, granted: scan.granted })), escalated, removedUploads };
}

/** Runs the daily work an hour after start and then once a day; a failure is logged and retried the next day. */
export function startDailyWork(db: Db, log: FastifyBaseLogger, dataDir: string) {
  const run = async () => {
    const done = await runDailyWork(db, dataDir);
    log.info(done, 'daily policy work done');
  };
  const tick = () => void run().catch((error: unknown) => log.error(error, 'daily policy work failed'));
  const first = setTimeout(tick, 60 * 60 * 1000);
  const daily = setInterval(tick, day);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
