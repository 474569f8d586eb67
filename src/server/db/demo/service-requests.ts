import type { CaseAction } from '../../../domain/cases';
import type { ApplicationStatus } from '../../../domain/policies/policy';
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../client';
import { insertJsonRows } from '../bulk';
import { caseActions, caseRatings, caseSubtasks, cases, organisations, serviceRequestCategories, talents } from '../schema';
import { beijingDay, storeNotices, workingDay, type StoredNotice } from './policies';
import { seededRandom, seedOf } from './random';

type Ids = {
  unitIds: Map<string, string>;
  officeUserId: string;
  /** The demo department account of each unit (by code) that has one. */
  reviewerIds: Map<string, string>;
  accountTalentId: string;
  talentUserId: string;
  enterpriseId: string;
  enterpriseUserId: string;
  today: Date;
};

type Step = { action: CaseAction; daysAgo: number; unit?: string; comment?: string; internalNote?: string };
type Plan = { category: string; unit: string; title: string; text: string; by: 'talent' | 'enterprise' | 'window'; status: ApplicationStatus; steps: Step[] };

/**
 * A handful of service requests (诉求) reaching the demo units — 规划建设局 (housing), 经济发展局 (economy), 科技创新局
 * (science, by the office's reassignment), 人社局 (department) and 财政金融局 (finance) — so the 待办 / 已办 inboxes and
 * 我的办件 have content: open, returned for correction, handled, declined, one recorded at the window (代办), one past its
 * time limit. Dated back from the load day in working days (weekends skipped), as the applications under way are.
 */
export async function storeServiceRequests(tx: Tx, ids: Ids) {
  const today = beijingDay(ids.today);
  const at = (daysAgo: number, hour = 10) => new Date(`${workingDay(today, -daysAgo)}T${String(hour).padStart(2, '0')}:15:00+08:00`);
  const plans: Plan[] = [
    { category: 'housing', unit: 'U10', title: '人才公寓两居室申请咨询', text: '家属随迁，想了解两居室人才公寓的申请条件和排队情况。', by: 'talent', status: 'inReview', steps: [{ action: 'submit', daysAgo: 2 }] },
    { category: 'policyHelp', unit: 'U07', title: '职称评审材料如何准备', text: '今年拟申报高级工程师，请指导申报材料的准备。', by: 'talent', status: 'inReview', steps: [{ action: 'submit', daysAgo: 8 }] },
    {
      category: 'finance', unit: 'U06', title: '创业担保贷款贴息进度', text: '去年申请的创业担保贷款贴息何时拨付？', by: 'talent', status: 'approved',
      steps: [{ action: 'submit', daysAgo: 20 }, { action: 'approve', daysAgo: 16, unit: 'U06', comment: '贴息资金已列入本季度拨付计划，预计下月到账。', internalNote: '与合作银行核对台账一致' }],
    },
    { category: 'entrepreneurship', unit: 'U04', title: '新建产线人才需求对接', text: '泵阀集团新建智能产线，需对接重点产业链工程技术人才招聘渠道。', by: 'enterprise', status: 'inReview', steps: [{ action: 'submit', daysAgo: 1 }] },
    {
      category: 'entrepreneurship', unit: 'U05', title: '校企联合研发平台申报', text: '拟与合作高校共建联合研发平台，请协助对接科技项目申报。', by: 'enterprise', status: 'inReview',
      steps: [{ action: 'submit', daysAgo: 4 }, { action: 'reassign', daysAgo: 3, unit: 'U05', internalNote: '属科技创新局职责，改派' }],
    },
    {
      category: 'policyHelp', unit: 'U07', title: '引进人才社保补贴申报', text: '新引进硕士 3 名，申请社保补贴。', by: 'enterprise', status: 'returned',
      steps: [{ action: 'submit', daysAgo: 6 }, { action: 'return', daysAgo: 4, unit: 'U07', comment: '请补充三人的劳动合同和社保缴费记录。' }],
    },
    {
      category: 'housing', unit: 'U10', title: '窗口代办：人才公寓维修', text: '来访反映人才公寓 3 号楼热水器故障，窗口代为登记。', by: 'window', status: 'approved',
      steps: [{ action: 'submit', daysAgo: 30, comment: '窗口代办' }, { action: 'approve', daysAgo: 27, unit: 'U10', comment: '已安排物业更换热水器。' }],
    },
    {
      category: 'housing', unit: 'U10', title: '企业集体宿舍申请', text: '申请为 20 名新员工安排人才公寓集体宿舍。', by: 'enterprise', status: 'rejected',
      steps: [{ action: 'submit', daysAgo: 9 }, { action: 'reject', daysAgo: 7, unit: 'U10', comment: '人才公寓面向个人申请，企业集体宿舍请联系园区建设公司。' }],
    },
  ];
  const categories = new Map((await tx.select().from(serviceRequestCategories)).map((row) => [row.code, row]));
  const random = seededRandom(seedOf('demo:service-requests'));
  for (const plan of plans) {
    const category = categories.get(plan.category)!;
    const id = random.uuid();
    const submitted = at(plan.steps[0].daysAgo, 9);
    const last = plan.steps.at(-1)!;
    const started = plan.steps.filter((step) => step.action === 'reassign').at(-1) ?? plan.steps[0];
    const [subjectKind, subjectId, submittedBy] =
      plan.by === 'enterprise' ? (['enterprise', ids.enterpriseId, ids.enterpriseUserId] as const) : (['talent', ids.accountTalentId, plan.by === 'window' ? ids.officeUserId : ids.talentUserId] as const);
    await tx.insert(cases).values({
      id, type: 'serviceRequest', category: plan.category, channel: plan.by === 'window' ? 'window' : 'online', subjectKind, subjectId, round: 'once', status: plan.status,
      form: { title: plan.title, text: plan.text }, steps: [{ name: category.name, units: [plan.unit], mode: 'any', workingDays: category.workingDays }],
      stepStartedAt: at(started.daysAgo, started === plan.steps[0] ? 9 : 10), submittedBy, submittedAt: submitted,
      decidedAt: plan.status === 'approved' || plan.status === 'rejected' ? at(last.daysAgo) : null,
      version: plan.steps.length, createdAt: submitted, updatedAt: at(last.daysAgo, last === plan.steps[0] ? 9 : 10),
    });
    await tx.insert(caseActions).values(
      plan.steps.map((step, index) => ({
        caseId: id, stepIndex: 0, action: step.action, comment: step.comment ?? '', internalNote: step.internalNote ?? '', at: at(step.daysAgo, index === 0 ? 9 : 10),
        unitId: step.unit ? ids.unitIds.get(step.unit) : null,
        actorId: index === 0 ? submittedBy : step.action === 'reassign' ? ids.officeUserId : (ids.reviewerIds.get(step.unit!) ?? ids.officeUserId),
      })),
    );
  }
  const year = await storeRequestYear(tx, ids);
  return plans.length + year.requests;
}

/** 联办 partners of each category: the units a handling unit hands parts of a request to. */
const partners: Record<string, string[]> = {
  housing: ['U16', 'U06'], familyRegistration: ['U07', 'U11'], spousePlacement: ['U07', 'U15'], schooling: ['U12'], entrepreneurship: ['U13', 'U06', 'U14'], finance: ['U14'],
  policyHelp: ['U06'], rights: ['U07'], transport: ['U11'], other: ['U02'],
};
const subjects: Record<string, [string, string][]> = {
  policyHelp: [['高层次人才认定咨询', '咨询高层次人才认定所需材料和办理时限。'], ['人才政策兑现进度', '去年申报的安家补贴何时兑现？']],
  entrepreneurship: [['创业场地申请', '初创团队需要 200 平方米孵化场地。'], ['企业登记帮办', '新设科技公司，请协助办理登记。']],
  housing: [['人才公寓申请', '申请一居室人才公寓。'], ['公寓设施维修', '人才公寓空调故障，请安排维修。']],
  familyRegistration: [['父母随迁落户', '申请父母随迁落户。'], ['配偶子女落户', '配偶和子女户口迁入。']],
  spousePlacement: [['配偶就业推荐', '配偶为会计专业，希望推荐就业岗位。']],
  schooling: [['子女入学申请', '孩子今年秋季入学，申请区内小学学位。'], ['子女转学', '孩子由外省转入初中二年级。']],
  medical: [['就医绿色通道', '父亲需在市三院就医，申请绿色通道。']],
  finance: [['创业担保贷款咨询', '咨询创业担保贷款额度和贴息标准。'], ['人才贷申请', '申请人才信用贷款。']],
  transport: [['高铁站接送服务', '来区考察专家需接站服务。']],
  cultureTourism: [['景区优待办理', '人才卡景区优待如何使用？']],
  rights: [['劳动合同纠纷', '用人单位未按约定支付引才奖励。']],
  other: [['其他诉求', '希望开通园区到市区的通勤班车。']],
};
/** A history row with every column present (the bulk insert takes its columns from the first row). */
const action = (values: { caseId: string; action: CaseAction; at: Date; actorId: string; unitId?: string | null; comment?: string }) => ({
  stepIndex: 0, unitId: null, comment: '', internalNote: '', ...values,
});
/** Hours of the office day (Beijing time), lunch left out. */
const officeHours = [9, 10, 11, 14, 15, 16];
const unhappy = ['办理时间太长，答复没有解决问题。', '答复与实际情况不符。', '多次联系未回复。'];
const pleased = ['办理及时，态度很好。', '', '感谢帮助！', '', '效率很高。'];

/**
 * A year of requests (诉求) from the registry's talents and enterprises across every category, for the performance
 * table, the inboxes and the lists: mostly handled within the time limit, some late, a few declined or withdrawn, the
 * recent ones still open (some overdue); about one in eight with 联办 sub-tasks; most handled ones rated (mostly
 * satisfied, a few not), and one of the demo talent's reopened after 不满意 and handled again. Notices go to the demo
 * units' staff for what waits for them and to the office for the reopening. Online requesters from the registry
 * have no demo account: their submitter id stands for an account outside the demo.
 */
export async function storeRequestYear(tx: Tx, ids: Ids) {
  const random = seededRandom(seedOf('demo:service-request-year'));
  const today = beijingDay(ids.today);
  const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:${String(random.integer(0, 59)).padStart(2, '0')}:00+08:00`);
  const categories = (await tx.select().from(serviceRequestCategories)).filter((category) => category.unitCode);
  const talentRows = await tx.select({ id: talents.id, name: talents.name }).from(talents).orderBy(asc(talents.id)).limit(300);
  const enterpriseRows = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, 'enterprise')).orderBy(asc(organisations.id)).limit(80);
  const accountTalent = await tx.select({ id: talents.id, name: talents.name }).from(talents).where(eq(talents.id, ids.accountTalentId));
  const names = new Map([...talentRows, ...enterpriseRows, ...accountTalent].map((row) => [row.id, row.name]));
  const weights: Record<string, number> = { policyHelp: 16, entrepreneurship: 10, housing: 14, familyRegistration: 6, spousePlacement: 4, schooling: 10, medical: 6, finance: 8, transport: 4, cultureTourism: 4, rights: 3, other: 5 };
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const actionRows: (typeof caseActions.$inferInsert)[] = [];
  const subtaskRows: (typeof caseSubtasks.$inferInsert)[] = [];
  const ratingRows: (typeof caseRatings.$inferInsert)[] = [];
  const notices: StoredNotice[] = [];
  const unitId = (code: string) => ids.unitIds.get(code) ?? null;
  const staffOf = (code: string) => ids.reviewerIds.get(code) ?? ids.officeUserId;
  let reopenedOne = false;
  const count = 420;
  for (let index = 0; index < count; index += 1) {
    const category = random.weighted(categories.map((row) => [row, weights[row.code] ?? 1] as const));
    const unit = category.unitCode!;
    const id = random.uuid();
    // spread over the last year (about 245 working days), newest last
    const ageDays = Math.round(((count - index) / count) * 245);
    const submittedDay = workingDay(today, -ageDays);
    const submitted = at(submittedDay, random.pick(officeHours));
    const enterprise = category.code === 'entrepreneurship' || category.code === 'finance' ? random.chance(0.5) : random.chance(0.1);
    const demoTalent = !enterprise && random.chance(0.03);
    const [subjectKind, subjectId] = enterprise ? (['enterprise', random.pick(enterpriseRows).id] as const) : (['talent', demoTalent ? ids.accountTalentId : random.pick(talentRows).id] as const);
    const subject = names.get(subjectId) ?? '';
    const window = random.chance(0.2);
    const submittedBy = window ? ids.officeUserId : demoTalent ? ids.talentUserId : enterprise && subjectId === ids.enterpriseId ? ids.enterpriseUserId : random.uuid();
    const [title, text] = random.pick(subjects[category.code] ?? subjects.other);
    // how long it takes: mostly within the limit, one in eight late
    const late = random.chance(0.12);
    const takes = late ? category.workingDays + random.integer(1, 8) : random.integer(1, category.workingDays);
    const open = takes >= ageDays;
    const status = open ? 'inReview' : random.weighted([['approved', 90], ['rejected', 6], ['withdrawn', 4]] as const);
    const decidedDay = open ? null : workingDay(submittedDay, takes);
    const decided = decidedDay ? at(decidedDay, random.pick(officeHours)) : null;
    const steps = [{ name: category.name, units: [unit], mode: 'any' as const, workingDays: category.workingDays }];
    const history: (typeof caseActions.$inferInsert)[] = [action({ caseId: id, action: 'submit', actorId: submittedBy, comment: window ? '窗口代办' : '', at: submitted })];
    // 联办: about one in eight, handed out the next working day, each done before the request closes
    const partnerUnits = partners[category.code] ?? [];
    const splitDay = workingDay(submittedDay, 1);
    const canSplit = decidedDay ? decidedDay > splitDay : splitDay < today;
    if (partnerUnits.length && status !== 'withdrawn' && canSplit && random.chance(0.13)) {
      const chosen = random.shuffle(partnerUnits).slice(0, random.integer(1, Math.min(2, partnerUnits.length)));
      const handedOut = at(splitDay, 10);
      for (const partner of chosen) {
        const task = `协同办理：${title}`;
        // ended the morning the request closes; of the open ones, some already ended the next working day
        const nextDay = workingDay(splitDay, 1);
        const ended = decided ? at(decidedDay!, 8) : nextDay < today && random.chance(0.4) ? at(nextDay, 9) : null;
        subtaskRows.push({
          caseId: id, unitCode: partner, task, workingDays: Math.max(2, Math.round(category.workingDays / 2)), status: ended ? 'done' : 'open', note: ended ? '已按职责办理完毕' : '',
          startedAt: handedOut, escalatedAt: null, createdBy: staffOf(unit), decidedBy: ended ? staffOf(partner) : null, decidedAt: ended,
        });
        history.push(action({ caseId: id, action: 'split', unitId: unitId(partner), actorId: staffOf(unit), comment: task, at: handedOut }));
        if (ended) history.push(action({ caseId: id, action: 'subtaskDone', unitId: unitId(partner), actorId: staffOf(partner), comment: '已按职责办理完毕', at: ended }));
        else if (ids.reviewerIds.has(partner)) notices.push({ userIds: [staffOf(partner)], notice: { kind: 'serviceRequest', params: { policy: title, subject, event: 'subtask', comment: task }, link: `/service-requests/${id}` }, at: handedOut, read: false });
      }
    }
    let stepStarted = submitted;
    let finalDecided = decided;
    if (status === 'approved' || status === 'rejected') {
      history.push(action({ caseId: id, action: status === 'approved' ? 'approve' : 'reject', unitId: unitId(unit), actorId: staffOf(unit), comment: status === 'approved' ? '已办结，请查收答复。' : '不属于人才服务受理范围，已告知办理渠道。', at: decided! }));
      // 好差评: seven in ten handled requests are rated, mostly satisfied
      if (status === 'approved' && random.chance(0.7)) {
        const score = late ? random.weighted([[5, 15], [4, 35], [3, 25], [2, 18], [1, 7]] as const) : random.weighted([[5, 55], [4, 32], [3, 9], [2, 3], [1, 1]] as const);
        const ratedAt = at(workingDay(decidedDay!, 1), 11);
        const comment = score <= 2 ? random.pick(unhappy) : random.pick(pleased);
        ratingRows.push({ caseId: id, score, comment, ratedBy: submittedBy, ratedAt });
        history.push(action({ caseId: id, action: 'rate', actorId: submittedBy, comment, at: ratedAt }));
        // one of the demo talent's (or the first unhappy one) reopened after 不满意 and handled again
        if (score <= 2 && !reopenedOne && ageDays > 40 && (demoTalent || index > count / 2)) {
          reopenedOne = true;
          const reopenDay = workingDay(decidedDay!, 2);
          const reopened = at(reopenDay, 10);
          history.push(action({ caseId: id, action: 'reopen', actorId: submittedBy, comment: '问题仍未解决，申请重新办理。', at: reopened }));
          const againDay = workingDay(reopenDay, 3);
          finalDecided = at(againDay, 15);
          stepStarted = reopened;
          history.push(action({ caseId: id, action: 'approve', unitId: unitId(unit), actorId: staffOf(unit), comment: '已重新核实并办结。', at: finalDecided }));
          notices.push({ userIds: [ids.officeUserId], notice: { kind: 'serviceRequest', params: { policy: title, subject, event: 'reopened', comment: '问题仍未解决，申请重新办理。' }, link: `/service-requests/${id}` }, at: reopened, read: true });
        }
      }
    } else if (status === 'withdrawn') {
      history.push(action({ caseId: id, action: 'withdraw', actorId: submittedBy, at: decided! }));
    } else if (ids.reviewerIds.has(unit)) {
      notices.push({ userIds: [staffOf(unit)], notice: { kind: 'serviceRequest', params: { policy: title, subject, event: 'submitted', comment: '' }, link: `/service-requests/${id}` }, at: submitted, read: random.chance(0.5) });
    }
    caseRows.push({
      id, type: 'serviceRequest', category: category.code, channel: window ? 'window' : 'online', subjectKind, subjectId, round: 'once', status, form: { title, text }, steps,
      stepStartedAt: stepStarted, submittedBy, submittedAt: submitted, decidedAt: finalDecided, version: history.length, createdAt: submitted, updatedAt: history.at(-1)!.at as Date,
    });
    actionRows.push(...history);
  }
  await insertJsonRows(tx, cases, caseRows);
  await insertJsonRows(tx, caseActions, actionRows);
  await insertJsonRows(tx, caseSubtasks, subtaskRows);
  await insertJsonRows(tx, caseRatings, ratingRows);
  await storeNotices(tx, notices);
  return { requests: caseRows.length, subtasks: subtaskRows.length, ratings: ratingRows.length };
}
