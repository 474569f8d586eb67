import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/auth';
import { escalateOverdue } from './applications.service';
import { removeStaleUploads } from './attachments.service';
import { scanAutomaticPolicies } from './scan.service';

const system: Actor = { userId: null, username: 'system', role: null, ip: null };
const day = 24 * 60 * 60 * 1000;

/**
 * The daily work of policies: every 免申即享 policy scanned as of today, overdue review steps escalated to the office.
 * Runs an hour after start and then once a day; a failure is logged and retried the next day.
 */
export function startDailyWork(db: Db, log: FastifyBaseLogger, dataDir: string) {
  const run = async () => {
    const asOf = new Date().toISOString().slice(0, 10);
    const scans = await scanAutomaticPolicies(db, system, asOf);
    const escalated = await escalateOverdue(db, system);
    log.info({ scans: scans.map((scan) => ({ policy: scan.policyId, granted: scan.granted })), escalated }, 'daily policy work done');
    await removeStaleUploads(db, dataDir, system);
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
