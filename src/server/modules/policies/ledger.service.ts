import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { entitlementStatusLabels, inBothLanguages } from '../../../domain/policies/messages';
import { periodKeys, type EntitlementStatus } from '../../../domain/policies/policy';
import type { Db, Executor } from '../../db/client';
import { disbursementBatches, entitlements, loanInstitutions, loans, organisations, payments, policies, talents } from '../../db/schema';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import type { Secrets } from '../../security/secrets';
import { recordAudit } from '../audit/audit.service';
import { streamedWorkbook } from '../imports/imports.workbook';
import { notify, subjectAccounts } from '../notifications/notifications.service';
import { decide, presentDecision, type Decision } from './decision';
import { idempotent } from './idempotency';
import { referenceLabels, subjectFacts } from './facts.repo';
import { budgetUse, findVersion, lockPolicy, parameterValuesOn, type PolicyRow, type PolicyVersionRow } from './policies.repo';
import type { Subject } from './applications.service';

const today = () => new Date().toISOString().slice(0, 10);

export type Grant = {
  policy: PolicyRow;
  version: PolicyVersionRow;
  subject: Subject;
  decision: Decision;
  applicationId: string | null;
  source: 'application' | 'automatic';
  status: Extract<EntitlementStatus, 'pending' | 'scheduled'>;
  start: string;
  /** Periods and amounts decided by the caller (a loan's subsidy: the periods its term covers); default: every period of the version from `start`, each the decision's amount. */
  periods?: { period: string; amount: number }[];
};

/** The budget left, read under the policy's row lock so two approvals cannot both take the last yuan. */
async function remainingBudget(executor: Executor, policy: PolicyRow) {
  const use = (await budgetUse(executor, [policy.id])).get(policy.id);
  return policy.budgetTotal - (use?.committed ?? 0);
}

/**
 * Creates the entitlements of a decision, one per period, reserving their amount from the budget. The caller holds
 * the policy's row lock (lockPolicy) or the approval is refused when the budget cannot cover it.
 */
export async function grantEntitlements(executor: Executor, actor: Actor, grants: Grant | Grant[]) {
  const list = Array.isArray(grants) ? grants : [grants];
  if (!list.length) return 0;
  const policy = (await lockPolicy(executor, list[0].policy.id))!;
  const rows = list.flatMap((grant) =>
    (grant.periods ?? periodKeys(grant.version.periodKind, grant.version.periods, grant.start).map((period) => ({ period, amount: grant.decision.amount }))).map(({ period, amount }) => ({
      policyId: grant.policy.id,
      versionId: grant.version.id,
      applicationId: grant.applicationId,
      subjectKind: grant.subject.kind,
      subjectId: grant.subject.id,
      period,
      amount,
      source: grant.source,
      status: grant.status,
      decision: grant.decision as unknown as Record<string, unknown>,
    })),
  );
  const needed = rows.reduce((sum, row) => sum + row.amount, 0);
  const remaining = await remainingBudget(executor, policy);
  if (needed > remaining) throw new AppError(409, 'budgetExceeded', { remaining, needed });
  for (let index = 0; index < rows.length; index += 1000) await executor.insert(entitlements).values(rows.slice(index, index + 1000));
  await recordAudit(executor, actor, {
    action: 'entitlement.grant',
    targetType: 'policy',
    targetId: policy.id,
    changes: { subjects: list.map((grant) => grant.subject.id), periods: rows.length, total: needed, source: list[0].source },
  });
  return rows.length;
}

/** Entitlements a user may see: office and leaders all; departments those of policies of their unit; subjects their own. */
export function entitlementScope(user: SessionUser): SQL | undefined {
  if (user.roles.includes('office') || user.roles.includes('leader')) return undefined;
  const conditions: SQL[] = [];
  if (user.talentId) conditions.push(and(eq(entitlements.subjectKind, 'talent'), eq(entitlements.subjectId, user.talentId))!);
  if (user.roles.includes('enterprise') && user.organisationId) {
    conditions.push(and(eq(entitlements.subjectKind, 'enterprise'), eq(entitlements.subjectId, user.organisationId))!);
    conditions.push(and(eq(entitlements.subjectKind, 'talent'), sql`${entitlements.subjectId} in (select id from talents where employer_id = ${user.organisationId})`)!);
  }
  if (user.roles.includes('department') && user.unitId) conditions.push(sql`${entitlements.policyId} in (select id from policies where unit_id = ${user.unitId})`);
  return conditions.length ? or(...conditions) : sql`false`;
}

const subjectNameSql = sql<string>`coalesce((select name from talents where id = ${entitlements.subjectId}), (select name from organisations where id = ${entitlements.subjectId}))`;

export type EntitlementQuery = { page: number; pageSize: number; policyId?: string; status?: EntitlementStatus; period?: string; subjectId?: string };

export async function listEntitlements(executor: Executor, user: SessionUser, query: EntitlementQuery) {
  const where = and(
    entitlementScope(user),
    query.policyId ? eq(entitlements.policyId, query.policyId) : undefined,
    query.status ? eq(entitlements.status, query.status) : undefined,
    query.period ? eq(entitlements.period, query.period) : undefined,
    query.subjectId ? eq(entitlements.subjectId, query.subjectId) : undefined,
  );
  const [rows, [totals]] = await Promise.all([
    executor
      .select({ entitlement: entitlements, policyTitle: policies.title, policyCode: policies.code, subjectName: subjectNameSql, loan: loans, bank: loanInstitutions })
      .from(entitlements)
      .innerJoin(policies, eq(policies.id, entitlements.policyId))
      .leftJoin(loans, eq(loans.caseId, entitlements.applicationId))
      .leftJoin(loanInstitutions, eq(loanInstitutions.code, loans.bankCode))
      .where(where)
      .orderBy(desc(entitlements.period), asc(entitlements.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor
      .select({
        total: sql<number>`count(*)::int`,
        amount: sql<number>`coalesce(sum(${entitlements.amount}), 0)::bigint`,
        paid: sql<number>`coalesce(sum(${entitlements.amount}) filter (where ${entitlements.status} = 'paid'), 0)::bigint`,
      })
      .from(entitlements)
      .where(where),
  ]);
  return {
    items: rows.map(({ entitlement, policyTitle, policyCode, subjectName, loan, bank }) => ({
      id: entitlement.id,
      policy: { id: entitlement.policyId, code: policyCode, title: policyTitle },
      subject: { kind: entitlement.subjectKind, id: entitlement.subjectId, name: subjectName },
      period: entitlement.period,
      amount: entitlement.amount,
      source: entitlement.source,
      status: entitlement.status,
      statusReason: entitlement.statusReason,
      decision: presentDecision(entitlement.decision as unknown as Decision),
      paidAt: entitlement.paidAt?.toISOString() ?? null,
      version: entitlement.version,
      loan:
        loan && bank
          ? { id: loan.caseId, amount: loan.disbursedAmount ?? loan.amount, bank: { code: bank.code, name: bank.name, nameEn: bank.nameEn }, basis: (entitlement.decision as { loan?: { basis?: Record<'zh-CN' | 'en-US', string> } }).loan?.basis ?? null }
          : null,
    })),
    total: totals.total,
    sums: { amount: Number(totals.amount), paid: Number(totals.paid) },
  };
}

/** The office confirms entitlements a 免申即享 scan found: pending → scheduled. */
export async function confirmEntitlements(db: Db, actor: Actor, ids: string[]) {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(entitlements)
      .set({ status: 'scheduled', version: sql`${entitlements.version} + 1`, updatedAt: new Date() })
      .where(and(inArray(entitlements.id, ids), eq(entitlements.status, 'pending')))
      .returning({ id: entitlements.id });
    await recordAudit(tx, actor, { action: 'entitlement.confirm', targetType: 'entitlement', changes: { ids: updated.map((row) => row.id) } });
    return { confirmed: updated.length };
  });
}

/** A subject may decline what was granted without application, for every period not yet paid. */
export async function declineEntitlement(db: Db, actor: Actor, user: SessionUser, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(entitlements).where(and(eq(entitlements.id, id), entitlementScope(user))).for('update');
    if (!row || row.subjectId !== (row.subjectKind === 'talent' ? user.talentId : user.organisationId)) throw notFound();
    if (!['pending', 'scheduled'].includes(row.status)) throw new AppError(409, 'entitlementState', inBothLanguages('status', (language) => entitlementStatusLabels[row.status][language]));
    const declined = await tx
      .update(entitlements)
      .set({ status: 'declined', statusReason: '本人放弃', version: sql`${entitlements.version} + 1`, updatedAt: new Date() })
      .where(and(eq(entitlements.policyId, row.policyId), eq(entitlements.subjectId, row.subjectId), inArray(entitlements.status, ['pending', 'scheduled'])))
      .returning({ id: entitlements.id });
    await recordAudit(tx, actor, { action: 'entitlement.decline', targetType: 'entitlement', targetId: id, changes: { periods: declined.length } });
    return { declined: declined.length };
  });
}

/**
 * Before a later period is paid, a continuing entitlement is checked again on today's facts with its own version:
 * a subject who no longer qualifies (left the zone, changed employer …) is paused with the reason.
 */
async function recheck(executor: Executor, actor: Actor, policy: PolicyRow, due: (typeof entitlements.$inferSelect)[]) {
  const labels = await referenceLabels(executor);
  const params = await parameterValuesOn(executor, policy.id, today());
  const versions = new Map<string, PolicyVersionRow>();
  const paused: { id: string; reason: string }[] = [];
  for (const row of due) {
    if (row.period === 'once') continue;
    const version = versions.get(row.versionId) ?? (await findVersion(executor, row.versionId))!;
    versions.set(row.versionId, version);
    const facts = await subjectFacts(executor, row.subjectKind, row.subjectId, today());
    const granted = row.decision as { facts?: Record<string, unknown> };
    let reason: string | null = null;
    if (!facts) reason = '档案已不存在';
    else if (granted.facts?.employerId && facts.employerId !== granted.facts.employerId) reason = '已变更工作单位';
    else {
      const decision = decide(row.subjectKind, version, facts, { ...params, ...((granted as { params?: Record<string, number> }).params ?? {}) }, today(), labels);
      if (!decision.eligible) reason = decision.explanation.unmet.map((item) => item.text['zh-CN']).join('；') || '不再符合条件';
    }
    if (reason) paused.push({ id: row.id, reason });
  }
  for (const { id, reason } of paused) {
    await executor.update(entitlements).set({ status: 'paused', statusReason: reason, version: sql`${entitlements.version} + 1`, updatedAt: new Date() }).where(eq(entitlements.id, id));
  }
  if (paused.length) await recordAudit(executor, actor, { action: 'entitlement.pause', targetType: 'policy', targetId: policy.id, changes: { paused } });
  return new Set(paused.map((item) => item.id));
}

/**
 * The same re-check for one subject at once, when the registry says they left (a departure, `retention/`): every
 * continuing entitlement still to be paid is checked on today's facts and paused when it no longer qualifies.
 */
export async function recheckSubjectEntitlements(executor: Executor, actor: Actor, subjectKind: 'talent' | 'enterprise', subjectId: string) {
  const due = await executor
    .select()
    .from(entitlements)
    .where(and(eq(entitlements.subjectKind, subjectKind), eq(entitlements.subjectId, subjectId), inArray(entitlements.status, ['pending', 'scheduled', 'failed'])));
  let paused = 0;
  for (const policyId of new Set(due.map((row) => row.policyId))) {
    const policy = await lockPolicy(executor, policyId);
    if (policy) paused += (await recheck(executor, actor, policy, due.filter((row) => row.policyId === policyId))).size;
  }
  return paused;
}

export type BatchInput = { period: string };

/** A disbursement batch of a policy's period: scheduled and failed entitlements of the period, re-checked, with control totals. */
export async function createBatch(db: Db, actor: Actor, policyId: string, input: BatchInput, key: string) {
  return idempotent(db, { scope: `batch:${policyId}`, key, body: input }, async (tx) => {
    const policy = await lockPolicy(tx, policyId);
    if (!policy) throw notFound();
    const due = await tx
      .select()
      .from(entitlements)
      .where(and(eq(entitlements.policyId, policyId), eq(entitlements.period, input.period), inArray(entitlements.status, ['scheduled', 'failed'])))
      .for('update');
    const paused = await recheck(tx, actor, policy, due);
    const included = due.filter((row) => !paused.has(row.id));
    if (!included.length) throw new AppError(409, 'batchEmpty');
    const total = included.reduce((sum, row) => sum + row.amount, 0);
    const [batch] = await tx.insert(disbursementBatches).values({ policyId, period: input.period, count: included.length, total, createdBy: actor.userId! }).returning();
    await tx.insert(payments).values(included.map((row) => ({ batchId: batch.id, entitlementId: row.id, amount: row.amount })));
    await tx.update(entitlements).set({ status: 'inBatch', batchId: batch.id, version: sql`${entitlements.version} + 1`, updatedAt: new Date() }).where(inArray(entitlements.id, included.map((row) => row.id)));
    await recordAudit(tx, actor, { action: 'batch.create', targetType: 'batch', targetId: batch.id, changes: { policy: policy.code, period: input.period, count: included.length, total, paused: paused.size } });
    return batchDetail(tx, batch.id);
  });
}

export async function batchDetail(executor: Executor, id: string) {
  const [batch] = await executor.select({ batch: disbursementBatches, policyTitle: policies.title, policyCode: policies.code }).from(disbursementBatches).innerJoin(policies, eq(policies.id, disbursementBatches.policyId)).where(eq(disbursementBatches.id, id));
  if (!batch) throw notFound();
  const rows = await executor
    .select({ payment: payments, subjectKind: entitlements.subjectKind, subjectId: entitlements.subjectId, subjectName: subjectNameSql })
    .from(payments)
    .innerJoin(entitlements, eq(entitlements.id, payments.entitlementId))
    .where(eq(payments.batchId, id))
    .orderBy(asc(subjectNameSql));
  const sum = (status: string) => rows.filter((row) => row.payment.status === status).reduce((total, row) => total + row.payment.amount, 0);
  return {
    id: batch.batch.id,
    policy: { id: batch.batch.policyId, code: batch.policyCode, title: batch.policyTitle },
    period: batch.batch.period,
    status: batch.batch.status,
    control: { count: batch.batch.count, total: Number(batch.batch.total) },
    settled: { paid: sum('paid'), failed: sum('failed'), pending: sum('pending') },
    payments: rows.map(({ payment, subjectKind, subjectId, subjectName }) => ({
      entitlementId: payment.entitlementId,
      subject: { kind: subjectKind, id: subjectId, name: subjectName },
      amount: payment.amount,
      status: payment.status,
      reason: payment.reason,
    })),
    createdAt: batch.batch.createdAt.toISOString(),
  };
}

export async function listBatches(executor: Executor, policyId?: string) {
  const rows = await executor
    .select({ batch: disbursementBatches, policyTitle: policies.title })
    .from(disbursementBatches)
    .innerJoin(policies, eq(policies.id, disbursementBatches.policyId))
    .where(policyId ? eq(disbursementBatches.policyId, policyId) : undefined)
    .orderBy(desc(disbursementBatches.createdAt))
    .limit(200);
  return rows.map(({ batch, policyTitle }) => ({ id: batch.id, policyId: batch.policyId, policyTitle, period: batch.period, status: batch.status, count: batch.count, total: Number(batch.total), createdAt: batch.createdAt.toISOString() }));
}

export type SettleInput = { results: { entitlementId: string; status: 'paid' | 'failed'; reason?: string | null }[] };

/**
 * What is wrong with a settlement, by entry: an entitlement listed twice (the later entry names the first), one that
 * is not a pending payment of the batch, a failure without its reason.
 */
function settlementProblems(input: SettleInput, pending: { entitlementId: string }[]) {
  const problems: Record<string, FieldProblem> = {};
  const settleable = new Set(pending.map((payment) => payment.entitlementId));
  const firstEntry = new Map<string, number>();
  input.results.forEach((result, index) => {
    const first = firstEntry.get(result.entitlementId);
    if (first !== undefined) problems[`results.${index}.entitlementId`] = { code: 'settlement.duplicate', params: { first: first + 1 } };
    else if (!settleable.has(result.entitlementId)) problems[`results.${index}.entitlementId`] = { code: 'reference.unknown' };
    if (result.status === 'failed' && !result.reason?.trim()) problems[`results.${index}.reason`] = { code: 'required' };
    firstEntry.set(result.entitlementId, first ?? index);
  });
  return problems;
}

/**
 * Marks payments of a batch paid or failed (a failure needs its reason); a failed one is retried in a later batch. A
 * settlement may cover part of the batch: the batch stays open until every payment in it is settled, then closes.
 */
export async function settleBatch(db: Db, actor: Actor, batchId: string, input: SettleInput, key: string) {
  return idempotent(db, { scope: `settle:${batchId}`, key, body: input }, async (tx) => {
    const [batch] = await tx.select().from(disbursementBatches).where(eq(disbursementBatches.id, batchId)).for('update');
    if (!batch) throw notFound();
    const pending = await tx.select().from(payments).where(and(eq(payments.batchId, batchId), eq(payments.status, 'pending')));
    const problems = settlementProblems(input, pending);
    if (Object.keys(problems).length) throw invalid(problems);
    const now = new Date();
    for (const result of input.results) {
      const { status } = result;
      await tx.update(payments).set({ status, reason: result.reason ?? null, settledAt: now }).where(and(eq(payments.batchId, batchId), eq(payments.entitlementId, result.entitlementId)));
      await tx
        .update(entitlements)
        .set({ status, statusReason: status === 'failed' ? result.reason! : null, paidAt: status === 'paid' ? now : null, version: sql`${entitlements.version} + 1`, updatedAt: now })
        .where(eq(entitlements.id, result.entitlementId));
    }
    const [{ unsettled }] = await tx.select({ unsettled: sql<number>`count(*)::int` }).from(payments).where(and(eq(payments.batchId, batchId), eq(payments.status, 'pending')));
    if (unsettled === 0) await tx.update(disbursementBatches).set({ status: 'closed' }).where(eq(disbursementBatches.id, batchId));
    const paid = input.results.filter((result) => result.status === 'paid');
    const paidRows = paid.length ? await tx.select().from(entitlements).where(inArray(entitlements.id, paid.map((result) => result.entitlementId))) : [];
    const [policy] = await tx.select({ title: policies.title }).from(policies).where(eq(policies.id, batch.policyId));
    for (const row of paidRows) {
      await notify(tx, await subjectAccounts(tx, row.subjectKind, row.subjectId), { kind: 'paid', params: { policy: policy.title, period: row.period, amount: row.amount }, link: '/ledger' });
    }
    await recordAudit(tx, actor, { action: 'batch.settle', targetType: 'batch', targetId: batchId, changes: { paid: paid.length, failed: input.results.length - paid.length, unsettled } });
    return batchDetail(tx, batchId);
  });
}

/** The bank payment spreadsheet (代发工资格式): one row a payment, ID numbers in full for the bank, totals at the end. */
export async function batchWorkbook(executor: Executor, secrets: Secrets, actor: Actor, batchId: string) {
  const detail = await batchDetail(executor, batchId);
  const ids = detail.payments.filter((payment) => payment.subject.kind === 'talent').map((payment) => payment.subject.id);
  const identity = ids.length ? await executor.select({ id: talents.id, cipher: talents.idNumberCipher }).from(talents).where(inArray(talents.id, ids)) : [];
  const credit = await executor.select({ id: organisations.id, code: organisations.creditCode }).from(organisations).where(inArray(organisations.id, detail.payments.map((payment) => payment.subject.id).concat(['00000000-0000-0000-0000-000000000000'])));
  const numberOf = (id: string) => {
    const talent = identity.find((row) => row.id === id);
    return talent ? secrets.decrypt(talent.cipher) : (credit.find((row) => row.id === id)?.code ?? '');
  };
  const rows = detail.payments.map((payment, index) => [index + 1, payment.subject.name, numberOf(payment.subject.id), payment.amount, `${detail.policy.title} ${detail.period}`, payment.status === 'pending' ? '' : payment.status === 'paid' ? '成功' : `失败：${payment.reason}`]);
  const columns = [
    { header: '序号', width: 6 }, { header: '收款人', width: 24 }, { header: '证件号码', width: 22, text: true },
    { header: '金额（元）', width: 12 }, { header: '用途', width: 36 }, { header: '结果', width: 20 },
  ];
  const { bytes } = await streamedWorkbook('代发明细', columns, (async function* () {
    yield [...rows, ['合计', `${detail.control.count} 笔`, '', detail.control.total, '', '']];
  })());
  await recordAudit(executor, actor, { action: 'batch.export', targetType: 'batch', targetId: batchId, changes: { count: detail.control.count, total: detail.control.total } });
  return { bytes, fileName: `拨付批次-${detail.policy.code}-${detail.period}.xlsx` };
}
