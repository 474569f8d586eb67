import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { insertJsonRows } from '../bulk';
import {
  challengeMilestones, challengeProposals, challengeReviewers, challenges, challengeScores, organisations, talentCertificates, talents, trainingAttendance, trainingClasses,
  trainingEnrolments, trainingOrders, trainingSessions,
} from '../schema';
import { seededRandom, seedOf } from './random';

type Ids = { officeUserId: string; reviewerUserIds: string[]; enterpriseId: string; today: Date };

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

type ClassPlan = {
  kind: 'order' | 'enterpriseClass' | 'programme'; name: string; provider: string; enterprise: string | null; skill: string; certificateName: string | null; certificateLevel: number | null;
  startsOn: string; endsOn: string; finished: boolean; trainees: number; sessions: string[]; passed: number; certified: number; placed: number; order?: number;
};

/**
 * Skills training and 揭榜挂帅 from the source: order-based training (人工智能训练师 for the digital-economy company, with
 * 阳泉职业技术学院), the college's enterprise order classes with 山西天和盛环境检测 and 山西鲲鹏传媒, three management
 * programmes with 清华大学 (156 managers: the source's "150+"), and challenges on the tech-transfer themes (钠离子电池,
 * 新型半导体, 超净滤材) with proposals and scores, the first awarded with milestones. Trainees are talents of the registry;
 * certificates of skill classes are on their profiles, placed trainees work for the ordering enterprise. Fixed dates,
 * except open challenges' deadlines (from the load day, so the board has them).
 */
export async function storeGrowth(tx: Tx, ids: Ids) {
  const random = seededRandom(seedOf('demo:growth'));
  const today = ids.today.toISOString().slice(0, 10);
  const named = new Map((await tx.select({ id: organisations.id, name: organisations.name }).from(organisations)).map((row) => [row.name, row.id]));
  const org = (name: string) => {
    const id = named.get(name);
    if (!id) throw new Error(`demo growth: no organisation ${name}`);
    return id;
  };

  // ——— orders ———
  const orders = [
    { enterprise: '高新区数字经济发展有限公司', skill: '人工智能训练师', headcount: 30, deadline: '2025-09-30', provider: '阳泉职业技术学院', status: 'matched' as const, createdAt: '2025-03-10', note: '数据标注与模型训练岗位，百度(阳泉)创新中心场景' },
    { enterprise: '泵阀集团', skill: '工业机器人运维', headcount: 20, deadline: '2026-12-31', provider: '阳泉职业技术学院', status: 'matched' as const, createdAt: '2026-02-20', note: '智能产线新建岗位' },
    { enterprise: '高新区数字经济发展有限公司', skill: '人工智能训练师', headcount: 25, deadline: '2026-12-31', provider: null, status: 'open' as const, createdAt: '2026-05-06', note: '第二期订单' },
  ];
  const orderRows = orders.map((order) => ({
    id: random.uuid(), enterpriseId: org(order.enterprise), skill: order.skill, headcount: order.headcount, deadline: order.deadline, note: order.note,
    providerId: order.provider ? org(order.provider) : null, status: order.status, createdBy: ids.officeUserId, createdAt: new Date(`${order.createdAt}T09:00:00+08:00`), updatedAt: new Date(`${order.createdAt}T09:00:00+08:00`),
  }));
  await tx.insert(trainingOrders).values(orderRows);

  const classes: ClassPlan[] = [
    {
      kind: 'order', order: 0, name: '人工智能训练师订单班（第一期）', provider: '阳泉职业技术学院', enterprise: '高新区数字经济发展有限公司', skill: '人工智能训练师', certificateName: '人工智能训练师', certificateLevel: 4,
      startsOn: '2025-04-07', endsOn: '2025-06-27', finished: true, trainees: 30, sessions: ['人工智能基础', '数据采集与处理', '数据标注规范', '模型训练与评测', '智能系统运维'], passed: 27, certified: 27, placed: 22,
    },
    {
      kind: 'order', order: 1, name: '工业机器人运维订单班', provider: '阳泉职业技术学院', enterprise: '泵阀集团', skill: '工业机器人运维', certificateName: '工业机器人系统运维员', certificateLevel: 4,
      startsOn: '2026-03-16', endsOn: '2026-07-10', finished: false, trainees: 20, sessions: ['工业机器人安全操作', '示教编程', '故障诊断'], passed: 0, certified: 0, placed: 0,
    },
    {
      kind: 'enterpriseClass', name: '环境检测企业订单班', provider: '阳泉职业技术学院', enterprise: '山西天和盛环境检测有限公司', skill: '环境监测', certificateName: '环境监测员', certificateLevel: 4,
      startsOn: '2025-09-01', endsOn: '2026-01-16', finished: true, trainees: 24, sessions: ['水质检测', '大气采样', '实验室质量控制'], passed: 22, certified: 22, placed: 18,
    },
    {
      kind: 'enterpriseClass', name: '新媒体运营企业订单班', provider: '阳泉职业技术学院', enterprise: '山西鲲鹏传媒有限公司', skill: '全媒体运营', certificateName: '全媒体运营师', certificateLevel: 4,
      startsOn: '2025-09-01', endsOn: '2026-01-16', finished: true, trainees: 22, sessions: ['内容策划', '短视频制作', '数据分析'], passed: 20, certified: 20, placed: 15,
    },
    ...[1, 2, 3].map((period): ClassPlan => ({
      kind: 'programme', name: `高级管理人才研修班（第${['一', '二', '三'][period - 1]}期）`, provider: '清华大学', enterprise: null, skill: '企业战略与经营管理', certificateName: '清华大学高级管理人才研修班结业证书', certificateLevel: null,
      startsOn: ['2024-05-13', '2025-05-12', '2026-04-13'][period - 1], endsOn: ['2024-05-24', '2025-05-23', '2026-04-24'][period - 1], finished: true, trainees: 52,
      sessions: ['宏观经济形势与产业政策', '企业战略管理', '数字化转型', '资本运作与风险管理', '领导力与组织变革'], passed: 52, certified: 52, placed: 0,
    })),
  ];

  // trainees: local trainees for the skill classes, managers (bachelor or above, employed in the zone) for the programmes
  const skillSeats = classes.filter((item) => item.kind !== 'programme').reduce((sum, item) => sum + item.trainees, 0);
  const managerSeats = classes.filter((item) => item.kind === 'programme').reduce((sum, item) => sum + item.trainees, 0);
  const local = await tx
    .select({ id: talents.id, employerId: talents.employerId })
    .from(talents)
    .where(and(eq(talents.arrivalRoute, 'localTraining'), eq(talents.status, 'inZone')))
    .orderBy(asc(talents.id))
    .limit(skillSeats);
  const managers = await tx
    .select({ id: talents.id })
    .from(talents)
    .innerJoin(organisations, eq(organisations.id, talents.employerId))
    .where(and(eq(organisations.kind, 'enterprise'), inArray(talents.highestEducation, ['bachelor', 'master', 'doctorate']), eq(talents.status, 'inZone'), isNotNull(talents.highestTitle), sql`${talents.arrivalRoute} <> 'localTraining'`))
    .orderBy(asc(talents.id))
    .limit(managerSeats);
  if (local.length < skillSeats || managers.length < managerSeats) throw new Error(`demo growth: ${local.length}/${skillSeats} trainees, ${managers.length}/${managerSeats} managers`);

  const classRows: (typeof trainingClasses.$inferInsert)[] = [];
  const sessionRows: (typeof trainingSessions.$inferInsert)[] = [];
  const enrolmentRows: Record<string, unknown>[] = [];
  const attendanceRows: Record<string, unknown>[] = [];
  const certificates: { talentId: string; name: string; level: number; issuer: string; year: number }[] = [];
  const placements: { talentId: string; enterpriseId: string }[] = [];
  let nextLocal = 0;
  let nextManager = 0;
  let certificateNumber = 0;
  for (const plan of classes) {
    const classId = random.uuid();
    const enterpriseId = plan.enterprise ? org(plan.enterprise) : null;
    classRows.push({
      id: classId, kind: plan.kind, name: plan.name, orderId: plan.order === undefined ? null : orderRows[plan.order].id, providerId: org(plan.provider), enterpriseId, skill: plan.skill,
      certificateName: plan.certificateName, certificateLevel: plan.certificateLevel, startsOn: plan.startsOn, endsOn: plan.endsOn, status: plan.finished ? 'finished' : 'open',
      createdAt: new Date(`${addDays(plan.startsOn, -14)}T09:00:00+08:00`),
    });
    const span = Math.max(1, (Date.parse(plan.endsOn) - Date.parse(plan.startsOn)) / 86_400_000);
    const held = plan.finished ? plan.sessions : plan.sessions.filter((_, index) => addDays(plan.startsOn, Math.floor((span * index) / plan.sessions.length)) <= today);
    const sessionIds = held.map((topic, index) => {
      const id = random.uuid();
      sessionRows.push({ id, classId, heldOn: addDays(plan.startsOn, Math.floor((span * index) / plan.sessions.length)), topic, lecturer: plan.kind === 'programme' ? '清华大学教授' : '阳泉职业技术学院教师' });
      return id;
    });
    for (let seat = 0; seat < plan.trainees; seat += 1) {
      const talent = plan.kind === 'programme' ? managers[nextManager++] : local[nextLocal++];
      const enrolmentId = random.uuid();
      const passed = seat < plan.passed;
      const certified = seat < plan.certified;
      const placed = seat < plan.placed && enterpriseId !== null;
      const assessedOn = plan.finished ? plan.endsOn : null;
      const issuedOn = certified ? addDays(plan.endsOn, 7) : null;
      if (certified) certificateNumber += 1;
      enrolmentRows.push({
        id: enrolmentId, classId, talentId: talent.id, enrolledOn: addDays(plan.startsOn, -7),
        assessmentScore: assessedOn ? (passed ? random.integer(62, 98) : random.integer(38, 59)) : null, assessmentPassed: assessedOn ? passed : null, assessedOn,
        certificateNumber: issuedOn ? `PX${issuedOn.slice(0, 4)}${String(certificateNumber).padStart(5, '0')}` : null, certificateIssuedOn: issuedOn,
        placedEnterpriseId: placed ? enterpriseId : null, placedOn: placed ? addDays(plan.endsOn, random.integer(10, 40)) : null,
      });
      for (const sessionId of sessionIds) attendanceRows.push({ sessionId, enrolmentId, present: random.chance(passed ? 0.95 : 0.7) });
      if (certified && plan.certificateLevel && plan.certificateName) certificates.push({ talentId: talent.id, name: plan.certificateName, level: plan.certificateLevel, issuer: plan.provider, year: Number(issuedOn!.slice(0, 4)) });
      if (placed && enterpriseId) placements.push({ talentId: talent.id, enterpriseId });
    }
  }
  await tx.insert(trainingClasses).values(classRows);
  await tx.insert(trainingSessions).values(sessionRows);
  await insertJsonRows(tx, trainingEnrolments, enrolmentRows);
  await insertJsonRows(tx, trainingAttendance, attendanceRows);
  // the skill certificates on the trainees' registry records, after the ones they have
  if (certificates.length) {
    const positions = new Map(
      (await tx.select({ talentId: talentCertificates.talentId, last: sql<number>`max(${talentCertificates.position})`.mapWith(Number) }).from(talentCertificates)
        .where(inArray(talentCertificates.talentId, certificates.map((row) => row.talentId))).groupBy(talentCertificates.talentId)).map((row) => [row.talentId, row.last]),
    );
    await insertJsonRows(tx, talentCertificates, certificates.map((row) => ({ ...row, position: (positions.get(row.talentId) ?? -1) + 1 })));
  }
  // placed trainees work for the enterprise now
  for (const enterpriseId of new Set(placements.map((row) => row.enterpriseId))) {
    const placed = placements.filter((row) => row.enterpriseId === enterpriseId).map((row) => row.talentId);
    await tx.update(talents).set({ employerId: enterpriseId, employerName: null }).where(inArray(talents.id, placed));
  }

  // ——— 揭榜挂帅 ———
  const challengePlans = [
    {
      poster: '泵阀集团', title: '钠离子电池正极材料循环寿命提升', problem: '层状氧化物正极材料 2,000 次循环后容量保持率不足 80%，制约储能电站应用。', requirements: '提出可中试的改性方案；18 个月内完成中试验证；核心团队不少于 5 人。',
      budget: 3_000_000, deadline: '2025-06-30', createdAt: '2025-03-18', status: 'awarded' as const,
      proposals: [
        { team: '钠电正极攻关组', organisation: '中国科学院物理研究所', members: [['胡研究员', '负责人'], ['陆博士', '材料合成'], ['容工程师', '中试工艺']], plan: '铜锰基层状氧化物掺杂包覆改性，18 个月完成中试线验证。', budget: 2_800_000 },
        { team: '储能材料联合团队', organisation: '钠离子电池材料创新团队', members: [['孙博士', '负责人'], ['周工程师', '电化学测试']], plan: '普鲁士蓝类正极替代方案，24 个月。', budget: 2_500_000 },
      ],
      milestones: [['小试样品交付', '2025-10-31', 'done', '2025-10-24'], ['中试线工艺验证', '2026-06-30', 'inProgress', null], ['产业化方案评审', '2026-12-31', 'planned', null]] as const,
    },
    {
      poster: null, title: '新型半导体功率器件封装散热', problem: '碳化硅功率模块封装热阻偏高，高温工况可靠性不足。', requirements: '具备器件封装中试条件；提交可靠性验证计划。',
      budget: 2_000_000, deadline: addDays(today, 60), createdAt: addDays(today, -20), status: 'open' as const,
      proposals: [
        { team: '宽禁带器件封装组', organisation: '山东大学', members: [['徐教授', '负责人'], ['王博士', '热管理']], plan: '银烧结与双面散热结构，12 个月。', budget: 1_800_000 },
        { team: '半导体器件研发团队', organisation: '宽禁带半导体器件研发团队', members: [['李博士', '负责人'], ['赵工程师', '可靠性测试']], plan: '铜夹片互连与新型灌封材料，14 个月。', budget: 1_600_000 },
      ],
      milestones: [],
    },
    {
      poster: '山西天和盛环境检测有限公司', title: '超净滤材国产化替代', problem: '高效空气过滤材料依赖进口，检测实验室洁净度保障成本高。', requirements: '过滤效率不低于 H13 级；提供量产方案。',
      budget: 1_200_000, deadline: addDays(today, 90), createdAt: addDays(today, -10), status: 'open' as const,
      proposals: [{ team: '超净滤材工程化组', organisation: '东华大学', members: [['钱教授', '负责人'], ['沈博士', '纺丝工艺']], plan: '静电纺纳米纤维复合滤材，10 个月。', budget: 1_100_000 }],
      milestones: [],
    },
  ];
  for (const plan of challengePlans) {
    const challengeId = random.uuid();
    const proposals = plan.proposals.map((proposal) => ({
      id: random.uuid(), challengeId, teamName: proposal.team, organisationName: proposal.organisation, organisationId: named.get(proposal.organisation) ?? null,
      members: proposal.members.map(([name, role]) => ({ name, role })), plan: proposal.plan, budget: proposal.budget,
      status: plan.status === 'awarded' ? (proposal === plan.proposals[0] ? 'awarded' as const : 'notAwarded' as const) : 'submitted' as const,
      createdAt: new Date(`${addDays(plan.createdAt, 10)}T10:00:00+08:00`),
    }));
    const awardedOn = plan.status === 'awarded' ? addDays(plan.deadline, 15) : null;
    await tx.insert(challenges).values({
      id: challengeId, posterId: plan.poster ? org(plan.poster) : null, title: plan.title, problem: plan.problem, requirements: plan.requirements, budget: plan.budget, deadline: plan.deadline,
      status: plan.status, awardedProposalId: plan.status === 'awarded' ? proposals[0].id : null, awardedOn, createdBy: ids.officeUserId,
      createdAt: new Date(`${plan.createdAt}T09:00:00+08:00`), updatedAt: new Date(`${awardedOn ?? plan.createdAt}T09:00:00+08:00`),
    });
    await tx.insert(challengeReviewers).values(ids.reviewerUserIds.map((userId) => ({ challengeId, userId, appointedBy: ids.officeUserId })));
    await tx.insert(challengeProposals).values(proposals);
    const scores = proposals.flatMap((proposal, index) =>
      ids.reviewerUserIds.map((reviewerId) => ({ proposalId: proposal.id, reviewerId, score: index === 0 ? random.integer(82, 94) : random.integer(68, 84), comment: index === 0 ? '技术路线清晰，团队基础扎实' : '方案可行，工程化依据不足' })),
    );
    if (plan.status === 'awarded' || plan.proposals.length > 1) await tx.insert(challengeScores).values(scores);
    if (plan.milestones.length) {
      await tx.insert(challengeMilestones).values(plan.milestones.map(([title, dueOn, status, doneOn]) => ({ challengeId, title, dueOn, status, doneOn })));
    }
  }
  return { trainingOrders: orderRows.length, trainingClasses: classRows.length, trainees: enrolmentRows.length, challenges: challengePlans.length };
}
