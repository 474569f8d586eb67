/**
 * Demo start-up guaranteed loans (创业担保贷款): the loans the source reports as helped — ¥16,320,000 disbursed in all —
 * across the six lending banks and the years 2022–2026, to talents who came on their own or carry the 创业 tag and to
 * enterprises. Most are settled (结清) or past 贴息 and waiting for their maturity; two wait for 贴息 and four are in
 * earlier stages (受理, 银行审批, 放款), dated back from the load day in working days, so 待办 has loans in it. The talents'
 * subsidies are LOAN policy entitlements, decided by the engine on the talent's facts as of the disbursement day: the
 * periods up to last year paid in closed yearly batches, this year's and later ones scheduled.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { loanStages, loanSteps, maturityOf, subsidyPlan } from '../../../domain/loans';
import type { ApplicationStatus } from '../../../domain/policies/policy';
import { decide } from '../../modules/policies/decision';
import { referenceLabels, subjectFacts } from '../../modules/policies/facts.repo';
import type { Tx } from '../client';
import { caseActions, cases, disbursementBatches, entitlements, loanInstitutions, loans, organisations, parameterValues, payments, policies, policyParameters, policyVersions, talents, users } from '../schema';
import { beijingDay, workingDay } from './policies';
import { seededRandom, seedOf } from './random';

/** The loans helped, as the source reports them (创业担保贷款 1632 万元). */
export const demoLoansHelped = 16_320_000;

type Ids = { unitIds: Map<string, string>; reviewerIds: Map<string, string>; officeUserId: string; today: Date };

const shiftDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:20:00+08:00`);

type Planned = {
  kind: 'talent' | 'enterprise';
  amount: number;
  termMonths: number;
  rateBasisPoints: number;
  bank: string;
  guarantor: string;
  /** Disbursed loans: the day; null for the ones in an earlier stage. */
  disbursedOn: string | null;
  /** The stage it waits at (its current step), or settled. */
  stage: (typeof loanStages)[number] | 'settled';
};

export async function storeLoans(tx: Tx, ids: Ids) {
  const random = seededRandom(seedOf('demo:loans'));
  const today = beijingDay(ids.today);
  const banks = (await tx.select().from(loanInstitutions).where(eq(loanInstitutions.kind, 'bank'))).map((row) => row.code).sort();
  const guarantors = (await tx.select().from(loanInstitutions).where(eq(loanInstitutions.kind, 'guarantor'))).map((row) => row.code).sort();
  const [policy] = await tx.select().from(policies).where(eq(policies.code, 'LOAN'));
  const [version] = await tx.select().from(policyVersions).where(eq(policyVersions.id, policy.publishedVersionId!));
  const params = Object.fromEntries(
    (await tx.select({ name: policyParameters.name, value: parameterValues.value }).from(parameterValues).innerJoin(policyParameters, eq(policyParameters.id, parameterValues.parameterId)).where(eq(policyParameters.policyId, policy.id))).map((row) => [row.name, Number(row.value)]),
  );
  const labels = await referenceLabels(tx);

  // who borrows: talents the LOAN rule accepts (自主来区 or tagged 创业, in the zone) and enterprises, in a seeded order
  const talentPool = random.shuffle(
    (await tx.select({ id: talents.id, arrivedOn: talents.arrivedOn }).from(talents).where(and(inArray(talents.status, ['inZone', 'flexibleService']), sql`(${talents.arrivalRoute} = 'selfArrived' or '创业' = any(${talents.tags}))`))).sort((a, b) => a.id.localeCompare(b.id)),
  );
  const enterprisePool = random.shuffle((await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'enterprise'))).map((row) => row.id).sort());

  // 30 talents' loans of 100,000–300,000 and 18 enterprises', the last one taking what makes the total exact
  const planned: Planned[] = [];
  const years = [2022, 2023, 2024, 2025, 2026];
  const disbursedDay = (year: number) => {
    const month = year === 2026 ? random.integer(1, 9) : random.integer(1, 12);
    return workingDay(`${year}-${String(month).padStart(2, '0')}-${String(random.integer(1, 26)).padStart(2, '0')}`, 0);
  };
  for (let index = 0; index < 48; index += 1) {
    const kind = index < 30 ? 'talent' : 'enterprise';
    const amount = kind === 'talent' ? random.pick([100_000, 150_000, 200_000, 200_000, 250_000, 300_000]) : random.integer(6, 14) * 50_000;
    const year = years[index % years.length];
    planned.push({
      kind, amount, termMonths: random.pick([12, 24, 24, 36]), rateBasisPoints: random.pick([150, 200, 250, 300]), bank: banks[index % banks.length], guarantor: random.pick(guarantors),
      disbursedOn: disbursedDay(year), stage: 'settled',
    });
  }
  const last = planned.at(-1)!;
  last.amount += demoLoansHelped - planned.reduce((sum, loan) => sum + loan.amount, 0);
  if (last.amount < 100_000 || last.amount > 3_000_000) throw new Error(`demo loans: the last amount ${last.amount} is out of range`);
  // settled when the term has run; otherwise past 贴息 and waiting for the maturity — two of this year's wait for 贴息
  for (const loan of planned) if (maturityOf(loan.disbursedOn!, loan.termMonths) >= today) loan.stage = 'settlement';
  const recent = planned.filter((loan) => loan.kind === 'talent' && loan.disbursedOn!.startsWith('2026')).slice(0, 2);
  recent.forEach((loan, index) => {
    loan.disbursedOn = workingDay(today, -(3 + index * 4));
    loan.stage = 'subsidy';
  });
  // four not yet disbursed: two waiting for 受理, one for the bank's approval, one for the disbursement
  for (const stage of ['accept', 'accept', 'bankApproval', 'disbursement'] as const) {
    planned.push({ kind: stage === 'bankApproval' ? 'enterprise' : 'talent', amount: random.pick([150_000, 200_000, 300_000]), termMonths: 24, rateBasisPoints: 300, bank: random.pick(banks), guarantor: random.pick(guarantors), disbursedOn: null, stage });
  }

  const caseRows: (typeof cases.$inferInsert)[] = [];
  const loanRows: (typeof loans.$inferInsert)[] = [];
  const actionRows: (typeof caseActions.$inferInsert)[] = [];
  const entitlementRows: (typeof entitlements.$inferInsert)[] = [];
  const paidByYear = new Map<string, { entitlementId: string; amount: number }[]>();
  const bankNames = new Map((await tx.select().from(loanInstitutions)).map((row) => [row.code, row.name]));
  const unit = (code: string) => ids.unitIds.get(code)!;
  const reviewer = (code: string) => ids.reviewerIds.get(code) ?? ids.officeUserId;
  let talentIndex = 0;
  let enterpriseIndex = 0;

  for (const loan of planned) {
    const id = random.uuid();
    // a talent whom the engine finds eligible on the day of the disbursement (or, not yet disbursed, today)
    let subjectId = '';
    let decision: ReturnType<typeof decide> | null = null;
    if (loan.kind === 'talent') {
      for (;;) {
        const candidate = talentPool[talentIndex++];
        if (!candidate) throw new Error('demo loans: not enough eligible talents');
        const asOf = loan.disbursedOn ?? today;
        if (candidate.arrivedOn && candidate.arrivedOn > shiftDays(asOf, -60)) continue;
        const facts = await subjectFacts(tx, 'talent', candidate.id, asOf);
        const found = facts && decide('talent', version, facts, params, asOf, labels);
        if (found?.eligible) {
          subjectId = candidate.id;
          decision = found;
          break;
        }
      }
    } else subjectId = enterprisePool[enterpriseIndex++];

    const stageIndex = loan.stage === 'settled' ? loanStages.length - 1 : loanStages.indexOf(loan.stage);
    const steps = loanSteps(loan.termMonths);
    // the days of each stage: applied a month before the disbursement; not yet disbursed ones within the last working days
    const disbursed = loan.disbursedOn;
    const submittedDay = disbursed ? workingDay(shiftDays(disbursed, -30), 0) : workingDay(today, -(2 + stageIndex * 3));
    const dayOf = [
      workingDay(submittedDay, 3),
      disbursed ? workingDay(disbursed, -5) : workingDay(submittedDay, 5),
      disbursed ?? today,
      disbursed ? workingDay(disbursed, loan.stage === 'subsidy' ? 0 : 8) : today,
      disbursed ? workingDay(maturityOf(disbursed, loan.termMonths), 0) : today,
    ];
    const done = loan.stage === 'settled' ? loanStages.length : stageIndex;
    const stepStartedDay = done === 0 ? submittedDay : dayOf[done - 1];
    const lastDay = done === 0 ? submittedDay : dayOf[done - 1];

    let subsidyTotal: number | null = null;
    let subsidy: Record<string, unknown> | null = null;
    if (disbursed && done > 3) {
      if (loan.kind === 'talent' && decision) {
        const plan = subsidyPlan({ balance: loan.amount, rateBasisPoints: loan.rateBasisPoints, termMonths: loan.termMonths, disbursedOn: disbursed, cap: params.yearlyInterest ?? 0, periodKind: version.periodKind, periods: version.periods });
        subsidyTotal = plan.total;
        subsidy = { eligible: true, basis: plan.basis, reasons: null };
        for (const { period, amount } of plan.periods) {
          const entitlementId = random.uuid();
          const paid = period < today.slice(0, 4);
          entitlementRows.push({
            id: entitlementId, policyId: policy.id, versionId: version.id, applicationId: id, subjectKind: 'talent', subjectId, period, amount, source: 'application', status: paid ? 'paid' : 'scheduled',
            decision: { ...decision, amount: plan.yearly, loan: { caseId: id, basis: plan.basis } } as unknown as Record<string, unknown>, paidAt: paid ? at(`${period}-12-15`, 15) : null,
            createdAt: at(dayOf[3]), updatedAt: paid ? at(`${period}-12-15`, 15) : at(dayOf[3]),
          });
          if (paid) paidByYear.set(period, [...(paidByYear.get(period) ?? []), { entitlementId, amount }]);
        }
      } else {
        subsidyTotal = 0;
        subsidy = {
          eligible: false, basis: null,
          reasons: { 'zh-CN': `贴息政策“${policy.title}”面向人才个人，本笔贷款不予贴息`, 'en-US': `The subsidy policy "${policy.title}" is for individual talents; this loan gets no subsidy` },
        };
      }
    }
    const status: ApplicationStatus = loan.stage === 'settled' ? 'approved' : 'inReview';
    caseRows.push({
      id, type: 'loan', channel: 'online', subjectKind: loan.kind, subjectId, round: 'once', status, form: { title: `${bankNames.get(loan.bank)} · ${loan.amount.toLocaleString('en-US')}` },
      decision: subsidy ? { subsidy } : {}, steps, stepIndex: stageIndex, stepStartedAt: at(stepStartedDay, 11), submittedBy: ids.officeUserId, submittedAt: at(submittedDay, 9),
      decidedAt: status === 'approved' ? at(lastDay) : null, version: done + 1, createdAt: at(submittedDay, 9), updatedAt: at(lastDay, done === 0 ? 9 : 10),
    });
    loanRows.push({
      caseId: id, bankCode: loan.bank, guarantorCode: loan.guarantor, amount: loan.amount, termMonths: loan.termMonths, subsidyRateBp: loan.rateBasisPoints,
      purpose: loan.kind === 'talent' ? random.pick(['创办科技服务工作室', '开设新能源电池检测实验室', '经营数字文创工作室', '购置研发设备']) : random.pick(['扩大产线流动资金', '研发设备购置', '新产品试制']),
      approvedAmount: done > 1 ? loan.amount : null, bankReference: done > 1 ? `${loan.bank.toUpperCase()}-${(disbursed ?? today).slice(0, 4)}-${String(caseRows.length).padStart(3, '0')}` : null,
      approvedAt: done > 1 ? at(dayOf[1]) : null, disbursedAmount: done > 2 ? loan.amount : null, disbursedOn: done > 2 ? disbursed : null,
      subsidyBalance: done > 3 ? loan.amount : null, subsidyTotal, subsidyAt: done > 3 ? at(dayOf[3]) : null, settledOn: loan.stage === 'settled' ? dayOf[4] : null,
      createdAt: at(submittedDay, 9), updatedAt: at(lastDay, 10),
    });
    actionRows.push({ caseId: id, stepIndex: 0, action: 'submit', at: at(submittedDay, 9) });
    for (let index = 0; index < done; index += 1) {
      const code = steps[index].units[0];
      actionRows.push({ caseId: id, stepIndex: index, unitId: unit(code), actorId: reviewer(code), action: 'approve', comment: index === 0 ? '材料齐全，予以受理' : '', at: at(dayOf[index], 10) });
    }
  }
  // the applicants' accounts: the talent's or enterprise's own user when it has one; otherwise recorded as submitted by the office's window
  const accounts = await tx.select({ id: users.id, talentId: users.talentId, organisationId: users.organisationId }).from(users).where(sql`${users.talentId} is not null or ${users.organisationId} is not null`);
  const owner = new Map(accounts.map((row) => [(row.talentId ?? row.organisationId)!, row.id]));
  for (const row of caseRows) {
    const user = owner.get(row.subjectId);
    if (user) row.submittedBy = user;
    else row.channel = 'window';
  }

  await tx.insert(cases).values(caseRows);
  await tx.insert(loans).values(loanRows);
  await tx.insert(caseActions).values(actionRows);
  await tx.insert(entitlements).values(entitlementRows);
  const batchRows = [...paidByYear.entries()].sort().map(([period, rows]) => ({
    id: random.uuid(), policyId: policy.id, period, status: 'closed' as const, count: rows.length, total: rows.reduce((sum, row) => sum + row.amount, 0), createdBy: ids.officeUserId, createdAt: at(`${period}-12-10`, 10),
  }));
  if (batchRows.length) await tx.insert(disbursementBatches).values(batchRows);
  const paymentRows = batchRows.flatMap((batch) => paidByYear.get(batch.period)!.map((row) => ({ batchId: batch.id, entitlementId: row.entitlementId, amount: row.amount, status: 'paid' as const, settledAt: at(`${batch.period}-12-15`, 15) })));
  if (paymentRows.length) await tx.insert(payments).values(paymentRows);
  await tx.update(entitlements).set({ batchId: sql`(select p.batch_id from payments p where p.entitlement_id = ${entitlements.id})` }).where(and(eq(entitlements.policyId, policy.id), eq(entitlements.status, 'paid')));
  return { loans: caseRows.length, loansHelped: loanRows.reduce((sum, row) => sum + (row.disbursedAmount ?? 0), 0), loanSubsidyPaid: paymentRows.reduce((sum, row) => sum + row.amount, 0) };
}
