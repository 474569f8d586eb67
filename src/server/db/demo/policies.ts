/**
 * Demo policies from the source's world, with a history: eight policies (申请制 and 免申即享), their parameters with
 * legal references, and the ledger of the urgently-needed-talent living subsidy, whose payments total the source's
 * ¥3,012,000 (已兑现生活补贴 301.2 万元). Every entitlement carries the decision the engine made on the talent's facts on
 * the day it was granted; payments sit in monthly disbursement batches.
 */
import { shiftDate, workingCalendar } from '../../../domain/calendar';
import { eq, inArray } from 'drizzle-orm';
import { defaultLanguage } from '../../../domain/i18n';
import { renderNotice, type Notice } from '../../../domain/policies/notices';
import type { PolicyInput, PolicyVersionInput, ParameterInput } from '../../../domain/policies/policy';
import { periodKeys, roundOf } from '../../../domain/policies/policy';
import { schoolCategories, type SchoolCategory } from '../../../domain/policies/facts';
import { decide } from '../../modules/policies/decision';
import { referenceLabels, subjectFacts, subjectsFacts } from '../../modules/policies/facts.repo';
import type { Tx } from '../client';
import { systemActor } from '../../plugins/auth';
import { scanPolicy } from '../../modules/policies/scan.service';
import { caseActions, cases, disbursementBatches, entitlements, notifications, parameterValues, payments, policies, policyParameters, policyVersions, schools, talents } from '../schema';
import { schools as schoolNames } from './catalogue';
import { seededRandom, seedOf } from './random';

/** Living subsidies paid so far, as the source reports them. */
export const livingSubsidyPaid = 3_012_000;

const c985 = ['清华大学', '山东大学', '天津大学', '西安交通大学', '华中科技大学', '哈尔滨工业大学', '大连理工大学', '北京理工大学', '兰州大学', '四川大学', '东北大学', '西北工业大学'];
const c211 = ['太原理工大学', '东华大学', '北京科技大学', '中国矿业大学', '华北电力大学', '郑州大学', '河北工业大学', '北京化工大学', '华东理工大学', '武汉理工大学'];
const doubleFirstClass = ['山西大学', '中国科学院大学', '南京工业大学'];

/** School categories as data (a 985 university is also 211 and 双一流). */
export function demoSchools(): { name: string; categories: SchoolCategory[] }[] {
  return [
    ...c985.map((name) => ({ name, categories: ['c985', 'c211', 'doubleFirstClass'] as SchoolCategory[] })),
    ...c211.map((name) => ({ name, categories: ['c211', 'doubleFirstClass'] as SchoolCategory[] })),
    ...doubleFirstClass.map((name) => ({ name, categories: ['doubleFirstClass'] as SchoolCategory[] })),
    ...schoolNames.overseas.map((name) => ({ name, categories: ['overseasTop'] as SchoolCategory[] })),
  ].filter((entry) => entry.categories.every((category) => schoolCategories.includes(category)));
}

type DemoPolicy = { policy: PolicyInput; version: PolicyVersionInput; parameters: ParameterInput[] };

const from = '2023-01-01';
const reference = (article: string) => `阳高新发〔2022〕18号 ${article}`;
const step = (name: string, units: string[], mode: 'all' | 'any' = 'any', workingDays = 5) => ({ name, units, mode, workingDays });
const p = (name: string, label: string, kind: ParameterInput['kind'], value: number, article: string, fact?: string): ParameterInput => ({
  name, label, kind, value, fact: fact ?? null, effectiveFrom: from, legalReference: reference(article),
});
const v = (name: string) => ({ var: name });

export const demoPolicies: DemoPolicy[] = [
  {
    policy: {
      code: 'LIVING', title: '急需紧缺人才生活补贴', documentNo: '阳高新发〔2022〕18号', summary: '新引进的硕士研究生及以上急需紧缺人才，按学历按月发放生活补贴，最长 36 个月。',
      category: 'livingSubsidy', target: 'talent', unit: 'U07', mode: 'apply', budgetTotal: 6_000_000, effectiveFrom: from, exclusions: ['INTERN'],
    },
    version: {
      eligibility: { and: [{ '>=': [v('education'), v('params.minEducation')] }, { '<=': [v('age'), v('params.maxAge')] }, { in: [v('status'), ['inZone', 'flexibleService']] }] },
      amount: { if: [{ '>=': [v('education'), 7] }, v('params.doctorMonthly'), v('params.masterMonthly')] },
      periodKind: 'monthly', periods: 36,
      attachments: [{ code: 'diploma', name: '学历学位证书', required: true }, { code: 'contract', name: '劳动合同', required: false }],
      steps: [step('人社局初审', ['U07']), step('财政金融局复核', ['U06'])], note: '首版',
    },
    parameters: [
      p('minEducation', '最低学历', 'rank', 6, '第五条', 'education'), p('maxAge', '年龄上限（周岁）', 'number', 35, '第五条'),
      p('doctorMonthly', '博士每月补贴', 'yuan', 3000, '第六条'), p('masterMonthly', '硕士每月补贴', 'yuan', 1500, '第六条'),
    ],
  },
  {
    policy: {
      code: 'HIGHLEVEL', title: '企业高层次人才引进补贴', documentNo: '阳高新发〔2022〕18号', summary: '企业引进博士或高级职称人才的，按人数给予企业年度补贴，连续 3 年。',
      category: 'introductionReward', target: 'enterprise', unit: 'U04', mode: 'apply', budgetTotal: 3_000_000, effectiveFrom: from, exclusions: [],
    },
    version: {
      eligibility: { or: [{ '>=': [v('staffDoctorate'), 1] }, { '>=': [v('staffSeniorTitle'), v('params.minSenior')] }] },
      amount: { '+': [{ '*': [v('staffDoctorate'), v('params.perDoctor')] }, { '*': [v('staffSeniorTitle'), v('params.perSenior')] }] },
      periodKind: 'yearly', periods: 3, attachments: [{ code: 'roster', name: '人才花名册', required: true }],
      steps: [step('经济发展局审核', ['U04']), step('财政金融局复核', ['U06'])], note: '首版',
    },
    parameters: [p('minSenior', '高级职称人数下限', 'number', 2, '第八条'), p('perDoctor', '每名博士年度补贴', 'yuan', 20000, '第八条'), p('perSenior', '每名高级职称人才年度补贴', 'yuan', 10000, '第八条')],
  },
  {
    policy: {
      code: 'APARTMENT', title: '人才公寓租住保障', documentNo: '阳高新办〔2023〕7号', summary: '本科及以上学历或中级及以上职称、来区 3 年内的在区人才，可申请人才公寓并享受租金补贴。',
      category: 'housing', target: 'talent', unit: 'U10', mode: 'apply', budgetTotal: 1_200_000, effectiveFrom: from, exclusions: [],
    },
    version: {
      eligibility: { and: [{ '==': [v('status'), 'inZone'] }, { or: [{ '>=': [v('education'), 5] }, { '>=': [v('title'), 2] }] }, { '<=': [v('yearsInZone'), v('params.maxYears')] }] },
      amount: v('params.monthlyRent'), periodKind: 'monthly', periods: 12, attachments: [{ code: 'contract', name: '劳动合同', required: true }],
      steps: [step('规划建设局审核', ['U10'])], note: '首版',
    },
    parameters: [p('maxYears', '来区年限上限', 'number', 3, '第三条'), p('monthlyRent', '每月租金补贴', 'yuan', 800, '第四条')],
  },
  {
    policy: {
      code: 'LOAN', title: '创业担保贷款贴息', documentNo: '阳高新发〔2022〕18号', summary: '在区创业的人才申请创业担保贷款的，给予年度贷款贴息，最长 2 年。',
      category: 'startup', target: 'talent', unit: 'U06', mode: 'apply', budgetTotal: 500_000, effectiveFrom: from, exclusions: [],
    },
    version: {
      eligibility: { and: [{ in: [v('status'), ['inZone', 'flexibleService']] }, { or: [{ in: ['创业', v('tags')] }, { '==': [v('arrivalRoute'), 'selfArrived'] }] }] },
      amount: v('params.yearlyInterest'), periodKind: 'yearly', periods: 2, attachments: [{ code: 'loan', name: '贷款合同', required: true }],
      steps: [step('财政金融局审核', ['U06'])], note: '首版',
    },
    parameters: [p('yearlyInterest', '年度贴息', 'yuan', 9000, '第十二条')],
  },
  {
    policy: {
      code: 'TEAM', title: '“带人才带项目带技术”团队奖励', documentNo: '阳高新发〔2022〕18号', summary: '带人才、带项目、带技术落地高新区的团队，经科技创新局、财政金融局会签，一次性奖励。',
      category: 'teamReward', target: 'team', unit: 'U05', mode: 'apply', budgetTotal: 2_000_000, effectiveFrom: from, exclusions: [],
    },
    version: {
      eligibility: { '>=': [v('staffTotal'), v('params.minMembers')] }, amount: v('params.reward'), periodKind: 'oneOff', periods: 1,
      attachments: [{ code: 'project', name: '项目计划书', required: true }], steps: [step('科技创新局、财政金融局会签', ['U05', 'U06'], 'all', 10)], note: '首版',
    },
    parameters: [p('minMembers', '团队人数下限', 'number', 3, '第十五条'), p('reward', '一次性奖励', 'yuan', 500000, '第十五条')],
  },
  {
    policy: {
      code: 'POSTDOC', title: '博士后工作站进站奖励', documentNo: '阳高新发〔2022〕18号', summary: '在区博士后（标签“博士后”）免申即享，一次性奖励。',
      category: 'research', target: 'talent', unit: 'U05', mode: 'automatic', budgetTotal: 1_000_000, effectiveFrom: from, exclusions: [],
    },
    version: {
      eligibility: { and: [{ in: ['博士后', v('tags')] }, { '!=': [v('status'), 'left'] }] }, amount: v('params.reward'), periodKind: 'oneOff', periods: 1,
      attachments: [], steps: [step('科技创新局确认', ['U05'])], note: '首版',
    },
    parameters: [p('reward', '一次性奖励', 'yuan', 50000, '第十六条')],
  },
  {
    policy: {
      code: 'INTERN', title: '高校学生实习补贴', documentNo: '阳高新办〔2023〕12号', summary: '与 19 所高校合作的实习基地接收的本科及以上在校生，按月发放实习补贴，最长 6 个月。',
      category: 'internship', target: 'talent', unit: 'U07', mode: 'apply', budgetTotal: 300_000, effectiveFrom: from, exclusions: ['LIVING'],
    },
    version: {
      eligibility: { and: [{ '>=': [v('education'), 5] }, { '<=': [v('age'), v('params.maxAge')] }] }, amount: v('params.monthly'), periodKind: 'monthly', periods: 6,
      attachments: [{ code: 'agreement', name: '实习协议', required: true }], steps: [step('人社局审核', ['U07'])], note: '首版',
    },
    parameters: [p('maxAge', '年龄上限（周岁）', 'number', 25, '第二条'), p('monthly', '每月实习补贴', 'yuan', 1000, '第三条')],
  },
  {
    policy: {
      code: 'TITLE', title: '职称评审支持奖励', documentNo: '阳高新办〔2023〕9号', summary: '在区工作满 2 年并取得副高级及以上职称的人才，免申即享一次性奖励。',
      category: 'title', target: 'talent', unit: 'U07', mode: 'automatic', budgetTotal: 1_500_000, effectiveFrom: from, exclusions: [],
    },
    version: {
      eligibility: { and: [{ '>=': [v('title'), v('params.minTitle')] }, { '>=': [v('yearsInZone'), v('params.minYears')] }, { '!=': [v('status'), 'left'] }] },
      amount: { if: [{ '>=': [v('title'), 4] }, v('params.seniorReward'), v('params.associateReward')] }, periodKind: 'oneOff', periods: 1,
      attachments: [], steps: [step('人社局确认', ['U07'])], note: '首版',
    },
    parameters: [
      p('minTitle', '最低职称', 'rank', 3, '第二条', 'title'), p('minYears', '在区年限下限', 'number', 2, '第二条'),
      p('associateReward', '副高级奖励', 'yuan', 5000, '第三条'), p('seniorReward', '正高级奖励', 'yuan', 10000, '第三条'),
    ],
  },
  {
    policy: {
      code: 'CHAIN', title: '重点产业链工程技术人才津贴', documentNo: '阳高新发〔2022〕18号', summary: '在数字经济、新能源电池、泵阀、新材料产业链企业工作的本科及以上在区人才，经经济发展局审核、财政金融局复核，按年度发放岗位津贴，连续 3 年。',
      category: 'introductionReward', target: 'talent', unit: 'U04', mode: 'apply', budgetTotal: 1_800_000, effectiveFrom: from, exclusions: [],
    },
    version: {
      eligibility: { and: [{ '==': [v('status'), 'inZone'] }, { '>=': [v('education'), v('params.minEducation')] }, { in: [v('industry'), ['digitalEconomy', 'informationTechnology', 'newEnergyBattery', 'pumpsValves', 'newMaterials']] }] },
      amount: v('params.yearly'), periodKind: 'yearly', periods: 3, attachments: [{ code: 'contract', name: '劳动合同', required: true }],
      steps: [step('经济发展局审核', ['U04']), step('财政金融局复核', ['U06'])], note: '首版',
    },
    parameters: [p('minEducation', '最低学历', 'rank', 5, '第九条', 'education'), p('yearly', '每年岗位津贴', 'yuan', 6000, '第九条')],
  },
];

const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
const periodOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
/** The last month paid in the demo ledger. */
const lastPaid = monthIndex('2026-10');

type Ids = {
  unitIds: Map<string, string>;
  officeUserId: string;
  /** The demo department account of each unit (by code) that has one. */
  reviewerIds: Map<string, string>;
  /** The talent the `talent` account is bound to, and that account. */
  accountTalentId: string;
  talentUserId: string;
  /**
   * The day the demo is loaded. The ledger's history has fixed dates; applications still under way are dated back from
   * this day in working days, because a review step's time limit runs on the clock (an inbox loaded on any day shows
   * most steps within their limit and one overdue, not all of them red).
   */
  today: Date;
};

const pad = (value: number) => String(value).padStart(2, '0');

/** `offset` working days after (or, negative, before) a day; offset 0 is the day itself, or the next working day after a weekend. */
export function workingDay(day: string, offset = 0) {
  const date = new Date(`${day}T00:00:00Z`);
  const weekend = () => date.getUTCDay() === 0 || date.getUTCDay() === 6;
  for (let left = Math.abs(offset); left > 0; ) {
    date.setUTCDate(date.getUTCDate() + Math.sign(offset));
    if (!weekend()) left -= 1;
  }
  while (weekend()) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Like `workingDay`, on the Chinese calendar (public holidays skipped, `domain/calendar`) and landing on Monday to
 * Friday only (a make-up Saturday is skipped too, so demo times stay on weekdays): the dates of applications still under
 * way, whose time limits run on that calendar, so one of them is overdue whatever the load day, 国庆 included.
 */
export function calendarWorkingDay(day: string, offset = 0) {
  const counts = (date: string) => workingCalendar().isWorkingDay(date) && new Date(`${date}T00:00:00Z`).getUTCDay() % 6 !== 0;
  let date = day;
  for (let left = Math.abs(offset); left > 0; ) {
    date = shiftDate(date, Math.sign(offset));
    if (counts(date)) left -= 1;
  }
  while (!counts(date)) date = shiftDate(date, 1);
  return date;
}

/** The calendar day in Beijing time. */
export const beijingDay = (moment: Date) => new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Moments of working hours in Beijing time (08:30–12:00, 13:30–17:30) at seeded minutes and seconds, from a stream of
 * their own, so spreading the times moves no record of the ledger.
 */
function demoClock() {
  const random = seededRandom(seedOf('demo:clock'));
  const morning = 12 * 60 - (8 * 60 + 30);
  return (day: string) => {
    const point = random.integer(0, morning + 4 * 60 - 1);
    const minutes = point < morning ? 8 * 60 + 30 + point : 13 * 60 + 30 + point - morning;
    return new Date(`${day}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:${pad(random.integer(0, 59))}+08:00`);
  };
}
type Clock = ReturnType<typeof demoClock>;

/** Stores the demo policies (published), their parameters, and the living-subsidy ledger. Returns figures for the load's audit entry. */
export async function storePolicies(tx: Tx, ids: Ids) {
  await tx.insert(schools).values(demoSchools());
  const stored = new Map<string, { id: string; versionId: string }>();
  for (const demo of demoPolicies) {
    const { unit, ...catalogue } = demo.policy;
    const [policy] = await tx.insert(policies).values({ ...catalogue, documentUrl: null, effectiveTo: null, unitId: ids.unitIds.get(unit)!, status: 'published' }).returning({ id: policies.id });
    const [version] = await tx
      .insert(policyVersions)
      .values({ policyId: policy.id, number: 1, status: 'published', ...demo.version, eligibility: demo.version.eligibility as object, amount: demo.version.amount as object, publishedAt: new Date('2023-01-01T00:00:00Z'), publishedBy: ids.officeUserId, createdBy: ids.officeUserId })
      .returning({ id: policyVersions.id });
    await tx.update(policies).set({ publishedVersionId: version.id }).where(eqId(policy.id));
    for (const parameter of demo.parameters) {
      const [row] = await tx.insert(policyParameters).values({ policyId: policy.id, name: parameter.name, label: parameter.label, kind: parameter.kind, fact: parameter.fact ?? null }).returning({ id: policyParameters.id });
      await tx.insert(parameterValues).values({ parameterId: row.id, value: parameter.value, effectiveFrom: parameter.effectiveFrom, legalReference: parameter.legalReference, createdBy: ids.officeUserId });
    }
    stored.set(demo.policy.code, { id: policy.id, versionId: version.id });
  }
  const clock = demoClock();
  const ledger = await storeLivingSubsidyLedger(tx, ids, stored.get('LIVING')!, clock);
  const open = await storeOpenApplications(tx, ids, stored.get('LIVING')!, ledger.recipients, clock);
  const story = await storeAccountTalentStory(tx, ids, stored, clock);
  // the 免申即享 policies as the daily scan of 1 November 2026 left them: pending grants for the office to confirm
  const scans = [];
  for (const demo of demoPolicies.filter((policy) => policy.policy.mode === 'automatic')) {
    scans.push(await scanPolicy(tx, systemActor, stored.get(demo.policy.code)!.id, '2026-11-01', 'daily'));
  }
  return {
    policies: demoPolicies.length, livingSubsidyRecipients: ledger.recipients.size, livingSubsidyPaid: ledger.paid, batches: ledger.batches + story.batches,
    openApplications: open + story.openApplications, automaticGrants: scans.reduce((sum, scan) => sum + scan.granted, 0),
  };
}

const eqId = (id: string) => eq(policies.id, id);

const demoPolicy = (code: string) => demoPolicies.find((demo) => demo.policy.code === code)!;
const paramsOf = (demo: DemoPolicy) => Object.fromEntries(demo.parameters.map((parameter) => [parameter.name, parameter.value]));

/** A notice as the event that sent it would have: at its moment, read an hour later or still unread. */
export type StoredNotice = { userIds: string[]; notice: Notice; at: Date; read: boolean };

export async function storeNotices(tx: Tx, notices: StoredNotice[]) {
  const rows = notices.flatMap(({ userIds, notice, at, read }) => {
    const { title, body } = renderNotice(notice.kind, notice.params, defaultLanguage)!;
    return userIds.map((userId) => ({
      userId, kind: notice.kind, params: notice.params as Record<string, unknown>, title, body, link: notice.link ?? null, createdAt: at, readAt: read ? new Date(at.getTime() + 3_600_000) : null,
    }));
  });
  if (rows.length) await tx.insert(notifications).values(rows);
}

async function talentNames(tx: Tx, talentIds: string[]) {
  const rows = await tx.select({ id: talents.id, name: talents.name }).from(talents).where(inArray(talents.id, talentIds));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The living-subsidy ledger: talents eligible on the engine's own judgement as of their start month, each paid for a
 * number of months ending October 2026 (later months scheduled), chosen so the payments add up to ¥3,012,000 exactly.
 */
async function storeLivingSubsidyLedger(tx: Tx, ids: Ids, living: { id: string; versionId: string }, clock: Clock) {
  const random = seededRandom(seedOf('demo:living-subsidy'));
  const demo = demoPolicies[0];
  const params = paramsOf(demo);
  const version = { id: living.versionId, eligibility: demo.version.eligibility, amount: demo.version.amount };
  const labels = await referenceLabels(tx);
  // candidates judged as of the month the ledger begins; each one's own decision is made again as of their start
  const candidates = (await subjectsFacts(tx, 'talent', '2024-01-01')).filter(({ facts }) => decide('talent', version, facts, params, '2024-01-01').eligible);
  candidates.sort((a, b) => a.id.localeCompare(b.id));
  // doctors first, masters after, so the last yuan is always reachable in steps of ¥1,500
  candidates.sort((a, b) => Number(b.facts.education) - Number(a.facts.education));
  let remaining = livingSubsidyPaid;
  const grants: { id: string; months: number; start: number; decision: ReturnType<typeof decide> }[] = [];
  for (const candidate of candidates) {
    if (remaining === 0) break;
    const monthly = Number(candidate.facts.education) >= 7 ? params.doctorMonthly : params.masterMonthly;
    const months = Math.min(random.integer(8, 34), Math.floor(remaining / monthly));
    if (months === 0) continue;
    const start = lastPaid - months + 1;
    const asOf = `${periodOf(start)}-01`;
    // the facts as they were then (an age, a tier), so the stored decision agrees with its own date
    const facts = await subjectFacts(tx, 'talent', candidate.id, asOf);
    if (!facts) continue;
    const decision = decide('talent', version, facts, params, asOf, labels);
    if (!decision.eligible || decision.amount !== monthly) continue;
    remaining -= months * monthly;
    grants.push({ id: candidate.id, months, start, decision });
  }
  if (remaining !== 0) throw new Error(`demo living-subsidy ledger: ${remaining} yuan could not be placed`);

  const batches = new Map<string, { id: string; count: number; total: number; createdAt: Date; settledAt: Date }>();
  const entitlementRows: (typeof entitlements.$inferInsert)[] = [];
  const paymentRows: (typeof payments.$inferInsert)[] = [];
  for (const grant of grants) {
    // received early in the month before the first paid one, passed by 人社局 three working days later, by 财政金融局 three more
    const submittedDay = workingDay(`${periodOf(grant.start - 1)}-06`);
    const submittedAt = clock(submittedDay);
    const firstApproval = clock(workingDay(submittedDay, 3));
    const decidedAt = clock(workingDay(submittedDay, 6));
    const [application] = await tx
      .insert(cases)
      .values({
        policyId: living.id, versionId: living.versionId, steps: demo.version.steps, subjectKind: 'talent', subjectId: grant.id, round: 'once', status: 'approved',
        form: { note: '申请急需紧缺人才生活补贴' }, decision: grant.decision as unknown as Record<string, unknown>, stepIndex: 1,
        submittedBy: ids.officeUserId, submittedAt, decidedAt, stepStartedAt: firstApproval, createdAt: submittedAt, updatedAt: decidedAt, version: 3,
      })
      .returning({ id: cases.id });
    await tx.insert(caseActions).values([
      { caseId: application.id, stepIndex: 0, actorId: ids.officeUserId, action: 'submit', comment: '人才办代为受理', at: submittedAt },
      { caseId: application.id, stepIndex: 0, unitId: ids.unitIds.get('U07'), actorId: ids.reviewerIds.get('U07'), action: 'approve', at: firstApproval },
      { caseId: application.id, stepIndex: 1, unitId: ids.unitIds.get('U06'), actorId: ids.reviewerIds.get('U06'), action: 'approve', at: decidedAt },
    ]);
    for (const period of periodKeys('monthly', 36, `${periodOf(grant.start)}-01`)) {
      const paid = monthIndex(period) <= lastPaid;
      const entitlementId = random.uuid();
      let batch = batches.get(period);
      if (paid && !batch) {
        batch = { id: random.uuid(), count: 0, total: 0, createdAt: clock(workingDay(`${period}-20`)), settledAt: clock(workingDay(`${period}-25`)) };
        batches.set(period, batch);
      }
      entitlementRows.push({
        id: entitlementId, policyId: living.id, versionId: living.versionId, applicationId: application.id, subjectKind: 'talent', subjectId: grant.id, period,
        amount: grant.decision.amount, source: 'application', status: paid ? 'paid' : 'scheduled', decision: grant.decision as unknown as Record<string, unknown>,
        batchId: paid ? batch!.id : null, paidAt: paid ? batch!.settledAt : null, createdAt: decidedAt,
      });
      if (paid) {
        batch!.count += 1;
        batch!.total += grant.decision.amount;
        paymentRows.push({ batchId: batch!.id, entitlementId, amount: grant.decision.amount, status: 'paid', settledAt: batch!.settledAt });
      }
    }
  }
  const batchRows = [...batches.entries()].map(([period, batch]) => ({ id: batch.id, policyId: living.id, period, status: 'closed' as const, count: batch.count, total: batch.total, createdBy: ids.officeUserId, createdAt: batch.createdAt }));
  for (let index = 0; index < batchRows.length; index += 500) await tx.insert(disbursementBatches).values(batchRows.slice(index, index + 500));
  for (let index = 0; index < entitlementRows.length; index += 1000) await tx.insert(entitlements).values(entitlementRows.slice(index, index + 1000));
  for (let index = 0; index < paymentRows.length; index += 1000) await tx.insert(payments).values(paymentRows.slice(index, index + 1000));
  return { recipients: new Set(grants.map((grant) => grant.id)), paid: paymentRows.reduce((sum, row) => sum + Number(row.amount), 0), batches: batchRows.length };
}

/**
 * Living-subsidy applications still under way, dated back from the day the demo is loaded, so the review inboxes are
 * not empty and not all red: three waiting for 人社局 (two within the five working days, one past them and escalated to
 * the office, as the daily work does), one returned for correction (退回补正), one passed by 人社局 and waiting for
 * 财政金融局. The applicants are eligible talents without a grant; each application stores its decision as of its
 * submission, like a real one. The reviewers' bells announce them.
 */
async function storeOpenApplications(tx: Tx, ids: Ids, living: { id: string; versionId: string }, recipients: Set<string>, clock: Clock) {
  const demo = demoPolicies[0];
  const params = paramsOf(demo);
  const version = { id: living.versionId, eligibility: demo.version.eligibility, amount: demo.version.amount };
  const labels = await referenceLabels(tx);
  const today = beijingDay(ids.today);
  const asOf = calendarWorkingDay(today, -10);
  const candidates = (await subjectsFacts(tx, 'talent', asOf))
    .filter(({ id }) => !recipients.has(id) && id !== ids.accountTalentId)
    .map(({ id, facts }) => ({ id, decision: decide('talent', version, facts, params, asOf, labels) }))
    .filter(({ decision }) => decision.eligible)
    .sort((a, b) => a.id.localeCompare(b.id));
  const u07 = ids.unitIds.get('U07')!;
  /** A moment `days` working days before the load day. */
  const ago = (days: number) => clock(calendarWorkingDay(today, -days));
  const plans = [
    { submitted: ago(2), status: 'inReview', stepIndex: 0, actions: [] },
    { submitted: ago(1), status: 'inReview', stepIndex: 0, actions: [] },
    {
      // five working days passed on the sixth: the next morning's daily work escalated it
      submitted: ago(8), status: 'inReview', stepIndex: 0, escalated: new Date(`${calendarWorkingDay(today, -2)}T08:05:00+08:00`),
      actions: [{ stepIndex: 0, action: 'escalate' as const, internalNote: '超过办理时限，已提交人才办督办' }],
    },
    {
      submitted: ago(6), status: 'returned', stepIndex: 0,
      actions: [{ stepIndex: 0, unitId: u07, actorId: ids.reviewerIds.get('U07'), action: 'return' as const, comment: '学位证书扫描件不清晰，请重新上传。', at: ago(4) }],
    },
    {
      submitted: ago(7), status: 'inReview', stepIndex: 1,
      actions: [{ stepIndex: 0, unitId: u07, actorId: ids.reviewerIds.get('U07'), action: 'approve' as const, comment: '学历、年龄、来区时间符合条件。', at: ago(3) }],
    },
  ];
  if (candidates.length < plans.length) throw new Error('demo: too few eligible talents for the open applications');
  const names = await talentNames(tx, candidates.slice(0, plans.length).map((candidate) => candidate.id));
  const notices: StoredNotice[] = [];
  const policy = demo.policy.title;
  for (const [index, plan] of plans.entries()) {
    const { id: subjectId, decision } = candidates[index];
    const subject = names.get(subjectId)!;
    const actions = plan.actions.map((action) => ({ ...action, at: 'at' in action ? action.at : plan.escalated! }));
    const last = actions.at(-1)?.at ?? plan.submitted;
    const stepStarted = plan.stepIndex === 1 ? actions[0].at : plan.submitted;
    const [application] = await tx
      .insert(cases)
      .values({
        policyId: living.id, versionId: living.versionId, steps: demo.version.steps, subjectKind: 'talent', subjectId, round: 'once', status: plan.status as 'inReview' | 'returned',
        form: { note: '申请急需紧缺人才生活补贴' }, decision: decision as unknown as Record<string, unknown>, stepIndex: plan.stepIndex,
        submittedBy: ids.officeUserId, submittedAt: plan.submitted, stepStartedAt: stepStarted, escalatedAt: plan.escalated ?? null,
        version: 1 + actions.filter((action) => action.action !== 'escalate').length, createdAt: plan.submitted, updatedAt: last,
      })
      .returning({ id: cases.id });
    await tx.insert(caseActions).values([
      { caseId: application.id, stepIndex: 0, actorId: ids.officeUserId, action: 'submit', comment: '人才办代为受理，纸质材料已收', at: plan.submitted },
      ...actions.map((action) => ({ caseId: application.id, ...action })),
    ]);
    const link = `/applications/${application.id}`;
    const reviewers = (code: string) => (ids.reviewerIds.has(code) ? [ids.reviewerIds.get(code)!] : []);
    notices.push({ userIds: reviewers('U07'), notice: { kind: 'review', params: { policy, subject, event: 'submitted' }, link }, at: plan.submitted, read: plan.status !== 'inReview' || plan.stepIndex > 0 || index === 0 });
    if (plan.escalated) notices.push({ userIds: [ids.officeUserId], notice: { kind: 'overdue', params: { policy, subject, step: demo.version.steps[0].name }, link }, at: plan.escalated, read: false });
    if (plan.stepIndex === 1) notices.push({ userIds: reviewers('U06'), notice: { kind: 'review', params: { policy, subject, event: 'advanced' }, link }, at: stepStarted, read: false });
  }
  await storeNotices(tx, notices);
  return plans.length;
}

/**
 * The `talent` account's story, so its home, applications, ledger and bell are not empty: the 人才公寓 rent subsidy it
 * applied for in March 2026, approved by 规划建设局 and paid monthly since April (the November payment next); its
 * application for the 重点产业链 allowance this year, waiting for 经济发展局; and, from the scan of 1 November, the
 * 职称评审支持奖励 granted without application for it to keep or decline (storePolicies runs the scan).
 */
async function storeAccountTalentStory(tx: Tx, ids: Ids, stored: Map<string, { id: string; versionId: string }>, clock: Clock) {
  const labels = await referenceLabels(tx);
  const talentId = ids.accountTalentId;
  const decisionOf = async (code: string, asOf: string) => {
    const demo = demoPolicy(code);
    const { versionId } = stored.get(code)!;
    const facts = await subjectFacts(tx, 'talent', talentId, asOf);
    const decision = decide('talent', { id: versionId, eligibility: demo.version.eligibility, amount: demo.version.amount }, facts!, paramsOf(demo), asOf, labels);
    if (!decision.eligible) throw new Error(`demo: the account talent no longer qualifies for ${code}`);
    return decision;
  };
  const [{ name }] = await tx.select({ name: talents.name }).from(talents).where(eq(talents.id, talentId));
  const notices: StoredNotice[] = [];

  // 人才公寓: applied with the labour contract, approved by 规划建设局, 12 monthly rent subsidies from April 2026
  const apartment = demoPolicy('APARTMENT');
  const { id: apartmentId, versionId: apartmentVersion } = stored.get('APARTMENT')!;
  const submittedAt = clock('2026-03-09');
  const decidedAt = clock('2026-03-12');
  const decision = await decisionOf('APARTMENT', '2026-03-09');
  const [application] = await tx
    .insert(cases)
    .values({
      policyId: apartmentId, versionId: apartmentVersion, steps: apartment.version.steps, subjectKind: 'talent', subjectId: talentId, round: 'once', status: 'approved',
      form: { note: '申请人才公寓一套（一居室），附劳动合同' }, decision: decision as unknown as Record<string, unknown>, stepIndex: 0,
      submittedBy: ids.talentUserId, submittedAt, stepStartedAt: submittedAt, decidedAt, version: 2, createdAt: submittedAt, updatedAt: decidedAt,
    })
    .returning({ id: cases.id });
  await tx.insert(caseActions).values([
    { caseId: application.id, stepIndex: 0, actorId: ids.talentUserId, action: 'submit', at: submittedAt },
    { caseId: application.id, stepIndex: 0, unitId: ids.unitIds.get('U10'), actorId: ids.reviewerIds.get('U10'), action: 'approve', comment: '符合条件，已安排人才公寓 3 号楼一居室。', at: decidedAt },
  ]);
  const housing = ids.reviewerIds.has('U10') ? [ids.reviewerIds.get('U10')!] : [];
  notices.push({ userIds: housing, notice: { kind: 'review', params: { policy: apartment.policy.title, subject: name, event: 'submitted' }, link: `/applications/${application.id}` }, at: submittedAt, read: true });
  notices.push({ userIds: [ids.talentUserId], notice: { kind: 'approved', params: { policy: apartment.policy.title, amount: decision.amount, periodKind: 'monthly' }, link: `/applications/${application.id}` }, at: decidedAt, read: true });
  const recordIds = seededRandom(seedOf('demo:account-talent'));
  const batchRows: (typeof disbursementBatches.$inferInsert)[] = [];
  const entitlementRows: (typeof entitlements.$inferInsert)[] = [];
  const paymentRows: (typeof payments.$inferInsert)[] = [];
  for (const period of periodKeys('monthly', apartment.version.periods, '2026-04-01')) {
    const paid = monthIndex(period) <= lastPaid;
    const entitlementId = recordIds.uuid();
    const batchId = paid ? recordIds.uuid() : null;
    const settledAt = paid ? clock(workingDay(`${period}-25`)) : null;
    if (paid) {
      batchRows.push({ id: batchId!, policyId: apartmentId, period, status: 'closed', count: 1, total: decision.amount, createdBy: ids.officeUserId, createdAt: clock(workingDay(`${period}-20`)) });
      paymentRows.push({ batchId: batchId!, entitlementId, amount: decision.amount, status: 'paid', settledAt: settledAt! });
      notices.push({ userIds: [ids.talentUserId], notice: { kind: 'paid', params: { policy: apartment.policy.title, period, amount: decision.amount }, link: '/ledger' }, at: settledAt!, read: monthIndex(period) < lastPaid });
    }
    entitlementRows.push({
      id: entitlementId, policyId: apartmentId, versionId: apartmentVersion, applicationId: application.id, subjectKind: 'talent', subjectId: talentId, period,
      amount: decision.amount, source: 'application', status: paid ? 'paid' : 'scheduled', decision: decision as unknown as Record<string, unknown>,
      batchId, paidAt: settledAt, createdAt: decidedAt,
    });
  }
  await tx.insert(disbursementBatches).values(batchRows);
  await tx.insert(entitlements).values(entitlementRows);
  await tx.insert(payments).values(paymentRows);

  // 重点产业链工程技术人才津贴: applied three working days before the load day, waiting for 经济发展局 (the `economy` account)
  const chain = demoPolicy('CHAIN');
  const { id: chainId, versionId: chainVersion } = stored.get('CHAIN')!;
  const chainDay = workingDay(beijingDay(ids.today), -3);
  const chainAt = clock(chainDay);
  const chainDecision = await decisionOf('CHAIN', chainDay);
  const [pending] = await tx
    .insert(cases)
    .values({
      policyId: chainId, versionId: chainVersion, steps: chain.version.steps, subjectKind: 'talent', subjectId: talentId, round: roundOf('yearly', chainDay), status: 'inReview',
      form: { note: '泵阀设计工程师，申请本年度重点产业链岗位津贴' }, decision: chainDecision as unknown as Record<string, unknown>, stepIndex: 0,
      submittedBy: ids.talentUserId, submittedAt: chainAt, stepStartedAt: chainAt, createdAt: chainAt, updatedAt: chainAt,
    })
    .returning({ id: cases.id });
  await tx.insert(caseActions).values({ caseId: pending.id, stepIndex: 0, actorId: ids.talentUserId, action: 'submit', at: chainAt });
  const economy = ids.reviewerIds.has('U04') ? [ids.reviewerIds.get('U04')!] : [];
  notices.push({ userIds: economy, notice: { kind: 'review', params: { policy: chain.policy.title, subject: name, event: 'submitted' }, link: `/applications/${pending.id}` }, at: chainAt, read: false });
  await storeNotices(tx, notices);
  return { batches: batchRows.length, openApplications: 1 };
}
