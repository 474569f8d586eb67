import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cases, entitlements, loanInstitutions, loans } from '../../db/schema';

export type LoanRow = typeof loans.$inferSelect;
export type InstitutionRow = typeof loanInstitutions.$inferSelect;

export async function listInstitutionRows(executor: Executor) {
  return executor.select().from(loanInstitutions).where(eq(loanInstitutions.active, true)).orderBy(asc(loanInstitutions.sort), asc(loanInstitutions.code));
}

export async function findInstitution(executor: Executor, code: string, kind: InstitutionRow['kind']) {
  const [row] = await executor.select().from(loanInstitutions).where(and(eq(loanInstitutions.code, code), eq(loanInstitutions.kind, kind), eq(loanInstitutions.active, true)));
  return row;
}

export async function institutionsByCode(executor: Executor, codes: string[]) {
  const unique = [...new Set(codes)];
  const rows = unique.length ? await executor.select().from(loanInstitutions).where(inArray(loanInstitutions.code, unique)) : [];
  return new Map(rows.map((row) => [row.code, row]));
}

export async function insertLoan(executor: Executor, values: typeof loans.$inferInsert) {
  await executor.insert(loans).values(values);
}

export async function findLoan(executor: Executor, caseId: string) {
  const [row] = await executor.select().from(loans).where(eq(loans.caseId, caseId));
  return row;
}

export async function updateLoan(executor: Executor, caseId: string, values: Partial<typeof loans.$inferInsert>) {
  await executor.update(loans).set({ ...values, updatedAt: new Date() }).where(eq(loans.caseId, caseId));
}

const subjectNameSql = sql<string>`coalesce((select name from talents where id = ${cases.subjectId} and ${cases.subjectKind} = 'talent'), (select name from organisations where id = ${cases.subjectId} and ${cases.subjectKind} = 'enterprise'), '')`;

/** Loan cases with their loan row and the applicant's name, newest activity first. */
export async function listLoanRows(executor: Executor, where: SQL | undefined, page: number, pageSize: number) {
  const [rows, [{ total }]] = await Promise.all([
    executor
      .select({ row: cases, loan: loans, subjectName: subjectNameSql })
      .from(cases)
      .innerJoin(loans, eq(loans.caseId, cases.id))
      .where(where)
      .orderBy(desc(cases.updatedAt), desc(cases.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor.select({ total: sql<number>`count(*)::int` }).from(cases).innerJoin(loans, eq(loans.caseId, cases.id)).where(where),
  ]);
  return { rows, total };
}

/** The entitlements a loan's subsidy created (their application is the loan case), in period order. */
export async function subsidyEntitlements(executor: Executor, caseId: string) {
  return executor.select().from(entitlements).where(eq(entitlements.applicationId, caseId)).orderBy(asc(entitlements.period));
}

/** Periods among these in which the subject already has an entitlement of the policy (another loan's subsidy, an application). */
export async function takenPeriods(executor: Executor, policyId: string, subject: { kind: 'talent' | 'enterprise'; id: string }, periods: string[]) {
  if (!periods.length) return [];
  const rows = await executor
    .select({ period: entitlements.period })
    .from(entitlements)
    .where(and(eq(entitlements.policyId, policyId), eq(entitlements.subjectKind, subject.kind), eq(entitlements.subjectId, subject.id), inArray(entitlements.period, periods)));
  return rows.map((row) => row.period).sort();
}

/**
 * Totals of the loans disbursed (放款 recorded), grouped by the disbursement year or by bank: how many, the amount helped,
 * the subsidy granted and the subsidy paid (entitlements of the loan marked paid). Only loans within `where`.
 */
export async function loanTotalsBy(executor: Executor, group: 'year' | 'bank', where: SQL | undefined) {
  const key = group === 'year' ? sql<string>`extract(year from ${loans.disbursedOn})::int::text` : sql<string>`${loans.bankCode}`;
  const paid = sql<number>`(select coalesce(sum(e.amount), 0) from entitlements e where e.application_id = ${loans.caseId} and e.status = 'paid')`;
  return executor
    .select({
      key,
      count: sql<number>`count(*)::int`,
      amount: sql<number>`coalesce(sum(${loans.disbursedAmount}), 0)::bigint`,
      subsidyGranted: sql<number>`coalesce(sum(${loans.subsidyTotal}), 0)::bigint`,
      subsidyPaid: sql<number>`coalesce(sum(${paid}), 0)::bigint`,
    })
    .from(loans)
    .innerJoin(cases, eq(cases.id, loans.caseId))
    .where(and(sql`${loans.disbursedOn} is not null`, where))
    .groupBy(key)
    .orderBy(key);
}

/** The disbursement years that have loans, newest first (the totals page's year filter). */
export async function disbursementYears(executor: Executor) {
  const rows = await executor
    .selectDistinct({ year: sql<number>`extract(year from ${loans.disbursedOn})::int` })
    .from(loans)
    .where(sql`${loans.disbursedOn} is not null`);
  return rows.map((row) => row.year).sort((a, b) => b - a);
}
