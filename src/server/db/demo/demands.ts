/**
 * Demo talent demand, recruitment campaigns and market-hired executives, consistent with the talents the generator made
 * (talents.ts cohorts): the campus / urgently-needed-talent campaign hired the 68 master's graduates (体制内引进) and
 * planned 1 PhD who withdrew at 公示; the 市场化选聘 of executives hired the 19 executives (with their terms, agreement
 * salaries and yearly appraisals); the open recruitment hired the 11 technicians. Each campaign also has applicants who
 * stopped at a stage. Demands of the demo enterprises across the key chains, filled by dated records; a 2026 campaign
 * for 重点产业链 demand is under way (applicants at its stages, no hire yet). Deterministic (seeded stream); dates are
 * fixed history (demo "now" is late November 2026).
 */
import { asc, arrayContains, eq, inArray } from 'drizzle-orm';
import { campaignStages, scoredStages, type CampaignStage, type CampaignType, type DemandStatus, type FillChannel } from '../../../domain/demands';
import { educationLevels, type EducationLevel } from '../../../domain/dictionaries';
import type { Secrets } from '../../security/secrets';
import { insertJsonRows } from '../bulk';
import type { Tx } from '../client';
import {
  campaignApplicants, campaignPosts, campaigns, demandFills, demands, executiveAppraisals, executives, organisations, talentEducations, talents,
} from '../schema';
import { addDays, dateBetween, idNumberAllocator, mobilePhone, personName } from './people';
import { seededRandom, seedOf } from './random';
import { cohortTags } from './talents';

/** The discipline a talent's or enterprise's industry belongs to. */
const disciplineOfIndustry: Record<string, string> = {
  digitalEconomy: 'informationTechnology', informationTechnology: 'informationTechnology', newEnergyBattery: 'newEnergy', pumpsValves: 'equipment', newMaterials: 'materials',
  chemicals: 'chemicals', equipment: 'equipment', modernServices: 'management', financeEconomics: 'economicsFinance', construction: 'construction', publicHealth: 'publicHealth',
};

const demandPosts: Record<string, { post: string; skills: string[]; education: EducationLevel | null }[]> = {
  informationTechnology: [
    { post: '大数据开发工程师', skills: ['数据分析', '软件开发'], education: 'bachelor' },
    { post: '人工智能算法工程师', skills: ['人工智能', 'python'], education: 'master' },
    { post: '嵌入式软件工程师', skills: ['嵌入式', '软件开发'], education: 'bachelor' },
  ],
  newEnergy: [
    { post: '钠离子电池正极材料研发工程师', skills: ['电池材料', '钠离子电池'], education: 'master' },
    { post: '储能系统集成工程师', skills: ['锂离子电池', '电气自动化'], education: 'bachelor' },
  ],
  equipment: [
    { post: '泵阀结构设计工程师', skills: ['泵阀设计', '机械设计'], education: 'bachelor' },
    { post: '智能产线电气工程师', skills: ['电气自动化', 'plc'], education: 'bachelor' },
  ],
  materials: [
    { post: '超净滤材研发工程师', skills: ['新材料研发', '超净滤材'], education: 'master' },
    { post: '半导体材料工艺工程师', skills: ['半导体', '化工工艺'], education: 'master' },
  ],
  chemicals: [{ post: '化工工艺工程师', skills: ['化工工艺'], education: 'bachelor' }],
  management: [{ post: '人力资源主管', skills: ['人力资源', '企业管理'], education: 'bachelor' }],
  economicsFinance: [{ post: '财务分析师', skills: ['财务管理', '数据分析'], education: 'bachelor' }],
  construction: [{ post: '工程项目经理', skills: ['项目管理'], education: 'bachelor' }],
  publicHealth: [{ post: '疾控检验技术员', skills: ['数据分析'], education: 'bachelor' }],
};

type CohortTalent = { id: string; name: string; gender: 'male' | 'female'; birthDate: string; idNumberCipher: string; idNumberHash: string; phoneCipher: string | null; phoneMasked: string | null; industry: string | null; employerId: string | null; post: string | null; arrivedOn: string | null };

export async function storeDemands(tx: Tx, secrets: Secrets, ids: { officeUserId: string; enterpriseId: string }) {
  const random = seededRandom(seedOf('demo:demands'));
  const allocate = idNumberAllocator();
  const enterpriseRows = await tx
    .select({ id: organisations.id, name: organisations.name, industry: organisations.industry, chainSegment: organisations.chainSegment })
    .from(organisations)
    .where(eq(organisations.kind, 'enterprise'))
    .orderBy(asc(organisations.nameSortKey), asc(organisations.id));
  const withIndustry = enterpriseRows.filter((row) => row.industry && disciplineOfIndustry[row.industry]);

  // ——— demands ———
  const demandRows: (typeof demands.$inferInsert)[] = [];
  const fillRows: (typeof demandFills.$inferInsert)[] = [];
  const pumpGroup = enterpriseRows.find((row) => row.id === ids.enterpriseId)!;
  const chosen = [pumpGroup, pumpGroup, pumpGroup, ...random.shuffle(withIndustry.filter((row) => row.id !== pumpGroup.id)).slice(0, 33)];
  for (const [index, enterprise] of chosen.entries()) {
    const discipline = index < 3 ? (['equipment', 'equipment', 'informationTechnology'] as const)[index] : disciplineOfIndustry[enterprise.industry!];
    const template = (demandPosts[discipline] ?? demandPosts.management)[index < 3 ? index % 2 : random.integer(0, (demandPosts[discipline] ?? demandPosts.management).length - 1)];
    const createdOn = dateBetween(random, '2026-01-05', '2026-11-10');
    const headcount = random.weighted([[1, 3], [2, 4], [3, 2], [5, 1]] as const);
    const id = random.uuid();
    const closed = random.chance(0.08);
    let filled = 0;
    const fills = random.weighted([[0, 5], [1, 3], [headcount, 2]] as const);
    for (let fill = 0; fill < Math.min(fills, headcount); fill += 1) {
      const channel: FillChannel = random.weighted([['ownHiring', 5], ['trainingOrder', 2], ['flexibleExpert', 1]] as const);
      fillRows.push({ id: random.uuid(), demandId: id, channel, count: 1, filledOn: dateBetween(random, createdOn, '2026-11-20'), note: '', recordedBy: ids.officeUserId });
      filled += 1;
    }
    const status: DemandStatus = closed ? 'closed' : filled >= headcount ? 'filled' : filled > 0 ? 'partlyFilled' : 'open';
    demandRows.push({
      id, enterpriseId: enterprise.id, post: template.post, industry: enterprise.industry!, chainSegment: enterprise.chainSegment, discipline, education: template.education,
      title: random.chance(0.2) ? 'intermediate' : null, minYears: random.pick([0, 0, 2, 3, 5]), skills: template.skills, headcount, filled, salaryBand: random.pick(['8kTo12k', '12kTo20k', '20kTo30k'] as const),
      urgency: random.weighted([['normal', 5], ['urgent', 3], ['critical', 1]] as const), deadline: addDays(createdOn, random.integer(60, 180)), status,
      closedAt: closed ? new Date(`${addDays(createdOn, 90)}T09:00:00+08:00`) : null, postedBy: ids.officeUserId,
      createdAt: new Date(`${createdOn}T10:00:00+08:00`), updatedAt: new Date(`${createdOn}T10:00:00+08:00`),
    });
  }
  await insertJsonRows(tx, demands, demandRows);
  await insertJsonRows(tx, demandFills, fillRows);

  // ——— the cohorts of the registry ———
  const cohort = async (tag: string) => {
    const rows: CohortTalent[] = await tx
      .select({
        id: talents.id, name: talents.name, gender: talents.gender, birthDate: talents.birthDate, idNumberCipher: talents.idNumberCipher, idNumberHash: talents.idNumberHash,
        phoneCipher: talents.phoneCipher, phoneMasked: talents.phoneMasked, industry: talents.industry, employerId: talents.employerId, post: talents.post, arrivedOn: talents.arrivedOn,
      })
      .from(talents)
      .where(arrayContains(talents.tags, [tag]))
      .orderBy(asc(talents.id));
    const educations = rows.length ? await tx.select().from(talentEducations).where(inArray(talentEducations.talentId, rows.map((row) => row.id))).orderBy(asc(talentEducations.position)) : [];
    // the highest education (educationLevels lists the highest first)
    const rank = (level: EducationLevel) => educationLevels.indexOf(level);
    return rows.map((row) => ({ ...row, education: educations.filter((education) => education.talentId === row.id).sort((a, b) => rank(a.level) - rank(b.level))[0] }));
  };
  const [masters, executiveTalents, technicians] = [await cohort(cohortTags.civilService), await cohort(cohortTags.executives), await cohort(cohortTags.technicians)];

  const campaignRows: (typeof campaigns.$inferInsert)[] = [];
  const postRows: (typeof campaignPosts.$inferInsert)[] = [];
  const applicantRows: (typeof campaignApplicants.$inferInsert)[] = [];
  const executiveRows: (typeof executives.$inferInsert)[] = [];
  const appraisalRows: (typeof executiveAppraisals.$inferInsert)[] = [];

  const results = (stages: CampaignStage[], upTo: number, lastPassed: boolean, on: string) =>
    Object.fromEntries(stages.slice(0, upTo + 1).map((stage, index) => {
      const passed = index < upTo || lastPassed;
      const score = scoredStages.includes(stage) ? (passed ? random.integer(70, 95) : random.integer(45, 68)) : null;
      return [stage, { passed, score, at: addDays(on, (index - stages.length) * 7) }];
    }));

  type Hire = (typeof masters)[number];
  const campaign = (type: CampaignType, name: string, year: number, stages: CampaignStage[], hires: Hire[], extra: { planned?: { discipline: string; planned: number; title: string }[]; losers: number; inProgress?: boolean }) => {
    const id = random.uuid();
    const byDiscipline = new Map<string, Hire[]>();
    for (const hire of hires) {
      const discipline = disciplineOfIndustry[hire.industry ?? ''] ?? 'management';
      byDiscipline.set(discipline, [...(byDiscipline.get(discipline) ?? []), hire]);
    }
    const plan = [...byDiscipline].map(([discipline, list]) => ({ discipline, planned: list.length }));
    for (const line of extra.planned ?? []) plan.push({ discipline: line.discipline, planned: line.planned });
    campaignRows.push({ id, type, name, year, stages, plan, createdBy: ids.officeUserId, createdAt: new Date(`${year}-03-01T09:30:00+08:00`) });
    let number = 0;
    const posts: { id: string; discipline: string }[] = [];
    const addPost = (title: string, discipline: string, headcount: number, enterpriseId: string | null) => {
      const postId = random.uuid();
      postRows.push({ id: postId, campaignId: id, title, discipline, headcount, enterpriseId, createdAt: new Date(`${year}-03-01T10:00:00+08:00`) });
      posts.push({ id: postId, discipline });
      return postId;
    };
    for (const [discipline, list] of byDiscipline) {
      const postId = addPost(type === 'marketSelection' ? '职业经理人' : `${list[0].post ?? '专业技术岗'}等`, discipline, list.length, type === 'marketSelection' ? null : (list[0].employerId ?? null));
      for (const hire of list) {
        const hiredOn = hire.arrivedOn ?? `${year}-07-01`;
        const education = hire.education;
        applicantRows.push({
          id: random.uuid(), campaignId: id, postId, number: ++number, name: hire.name, gender: hire.gender, birthDate: hire.birthDate, idNumberCipher: hire.idNumberCipher, idNumberHash: hire.idNumberHash,
          phoneCipher: hire.phoneCipher, phoneMasked: hire.phoneMasked, education: education?.level ?? 'master', degree: education?.degree ?? 'none', school: education?.school ?? '太原理工大学',
          major: education?.major ?? '', graduationYear: education?.graduationYear ?? year, state: 'hired', stageIndex: stages.length - 1, results: { ...results(stages, stages.length - 2, true, hiredOn), offer: { passed: true, score: null, at: hiredOn } },
          talentId: hire.id, hiredOn, createdAt: new Date(`${year}-03-15T10:00:00+08:00`),
        });
      }
    }
    for (const line of extra.planned ?? []) addPost(line.title, line.discipline, line.planned, null);
    // applicants who stopped at a stage (or, in a campaign under way, are in one)
    for (let index = 0; index < extra.losers; index += 1) {
      const gender = random.chance(0.5) ? 'male' : 'female';
      const birthYear = random.integer(1988, 2001);
      const idNumber = allocate(random, gender, birthYear);
      const phone = mobilePhone(random);
      const post = random.pick(posts);
      const stageIndex = random.integer(0, stages.length - 2);
      const inProgress = extra.inProgress === true;
      const level: EducationLevel = type === 'openRecruitment' ? random.pick(['bachelor', 'juniorCollege'] as const) : random.pick(['master', 'master', 'doctorate', 'bachelor'] as const);
      applicantRows.push({
        id: random.uuid(), campaignId: id, postId: post.id, number: ++number, name: personName(random, gender), gender, birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
        idNumberCipher: secrets.encrypt(idNumber), idNumberHash: secrets.lookupHash(idNumber), phoneCipher: secrets.encrypt(phone), phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
        education: level, degree: level === 'doctorate' ? 'doctor' : level === 'master' ? 'master' : level === 'bachelor' ? 'bachelor' : 'none', school: random.pick(['太原理工大学', '山西大学', '中北大学', '北京化工大学', '山东大学']),
        major: '', graduationYear: random.integer(2020, year), state: inProgress ? 'inProgress' : 'failed', stageIndex,
        results: inProgress ? (stageIndex > 0 ? results(stages, stageIndex - 1, true, `${year}-11-01`) : {}) : results(stages, stageIndex, false, `${year}-10-01`),
        createdAt: new Date(`${year}-03-20T10:00:00+08:00`),
      });
    }
    return { id, posts };
  };

  const full = [...campaignStages];
  const lastArrival = (list: Hire[]) => Math.max(...list.map((hire) => Number((hire.arrivedOn ?? '2025').slice(0, 4))));
  // 68 master's graduates hired, 1 PhD planned (withdrew at 公示)
  const campus = campaign('campusRecruitment', '高校毕业生及急需紧缺人才引进（校园招聘）', lastArrival(masters), full, masters, { planned: [{ discipline: 'newEnergy', planned: 1, title: '博士研究生（新能源电池）' }], losers: 90 });
  const phdPost = campus.posts[campus.posts.length - 1];
  const phdId = allocate(random, 'male', 1993);
  applicantRows.push({
    id: random.uuid(), campaignId: campus.id, postId: phdPost.id, number: applicantRows.filter((row) => row.campaignId === campus.id).length + 1, name: personName(random, 'male'), gender: 'male',
    birthDate: `${phdId.slice(6, 10)}-${phdId.slice(10, 12)}-${phdId.slice(12, 14)}`, idNumberCipher: secrets.encrypt(phdId), idNumberHash: secrets.lookupHash(phdId), education: 'doctorate', degree: 'doctor',
    school: '中国科学院大学', major: '材料物理与化学', graduationYear: 2025, state: 'withdrawn', stageIndex: full.indexOf('publicity'), results: results(full, full.indexOf('publicity') - 1, true, '2025-06-20'),
    createdAt: new Date('2025-03-20T10:00:00+08:00'),
  });
  // 19 executives by 市场化选聘, with terms, agreement salaries and appraisals
  const selectionStages: CampaignStage[] = ['registration', 'qualification', 'interview', 'inspection', 'publicity', 'offer'];
  campaign('marketSelection', '区属专业化公司职业经理人市场化选聘', lastArrival(executiveTalents), selectionStages, executiveTalents, { losers: 40 });
  for (const hire of executiveTalents) {
    const termStart = hire.arrivedOn ?? '2023-01-01';
    let termEnd = addDays(termStart, 3 * 365 - 1);
    let salary = random.integer(36, 90) * 10_000;
    const id = random.uuid();
    for (let year = Number(termStart.slice(0, 4)); year <= 2025; year += 1) {
      if (`${year}-12-31` < termStart) continue;
      const renew = termEnd <= '2026-11-25';
      const outcome = renew ? 'renew' : random.chance(0.6) ? 'adjustPay' : 'renew';
      const newTermEnd = outcome === 'renew' ? addDays(termEnd, 3 * 365) : null;
      const newSalary = outcome === 'adjustPay' ? salary + random.integer(1, 6) * 10_000 : null;
      if (outcome === 'renew' && !renew) continue;
      appraisalRows.push({ id: random.uuid(), executiveId: id, cycle: `${year} 年度`, targets: '营业收入、利润总额、重点项目推进等年度经营目标', score: random.integer(78, 97), outcome, newSalary, newTermEnd, recordedBy: ids.officeUserId, createdAt: new Date(`${year + 1}-01-20T10:00:00+08:00`) });
      if (newTermEnd) termEnd = newTermEnd;
      if (newSalary) salary = newSalary;
    }
    executiveRows.push({ id, talentId: hire.id, enterpriseId: hire.employerId, post: hire.post ?? '总经理', termStart, termEnd, agreementSalary: salary, createdAt: new Date(`${termStart}T10:00:00+08:00`) });
  }
  // 11 technicians by open recruitment
  campaign('openRecruitment', '专业技术人员公开招聘（协议薪酬）', lastArrival(technicians), ['registration', 'qualification', 'writtenExam', 'interview', 'medical', 'publicity', 'offer'], technicians, { losers: 35 });

  // 2026: a campaign for open 重点产业链 demand, under way
  const current = campaign('urgentTalent', '2026 年重点产业链急需紧缺人才引进', 2026, ['registration', 'qualification', 'interview', 'inspection', 'offer'], [], { losers: 0 });
  const open = demandRows.filter((row) => row.status === 'open' && ['newEnergy', 'informationTechnology', 'equipment', 'materials'].includes(row.discipline)).slice(0, 4);
  const currentPosts = open.map((demand) => {
    const postId = random.uuid();
    postRows.push({ id: postId, campaignId: current.id, title: demand.post, discipline: demand.discipline, headcount: demand.headcount, demandId: demand.id!, enterpriseId: demand.enterpriseId, createdAt: new Date('2026-10-15T10:00:00+08:00') });
    return { id: postId, discipline: demand.discipline };
  });
  campaignRows[campaignRows.length - 1].plan = open.map((demand) => ({ discipline: demand.discipline, planned: demand.headcount }));
  current.posts.push(...currentPosts);
  let number = 0;
  for (let index = 0; index < 12 && currentPosts.length; index += 1) {
    const gender = random.chance(0.5) ? 'male' : 'female';
    const idNumber = allocate(random, gender, random.integer(1990, 2000));
    const post = currentPosts[index % currentPosts.length];
    const stageIndex = random.integer(0, 3);
    applicantRows.push({
      id: random.uuid(), campaignId: current.id, postId: post.id, number: ++number, name: personName(random, gender), gender, birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      idNumberCipher: secrets.encrypt(idNumber), idNumberHash: secrets.lookupHash(idNumber), education: random.pick(['master', 'doctorate', 'bachelor'] as const), degree: 'master', school: random.pick(['太原理工大学', '中北大学', '北京科技大学']),
      major: random.pick(['材料科学与工程', '计算机科学与技术', '机械工程', '新能源科学与工程']), graduationYear: random.integer(2018, 2026), state: 'inProgress', stageIndex,
      results: stageIndex > 0 ? results(['registration', 'qualification', 'interview', 'inspection', 'offer'], stageIndex - 1, true, '2026-11-20') : {}, createdAt: new Date('2026-10-20T10:00:00+08:00'),
    });
  }

  await insertJsonRows(tx, campaigns, campaignRows);
  await insertJsonRows(tx, campaignPosts, postRows);
  await insertJsonRows(tx, campaignApplicants, applicantRows);
  await insertJsonRows(tx, executives, executiveRows);
  await insertJsonRows(tx, executiveAppraisals, appraisalRows);
  return { demands: demandRows.length, campaigns: campaignRows.length, applicants: applicantRows.length, executives: executiveRows.length };
}
