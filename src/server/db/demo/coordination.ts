import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../client';
import { insertJsonRows } from '../bulk';
import { jointTaskHelpers, jointTaskNotes, jointTasks, organisations, talents } from '../schema';
import { beijingDate, shiftDate, shiftWorkingDays } from '../../../domain/calendar';
import type { JointTaskStatus } from '../../../domain/coordination';
import { seededRandom, seedOf } from './random';

type Context = { today: Date; unitIds: Map<string, string>; officeUserId: string; unitUserIds: Map<string, string>; enterpriseId: string };

type Plan = {
  title: string;
  description: string;
  owner: string;
  helpers: [string, string][];
  /** talent: a tiered talent of the registry; enterprise: 泵阀集团 or another enterprise */
  about: 'talent' | 'enterprise' | 'both';
  /** days before today it was raised, and its time limit in working days */
  age: number;
  workingDays: number;
  status: JointTaskStatus;
  /** helpers whose part is done (by index) */
  done: number[];
  notes: [number | 'owner', string][];
  closingNote?: string;
};

const plans: Plan[] = [
  {
    title: '引进博士家属随迁安置', description: '新引进 A 类人才一家三口随迁：配偶就业、子女入学、户口迁入一并办理。', owner: 'U01',
    helpers: [['U19', '配偶就业岗位推荐'], ['U11', '子女就近入学安排'], ['U12', '本人及家属落户']], about: 'talent', age: 12, workingDays: 15, status: 'inProgress', done: [2],
    notes: [[2, '已受理落户申请，户籍迁入手续办结'], [0, '已向三家企业推荐配偶简历，等待面试']],
  },
  {
    title: '高层次人才子女入学协调', description: '人才反映子女转学手续卡在学籍系统，需教育和人社部门联动。', owner: 'U07',
    helpers: [['U11', '协调转入学校学位'], ['U08', '学籍转入材料一窗受理']], about: 'talent', age: 30, workingDays: 10, status: 'done', done: [0, 1],
    notes: [[0, '已协调实验小学接收'], [1, '材料已一窗受理并转办'], ['owner', '人才已确认子女入学，办结']],
  },
  {
    title: '泵阀集团技术骨干住房保障', description: '企业新招 6 名硕士工程师，申请人才公寓与租房补贴衔接。', owner: 'U10',
    helpers: [['U07', '核定人才层次与补贴资格'], ['U06', '租房补贴资金拨付']], about: 'enterprise', age: 20, workingDays: 20, status: 'inProgress', done: [0],
    notes: [[0, '6 人人才层次已核定，符合补贴条件'], ['owner', '已预留人才公寓 4 套']],
  },
  {
    title: '新能源电池企业高端人才招引专班', description: '围绕新能源电池产业链缺口岗位，联合开展专场招聘与政策宣讲。', owner: 'U04',
    helpers: [['U07', '组织专场招聘会'], ['U09', '对接招商项目带人才'], ['U05', '科技人才政策宣讲']], about: 'enterprise', age: 45, workingDays: 20, status: 'inProgress', done: [0],
    notes: [[0, '专场招聘会已举办，达成意向 23 人'], ['owner', '项目方提出的 5 个岗位已纳入清单']],
  },
  {
    title: '博士后工作站进站人员生活保障', description: '新进站博士后的生活补贴、住房和医疗绿色通道一并落实。', owner: 'U05',
    helpers: [['U06', '生活补贴拨付'], ['U10', '周转住房安排'], ['U11', '医疗绿色通道登记']], about: 'talent', age: 8, workingDays: 15, status: 'todo', done: [], notes: [],
  },
  {
    title: '创业人才公司注册与贷款贴息', description: '返乡创业人才注册企业并申请创业担保贷款贴息。', owner: 'U06',
    helpers: [['U13', '企业登记一次办结'], ['U07', '创业担保贷款资格审核']], about: 'talent', age: 40, workingDays: 15, status: 'done', done: [0, 1],
    notes: [[0, '营业执照已核发'], [1, '贷款资格审核通过'], ['owner', '贴息已按季拨付，办结']],
  },
  {
    title: '外籍专家工作许可与居留办理', description: '企业聘请的外籍专家工作许可、居留许可和子女入学同步办理。', owner: 'U07',
    helpers: [['U12', '居留许可办理'], ['U11', '外籍子女入学']], about: 'both', age: 35, workingDays: 15, status: 'inProgress', done: [],
    notes: [['owner', '工作许可已获批'], [0, '居留材料已收，待本人面签']],
  },
  {
    title: '产业人才奖励资金兑现督办', description: '上年度产业人才奖励部分未兑现，需核对名单后统一拨付。', owner: 'U02',
    helpers: [['U04', '核对企业申报名单'], ['U06', '资金拨付']], about: 'enterprise', age: 60, workingDays: 20, status: 'inProgress', done: [0],
    notes: [[0, '名单已核对，剔除离区人员 3 名']],
  },
  {
    title: '人才公寓配套交通线路优化', description: '人才公寓住户反映通勤不便，协调增开园区通勤线路。', owner: 'U10',
    helpers: [['U18', '通勤线路与班次调整'], ['U16', '公寓周边站点建设']], about: 'enterprise', age: 25, workingDays: 15, status: 'cancelled', done: [],
    notes: [[0, '已征集住户通勤需求']], closingNote: '并入园区交通专项统一推进，本任务取消',
  },
  {
    title: '技能人才订单班结业就业衔接', description: '工业机器人运维订单班结业学员到企业上岗，衔接社保与技能补贴。', owner: 'U07',
    helpers: [['U15', '岗位匹配与劳务派遣'], ['U06', '技能提升补贴发放']], about: 'enterprise', age: 18, workingDays: 10, status: 'done', done: [0, 1],
    notes: [[0, '18 名学员已匹配岗位'], [1, '补贴已发放'], ['owner', '全部上岗，办结']],
  },
  {
    title: '领军人才配偶安置', description: '领军人才配偶为中学教师，协调区内学校岗位。', owner: 'U01',
    helpers: [['U11', '教师岗位调配'], ['U03', '编制与人事关系转接']], about: 'talent', age: 5, workingDays: 20, status: 'todo', done: [], notes: [],
  },
  {
    title: '科技型企业研发人员职称评审绿色通道', description: '企业研发骨干职称评审材料跨部门核验，开通绿色通道。', owner: 'U05',
    helpers: [['U07', '职称评审受理'], ['U14', '研发费用与个税材料核验']], about: 'both', age: 28, workingDays: 10, status: 'inProgress', done: [1],
    notes: [[1, '材料核验完毕'], ['owner', '已汇总 9 人材料']],
  },
];

/**
 * 协同用才: a dozen joint tasks across the units over the last two months — a talent's family settled by three units,
 * housing, recruitment drives, start-ups, foreign experts — in every status, some past their due day (the daily job
 * announces them), with progress notes by the units (recorded by the office where a unit has no demo account).
 */
export async function storeJointTasks(tx: Tx, context: Context) {
  const random = seededRandom(seedOf('demo:coordination'));
  const today = beijingDate(context.today);
  const tiered = await tx.select({ id: talents.id }).from(talents).where(and(eq(talents.status, 'inZone'), inArray(talents.tier, ['A', 'B', 'C']))).orderBy(asc(talents.id)).limit(200);
  const enterprises = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'enterprise')).orderBy(asc(organisations.id)).limit(200);
  const taskRows: (typeof jointTasks.$inferInsert)[] = [];
  const helperRows: (typeof jointTaskHelpers.$inferInsert)[] = [];
  const noteRows: Record<string, unknown>[] = [];
  const authorOf = (code: string) => context.unitUserIds.get(code) ?? context.officeUserId;
  for (const [index, plan] of plans.entries()) {
    const id = random.uuid();
    const raisedOn = shiftDate(today, -plan.age);
    const createdAt = new Date(`${raisedOn}T09:30:00+08:00`);
    const dueOn = shiftWorkingDays(raisedOn, plan.workingDays);
    const closed = plan.status === 'done' || plan.status === 'cancelled';
    const closedOn = closed ? shiftDate(raisedOn, Math.min(plan.age - 1, plan.workingDays + random.integer(-3, 2))) : null;
    const talentId = plan.about !== 'enterprise' ? random.pick(tiered).id : null;
    const enterpriseId = plan.about === 'talent' ? null : index % 3 === 0 ? context.enterpriseId : random.pick(enterprises).id;
    taskRows.push({
      id, title: plan.title, description: plan.description, ownerUnitId: context.unitIds.get(plan.owner)!, talentId, enterpriseId, dueOn, workingDays: plan.workingDays,
      status: plan.status, closingNote: closed ? (plan.closingNote ?? null) : null, closedAt: closedOn ? new Date(`${closedOn}T16:00:00+08:00`) : null,
      closedBy: closed ? authorOf(plan.owner) : null, createdBy: context.officeUserId, createdAt, updatedAt: createdAt, version: 1 + plan.notes.length + plan.done.length + (closed ? 1 : 0),
    });
    for (const [helperIndex, [code, part]] of plan.helpers.entries()) {
      const done = plan.done.includes(helperIndex);
      const doneOn = shiftDate(raisedOn, Math.max(1, Math.min(plan.age - 1, random.integer(2, plan.workingDays))));
      helperRows.push({
        taskId: id, unitId: context.unitIds.get(code)!, part, done, doneAt: done ? new Date(`${doneOn}T15:00:00+08:00`) : null, doneBy: done ? authorOf(code) : null, doneNote: '',
      });
    }
    plan.notes.forEach(([who, text], noteIndex) => {
      const code = who === 'owner' ? plan.owner : plan.helpers[who][0];
      const author = authorOf(code);
      const notedOn = shiftDate(raisedOn, Math.max(1, Math.round(((noteIndex + 1) * Math.max(2, plan.age - 1)) / (plan.notes.length + 1))));
      noteRows.push({ taskId: id, unitId: author === context.officeUserId ? null : context.unitIds.get(code)!, authorId: author, notedOn, text, createdAt: new Date(`${notedOn}T11:00:00+08:00`).toISOString() });
    });
  }
  await tx.insert(jointTasks).values(taskRows);
  await tx.insert(jointTaskHelpers).values(helperRows);
  await insertJsonRows(tx, jointTaskNotes, noteRows);
  return { jointTasks: taskRows.length, jointTaskNotes: noteRows.length };
}
