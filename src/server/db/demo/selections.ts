import { and, asc, eq, inArray } from 'drizzle-orm';
import { addWorkingDays, beijingDate, shiftDate } from '../../../domain/calendar';
import { averageScore, mustAbstain, rankByScore } from '../../../domain/panels';
import type { Eligibility, NominationStatus } from '../../../domain/selections';
import type { ExplainNode } from '../../../domain/rules/explain';
import type { Tx } from '../client';
import { policies, policyVersions, selectionExperts, selectionNominations, selections, selectionScores, talentEvents, talentHonours, talents } from '../schema';
import { decide, withoutBirthDate } from '../../modules/policies/decision';
import { referenceLabels, subjectFacts } from '../../modules/policies/facts.repo';
import { parameterValuesOn } from '../../modules/policies/policies.repo';
import { seededRandom, seedOf } from './random';

type Context = { today: Date; officeUserId: string; enterpriseId: string; enterpriseUserId: string; expertUserId: string; unitNominators: { unitId: string; userId: string }[] };

const expertNames = ['王建国', '李秀英', '张志强', '刘海燕', '陈立新'];
const reasons = [
  '创办科技型企业，主持研发新产品，年产值增长显著',
  '带领团队攻克关键工艺，取得发明专利多项',
  '推动科技成果转化，企业获评高新技术企业',
  '牵头建设研发平台，带动就业和产业链配套',
  '在新材料领域技术突破，产品替代进口',
];
const opinions = ['创新成果突出，示范带动作用强', '企业成长性好，技术水平较高', '符合评选条件，业绩较好', '成果转化效益明显，同意推荐'];

const reasonsOf = (node: ExplainNode): Eligibility['reasons'] =>
  node.children?.length && ['and', 'or', '!!'].includes(node.operator) ? node.children.flatMap(reasonsOf) : [{ met: node.status === 'met', zh: node.text['zh-CN'], en: node.text['en-US'] }];

/**
 * Selections (评选): 科技创新企业家评选 of last year, finished — 40 nominations by 泵阀集团 and the units, checked by the
 * 职称评审支持奖励 policy's rule (副高级 and over, two years in the zone) through the policy engine itself, the eligible
 * scored by a panel of six (one of 泵阀集团, who abstains from its staff), the best 10 selected after a 7-working-day
 * 公示, each honour on the profile with a talent event — and this year's call taking nominations, a few already in.
 */
export async function storeSelections(tx: Tx, context: Context) {
  const random = seededRandom(seedOf('demo:selections'));
  const [policy] = await tx
    .select({ id: policies.id, version: policyVersions })
    .from(policies)
    .innerJoin(policyVersions, eq(policyVersions.id, policies.publishedVersionId))
    .where(eq(policies.code, 'TITLE'));
  const labels = await referenceLabels(tx);
  const thisYear = Number(beijingDate(context.today).slice(0, 4));
  const lastYear = thisYear - 1;
  // the call of last year: nominations in spring, checked in June, 公示 from 1 July
  const checkedOn = `${lastYear}-06-05`;
  const publicityFrom = new Date(`${lastYear}-07-01T02:00:00Z`);
  const publicityUntil = addWorkingDays(publicityFrom, 7);
  const completedAt = new Date(publicityUntil.getTime() + 3 * 24 * 3600 * 1000);
  const awardedOn = beijingDate(completedAt);
  // nominees: senior-titled talents first (so the rule has something to find), among those in the zone then and now
  const pool = await tx
    .select({ id: talents.id, employerId: talents.employerId, highestTitle: talents.highestTitle, arrivedOn: talents.arrivedOn })
    .from(talents)
    .where(and(eq(talents.status, 'inZone'), inArray(talents.highestTitle, ['associateSenior', 'senior', 'intermediate'])))
    .orderBy(asc(talents.id));
  const before = pool.filter((talent) => talent.employerId && talent.arrivedOn && talent.arrivedOn < `${lastYear}-03-01`);
  const staff = random.shuffle(before.filter((talent) => talent.employerId === context.enterpriseId)).slice(0, 8);
  const others = random.shuffle(before.filter((talent) => talent.employerId !== context.enterpriseId)).slice(0, 32);

  const finishedId = random.uuid();
  const openId = random.uuid();
  await tx.insert(selections).values([
    {
      id: finishedId, kind: 'innovationEntrepreneur', year: lastYear, title: `${lastYear}年度科技创新企业家评选`, titleEn: `Science and technology innovation entrepreneurs ${lastYear}`,
      honour: `${lastYear}年度高新区科技创新企业家`, honourEn: `Zone innovation entrepreneur ${lastYear}`, quota: 10, policyId: policy.id,
      nominateFrom: `${lastYear}-04-01`, nominateTo: `${lastYear}-05-31`, publicityDays: 7, status: 'completed', publicityFrom, publicityUntil, completedAt,
      createdBy: context.officeUserId, createdAt: new Date(`${lastYear}-03-20T02:00:00Z`), version: 4,
    },
    {
      id: openId, kind: 'innovationEntrepreneur', year: thisYear, title: `${thisYear}年度科技创新企业家评选`, titleEn: `Science and technology innovation entrepreneurs ${thisYear}`,
      honour: `${thisYear}年度高新区科技创新企业家`, honourEn: `Zone innovation entrepreneur ${thisYear}`, quota: 10, policyId: policy.id,
      nominateFrom: shiftDate(beijingDate(context.today), -20), nominateTo: shiftDate(beijingDate(context.today), 25), publicityDays: 7, status: 'nominating',
      createdBy: context.officeUserId, createdAt: new Date(context.today.getTime() - 21 * 24 * 3600 * 1000), version: 1,
    },
  ]);
  // the panels: five named experts (the third of 泵阀集团: 回避 for its staff) and the 科技创新局 account, who scores as itself
  const panel = (selectionId: string) => [
    ...expertNames.map((name, position) => ({ id: random.uuid(), selectionId, position, name, userId: null, organisationId: position === 2 ? context.enterpriseId : null })),
    { id: random.uuid(), selectionId, position: expertNames.length, name: '科技创新局 林晓', userId: context.expertUserId, organisationId: null },
  ];
  const finishedPanel = panel(finishedId);
  await tx.insert(selectionExperts).values([...finishedPanel, ...panel(openId)]);

  const params = await parameterValuesOn(tx, policy.id, checkedOn);
  const nominations: (typeof selectionNominations.$inferInsert & { id: string })[] = [];
  for (const [index, talent] of [...staff, ...others].entries()) {
    const byEnterprise = talent.employerId === context.enterpriseId;
    const unit = context.unitNominators[index % context.unitNominators.length];
    const facts = (await subjectFacts(tx, 'talent', talent.id, checkedOn))!;
    const decision = decide('talent', policy.version, facts, params, checkedOn, labels);
    const eligibility: Eligibility = { eligible: decision.eligible, asOf: checkedOn, policyVersionId: policy.version.id, reasons: reasonsOf(withoutBirthDate(decision.explanation, facts.birthDate).trace) };
    nominations.push({
      id: random.uuid(), selectionId: finishedId, talentId: talent.id, nominatorKind: byEnterprise ? 'enterprise' : 'department',
      nominatingOrgId: byEnterprise ? context.enterpriseId : null, nominatingUnitId: byEnterprise ? null : unit.unitId, employerId: talent.employerId,
      reason: random.pick(reasons), status: decision.eligible ? 'eligible' : 'ineligible', eligibility, checkedBy: context.officeUserId, checkedAt: new Date(`${checkedOn}T02:00:00Z`),
      nominatedBy: byEnterprise ? context.enterpriseUserId : unit.userId, nominatedAt: new Date(`${lastYear}-04-${String(1 + (index % 28)).padStart(2, '0')}T02:00:00Z`),
    });
  }
  // the panel's scores of the eligible, 回避 kept; then the ranking and the best 10
  const scores: (typeof selectionScores.$inferInsert)[] = [];
  for (const nomination of nominations.filter((row) => row.status === 'eligible')) {
    const strength = random.integer(68, 92);
    for (const expert of finishedPanel) {
      if (mustAbstain({ id: expert.organisationId }, [{ id: nomination.employerId ?? null }, { id: nomination.nominatingOrgId ?? null }])) continue;
      scores.push({ nominationId: nomination.id, expertId: expert.id, score: Math.min(100, strength + random.integer(-6, 6)), opinion: random.pick(opinions), recordedBy: expert.userId ?? context.officeUserId, recordedAt: new Date(`${lastYear}-06-20T02:00:00Z`) });
    }
  }
  const ranked = rankByScore(nominations.filter((row) => row.status === 'eligible').map((row) => ({ id: row.id, average: averageScore(scores.filter((score) => score.nominationId === row.id).map((score) => score.score)) })));
  for (const candidate of ranked) {
    const nomination = nominations.find((row) => row.id === candidate.id)!;
    const selected = candidate.rank !== null && candidate.rank <= 10;
    nomination.status = (selected ? 'selected' : 'notSelected') satisfies NominationStatus;
    nomination.rank = candidate.rank;
    if (selected) nomination.recordedAt = completedAt;
  }
  // this year's call: a few nominations in, waiting for the office's check
  const open = random.shuffle(pool.filter((talent) => talent.employerId && !nominations.some((row) => row.talentId === talent.id))).slice(0, 6);
  for (const [index, talent] of open.entries()) {
    const unit = context.unitNominators[index % context.unitNominators.length];
    nominations.push({
      id: random.uuid(), selectionId: openId, talentId: talent.id, nominatorKind: 'department', nominatingUnitId: unit.unitId, employerId: talent.employerId,
      reason: random.pick(reasons), status: 'nominated', nominatedBy: unit.userId, nominatedAt: new Date(context.today.getTime() - (15 - index) * 24 * 3600 * 1000),
    });
  }
  await tx.insert(selectionNominations).values(nominations);
  if (scores.length) await tx.insert(selectionScores).values(scores);
  const selected = nominations.filter((row) => row.status === 'selected');
  if (selected.length) {
    await tx.insert(talentHonours).values(selected.map((row) => ({ talentId: row.talentId, name: `${lastYear}年度高新区科技创新企业家`, nameEn: `Zone innovation entrepreneur ${lastYear}`, year: lastYear, awardedOn, selectionId: finishedId })));
    await tx.insert(talentEvents).values(selected.map((row) => ({ talentId: row.talentId, kind: 'honour' as const, occurredOn: awardedOn, detail: { honour: `${lastYear}年度高新区科技创新企业家`, selectionId: finishedId }, source: 'demo' })));
  }
  return { selections: 2, selectionNominations: nominations.length, honours: selected.length };
}
