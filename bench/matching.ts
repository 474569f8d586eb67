/**
 * Matching benchmark (人岗匹配): generated demands ranked against 100,000 generated talents (the seeded generator of
 * `matching.fixtures.ts`, no database), the top 20 of each. Measured: the indexed ranking (`rankIndexed`: only talents
 * sharing the demand's discipline or a skill are scored, exact by the score bound) against the baseline in the same
 * process, every eligible talent scored (`rankAll`); both must give the same top 20. Prints p50/p95 per query and the
 * time to build the profiles (jieba, once per talent) and the index.
 */
import { buildDictionary, buildProfile, compileQuery, indexProfiles, rankAll, rankIndexed } from '../src/server/modules/demands/matching';
import { generatedDemands, generatedSources, matchingDisciplines, matchingSkills, seededStream } from '../src/server/modules/demands/matching.fixtures';

export type MatchingBenchOptions = { talents: number; demands: number; baselineDemands: number };

const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))];
const ms = (value: number) => `${value.toFixed(2)} ms`;

export async function runMatchingBenchmark(options: MatchingBenchOptions) {
  console.log(`\n— matching: ${options.demands.toLocaleString()} demands × ${options.talents.toLocaleString()} talents (top 20) —`);
  const random = seededStream(2026);
  const dictionary = buildDictionary(matchingDisciplines, matchingSkills);
  let started = performance.now();
  const sources = generatedSources(options.talents, random);
  const profiles = sources.map((source) => buildProfile(source, dictionary, 2026));
  const profileTime = performance.now() - started;
  started = performance.now();
  const index = indexProfiles(profiles);
  const indexTime = performance.now() - started;
  console.log(`profiles (jieba) ${(profileTime / 1000).toFixed(1)} s, index ${(indexTime / 1000).toFixed(1)} s`);
  const queries = generatedDemands(options.demands, random).map((demand) => compileQuery(demand, dictionary));

  const indexed: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    rankIndexed(query, index, 20);
    indexed.push(performance.now() - start);
  }
  // the baseline on a sample (a full scan per demand), checking the answers agree
  const baseline: number[] = [];
  let disagreements = 0;
  for (const query of queries.slice(0, options.baselineDemands)) {
    const start = performance.now();
    const all = rankAll(query, profiles, 20);
    baseline.push(performance.now() - start);
    const fast = rankIndexed(query, index, 20);
    if (JSON.stringify(all.map((entry) => [entry.profile.id, entry.score])) !== JSON.stringify(fast.map((entry) => [entry.profile.id, entry.score]))) disagreements += 1;
  }
  const p95 = percentile(indexed, 0.95);
  const baseP95 = percentile(baseline, 0.95);
  console.log(`indexed   p50 ${ms(percentile(indexed, 0.5))}  p95 ${ms(p95)}  (${indexed.length} demands, ${(indexed.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s in all)`);
  console.log(`full scan p50 ${ms(percentile(baseline, 0.5))}  p95 ${ms(baseP95)}  (${baseline.length} demands)`);
  console.log(`p95 ${(baseP95 / p95).toFixed(1)}× faster than the full scan; answers that differ: ${disagreements}`);
}
