import type { CaseAction } from '../../../domain/cases';
import type { ApplicationStatus } from '../../../domain/policies/policy';
import type { Tx } from '../client';
import { caseActions, cases, serviceRequestCategories } from '../schema';
import { beijingDay, workingDay } from './policies';
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
  return plans.length;
}
