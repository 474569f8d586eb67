import { desc, eq, inArray } from 'drizzle-orm';
import type { Facts } from '../../../domain/policies/facts';
import { subjectKindOf } from '../../../domain/policies/policy';
import { unknownReferences } from '../../../domain/policies/references';
import type { Db, Executor } from '../../db/client';
import { nextTurn } from '../../db/turns';
import { organisations, simulations, talents } from '../../db/schema';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { amountOf, isEligible } from './decision';
import { budgetUse, findPolicy, findVersion, parameterValuesOn, versionsOf } from './policies.repo';
import { matchingSubjects, subjectChunkSize } from './scan.service';

export type SimulationInput = { name: string; asOf: string; params: Record<string, number>; eligibility?: unknown; amount?: unknown };

type Side = { eligible: number; perPeriod: number; total: number };
type Breakdown = { key: string | null; baseline: number; variant: number }[];
type Named = { count: number; items: { id: string; name: string }[] };
/** What a simulation tried: parameter values, and the rules changed (null: the published one). */
type SimulationChange = { params: Record<string, number>; eligibility: unknown; amount: unknown };
/** What it found, as saved in `simulations.result`. */
type SimulationResult = {
  subjects: number;
  baseline: Side;
  variant: Side;
  newlyEligible: Named;
  noLongerEligible: Named;
  budget: { total: number; committed: number; remaining: number };
  breakdown: Record<'industry' | 'education' | 'tier', Breakdown>;
  versionNumber: number;
  baseParams: Record<string, number>;
};

const listed = 200;

/**
 * What a change would do: the published rule and parameter values on the snapshot date against the changed ones, over
 * every subject of the registry on that date. Counts, who becomes (in)eligible, the cost per period and over all
 * periods against the budget, and breakdowns by industry, education and tier. Saved, so runs can be compared.
 */
export async function runSimulation(db: Db, actor: Actor, policyId: string, input: SimulationInput) {
  const found = await findPolicy(db, policyId);
  if (!found) throw notFound();
  const { policy } = found;
  const versions = await versionsOf(db, policyId);
  const base = (policy.publishedVersionId && (await findVersion(db, policy.publishedVersionId))) || versions[0];
  const baseParams = await parameterValuesOn(db, policyId, input.asOf);
  const names = new Set(Object.keys(baseParams));
  const kind = subjectKindOf(policy.target);
  for (const field of ['eligibility', 'amount'] as const) {
    const [problem] = input[field] === undefined ? [] : unknownReferences(input[field], kind, names);
    if (problem) throw invalid({ [field]: problem.code === 'rule.unknownFact' ? { code: problem.code, params: { fact: problem.fact } } : { code: problem.code, params: { name: problem.name } } });
  }
  const unknownParameter = Object.keys(input.params).find((name) => !names.has(name));
  if (unknownParameter) throw invalid({ [`params.${unknownParameter}`]: { code: 'rule.unknownParameter', params: { name: unknownParameter } } });

  const variant = { eligibility: input.eligibility ?? base.eligibility, amount: input.amount ?? base.amount, params: { ...baseParams, ...input.params } };
  const periods = base.periodKind === 'oneOff' ? 1 : base.periods;
  const baseline: Side = { eligible: 0, perPeriod: 0, total: 0 };
  const changed: Side = { eligible: 0, perPeriod: 0, total: 0 };
  const gained: string[] = [];
  const lost: string[] = [];
  const groups = { industry: new Map<string | null, [number, number]>(), education: new Map<string | null, [number, number]>(), tier: new Map<string | null, [number, number]>() };
  const evaluate = (id: string, facts: Facts) => {
    const before = isEligible(base.eligibility, { ...facts, params: baseParams });
    const after = isEligible(variant.eligibility, { ...facts, params: variant.params });
    if (before) add(baseline, amountOf(base.amount, { ...facts, params: baseParams }), periods);
    if (after) add(changed, amountOf(variant.amount, { ...facts, params: variant.params }), periods);
    if (after && !before) gained.push(id);
    if (before && !after) lost.push(id);
    for (const [name, counts] of Object.entries(groups)) {
      const key = facts[name] === null || facts[name] === undefined ? null : String(facts[name]);
      const entry = counts.get(key) ?? [0, 0];
      counts.set(key, [entry[0] + Number(before), entry[1] + Number(after)]);
    }
  };
  // the registry is read in chunks (one short statement each, in id order), so the connection is free between them
  // and the evaluation of one chunk is the longest the event loop is held
  let subjects = 0;
  for (let after: string | null = null; ; ) {
    const chunk = await matchingSubjects(db, policy, input.asOf, null, { after, limit: subjectChunkSize });
    subjects += chunk.length;
    for (const { id, facts } of chunk) evaluate(id, facts);
    if (chunk.length < subjectChunkSize) break;
    after = chunk[chunk.length - 1].id;
    await nextTurn();
  }
  const use = (await budgetUse(db, [policyId])).get(policyId);
  const result: SimulationResult = {
    subjects,
    baseline,
    variant: changed,
    newlyEligible: { count: gained.length, items: await namesOf(db, kind, gained.slice(0, listed)) },
    noLongerEligible: { count: lost.length, items: await namesOf(db, kind, lost.slice(0, listed)) },
    budget: { total: policy.budgetTotal, committed: use?.committed ?? 0, remaining: policy.budgetTotal - (use?.committed ?? 0) },
    breakdown: Object.fromEntries(Object.entries(groups).map(([name, counts]) => [name, breakdownOf(counts)])) as SimulationResult['breakdown'],
    versionNumber: base.number,
    baseParams,
  };
  return db.transaction(async (tx) => {
    const change: SimulationChange = { params: input.params, eligibility: input.eligibility ?? null, amount: input.amount ?? null };
    const [saved] = await tx.insert(simulations).values({ policyId, name: input.name, asOf: input.asOf, change, result, createdBy: actor.userId! }).returning();
    await recordAudit(tx, actor, { action: 'policy.simulate', targetType: 'policy', targetId: policyId, changes: { simulation: saved.id, name: input.name, asOf: input.asOf, ...change } });
    return presentSimulation(saved);
  });
}

function add(side: Side, amount: number, periods: number) {
  side.eligible += 1;
  side.perPeriod += amount;
  side.total += amount * periods;
}

const breakdownOf = (counts: Map<string | null, [number, number]>): Breakdown =>
  [...counts.entries()]
    .map(([key, [baseline, variant]]) => ({ key, baseline, variant }))
    .filter((row) => row.baseline || row.variant)
    .sort((a, b) => b.variant - a.variant || b.baseline - a.baseline);

async function namesOf(executor: Executor, kind: 'talent' | 'enterprise', ids: string[]) {
  if (!ids.length) return [];
  const table = kind === 'talent' ? talents : organisations;
  const rows = await executor.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids));
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

const presentSimulation = (row: typeof simulations.$inferSelect) => ({
  id: row.id,
  policyId: row.policyId,
  name: row.name,
  asOf: row.asOf,
  change: row.change as SimulationChange,
  result: row.result as SimulationResult,
  createdAt: row.createdAt.toISOString(),
});

export async function listSimulations(executor: Executor, policyId: string) {
  const rows = await executor.select().from(simulations).where(eq(simulations.policyId, policyId)).orderBy(desc(simulations.createdAt)).limit(50);
  return rows.map(presentSimulation);
}
