import { and, eq, sql } from 'drizzle-orm';
import { factModels, type Facts } from '../../../domain/policies/facts';
import { subjectKindOf } from '../../../domain/policies/policy';
import { toSql } from '../../../domain/rules';
import type { Db, Executor } from '../../db/client';
import { nextTurn } from '../../db/turns';
import { policies, policyScans } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { Actor } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { notify, subjectAccounts } from '../notifications/notifications.service';
import { decide } from './decision';
import { factColumn, referenceLabels, subjectsFacts, type SubjectChunk } from './facts.repo';
import { grantEntitlements, type Grant } from './ledger.service';
import { findVersion, lockPolicy, parameterValuesOn, type PolicyRow } from './policies.repo';

/** The SQL condition of a rule over the facts subquery `f`, with the parameters as bound values. */
export function ruleCondition(rule: unknown, policy: Pick<PolicyRow, 'target'>, params: Record<string, number>) {
  const translated = toSql(rule, { model: factModels[subjectKindOf(policy.target)], column: factColumn, params });
  if (!translated.ok) return null;
  return sqlOf(translated.sql, translated.values);
}

/** Turns `text with $1 … $n` and its values into a drizzle SQL fragment with bound parameters. */
function sqlOf(text: string, values: unknown[]) {
  const parts = text.split(/\$(\d+)/);
  const chunks = [sql.raw(parts[0])];
  for (let index = 1; index < parts.length; index += 2) {
    chunks.push(sql`${values[Number(parts[index]) - 1]}`, sql.raw(parts[index + 1]));
  }
  return sql.join(chunks, sql.raw(''));
}

/** Organisations judged by a policy: enterprises, or teams. */
const targetKinds = (target: PolicyRow['target']) => sql`f.id in (select id from organisations where kind = ${target === 'team' ? 'team' : 'enterprise'})`;

/** Subjects of a policy's target whose facts match a condition, with their facts (all, or the next chunk in id order). */
export async function matchingSubjects(executor: Executor, policy: Pick<PolicyRow, 'target'>, asOf: string, condition: ReturnType<typeof sql> | null, chunk?: SubjectChunk) {
  const kind = subjectKindOf(policy.target);
  const where = sql.join([kind === 'enterprise' ? targetKinds(policy.target) : sql`true`, condition ?? sql`true`], sql` and `);
  return subjectsFacts(executor, kind, asOf, where, chunk);
}

/** Subjects per chunk of a scan or a simulation: each chunk is one short transaction or statement. */
export const subjectChunkSize = 1000;

/**
 * 免申即享: finds, in the database, every subject the published rule makes eligible and who has no entitlement of the
 * policy yet (a declined one counts: the subject said no), and creates pending entitlements with the decision trace.
 * The office confirms them; the subjects are told "已为您免申兑现".
 *
 * The registry is scanned in chunks of subjects (id order), each its own transaction under the policy's lock (the
 * connection is free between chunks; each chunk's grants are audited as `entitlement.grant` and checked against the
 * remaining budget); a last transaction records the scan. A scan that stops half-way (the budget runs out, the process
 * ends, the policy is unpublished meanwhile) keeps the grants of the chunks done, and the next scan goes on from there:
 * the not-yet-enrolled condition makes scanning idempotent.
 */
export async function scanPolicy(db: Db, actor: Actor, policyId: string, asOf: string, trigger: 'manual' | 'daily', chunkSize = subjectChunkSize) {
  const { version, params, condition } = await db.transaction((tx) => scannedRule(tx, policyId, asOf));
  const labels = await referenceLabels(db);
  const totals = { eligible: 0, granted: 0, entitlements: 0 };
  let after: string | null = null;
  do {
    after = await db.transaction(async (tx) => {
      const { policy } = await scannedRule(tx, policyId, asOf, version.id);
      const notEnrolled = sql`not exists (select 1 from entitlements e where e.policy_id = ${policy.id} and e.subject_id = f.id)`;
      const found = await matchingSubjects(tx, policy, asOf, sql`${condition} and ${notEnrolled}`, { after, limit: chunkSize });
      const kind = subjectKindOf(policy.target);
      const grants: Grant[] = found.map(({ id, facts }) => ({
        policy,
        version,
        subject: { kind, id, name: '' },
        decision: decide(kind, version, facts as Facts, params, asOf, labels),
        applicationId: null,
        source: 'automatic',
        status: 'pending',
        start: asOf,
      }));
      // the database and the engine agree by construction (property-tested); a disagreement here would be a bug, so keep only the engine's yes
      const eligible = grants.filter((grant) => grant.decision.eligible && grant.decision.amount > 0);
      totals.eligible += found.length;
      totals.granted += eligible.length;
      totals.entitlements += eligible.length ? await grantEntitlements(tx, actor, eligible) : 0;
      for (const grant of eligible) {
        await notify(tx, await subjectAccounts(tx, kind, grant.subject.id), { kind: 'automatic', params: { policy: policy.title, amount: grant.decision.amount, periodKind: version.periodKind }, link: '/ledger' });
      }
      return found.length < chunkSize ? null : found[found.length - 1].id;
    });
    await nextTurn();
  } while (after !== null);
  return db.transaction(async (tx) => {
    await tx.insert(policyScans).values({ policyId, asOf, trigger, eligible: totals.eligible, created: totals.granted, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'policy.scan', targetType: 'policy', targetId: policyId, changes: { asOf, trigger, eligible: totals.eligible, subjects: totals.granted, entitlements: totals.entitlements } });
    return { policyId, asOf, eligible: totals.eligible, granted: totals.granted, entitlements: totals.entitlements };
  });
}

/**
 * The policy under its lock with the published rule a scan applies and its parameter values on `asOf`; refused unless
 * it is a published 免申即享 policy with a rule the database can run (and, given `versionId`, still that version: a
 * scan never mixes two rules).
 */
async function scannedRule(tx: Executor, policyId: string, asOf: string, versionId?: string) {
  const policy = await lockPolicy(tx, policyId);
  if (!policy) throw notFound();
  if (policy.mode !== 'automatic') throw new AppError(409, 'scanNotAutomatic');
  if (policy.status !== 'published' || !policy.publishedVersionId || (versionId && policy.publishedVersionId !== versionId)) throw new AppError(409, 'policyNotPublished');
  const version = (await findVersion(tx, policy.publishedVersionId))!;
  const params = await parameterValuesOn(tx, policy.id, asOf);
  const condition = ruleCondition(version.eligibility, policy, params);
  if (!condition) throw new AppError(409, 'policyNotPublished');
  return { policy, version, params, condition };
}

export async function listScans(executor: Executor, policyId: string) {
  const rows = await executor.select().from(policyScans).where(eq(policyScans.policyId, policyId)).orderBy(sql`${policyScans.createdAt} desc`).limit(50);
  return rows.map((row) => ({ id: row.id, asOf: row.asOf, trigger: row.trigger, eligible: row.eligible, created: row.created, createdAt: row.createdAt.toISOString() }));
}

/** The daily run: every published 免申即享 policy scanned as of today. */
export async function scanAutomaticPolicies(db: Db, actor: Actor, asOf: string) {
  const automatic = await db.select({ id: policies.id }).from(policies).where(and(eq(policies.mode, 'automatic'), eq(policies.status, 'published')));
  const results = [];
  for (const { id } of automatic) results.push(await scanPolicy(db, actor, id, asOf, 'daily'));
  return results;
}
