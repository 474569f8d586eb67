import type { z } from 'zod';
import type { ArrivalRoute, Degree, EducationLevel, SalaryBand, TitleLevel } from '../../../domain/dictionaries';
import { talentInput, type TalentInput } from '../../../domain/talent';
import { nameInitials } from '../../search/segment';
import { certificateIssuers, industryWords, outsideEmployers, recentMajor, schools, titleSeries, type IndustryCode, type TitleSeries } from './catalogue';
import { addDays, dateBetween, ethnicity, laterOf, mobilePhone, nativePlace, personName, politicalStatus, type IdNumberAllocator } from './people';
import type { Random } from './random';
import { latestDemoDate } from './reference';
import { drawDeparture, drawPropensity, type HiddenPropensity } from './propensity';

/**
 * The talent generator. Cohorts follow the source: 68 master's graduates hired into the zone's administration
 * (体制内引进), 19 market-hired executives and 11 openly recruited technicians (市场化选聘), 85 flexibly engaged
 * experts (柔性引进), and the zone's locally trained and self-arrived talents in its enterprises (本土培养, 自主来区).
 * Every generated talent passes `talentInput`, the API's own rules.
 */

export const demoTalentCount = 2000;
export const cohortSizes = { civilService: 68, executives: 19, technicians: 11, flexibleExperts: 85 } as const;
/** The tags the source's figures are counted by. */
export const cohortTags = {
  civilService: '急需紧缺人才',
  executives: '企业高管',
  technicians: '公开招聘',
  doctors: '博士',
  advisers: '产业发展顾问',
  retiredExperts: '退休返聘专家',
  aiTrainers: '订单式培训',
  orderClass: '企业订单班',
  managementCourse: '高级管理人才研修班',
} as const;

/** An employer: an organisation of the demo (id set) or an outside organisation by name (id null). */
export type Employer = { id: string | null; name: string; industry: IndustryCode; foundedOn: string | null; size?: string | null };

/** A talent as the loader stores it: the parsed input plus what the input does not carry (id, status dates, leaving). */
export type PlannedTalent = {
  id: string;
  input: TalentInput;
  /** The employer organisation's name, for the search words (as the service passes it). */
  employerLabel: string | null;
  statusSince: string;
  /** For a talent who left: when, and the outflow note (reason, destination). */
  leaving: { since: string; note: string } | null;
  /** The hidden retention propensities the departure was drawn from (`propensity.ts`); the history observes them with noise. */
  hidden?: HiddenPropensity;
};

type RawTalent = z.input<typeof talentInput>;
type Draft = { id: string; raw: RawTalent; employerLabel: string | null; statusSince: string; leaving: PlannedTalent['leaving']; hidden?: HiddenPropensity };

export type GeneratorContext = {
  random: Random;
  /** A separate stream for record ids, so ids never shift the people. */
  ids: Random;
  /** A separate stream for the hidden retention propensities and the departures drawn from them. */
  propensity: Random;
  allocateIdNumber: IdNumberAllocator;
};

const earliestArrival = '2018-01-01';
const referenceYear = Number(latestDemoDate.slice(0, 4));

const graduationAge: Record<EducationLevel, number> = {
  doctorate: 29, master: 25, bachelor: 22, juniorCollege: 21, higherVocational: 21, secondaryVocational: 18, highSchoolOrBelow: 18,
};
const programmeYears: Record<EducationLevel, number> = {
  doctorate: 4, master: 3, bachelor: 4, juniorCollege: 3, higherVocational: 3, secondaryVocational: 3, highSchoolOrBelow: 3,
};
const degreeOf = (level: EducationLevel): Degree => (level === 'doctorate' ? 'doctor' : level === 'master' ? 'master' : level === 'bachelor' ? 'bachelor' : 'none');

type Identity = { name: string; gender: 'male' | 'female'; birthYear: number; idNumber: string; phone: string; personal: Partial<RawTalent> };

function identity(context: GeneratorContext, birthYear: number, origin: { local: number; shanxi: number }, party = 0.22, maleShare = 0.56): Identity {
  const { random } = context;
  const gender = random.chance(maleShare) ? 'male' : 'female';
  const name = personName(random, gender);
  const idNumber = context.allocateIdNumber(random, gender, birthYear);
  const born = Number(idNumber.slice(6, 10)); // the allocator may move a reserved year
  const email = random.chance(0.2) ? `${nameInitials(name)}${String(born).slice(2)}${random.integer(10, 99)}@example.com` : null;
  return {
    name,
    gender,
    birthYear: born,
    idNumber,
    phone: mobilePhone(random),
    personal: { ethnicity: ethnicity(random), nativePlace: nativePlace(random, origin.local, origin.shanxi), politicalStatus: politicalStatus(random, referenceYear - born, party), email },
  };
}

type SchoolChoice = { highest: readonly string[]; earlier?: readonly string[]; overseas?: boolean };

/** The education records up to `highest`, in order, with plausible years from the birth year; and the last graduation year. */
function educations(random: Random, highest: EducationLevel, birthYear: number, industry: IndustryCode, choice: SchoolChoice) {
  const words = industryWords[industry];
  const graduationYear = Math.min(birthYear + graduationAge[highest] + random.integer(0, 1), referenceYear);
  const majors = highest === 'bachelor' || highest === 'master' || highest === 'doctorate' ? words.majors : words.vocationalMajors;
  let major = random.pick(majors);
  if (graduationYear < 2016 && recentMajor.test(major)) major = majors.find((entry) => !recentMajor.test(entry)) ?? major;
  const record = (level: EducationLevel, year: number, school: string, overseas = false) => ({
    level, degree: degreeOf(level), school, major: level === 'highSchoolOrBelow' ? '' : major, startYear: year - programmeYears[level], graduationYear: year, fullTime: true, overseas,
  });
  const earlier = choice.earlier ?? [...schools.shanxi, ...schools.national];
  const top = choice.overseas ? random.pick(schools.overseas) : random.pick(choice.highest);
  switch (highest) {
    case 'doctorate':
      return { graduationYear, list: [record('bachelor', graduationYear - 7, random.pick(earlier)), record('master', graduationYear - 4, random.pick(earlier)), record('doctorate', graduationYear, top, choice.overseas)] };
    case 'master':
      return { graduationYear, list: [record('bachelor', graduationYear - 3, random.pick(earlier)), record('master', graduationYear, top, choice.overseas)] };
    default:
      return { graduationYear, list: [record(highest, graduationYear, top)] };
  }
}

/** Years after graduation before each title level is within reach. */
const titleYears: Record<EducationLevel, Record<TitleLevel, number>> = {
  doctorate: { junior: 0, intermediate: 0, associateSenior: 3, senior: 8 },
  master: { junior: 0, intermediate: 3, associateSenior: 8, senior: 13 },
  bachelor: { junior: 1, intermediate: 5, associateSenior: 10, senior: 15 },
  juniorCollege: { junior: 3, intermediate: 7, associateSenior: 14, senior: 20 },
  higherVocational: { junior: 3, intermediate: 7, associateSenior: 14, senior: 20 },
  secondaryVocational: { junior: 5, intermediate: 10, associateSenior: 18, senior: 25 },
  highSchoolOrBelow: { junior: 5, intermediate: 10, associateSenior: 18, senior: 25 },
};
const titleOrder: TitleLevel[] = ['junior', 'intermediate', 'associateSenior', 'senior'];

/** The titles up to `wanted` (lowered to what the years since graduation allow), the previous level included. */
function titles(random: Random, wanted: TitleLevel | null, education: EducationLevel, graduationYear: number, series: TitleSeries) {
  if (!wanted) return [];
  let level = titleOrder.indexOf(wanted);
  while (level >= 0 && graduationYear + titleYears[education][titleOrder[level]] > referenceYear) level -= 1;
  if (level < 0) return [];
  const entry = (index: number) => {
    const earliest = graduationYear + titleYears[education][titleOrder[index]];
    return { level: titleOrder[index], series: series.series, name: series.names[titleOrder[index]], year: random.integer(earliest, Math.min(referenceYear, earliest + 4)) };
  };
  const top = entry(level);
  if (level === 0 || random.chance(0.4)) return [top];
  const previous = entry(level - 1);
  return [{ ...previous, year: Math.min(previous.year, top.year) }, top];
}

function certificate(random: Random, name: string, graduationYear: number, level?: number) {
  return {
    name,
    level: level ?? random.weighted([[5, 15], [4, 35], [3, 33], [2, 13], [1, 4]]),
    issuer: random.pick(certificateIssuers),
    year: random.integer(Math.min(graduationYear + 1, referenceYear), referenceYear),
  };
}

/** Arrival between the later of (2018, graduation, the employer's founding, `from`) and `to`. */
function arrival(random: Random, graduationYear: number, employer: Employer, from = earliestArrival, to = latestDemoDate) {
  const start = laterOf(from, `${graduationYear}-07-01`, employer.foundedOn ?? earliestArrival);
  return dateBetween(random, start, to);
}

const salaryBandsInOrder: SalaryBand[] = ['below5k', '5kTo8k', '8kTo12k', '12kTo20k', '20kTo30k', 'above30k'];
const salaryBand = (random: Random, base: number) => salaryBandsInOrder[Math.max(0, Math.min(5, base + random.weighted([[-1, 2], [0, 5], [1, 2]])))];

const leavingReasons = [['辞职', 5], ['正常调离', 2], ['自动离职', 2]] as const;
const destinations = [['太原市', 30], ['北京市', 15], ['石家庄市', 8], ['西安市', 8], ['郑州市', 6], ['天津市', 6], ['深圳市', 6], ['上海市', 5], ['济南市', 5], ['杭州市', 5], ['苏州市', 4], ['成都市', 2]] as const;
const leavingCauses = ['薪酬待遇', '职业发展平台', '子女教育', '配偶两地分居', '住房条件', '家庭原因', '继续深造'];

/** The draws the registry's departures used to take (kept so the main stream, and so every later talent, is unchanged). */
function leaving(random: Random, arrivedOn: string) {
  const earliest = addDays(arrivedOn, 180);
  if (earliest >= latestDemoDate) return null;
  const since = dateBetween(random, earliest, latestDemoDate);
  return { since, note: `${random.weighted(leavingReasons)}；去向：${random.weighted(destinations)}；主要原因：${random.pick(leavingCauses)}` };
}

function draft(context: GeneratorContext, raw: RawTalent, employer: Employer, left: PlannedTalent['leaving'] = null): Draft {
  return {
    id: context.ids.uuid(),
    raw: { ...raw, employerId: employer.id, employerName: employer.id ? null : employer.name, status: left ? 'left' : raw.status },
    employerLabel: employer.id ? employer.name : null,
    statusSince: left?.since ?? raw.arrivedOn!,
    leaving: left,
  };
}

// ——— 体制内引进: master's graduates recruited into the zone's administration ———

const civilServiceFields: [IndustryCode, number, string[], string[]][] = [
  ['financeEconomics', 16, ['财政金融局', '经济发展局', '投资促进局'], ['金融服务专员', '财政预算管理', '招商项目分析']],
  ['construction', 14, ['规划建设局', '综合执法局'], ['工程建设管理', '城乡规划管理', '工程质量监督']],
  ['chemicals', 12, ['经济发展局', '科技创新局', '综合执法局'], ['化工产业服务专员', '安全生产监管', '生态环境监管']],
  ['equipment', 12, ['经济发展局', '科技创新局', '投资促进局'], ['装备制造产业服务专员', '科技项目管理', '招商项目专员']],
  ['informationTechnology', 14, ['科技创新局', '行政审批局', '管委会办公室', '党工委党群工作部（人才办）'], ['信息化建设专员', '数字政务专员', '网络安全管理']],
];

function civilServiceHires(context: GeneratorContext): Draft[] {
  const { random } = context;
  return civilServiceFields.flatMap(([industry, total, departments, posts]) =>
    Array.from({ length: total }, () => {
      const graduationYear = random.integer(2019, 2025);
      const person = identity(context, graduationYear - 25 - random.integer(0, 1), { local: 0.3, shanxi: 0.45 }, 0.65, 0.5);
      const study = educations(random, 'master', person.birthYear, industry, { highest: random.chance(0.4) ? schools.shanxiGraduate : schools.national });
      const employer: Employer = { id: null, name: `阳泉高新区${random.pick(departments)}`, industry, foundedOn: null };
      const arrivedOn = dateBetween(random, `${study.graduationYear}-07-01`, `${study.graduationYear}-09-30`);
      const series = industry === 'financeEconomics' ? titleSeries.economics : titleSeries.engineering;
      return draft(context, {
        name: person.name, idNumber: person.idNumber, phone: person.phone, ...person.personal,
        educations: study.list,
        titles: titles(random, random.chance(0.35) ? random.pick(['junior', 'intermediate'] as const) : null, 'master', study.graduationYear, series),
        post: random.pick(posts), industry, arrivalRoute: 'civilService', arrivedOn, status: 'inZone',
        salaryBand: random.chance(0.7) ? '5kTo8k' : '8kTo12k',
        tier: random.chance(0.6) ? 'E' : null,
        tags: random.chance(0.5) ? [cohortTags.civilService, '校园招聘'] : [cohortTags.civilService],
      }, employer);
    }),
  );
}

// ——— 市场化选聘: executives headhunted nationally for the zone's professional companies ———

const executivePosts: Record<string, string[]> = {
  高新区数字经济发展有限公司: ['总经理', '副总经理', '副总经理', '财务总监', '技术总监', '运营总监'],
  泵阀集团: ['总经理', '副总经理', '副总经理', '总工程师', '财务总监', '营销总监', '生产总监'],
  高新区园区建设发展有限公司: ['总经理', '副总经理', '副总经理', '财务总监', '总工程师', '招商运营总监'],
};

function executives(context: GeneratorContext, companies: Map<string, Employer>): Draft[] {
  const { random } = context;
  let leadingTalent = false;
  return Object.entries(executivePosts).flatMap(([company, posts]) =>
    posts.map((post) => {
      const employer = companies.get(company)!;
      const highest = random.weighted<EducationLevel>([['doctorate', 3], ['master', 9], ['bachelor', 7]]);
      const person = identity(context, random.integer(1971, 1988), { local: 0.1, shanxi: 0.3 }, 0.5, 0.8);
      const study = educations(random, highest, person.birthYear, employer.industry, { highest: highest === 'doctorate' ? schools.doctoral : schools.national, overseas: highest === 'master' && random.chance(0.15) });
      const series = post === '财务总监' ? titleSeries.accounting : post === '总经理' || post.endsWith('运营总监') || post === '营销总监' ? titleSeries.economics : titleSeries.engineering;
      const tier = post === '总经理' && !leadingTalent ? ((leadingTalent = true), 'B') : random.chance(0.25) ? 'C' : 'D';
      return draft(context, {
        name: person.name, idNumber: person.idNumber, phone: person.phone, ...person.personal,
        educations: study.list,
        titles: titles(random, random.weighted<TitleLevel>([['senior', 2], ['associateSenior', 5], ['intermediate', 2]]), highest, study.graduationYear, series),
        post, industry: employer.industry, arrivalRoute: 'marketHire', arrivedOn: arrival(random, study.graduationYear, employer, '2021-03-01', '2025-12-31'), status: 'inZone',
        salaryBand: random.chance(0.6) ? 'above30k' : '20kTo30k', tier,
        tags: [cohortTags.executives, '市场化选聘', ...(study.list.some((education) => education.overseas) ? ['海归'] : [])],
      }, employer);
    }),
  );
}

// ——— 市场化选聘: technicians recruited openly with agreement salaries (疾控人员, 化工专业技术人员) ———

function technicians(context: GeneratorContext, hrCompany: Employer): Draft[] {
  const { random } = context;
  const diseaseControl: Employer = { id: null, name: '阳泉高新区疾病预防控制中心', industry: 'publicHealth', foundedOn: null };
  return Array.from({ length: cohortSizes.technicians }, (_, index) => {
    const health = index < 5;
    const employer = health ? diseaseControl : { ...hrCompany, industry: 'chemicals' as const };
    const highest = random.chance(0.35) ? 'master' : 'bachelor';
    const person = identity(context, random.integer(1990, 1999), { local: 0.4, shanxi: 0.45 }, 0.3, health ? 0.4 : 0.7);
    const study = educations(random, highest, person.birthYear, employer.industry, { highest: highest === 'master' ? schools.shanxiGraduate : schools.shanxi });
    return draft(context, {
      name: person.name, idNumber: person.idNumber, phone: person.phone, ...person.personal,
      educations: study.list,
      titles: titles(random, random.pick(['junior', 'intermediate'] as const), highest, study.graduationYear, health ? titleSeries.health : titleSeries.engineering),
      post: health ? random.pick(['疾控专业技术人员', '公共卫生医师', '卫生检验技师']) : '化工专业技术人员',
      industry: employer.industry, arrivalRoute: 'marketHire', arrivedOn: arrival(random, study.graduationYear, employer, '2022-03-01', '2025-12-31'), status: 'inZone',
      salaryBand: '8kTo12k', tier: highest === 'master' ? 'E' : null,
      tags: [cohortTags.technicians, '协议薪酬'],
    }, employer);
  });
}

// ——— 柔性引进: doctors, industry advisers and retired experts ———

type ExpertKind = 'doctors' | 'advisers' | 'retiredExperts';
const expertCounts: [ExpertKind, number][] = [['doctors', 36], ['advisers', 30], ['retiredExperts', 19]];

function flexibleExperts(context: GeneratorContext, teams: Employer[], institutes: Employer[], universities: Employer[], enterprises: Employer[]): Draft[] {
  const { random } = context;
  let teamTurn = 0;
  // each team gets members first (round robin), then experts spread over teams, institutes and outside employers
  const nextTeam = () => teams[teamTurn++ % teams.length];
  let academician = false;
  let leading = 0;
  return expertCounts.flatMap(([kind, total]) =>
    Array.from({ length: total }, () => {
      const industryOfChoice = random.pick(['digitalEconomy', 'newEnergyBattery', 'pumpsValves', 'newMaterials', 'informationTechnology', 'chemicals', 'equipment'] as const);
      let employer: Employer;
      let highest: EducationLevel;
      let birthYear: number;
      let post: string;
      let title: TitleLevel;
      let series: TitleSeries = titleSeries.engineering;
      const tags: string[] = [cohortTags[kind]];
      if (kind === 'doctors') {
        employer = random.weighted<() => Employer>([[nextTeam, 12], [() => random.pick(institutes), 3], [() => random.pick(universities), 2], [() => ({ id: null, name: random.pick(outsideEmployers.doctors), industry: industryOfChoice, foundedOn: null }), 3]])();
        highest = 'doctorate';
        birthYear = random.integer(1976, 1993);
        post = random.pick(['特聘研究员', '首席工程师', '技术负责人', '研发总监', '博士工作站研究员']);
        title = random.weighted<TitleLevel>([['intermediate', 3], ['associateSenior', 5], ['senior', 2]]);
        series = employer.id && universities.includes(employer) ? titleSeries.teaching : random.chance(0.5) ? titleSeries.research : titleSeries.engineering;
        if (random.chance(0.15)) tags.push('博士后');
      } else if (kind === 'advisers') {
        employer = random.weighted<() => Employer>([[nextTeam, 3], [() => random.pick(institutes), 2], [() => ({ id: null, name: random.pick(outsideEmployers.advisers), industry: industryOfChoice, foundedOn: null }), 5]])();
        highest = random.weighted<EducationLevel>([['doctorate', 4], ['master', 4], ['bachelor', 2]]);
        birthYear = random.integer(1962, 1981);
        post = random.pick(['产业发展顾问', '首席顾问', '智库专家', '招商顾问']);
        title = random.weighted<TitleLevel>([['associateSenior', 4], ['senior', 6]]);
        series = random.chance(0.4) ? titleSeries.economics : titleSeries.engineering;
        tags.push('智库外脑');
      } else {
        const zoneEnterprise = random.chance(0.4);
        employer = zoneEnterprise ? random.pick(enterprises) : { id: null, name: random.pick(outsideEmployers.retired), industry: industryOfChoice, foundedOn: null };
        highest = random.weighted<EducationLevel>([['master', 2], ['bachelor', 7], ['juniorCollege', 1]]);
        birthYear = random.integer(1952, 1964);
        post = random.pick(['技术顾问', '返聘高级工程师', '质量顾问', '工艺顾问']);
        title = random.weighted<TitleLevel>([['associateSenior', 5], ['senior', 5]]);
      }
      const person = identity(context, birthYear, { local: 0.1, shanxi: 0.35 }, 0.45, 0.78);
      const overseas = highest === 'doctorate' && random.chance(0.25);
      if (overseas) tags.push('海归');
      const study = educations(random, highest, person.birthYear, employer.industry, { highest: highest === 'doctorate' ? schools.doctoral : [...schools.national, ...schools.shanxi], overseas });
      let tier: string | null = random.weighted<string | null>([['C', 4], ['D', 5], [null, 1]]);
      if (kind === 'advisers' && !academician) {
        academician = true;
        tier = 'A';
        tags.push('院士');
      } else if (kind !== 'retiredExperts' && leading < 2 && title === 'senior' && random.chance(0.3)) {
        leading += 1;
        tier = 'B';
      }
      return draft(context, {
        name: person.name, idNumber: person.idNumber, phone: person.phone, ...person.personal,
        educations: study.list,
        titles: titles(random, title, highest, study.graduationYear, series),
        post, industry: employer.industry, arrivalRoute: 'flexible', arrivedOn: arrival(random, study.graduationYear, employer, '2019-01-01'), status: 'flexibleService',
        salaryBand: random.chance(0.5) ? null : random.pick(['20kTo30k', 'above30k'] as const), tier, tags,
      }, employer);
    }),
  );
}

// ——— 本土培养 and 自主来区: the zone's enterprise talents ———

export type LocalTalentOptions = {
  route?: Extract<ArrivalRoute, 'localTraining' | 'selfArrived'>;
  education?: EducationLevel;
  certificate?: { name: string; level: number; issuer?: string; from?: number };
  school?: string;
  arrivedFrom?: string;
  tags?: string[];
  post?: string;
  birthYears?: [number, number];
  /** false: stays in the zone (otherwise some leave, by profile). */
  canLeave?: boolean;
};

const educationShares: [EducationLevel, number][] = [
  ['doctorate', 12], ['master', 90], ['bachelor', 470], ['juniorCollege', 190], ['higherVocational', 140], ['secondaryVocational', 60], ['highSchoolOrBelow', 38],
];
const birthYearShares: [[number, number], number][] = [[[1966, 1975], 8], [[1976, 1985], 25], [[1986, 1995], 42], [[1996, 2004], 25]];

/** One locally trained or self-arrived talent of an enterprise (also the scale generator's talent). */
export function localTalent(context: GeneratorContext, employer: Employer, options: LocalTalentOptions = {}): Draft {
  const { random } = context;
  const route = options.route ?? (random.chance(0.45) ? 'localTraining' : 'selfArrived');
  const local = route === 'localTraining';
  const highest = options.education ?? random.weighted(educationShares);
  let birthYear = random.integer(...(options.birthYears ?? random.weighted(birthYearShares)));
  birthYear = Math.min(birthYear, referenceYear - graduationAge[highest] - (highest === 'doctorate' ? 1 : 0));
  const person = identity(context, birthYear, local ? { local: 0.75, shanxi: 0.2 } : { local: 0.25, shanxi: 0.45 });
  const university = highest === 'bachelor' || highest === 'master' || highest === 'doctorate';
  const schoolList = options.school
    ? [options.school]
    : highest === 'doctorate' ? schools.doctoral
    : highest === 'master' ? (local ? [...schools.shanxiGraduate, ...schools.shanxiGraduate, ...schools.national] : [...schools.shanxiGraduate, ...schools.national])
    : university ? (local ? [...schools.shanxi, ...schools.shanxi, ...schools.national] : [...schools.shanxi, ...schools.national])
    : highest === 'secondaryVocational' ? schools.secondary
    : highest === 'highSchoolOrBelow' ? schools.highSchool
    : schools.vocational;
  const overseas = (highest === 'master' || highest === 'doctorate') && random.chance(0.08);
  const study = educations(random, highest, person.birthYear, employer.industry, { highest: schoolList, overseas });
  const words = industryWords[employer.industry];
  const level = options.post ? 'specialist' : university
    ? random.weighted([['specialist', 70], ['worker', highest === 'bachelor' ? 15 : 0], ['manager', 15]] as const)
    : random.weighted([['worker', 70], ['specialist', highest === 'juniorCollege' || highest === 'higherVocational' ? 26 : 5], ['manager', 4]] as const);
  const post = options.post ?? random.pick(level === 'worker' ? words.workerPosts : level === 'manager' ? words.managerPosts : words.specialistPosts);
  const titleChance = university ? 0.6 : highest === 'juniorCollege' || highest === 'higherVocational' ? 0.3 : 0.08;
  const wanted = random.chance(titleChance) ? random.weighted<TitleLevel>([['junior', 40], ['intermediate', 38], ['associateSenior', 17], ['senior', 5]]) : null;
  const titleList = titles(random, wanted, highest, study.graduationYear, words.titleSeries);
  const certificates = [];
  if (options.certificate) certificates.push({ ...certificate(random, options.certificate.name, Math.max(study.graduationYear, (options.certificate.from ?? 0) - 1), options.certificate.level), ...(options.certificate.issuer ? { issuer: options.certificate.issuer } : {}) });
  else if (level === 'worker' ? random.chance(0.5) : random.chance(0.08)) certificates.push(certificate(random, random.pick(words.certificates), study.graduationYear));
  const arrivedOn = arrival(random, study.graduationYear, employer, options.arrivedFrom);
  const topTitle = titleList.at(-1)?.level ?? null;
  const tags = [...(options.tags ?? [])];
  if (overseas) tags.push('海归');
  if (highest === 'doctorate' && random.chance(0.2)) tags.push('博士后');
  if ((topTitle === 'senior' || topTitle === 'associateSenior') && random.chance(0.06)) tags.push('省级人才');
  if (level !== 'worker' && topTitle && topTitle !== 'junior' && random.chance(0.12)) tags.push('技术骨干');
  if (certificates.some((entry) => entry.level <= 2)) tags.push('高技能人才');
  const tier = tags.includes('省级人才') || tags.includes('博士后') || topTitle === 'senior' ? (random.chance(0.7) ? 'C' : null)
    : highest === 'doctorate' || topTitle === 'associateSenior' ? (random.chance(0.5) ? 'D' : null)
    : highest === 'master' || topTitle === 'intermediate' || certificates.some((entry) => entry.level <= 3) ? (random.chance(0.35) ? 'E' : null)
    : null;
  const salaryBase = (level === 'worker' ? 1 : level === 'specialist' ? 2 : 3) + (highest === 'doctorate' ? 1 : 0) + (topTitle === 'associateSenior' || topTitle === 'senior' ? 1 : 0) - (highest === 'highSchoolOrBelow' ? 1 : 0);
  // who leaves: mostly the qualified and the young (中高级职称, 本科以上, 业务骨干)
  const qualified = university && (topTitle === 'intermediate' || topTitle === 'associateSenior' || topTitle === 'senior' || referenceYear - person.birthYear < 35);
  // the main stream draws what it drew before departures came from the propensity model, so every later talent stays the same
  if (random.chance(qualified ? 0.1 : 0.03)) leaving(random, arrivedOn);
  const hidden = drawPropensity(context.propensity, { arrivedOn, tier, postgraduate: highest === 'doctorate' || highest === 'master', mover: qualified });
  const left = options.canLeave !== false ? drawDeparture(context.propensity, hidden, arrivedOn) : null;
  const planned = draft(context, {
    name: person.name, idNumber: person.idNumber, phone: person.phone, ...person.personal,
    educations: study.list, titles: titleList, certificates,
    post, industry: employer.industry, arrivalRoute: route, arrivedOn, status: 'inZone',
    salaryBand: salaryBand(random, salaryBase), tier, tags,
  }, employer, left);
  return { ...planned, hidden };
}

/** Validates drafts with the API's rules. */
export function parseDrafts(drafts: Draft[]): PlannedTalent[] {
  return drafts.map(({ raw, ...rest }) => ({ ...rest, input: talentInput.parse(raw) }));
}

export type DemoEmployers = {
  enterprises: Employer[];
  teams: Employer[];
  institutes: Employer[];
  universities: Employer[];
  college: Employer;
  byName: Map<string, Employer>;
};

/** How many talents an enterprise of each size employs, relatively. */
export const staffWeight: Record<string, number> = { large: 45, medium: 16, small: 7, micro: 3 };

/** The demo's talents, in cohorts; `accountTalent` is the in-zone 泵阀集团 talent the `talent` demo account is bound to. */
export function planTalents(context: GeneratorContext, employers: DemoEmployers): { talents: PlannedTalent[]; accountTalent: string } {
  const { random } = context;
  const pumpGroup = employers.byName.get('泵阀集团')!;
  const drafts = [
    ...civilServiceHires(context),
    ...executives(context, employers.byName),
    ...technicians(context, employers.byName.get('高新区人力资源有限公司')!),
    ...flexibleExperts(context, employers.teams, employers.institutes, employers.universities, employers.enterprises),
  ];

  // 泵阀集团: a staff of a few dozen; the first is the `talent` demo account's engineer, who stays in the zone
  const pumpStaff = [localTalent(context, pumpGroup, { route: 'localTraining', education: 'bachelor', post: '泵阀设计工程师', school: '太原理工大学', canLeave: false })];
  for (let index = 1; index < 33; index += 1) pumpStaff.push(localTalent(context, pumpGroup));
  // the engineer's story (see policies.ts, storeAccountTalentStory): a 高级工程师 since 2019, so the 职称评审支持奖励 scan
  // grants it without application; set after generation, so no other talent's draws move
  pumpStaff[0].raw.titles = [
    { level: 'intermediate', series: titleSeries.engineering.series, name: titleSeries.engineering.names.intermediate, year: 2012 },
    { level: 'associateSenior', series: titleSeries.engineering.series, name: titleSeries.engineering.names.associateSenior, year: 2019 },
  ];
  // a 副高级职称 makes the engineer a D 类 骨干人才, with a talent card (人才卡) to show at service points
  pumpStaff[0].raw.tier = 'D';

  // 订单式培训: 人工智能训练师 trained to order for digital-economy enterprises
  const digital = employers.enterprises.filter((employer) => employer.industry === 'digitalEconomy' || employer.industry === 'informationTechnology');
  const aiTrainers = Array.from({ length: 60 }, () =>
    localTalent(context, random.pick(digital), {
      route: 'localTraining', education: random.weighted<EducationLevel>([['higherVocational', 4], ['juniorCollege', 3], ['bachelor', 3]]), post: '人工智能训练师',
      certificate: { name: '人工智能训练师', level: random.weighted([[3, 2], [4, 3]]), issuer: '阳泉职业技术学院', from: 2024 }, arrivedFrom: '2023-06-01', tags: [cohortTags.aiTrainers], birthYears: [1988, 2003],
    }),
  );

  // 企业订单班: 阳泉职业技术学院 classes for 山西天和盛环境检测有限公司 and 山西鲲鹏传媒有限公司
  const orderClass = (['山西天和盛环境检测有限公司', '山西鲲鹏传媒有限公司'] as const).flatMap((name) =>
    Array.from({ length: 15 }, () => {
      const employer = employers.byName.get(name)!;
      const testing = name === '山西天和盛环境检测有限公司';
      return localTalent(context, employer, {
        route: 'localTraining', education: 'higherVocational', school: '阳泉职业技术学院', arrivedFrom: '2022-07-01', birthYears: [2000, 2004],
        post: testing ? random.pick(['采样员', '检测员', '环境监测员']) : random.pick(['新媒体编辑', '直播运营专员', '视频剪辑师']),
        certificate: { name: testing ? '环境监测员' : '全媒体运营师', level: random.weighted([[4, 3], [3, 1]]), issuer: '阳泉职业技术学院', from: 2022 },
        tags: [cohortTags.orderClass],
      });
    }),
  );

  // everyone else, over the enterprises by size, a few at the research institutes and the vocational college
  const rest = demoTalentCount - drafts.length - pumpStaff.length - aiTrainers.length - orderClass.length;
  const weightedEmployers: [Employer, number][] = [
    ...employers.enterprises.filter((employer) => employer !== pumpGroup).map((employer): [Employer, number] => [employer, staffWeight[employer.size ?? 'small'] ?? staffWeight.small]),
    // the zone's own institutes (not the outside ones that only send experts)
    ...employers.institutes.filter((employer) => employer.name !== '中国科学院物理研究所').map((employer): [Employer, number] => [employer, 12]),
    [employers.college, 15],
  ];
  const others = Array.from({ length: rest }, () => localTalent(context, random.weighted(weightedEmployers)));

  // 高级管理人才研修班 with 清华大学: 150 and more managers and specialists in new materials and information technology
  const courseIndustries = new Set(['newMaterials', 'informationTechnology', 'digitalEconomy']);
  const candidates = others.filter((entry) => courseIndustries.has(entry.raw.industry!) && (entry.raw.educations ?? []).some((education) => education.level === 'bachelor' || education.level === 'master' || education.level === 'doctorate'));
  for (const entry of random.shuffle(candidates).slice(0, 156)) entry.raw.tags = [...(entry.raw.tags ?? []), cohortTags.managementCourse];

  const talents = parseDrafts([...drafts, ...pumpStaff, ...aiTrainers, ...orderClass, ...others]);
  const routes = (route: ArrivalRoute) => talents.filter((talent) => talent.input.arrivalRoute === route).length;
  const tagged = (tag: string) => talents.filter((talent) => talent.input.tags.includes(tag)).length;
  if (talents.length !== demoTalentCount || routes('civilService') !== cohortSizes.civilService || routes('flexible') !== cohortSizes.flexibleExperts
    || tagged(cohortTags.executives) !== cohortSizes.executives || tagged(cohortTags.technicians) !== cohortSizes.technicians) {
    throw new Error('the demo talents no longer reproduce the source’s figures');
  }
  return { talents, accountTalent: pumpStaff[0].id };
}
