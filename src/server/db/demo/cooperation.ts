import { and, asc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ExpertKind, PlatformLevel, PlatformType, ProjectStatus, TransferStage } from '../../../domain/cooperation';
import { insertJsonRows } from '../bulk';
import type { Tx } from '../client';
import {
  consultationExperts, consultations, cooperationItems, experts, industries, internshipBases, internships, investmentProjects, organisations, platformTalents,
  platformTenants, platforms, talentTeams, talents, teamMembers, techTransfers, universityAgreements,
} from '../schema';
import { addDays, dateBetween, personName } from './people';
import { seededRandom, seedOf } from './random';

/**
 * The source's flexible talent, university cooperation and platforms, over the organisations and talents already
 * stored: the ten resident teams with the investment projects that brought them (项目+人才; the five the source names
 * plus five fictitious ones around its projects), the 85 flexible experts (the registry's talents with arrival route
 * 柔性引进), think-tank consultations, the 19 universities' framework agreements and cooperation items, internship
 * bases with 420 placements (some interns hired: linked to their records), the tech transfers the source names
 * (钠离子电池, 新型半导体, 超净滤材) and a few more, and the platforms with their tenants (the enterprises located there)
 * and hosted talents. Deterministic: rows are read in id order and drawn from a stream of their own.
 */
export async function storeCooperation(tx: Tx) {
  const random = seededRandom(seedOf('demo:cooperation'));
  const ids = seededRandom(seedOf('demo:cooperation-ids'));
  const orgRows = await tx.select({ id: organisations.id, kind: organisations.kind, name: organisations.name, industry: organisations.industry, parkId: organisations.parkId }).from(organisations).orderBy(asc(organisations.id));
  const byName = new Map(orgRows.map((row) => [row.name, row]));
  const named = (name: string) => {
    const row = byName.get(name);
    if (!row) throw new Error(`demo organisation missing: ${name}`);
    return row;
  };
  const enterprises = orgRows.filter((row) => row.kind === 'enterprise');
  const enterprisesIn = (industry: string) => enterprises.filter((row) => row.industry === industry);

  // ——— investment projects and the teams they brought ———
  const projectPlan: [team: string, project: string, investor: string, industry: string, amount: number, status: ProjectStatus, signedOn: string, description: string][] = [
    ['中国电子系统', '中国电子系统阳泉数字经济产业园', '中国电子系统技术有限公司', 'digitalEconomy', 120_000, 'operating', '2020-09-18', '双招双引：项目落地带来常驻技术团队'],
    ['中关村智酷', '中关村智酷产业智库与数字人才培养基地', '中关村智酷（北京）科技有限公司', 'digitalEconomy', 8_000, 'operating', '2021-04-22', '产业智库，问诊把脉'],
    ['新石器网络科技', '新石器无人车研发与场景运营中心', '新石器慧通（北京）科技有限公司', 'informationTechnology', 30_000, 'building', '2022-03-15', '无人配送场景开放'],
    ['清研科创中心', '清研阳泉科创中心', '清华大学合作方清研集团', 'newMaterials', 15_000, 'operating', '2021-07-09', '与清华大学合作开展高级管理人才研修班'],
    ['孙宏斌教授团队', '数智双碳产业先导区', '山西省能源互联网研究院', 'newEnergyBattery', 50_000, 'building', '2022-11-03', '首席科学家团队，打造数智双碳产业先导区'],
    ['钠离子电池材料创新团队', '钠离子电池正极材料产业化项目', '某新能源材料集团（虚构）', 'newEnergyBattery', 80_000, 'building', '2023-05-26', '中科院物理所钠离子电池成果转化（虚构）'],
    ['宽禁带半导体器件研发团队', '宽禁带半导体功率器件项目', '某半导体投资基金（虚构）', 'informationTechnology', 60_000, 'signed', '2024-08-12', '山东大学新型半导体成果转化（虚构）'],
    ['超净过滤材料工程化团队', '超净过滤材料产业化项目', '某环保材料公司（虚构）', 'newMaterials', 20_000, 'building', '2023-10-20', '东华大学超净滤材成果转化（虚构）'],
    ['智能泵阀数字化设计团队', '泵阀产业链智能化改造项目', '泵阀集团', 'pumpsValves', 25_000, 'operating', '2022-06-30', '泵阀产业链数字化设计与改造（虚构）'],
    ['工业互联网与数字孪生团队', '数智新城场景开放项目', '某工业互联网平台公司（虚构）', 'digitalEconomy', 18_000, 'signed', '2025-03-18', '数智新城场景开发（虚构）'],
  ];
  const projectRows = projectPlan.map(([, name, investor, industry, amount, status, signedOn, description]) => ({ id: ids.uuid(), name, investor, industry, amount, status, signedOn, description }));
  await tx.insert(investmentProjects).values(projectRows);

  const teamOrganisations = orgRows.filter((row) => row.kind === 'team');
  const staffOfTeams = await tx
    .select({ id: talents.id, employerId: talents.employerId })
    .from(talents)
    .where(inArray(talents.employerId, teamOrganisations.map((row) => row.id)))
    .orderBy(asc(talents.id));
  const teamIdOf = new Map<string, string>();
  const projectOfTeam = new Map<string, string>();
  const teamRows = projectPlan.map(([teamName, , , , , , signedOn], index) => {
    const organisation = named(teamName);
    const staff = staffOfTeams.filter((row) => row.employerId === organisation.id);
    const id = ids.uuid();
    teamIdOf.set(organisation.id, id);
    projectOfTeam.set(id, projectRows[index].id);
    return {
      id, organisationId: organisation.id, leaderTalentId: staff[0]?.id ?? null, projectId: projectRows[index].id, serviceFrom: addDays(signedOn, random.integer(20, 90)),
      serviceTo: null, description: '常驻高新区高素质人才团队',
    };
  });
  await tx.insert(talentTeams).values(teamRows);
  const memberRows = staffOfTeams.map((row) => {
    const teamId = teamIdOf.get(row.employerId!)!;
    const leads = teamRows.find((team) => team.id === teamId)!.leaderTalentId === row.id;
    return { teamId, talentId: row.id, memberRole: leads ? '负责人' : random.pick(['首席科学家', '技术骨干', '研发工程师', '项目经理', '产业顾问']) };
  });
  if (memberRows.length) await tx.insert(teamMembers).values(memberRows);

  // ——— the 85 flexible experts: the registry's 柔性引进 talents ———
  const industryNames = new Map((await tx.select({ code: industries.code, name: industries.name }).from(industries)).map((row) => [row.code, row.name]));
  const flexible = await tx
    .select({ id: talents.id, name: talents.name, tags: talents.tags, employerId: talents.employerId, employerName: talents.employerName, post: talents.post, industry: talents.industry, arrivedOn: talents.arrivedOn })
    .from(talents)
    .where(eq(talents.arrivalRoute, 'flexible'))
    .orderBy(asc(talents.id));
  const kindOf = (tags: string[]): ExpertKind =>
    tags.includes('院士') ? 'academician' : tags.includes('博士') ? 'doctor' : tags.includes('产业发展顾问') ? 'industryAdviser' : 'retiredExpert';
  const specialities: Record<string, string[]> = {
    digitalEconomy: ['大数据平台', '数字孪生', '智慧城市'], newEnergyBattery: ['钠离子电池材料', '储能系统', '电池管理系统'], pumpsValves: ['流体机械', '阀门密封', '泵阀数字化设计'],
    newMaterials: ['超净过滤材料', '碳基材料', '高分子材料'], informationTechnology: ['宽禁带半导体', '工业软件', '网络安全'], chemicals: ['精细化工', '煤化工'], equipment: ['智能装备', '工业机器人'],
  };
  const terms: Record<ExpertKind, string[]> = {
    academician: ['院士工作站，每年驻区指导不少于 10 天'],
    doctor: ['项目合作，每月驻区 5 天', '兼职特聘，双休日服务', '候鸟式服务，按项目节点驻区'],
    industryAdviser: ['产业顾问，按季度问诊', '智库外脑，按需咨询'],
    retiredExpert: ['退休返聘，每周驻企 2 天', '退休返聘，技术攻关期间全职'],
  };
  const outputsOf: Record<ExpertKind, string[]> = {
    academician: ['指导团队申报省级重点研发计划', '提出产业链布局建议'],
    doctor: ['完成中试工艺包 1 项，申请发明专利 2 件', '开发核心算法模块，已在企业应用', '指导企业建成实验室 1 个'],
    industryAdviser: ['形成产业研究报告 1 份', '对接投资项目 2 个', '参与问诊把脉 3 次'],
    retiredExpert: ['解决产线质量问题 3 项', '培养技术骨干 4 名', '编制工艺规程 1 套'],
  };
  const expertRows = flexible.map((talent) => {
    const kind = kindOf(talent.tags ?? []);
    const industry = talent.industry ?? 'digitalEconomy';
    const teamId = talent.employerId ? (teamIdOf.get(talent.employerId) ?? null) : null;
    const employer = talent.employerId ? orgRows.find((row) => row.id === talent.employerId)?.name : null;
    const engagedFrom = talent.arrivedOn ?? '2021-01-01';
    return {
      id: ids.uuid(), name: talent.name, kind, field: `${industryNames.get(industry) ?? '数字经济'} · ${random.pick(specialities[industry] ?? ['产业咨询'])}`,
      affiliation: employer ?? talent.employerName ?? '区外单位', talentId: talent.id, teamId,
      projectId: teamId ? projectOfTeam.get(teamId)! : random.chance(0.3) ? random.pick(projectRows).id : null,
      engagementTerms: random.pick(terms[kind]), engagedFrom, engagedTo: random.chance(0.3) ? addDays(engagedFrom, 365 * random.integer(2, 4)) : null,
      serviceDays: random.integer(8, 140), outputs: random.pick(outputsOf[kind]),
    };
  });
  await insertJsonRows(tx, experts, expertRows);

  // ——— think-tank consultations (问诊把脉) ———
  const advisers = expertRows.filter((row) => row.kind === 'industryAdviser' || row.kind === 'academician');
  const topics: [string, string][] = [
    ['数字化转型路径', '分步建设工业互联网平台，先做设备联网与数据采集'], ['钠离子电池正极材料量产良率', '优化前驱体烧结温度曲线，建立批次追溯'],
    ['泵阀产品能效提升', '引入 CFD 仿真优化叶轮设计'], ['人才梯队建设', '与省校合作高校共建实习实训基地，储备技术技能人才'],
    ['融资与上市规划', '梳理股权结构，对接区内产业基金'], ['高新技术企业认定', '完善研发费用归集，补齐知识产权'],
    ['安全生产与环保合规', '建立危化品全流程台账'], ['市场拓展', '对接央企供应链，参与场景开放'],
    ['研发平台建设', '申报市级企业技术中心'], ['产品标准化', '牵头制定团体标准 1 项'],
    ['储能项目并网', '与能源互联网研究院联合测试'], ['管理提升', '推荐参加高级管理人才研修班'],
  ];
  const consultationRows = topics.map(([topic, recommendations], index) => {
    const pool = index % 3 === 0 ? enterprisesIn('newEnergyBattery') : index % 3 === 1 ? enterprisesIn('pumpsValves') : enterprisesIn('digitalEconomy');
    const enterprise = (pool.length ? pool : enterprises)[random.integer(0, (pool.length ? pool : enterprises).length - 1)];
    return {
      id: ids.uuid(), topic, enterpriseId: enterprise.id, heldOn: dateBetween(random, '2023-03-01', '2026-11-15'), recommendations,
      followUpStatus: random.weighted([['done', 5], ['inProgress', 4], ['open', 2]] as const), followUpNote: '',
    };
  });
  await tx.insert(consultations).values(consultationRows);
  await tx.insert(consultationExperts).values(consultationRows.flatMap((row) => random.shuffle(advisers).slice(0, random.integer(2, 3)).map((expert) => ({ consultationId: row.id, expertId: expert.id }))));

  // ——— the 19 universities: agreements and cooperation items ———
  const universities = orgRows.filter((row) => row.kind === 'university');
  const scopes = ['实习实训、人才培养、项目研发、成果转化', '共建实习实训基地，联合培养专业技术人才', '科研项目合作与成果就地转化', '教师挂职、学生实习与就业推荐'];
  await tx.insert(universityAgreements).values(universities.map((university) => ({
    universityId: university.id, signedOn: dateBetween(random, '2021-03-01', '2024-06-30'), scope: random.pick(scopes), contacts: `科研处 ${personName(random, random.chance(0.5) ? 'male' : 'female')}老师`,
  })));
  const itemTitles: Record<string, string[]> = {
    internshipBase: ['共建大学生实习实训基地'], jointResearch: ['泵阀数字孪生联合研发', '储能安全监测联合攻关', '工业软件联合实验室'],
    techTransfer: ['科研成果在区转化对接', '专利许可与中试'], talentTraining: ['企业订单班', '工程硕士联合培养', '高级管理人才研修班'],
  };
  const itemRows = universities.flatMap((university) => {
    const kinds = random.shuffle(['internshipBase', 'jointResearch', 'techTransfer', 'talentTraining'] as const).slice(0, random.integer(2, 4));
    return kinds.map((kind) => ({
      id: ids.uuid(), universityId: university.id, kind, title: random.pick(itemTitles[kind]), enterpriseId: random.chance(0.5) ? random.pick(enterprises).id : null,
      status: random.weighted([['active', 6], ['completed', 3], ['planned', 2]] as const), startedOn: dateBetween(random, '2021-06-01', '2026-09-30'),
    }));
  });
  await tx.insert(cooperationItems).values(itemRows);

  // ——— internship bases and 420 placements ———
  const pumpGroup = named('泵阀集团');
  const baseEnterprises = [pumpGroup, ...random.shuffle(enterprises.filter((row) => row.id !== pumpGroup.id)).slice(0, 21)];
  const baseRows = baseEnterprises.map((enterprise, index) => ({
    id: ids.uuid(), enterpriseId: enterprise.id, universityId: index === 0 ? named('太原理工大学').id : universities[index % universities.length].id,
    establishedOn: dateBetween(random, '2021-03-01', '2023-12-31'), capacity: random.integer(10, 40),
  }));
  await tx.insert(internshipBases).values(baseRows);
  const majors = ['机械设计制造及其自动化', '材料科学与工程', '化学工程与工艺', '计算机科学与技术', '电气工程及其自动化', '能源与动力工程', '数据科学与大数据技术', '工商管理', '会计学', '环境工程'];
  // conversions: young talents of a base's enterprise who arrived on their own or were trained here, each the hire of a placement before
  const hires = await tx
    .select({ id: talents.id, name: talents.name, employerId: talents.employerId, arrivedOn: talents.arrivedOn })
    .from(talents)
    .where(and(inArray(talents.employerId, baseRows.map((row) => row.enterpriseId)), inArray(talents.arrivalRoute, ['selfArrived', 'localTraining']), isNotNull(talents.arrivedOn), gte(talents.arrivedOn, '2021-09-01'), sql`${talents.birthDate} >= '1996-01-01'`))
    .orderBy(asc(talents.id));
  const converted = hires.filter(() => random.chance(0.6)).slice(0, 40);
  const placement = (baseId: string, studentName: string, periodFrom: string, hired?: { talentId: string; hiredOn: string }) => ({
    id: ids.uuid(), baseId, studentName, major: random.pick(majors), periodFrom, periodTo: addDays(periodFrom, random.pick([56, 70, 90])),
    mentor: `${personName(random, random.chance(0.6) ? 'male' : 'female')}`, evaluation: hired ? random.pick(['excellent', 'good'] as const) : random.weighted([['excellent', 2], ['good', 5], ['pass', 3], ['fail', 0.2]] as const),
    evaluationNote: '', hiredTalentId: hired?.talentId ?? null, hiredOn: hired?.hiredOn ?? null,
  });
  const internshipRows = converted.map((talent) => {
    const base = baseRows.find((row) => row.enterpriseId === talent.employerId)!;
    return placement(base.id, talent.name, addDays(talent.arrivedOn!, -random.integer(120, 300)), { talentId: talent.id, hiredOn: talent.arrivedOn! });
  });
  while (internshipRows.length < 420) {
    const base = random.pick(baseRows);
    const year = random.integer(2021, 2026);
    const from = random.chance(0.7) ? `${year}-07-0${random.integer(1, 9)}` : `${year}-03-0${random.integer(1, 9)}`;
    internshipRows.push(placement(base.id, personName(random, random.chance(0.55) ? 'male' : 'female'), from > '2026-11-01' ? '2026-09-01' : from));
  }
  await insertJsonRows(tx, internships, internshipRows);

  // ——— tech transfers (成果转化) ———
  const firstIn = (industry: string) => enterprisesIn(industry)[0] ?? enterprises[0];
  const transferPlan: [technology: string, source: string, enterpriseId: string, stage: TransferStage, investment: number, startedOn: string, outputs: string][] = [
    ['钠离子电池正极材料及电芯技术', '中国科学院物理研究所', firstIn('newEnergyBattery').id, 'industrialisation', 80_000, '2023-06-15', '建成千吨级正极材料产线，电芯通过第三方检测'],
    ['新型半导体（宽禁带）功率器件', '山东大学', firstIn('informationTechnology').id, 'pilot', 30_000, '2024-09-10', '中试线流片 3 批，良率 82%'],
    ['超净过滤材料', '东华大学', firstIn('newMaterials').id, 'pilot', 12_000, '2023-11-20', '完成中试，样品送检 5 家下游企业'],
    ['泵阀数字孪生设计平台', '太原理工大学', pumpGroup.id, 'matching', 1_500, '2025-05-08', '完成需求对接，签订技术开发合同'],
    ['储能电站安全监测系统', '山西省能源互联网研究院', enterprisesIn('newEnergyBattery')[1]?.id ?? firstIn('newEnergyBattery').id, 'pilot', 4_000, '2024-04-02', '在区内储能电站试点运行'],
    ['煤基碳材料制备工艺', '中北大学', enterprisesIn('newMaterials')[1]?.id ?? firstIn('newMaterials').id, 'matching', 800, '2026-03-16', '完成技术评估'],
  ];
  await tx.insert(techTransfers).values(transferPlan.map(([technology, source, enterpriseId, stage, investment, startedOn, outputs]) => ({
    id: ids.uuid(), technology, sourceId: named(source).id, enterpriseId, stage, investment, startedOn, outputs,
  })));

  // ——— platforms: profiles, tenants (the enterprises located there), hosted talents ———
  const platformPlan: [name: string, type: PlatformType, level: PlatformLevel, host: string, capacity: number, establishedOn: string][] = [
    ['山西智创城7号', 'incubator', 'provincial', '高新区园区建设发展有限公司', 60, '2019-10-18'],
    ['高新技术创业园', 'makerSpace', 'municipal', '高新区园区建设发展有限公司', 80, '2016-05-20'],
    ['百度(阳泉)创新中心', 'innovationCentre', 'provincial', '高新区数字经济发展有限公司', 40, '2020-08-28'],
    ['科技部领军人才创新驱动中心', 'leadingTalentCentre', 'national', '党工委党群工作部（人才办）', 30, '2022-12-06'],
    ['人力资源产业园', 'incubator', 'zone', '高新区人力资源有限公司', 50, '2021-06-30'],
  ];
  await tx.insert(platforms).values(platformPlan.map(([name, type, level, host, capacity, establishedOn]) => ({ organisationId: named(name).id, type, level, host, capacity, establishedOn })));
  const tenantRows = platformPlan.flatMap(([name]) => {
    const platform = named(name);
    return enterprises.filter((row) => row.parkId === platform.id).map((row) => ({ platformId: platform.id, enterpriseId: row.id, since: dateBetween(random, '2020-01-01', '2026-06-30') }));
  });
  if (tenantRows.length) await tx.insert(platformTenants).values(tenantRows);
  const leadingCentre = named('科技部领军人才创新驱动中心');
  const tiered = await tx
    .select({ id: talents.id, employerId: talents.employerId, tier: talents.tier })
    .from(talents)
    .where(and(isNotNull(talents.tier), inArray(talents.tier, ['A', 'B', 'C'])))
    .orderBy(asc(talents.id));
  const hostedRows = [
    ...tiered.filter((row) => row.tier === 'A' || row.tier === 'B').map((row) => ({ platformId: leadingCentre.id, talentId: row.id, since: dateBetween(random, '2023-01-01', '2026-06-30') })),
    ...tenantRows.flatMap((tenant) => tiered.filter((row) => row.employerId === tenant.enterpriseId).map((row) => ({ platformId: tenant.platformId, talentId: row.id, since: tenant.since }))),
  ];
  const seen = new Set<string>();
  const uniqueHosted = hostedRows.filter((row) => !seen.has(`${row.platformId}${row.talentId}`) && seen.add(`${row.platformId}${row.talentId}`));
  if (uniqueHosted.length) await insertJsonRows(tx, platformTalents, uniqueHosted);

  const counts = {
    projects: projectRows.length, teams: teamRows.length, teamMembers: memberRows.length, experts: expertRows.length, consultations: consultationRows.length,
    agreements: universities.length, cooperationItems: itemRows.length, internshipBases: baseRows.length, internships: internshipRows.length, conversions: converted.length,
    techTransfers: transferPlan.length, platforms: platformPlan.length, tenants: tenantRows.length, hostedTalents: uniqueHosted.length,
  };
  return counts;
}
