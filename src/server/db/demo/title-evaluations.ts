import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { addWorkingDays, beijingDate, shiftDate, shiftWorkingDays } from '../../../domain/calendar';
import type { TitleLevel } from '../../../domain/dictionaries';
import type { TitleDeclarationStatus, TitleRoundStatus } from '../../../domain/title-evaluations/titles';
import type { Tx } from '../client';
import { insertJsonRows } from '../bulk';
import { organisations, talents, talentTitles, titleDeclarations, titleExperts, titleObjections, titleRounds, titleScores, titleSeries } from '../schema';
import { seededRandom, seedOf } from './random';

/** The source's figures: the title-evaluation service reached 153 enterprises and 1,549 people. */
export const demoTitleDeclarations = 1549;
export const demoTitleEnterprises = 153;

type RoundPlan = { yearsAgo: number; series: string; count: number; status: TitleRoundStatus };
/** Three completed years, this year's engineering round taking declarations and its economics round in 公示 (ended, to complete). */
const roundPlans: RoundPlan[] = [
  { yearsAgo: 3, series: 'engineering', count: 260, status: 'completed' },
  { yearsAgo: 3, series: 'economics', count: 90, status: 'completed' },
  { yearsAgo: 3, series: 'accounting', count: 70, status: 'completed' },
  { yearsAgo: 2, series: 'engineering', count: 280, status: 'completed' },
  { yearsAgo: 2, series: 'economics', count: 95, status: 'completed' },
  { yearsAgo: 2, series: 'accounting', count: 75, status: 'completed' },
  { yearsAgo: 2, series: 'health', count: 50, status: 'completed' },
  { yearsAgo: 1, series: 'engineering', count: 300, status: 'completed' },
  { yearsAgo: 1, series: 'economics', count: 100, status: 'completed' },
  { yearsAgo: 1, series: 'accounting', count: 80, status: 'completed' },
  { yearsAgo: 1, series: 'agriculture', count: 40, status: 'completed' },
  { yearsAgo: 1, series: 'health', count: 60, status: 'completed' },
  { yearsAgo: 0, series: 'economics', count: 15, status: 'publicizing' },
  { yearsAgo: 0, series: 'engineering', count: 34, status: 'declaring' },
];

const expertNames = ['王建国', '李秀英', '张志强', '刘海燕', '陈立新', '杨文博', '赵丽华', '黄德明', '周启明', '吴淑芬', '郑国栋', '孙玉兰', '马俊峰', '胡晓东', '郭春梅'];
const passOpinions = ['业绩突出，成果转化效益明显，同意通过', '专业技术能力强，论文与项目质量较高', '符合申报条件，工作业绩较好', '技术攻关成效显著，同意'];
const failOpinions = ['业绩成果不足，建议积累后再申报', '继续教育学时不足', '论文质量一般，代表性成果不够', '任职年限刚满，业绩支撑不足'];
const materialSets = [['职称申报表.pdf', '学历学位证书.pdf', '现职称证书.pdf', '业绩成果材料.pdf'], ['职称申报表.pdf', '继续教育证明.pdf', '代表性论文.pdf', '项目验收报告.pdf'], ['职称申报表.pdf', '现职称证书.pdf', '专利证书.pdf']];
const returnReasons = ['缺少继续教育证明，请补充', '业绩成果材料未加盖单位公章', '现职称证书扫描件不清晰，请重新上传'];
const levelOrder: TitleLevel[] = ['junior', 'intermediate', 'associateSenior', 'senior'];

type Staff = { id: string; employerId: string; highest: TitleLevel | null; titles: { level: TitleLevel; series: string }[] };

/**
 * 职称评聘's history: fourteen rounds over the last three years and this one, 1,549 declarations by all 153 enterprises
 * (the source's figures), each of an enterprise's own staff. A pass in a completed round is a title the talent holds in
 * the registry (the same series and level), so the records agree and no talent's facts move; a failure sought the
 * level above the talent's highest. The two enterprises with no staff on record today declared, three years ago, people
 * who have since moved to another employer (a declaration keeps the enterprise that made it). Completed and 公示 rounds carry five experts' scores (the fifth, of an enterprise,
 * abstains for its own staff), and two objections each completed round (one upheld in some, which failed the
 * candidate). This year's engineering round takes declarations until 25 days after the load day; its economics round's
 * 公示 ended two working days ago, waiting for the office to record the final results.
 */
export async function storeTitleEvaluations(tx: Tx, context: { today: Date; officeUserId: string; enterpriseUserId: string }) {
  const random = seededRandom(seedOf('demo:titles'));
  const today = beijingDate(context.today);
  const thisYear = Number(today.slice(0, 4));
  const series = new Map((await tx.select().from(titleSeries)).map((row) => [row.code, row]));
  const staffRows = await tx
    .select({ id: talents.id, employerId: talents.employerId, highest: talents.highestTitle })
    .from(talents)
    .innerJoin(organisations, eq(organisations.id, talents.employerId))
    .where(and(eq(organisations.kind, 'enterprise'), isNotNull(talents.employerId)))
    .orderBy(asc(talents.id));
  const titleRows = await tx.select({ talentId: talentTitles.talentId, level: talentTitles.level, series: talentTitles.series }).from(talentTitles).orderBy(asc(talentTitles.talentId), asc(talentTitles.position));
  const titlesOf = new Map<string, { level: TitleLevel; series: string }[]>();
  for (const row of titleRows) titlesOf.set(row.talentId, [...(titlesOf.get(row.talentId) ?? []), { level: row.level, series: row.series }]);
  const staff: Staff[] = staffRows.map((row) => ({ id: row.id, employerId: row.employerId!, highest: row.highest, titles: titlesOf.get(row.id) ?? [] }));
  const enterprises = (await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'enterprise')).orderBy(asc(organisations.id))).map((row) => row.id);
  const staffOf = new Map(enterprises.map((id) => [id, staff.filter((member) => member.employerId === id)]));
  const [conflictEnterprise] = enterprises;

  const rounds: (typeof titleRounds.$inferInsert)[] = [];
  const experts: (typeof titleExperts.$inferInsert & { id: string })[] = [];
  const declarations: Record<string, unknown>[] = [];
  const scores: Record<string, unknown>[] = [];
  const objections: (typeof titleObjections.$inferInsert)[] = [];
  // who was declared in each round, and which registry titles a pass has already accounted for
  const declared = new Map<number, Set<string>>();
  const awarded = new Set<string>();
  // every enterprise declares at least once: the first declarations of the completed rounds go round the enterprises
  const firstTurns = random.shuffle(enterprises);

  for (const [index, plan] of roundPlans.entries()) {
    const year = thisYear - plan.yearsAgo;
    const kind = series.get(plan.series)!;
    const id = random.uuid();
    const current = plan.yearsAgo === 0;
    const declareFrom = current && plan.status === 'declaring' ? shiftDate(today, -20) : `${year}-04-01`;
    const declareTo = current && plan.status === 'declaring' ? shiftDate(today, 25) : `${year}-05-31`;
    const publicityFrom = plan.status === 'completed' ? new Date(`${year}-09-14T09:00:00+08:00`) : plan.status === 'publicizing' ? new Date(`${shiftWorkingDays(today, -7)}T09:00:00+08:00`) : null;
    const publicityUntil = publicityFrom ? addWorkingDays(publicityFrom, 5) : null;
    const completedAt = plan.status === 'completed' ? new Date(publicityUntil!.getTime() + 3 * 24 * 3600 * 1000) : null;
    rounds.push({
      id, year, series: plan.series, name: `${year} 年度${kind.name}系列职称评审`, levels: [...levelOrder], declareFrom, declareTo, publicityDays: 5,
      status: plan.status, publicityFrom, publicityUntil, completedAt, createdBy: context.officeUserId, createdAt: new Date(`${declareFrom}T09:00:00+08:00`),
    });
    const roundExperts = random.shuffle(expertNames).slice(0, 5).map((name, position) => ({
      id: random.uuid(), roundId: id, position, name,
      // the fifth expert works for an enterprise of the zone: they abstain for its candidates (回避)
      organisationId: position === 4 ? conflictEnterprise : null,
    }));
    experts.push(...roundExperts);
    const seen = new Set<string>();
    declared.set(index, seen);
    const decided = plan.status === 'completed' || plan.status === 'publicizing';
    const holdsTitle = (member: Staff) => member.titles.find((title) => title.series === kind.registrySeries && !awarded.has(`${member.id}:${title.series}:${title.level}`));
    // the enterprise a declaration came from: the talent's employer, except an earlier employer's (see below)
    let declaringEnterprise: string | null = null;
    const choose = (): Staff | undefined => {
      declaringEnterprise = null;
      if (plan.status === 'completed' && firstTurns.length) {
        const enterprise = firstTurns.pop()!;
        const pool = staffOf.get(enterprise)!.filter((member) => !seen.has(member.id));
        if (pool.length) return random.pick(pool);
        // an enterprise with no staff on record today declared someone who has since moved to another employer
        declaringEnterprise = enterprise;
        return random.pick(staff.filter((member) => !seen.has(member.id) && !holdsTitle(member) && member.highest !== 'senior'));
      }
      // completed rounds favour holders of a title of the series (their pass is in the registry)
      if (plan.status === 'completed' && random.chance(0.7)) {
        const holders = staff.filter((member) => !seen.has(member.id) && holdsTitle(member));
        if (holders.length) return random.pick(holders);
      }
      const pool = staff.filter((member) => !seen.has(member.id) && member.highest !== 'senior');
      return pool.length ? random.pick(pool) : undefined;
    };
    for (let count = 0; count < plan.count; count += 1) {
      const member = choose();
      if (!member) continue;
      seen.add(member.id);
      const held = plan.status === 'completed' && !declaringEnterprise ? holdsTitle(member) : undefined;
      const above = levelOrder[Math.min(levelOrder.length - 1, member.highest ? levelOrder.indexOf(member.highest) + 1 : 0)];
      let status: TitleDeclarationStatus;
      let level: TitleLevel;
      if (held) {
        awarded.add(`${member.id}:${held.series}:${held.level}`);
        [status, level] = ['passed', held.level];
      } else if (plan.status === 'completed') {
        [status, level] = ['failed', above];
      } else if (plan.status === 'publicizing') {
        [status, level] = [random.chance(0.75) ? 'passed' : 'failed', above];
      } else {
        [status, level] = [random.weighted<TitleDeclarationStatus>([['accepted', 10], ['submitted', 4], ['returned', 3]]), above];
      }
      const declarationId = random.uuid();
      const submittedAt = current && plan.status === 'declaring' ? new Date(`${shiftDate(today, -random.integer(1, 18))}T10:00:00+08:00`) : new Date(`${year}-05-${String(random.integer(1, 28)).padStart(2, '0')}T10:00:00+08:00`);
      const checked = status !== 'submitted';
      declarations.push({
        id: declarationId, roundId: id, talentId: member.id, organisationId: declaringEnterprise ?? member.employerId, level, materials: random.pick(materialSets).map((name) => ({ name })),
        status, checkComment: status === 'returned' ? random.pick(returnReasons) : null,
        checkedBy: checked ? context.officeUserId : null, checkedAt: checked ? new Date(submittedAt.getTime() + 2 * 24 * 3600 * 1000).toISOString() : null,
        resultComment: decided ? (status === 'passed' ? '评审委员会投票通过' : '评审委员会投票未通过') : null,
        decidedBy: decided ? context.officeUserId : null, decidedAt: decided ? new Date(publicityFrom!.getTime() - 24 * 3600 * 1000).toISOString() : null,
        recordedAt: plan.status === 'completed' && status === 'passed' ? completedAt!.toISOString() : null,
        submittedBy: context.enterpriseUserId, submittedAt: submittedAt.toISOString(),
      });
      if (!decided) continue;
      for (const expert of roundExperts) {
        if (expert.organisationId === (declaringEnterprise ?? member.employerId)) continue;
        const score = status === 'passed' ? random.integer(72, 95) : random.integer(45, 74);
        scores.push({ declarationId, expertId: expert.id, score, opinion: random.pick(status === 'passed' ? passOpinions : failOpinions), recordedBy: context.officeUserId, recordedAt: new Date(publicityFrom!.getTime() - 2 * 24 * 3600 * 1000).toISOString() });
      }
    }
  }
  // two objections per completed round against passed candidates: dismissed (materials verified), or upheld (the pass withdrawn)
  for (const round of rounds.filter((row) => row.status === 'completed')) {
    const passed = declarations.filter((row) => row.roundId === round.id && row.status === 'passed');
    for (const [index, target] of random.shuffle(passed).slice(0, 2).entries()) {
      const upheld = index === 1 && random.chance(0.5);
      if (upheld) Object.assign(target, { status: 'failed', recordedAt: null, resultComment: '公示期间异议经核实成立，取消通过' });
      objections.push({
        id: random.uuid(), declarationId: target.id as string, objector: upheld ? '实名来信' : '匿名电话',
        content: upheld ? '申报业绩中的项目非本人主持' : '反映其论文发表时间与任职年限不符',
        status: upheld ? 'upheld' : 'dismissed', resolution: upheld ? '经向项目主管部门核实，情况属实，取消评审通过结果' : '经核查论文发表时间与任职年限相符，异议不成立',
        recordedBy: context.officeUserId, recordedAt: new Date(round.publicityFrom!.getTime() + 24 * 3600 * 1000), resolvedBy: context.officeUserId, resolvedAt: new Date(round.publicityFrom!.getTime() + 3 * 24 * 3600 * 1000),
      });
    }
  }
  await tx.insert(titleRounds).values(rounds);
  await tx.insert(titleExperts).values(experts);
  await insertJsonRows(tx, titleDeclarations, declarations);
  await insertJsonRows(tx, titleScores, scores);
  if (objections.length) await tx.insert(titleObjections).values(objections);
  return { titleRounds: rounds.length, titleDeclarations: declarations.length, titleEnterprises: new Set(declarations.map((row) => row.organisationId)).size };
}
