/**
 * Rules benchmark: ten policies written over the talent fact model (src/domain/policies/facts.ts), applied to
 * 100,000 generated talents (a seeded generator: the same records every run).
 *
 * In JavaScript, per record: `evaluate` (the reference interpreter), `compile` (its compile time apart), json-logic-js
 * `apply` (the baseline) and json-rules-engine `Engine.run` (the same rules translated to its format where it can say
 * them; it is async and slow, so it runs on a sample and its figures are per record).
 * In SQL: `SELECT id FROM facts WHERE <toSql>` on PGlite and, with BENCH_DATABASE_URL, PostgreSQL, against the
 * baseline of fetching every row and applying the compiled rule in JavaScript; both must select the same subjects.
 */
import { sql, type SQL } from 'drizzle-orm';
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import jsonLogic from 'json-logic-js';
import { talentFacts, type Facts } from '../src/domain/policies/facts';
import { compile, evaluate, isConstant, sqlArrayLiteral, toSql, truthy, wholeYearsBetween, type Rule } from '../src/domain/rules';
import { openDatabase, type Database } from '../src/server/db/client';

export type RulesBenchOptions = {
  talents: number;
  /** Timed runs per SQL query (after one warm-up run). */
  runs: number;
  /** Records json-rules-engine runs on (it is async: tens of µs per record). */
  rulesEngineSample: number;
  pglite: boolean;
  postgresUrl?: string;
};

const asOf = '2026-06-30';
jsonLogic.add_operation('age_at', wholeYearsBetween);
jsonLogic.add_operation('years_between', wholeYearsBetween);

// ——— the demo policies ———

type Policy = { name: string; rule: Rule; params: Record<string, unknown> };
const v = (name: string) => ({ var: name });

export const demoPolicies: Policy[] = [
  {
    name: '生活补贴 living subsidy',
    rule: {
      and: [
        { '>=': [v('education'), v('params.minEducation')] },
        { '<=': [{ age_at: [v('birthDate'), v('params.asOf')] }, v('params.maxAge')] },
        { '<=': [{ years_between: [v('arrivedOn'), v('params.asOf')] }, v('params.withinYears')] },
        { '==': [v('status'), 'inZone'] },
      ],
    },
    params: { minEducation: 6, maxAge: 35, withinYears: 3, asOf },
  },
  {
    name: '高层次人才 high-level talent',
    rule: { and: [{ '==': [v('status'), 'inZone'] }, { or: [{ in: [v('tier'), v('params.tiers')] }, { '>=': [v('title'), 4] }] }] },
    params: { tiers: ['A', 'B'] },
  },
  {
    name: '人才公寓 talent apartment',
    rule: { and: [{ '==': [v('status'), 'inZone'] }, { '!': { in: ['已购房', v('tags')] } }, { '>=': [v('education'), 5] }, { '<=': [v('yearsInZone'), v('params.maxYears')] }] },
    params: { maxYears: 5 },
  },
  {
    name: '创业贷款贴息 startup loan interest',
    rule: { and: [{ in: ['创业', v('tags')] }, { or: [v('overseas'), { '>=': [v('education'), 6] }, { in: ['海归', v('tags')] }] }, { '<=': [v('age'), 45] }] },
    params: {},
  },
  { name: '博士后 postdoc', rule: { in: ['博士后', v('tags')] }, params: {} },
  { name: '实习补贴 internship', rule: { and: [{ '>=': [v('education'), 5] }, { '<=': [v('age'), v('params.maxInternAge')] }] }, params: { maxInternAge: 25 } },
  { name: '职称评审支持 title evaluation', rule: { and: [{ '>=': [v('title'), 2] }, { '>=': [v('yearsInZone'), 2] }] }, params: {} },
  {
    name: '产业人才 industry talent',
    rule: { and: [{ in: [v('industry'), v('params.industries')] }, { '>=': [v('salaryBand'), 4] }, { in: [v('employerSize'), ['micro', 'small', 'medium']] }] },
    params: { industries: ['digitalEconomy', 'newMaterials', 'pumpsValves'] },
  },
  { name: '技能人才 skilled worker', rule: { and: [{ '>=': [v('skillLevel'), 3] }, { '<=': [22, v('age'), 40] }] }, params: {} },
  {
    name: '青年英才 young talent',
    rule: { and: [{ '<': [v('age'), v('params.youngAge')] }, { or: [{ in: ['c985', v('schoolCategories')] }, { in: ['doubleFirstClass', v('schoolCategories')] }, { in: ['overseasTop', v('schoolCategories')] }] }, { '!=': [v('status'), 'left'] }] },
    params: { youngAge: 35 },
  },
];

// ——— generated talents ———

/** mulberry32: a small seeded generator, so every run sees the same records. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateTalents(count: number, seed = 20260630): Facts[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const weighted = <T>(pairs: [T, number][]) => {
    let roll = next() * pairs.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of pairs) if ((roll -= weight) < 0) return value;
    return pairs[pairs.length - 1][0];
  };
  const maybe = <T>(share: number, value: () => T) => (next() < share ? value() : null);
  const date = (from: number, to: number) => `${from + Math.floor(next() * (to - from + 1))}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const tags = ['海归', '博士后', '省级人才', '青年英才', '已购房', '创业', '科技特派员'];
  const tagShares = [0.1, 0.03, 0.04, 0.08, 0.3, 0.06, 0.02];
  return Array.from({ length: count }, () => {
    const birthDate = maybe(0.97, () => date(1960, 2004));
    const arrivedOn = maybe(0.95, () => date(Math.max(2005, Number(birthDate?.slice(0, 4) ?? 1990) + 18), 2026));
    return {
      education: maybe(0.98, () => weighted([[7, 5], [6, 20], [5, 40], [4, 20], [3, 7], [2, 5], [1, 3]])),
      schoolCategories: maybe(0.9, () => ['c985', 'c211', 'doubleFirstClass', 'overseasTop'].filter(() => next() < 0.15)),
      overseas: maybe(0.95, () => next() < 0.1),
      title: maybe(0.6, () => weighted([[1, 40], [2, 35], [3, 18], [4, 7]])),
      skillLevel: maybe(0.3, () => 1 + Math.floor(next() * 5)),
      tier: maybe(0.92, () => weighted([['A', 2], ['B', 5], ['C', 15], ['D', 30], ['E', 48]])),
      industry: maybe(0.95, () => pick(['digitalEconomy', 'pumpsValves', 'newMaterials', 'biomedicine', 'equipment', 'services'])),
      chain: maybe(0.8, () => pick(['valves', 'chips', 'materials', 'pharma'])),
      arrivalRoute: maybe(0.9, () => pick(['civilService', 'marketHire', 'flexible', 'localTraining', 'selfArrived'])),
      status: weighted([['inZone', 85], ['flexibleService', 8], ['left', 7]]),
      gender: maybe(0.99, () => pick(['male', 'female'])),
      salaryBand: maybe(0.85, () => 1 + Math.floor(next() * 6)),
      tags: maybe(0.95, () => tags.filter((_, index) => next() < tagShares[index])),
      age: wholeYearsBetween(birthDate, asOf),
      yearsInZone: wholeYearsBetween(arrivedOn, asOf),
      birthDate,
      arrivedOn,
      employerId: maybe(0.97, () => `e${Math.floor(next() * 2000)}`),
      employerIndustry: maybe(0.95, () => pick(['digitalEconomy', 'pumpsValves', 'newMaterials', 'biomedicine'])),
      employerSize: maybe(0.95, () => weighted([['micro', 30], ['small', 40], ['medium', 20], ['large', 10]])),
    } satisfies Record<keyof typeof talentFacts, Facts[string]>;
  });
}

// ——— json-rules-engine ———

const engineOperators: Record<string, string> = { '==': 'equal', '!=': 'notEqual', '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive' };
const mirrored: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

/** A JsonLogic rule in json-rules-engine's format, or undefined where it cannot say it (computed values such as `age_at`). */
function toRulesEngine(rule: Rule, params: Record<string, unknown>): NestedCondition | undefined {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return undefined;
  const [operator, raw] = Object.entries(rule)[0];
  const values = (Array.isArray(raw) ? raw : [raw]) as Rule[];
  const constant = (value: Rule) => evaluate(value, { params });
  const factName = (value: Rule) => (typeof value === 'object' && value !== null && 'var' in value && !isConstant(value) ? String((value as { var: unknown }).var) : undefined);
  const nested = (items: Rule[]) => {
    const conditions = items.map((item) => toRulesEngine(item, params));
    return conditions.every(Boolean) ? (conditions as NestedCondition[]) : undefined;
  };
  if (operator === 'and' || operator === 'or') {
    const conditions = nested(values);
    return conditions && (operator === 'and' ? { all: conditions } : { any: conditions });
  }
  if (operator === '!') {
    const inner = toRulesEngine(values[0], params);
    return inner && { not: inner };
  }
  if (operator === 'var') return factName(rule) ? { fact: factName(rule)!, operator: 'equal', value: true } : undefined;
  if (operator === 'in') {
    const [needle, haystack] = values;
    if (factName(needle) && isConstant(haystack)) return { fact: factName(needle)!, operator: 'in', value: constant(haystack) };
    if (isConstant(needle) && factName(haystack)) return { fact: factName(haystack)!, operator: 'contains', value: constant(needle) };
    return undefined;
  }
  if (!(operator in engineOperators)) return undefined;
  if (values.length === 3) {
    // a ≤ x ≤ b: two conditions on x
    const bounds = nested([{ [mirrored[operator]]: [values[1], values[0]] }, { [operator]: [values[1], values[2]] }]);
    return bounds && { all: bounds };
  }
  const [left, right] = values;
  if (factName(left) && isConstant(right)) return { fact: factName(left)!, operator: engineOperators[operator], value: constant(right) as never };
  if (isConstant(left) && factName(right)) return { fact: factName(right)!, operator: engineOperators[mirrored[operator]], value: constant(left) as never };
  return undefined;
}

const topLevel = (condition: NestedCondition): TopLevelCondition => ('all' in condition || 'any' in condition || 'not' in condition ? (condition as TopLevelCondition) : { all: [condition] });

// ——— measuring ———

const nsPerRecord = (started: number, records: number) => ((performance.now() - started) * 1e6) / records;

/**
 * The rule data of each record: the record itself, given `params` (one named store keeps the object in V8's fast mode,
 * every record on one hidden class). Not a copy: `Object.assign({}, record, { params })` makes twenty-odd keyed stores,
 * which turn the copy into a dictionary (slow properties), and `{ ...record, params }` copies end up on many hidden
 * classes; either hides the engines' own costs behind property lookups (compiled: 100–300 ns vs 40 ns per record and
 * policy). The same objects go to every engine.
 */
function withParams<T extends Record<string, unknown>>(record: T, params: Record<string, unknown>) {
  const data = record as T & { params: Record<string, unknown> };
  data.params = params;
  return data;
}

/** Time of applying `apply` to every record, per record, after a warm-up pass; the count keeps the work observable. */
function timeEach(data: Record<string, unknown>[], apply: (data: Record<string, unknown>) => unknown) {
  let count = 0;
  // warm-up on a slice, so the timed pass runs optimized code
  for (const item of data.slice(0, 5000)) if (truthy(apply(item))) count += 1;
  count = 0;
  const started = performance.now();
  for (const item of data) if (truthy(apply(item))) count += 1;
  return { ns: nsPerRecord(started, data.length), count };
}

async function timeRulesEngine(records: Facts[], policy: Policy) {
  const condition = toRulesEngine(policy.rule, policy.params);
  if (!condition) return undefined;
  const engine = new Engine([{ conditions: topLevel(condition), event: { type: 'eligible' } }], { allowUndefinedFacts: true });
  for (const record of records.slice(0, 200)) await engine.run(record);
  const started = performance.now();
  for (const record of records) await engine.run(record);
  return nsPerRecord(started, records.length);
}

type JsResult = { name: string; compileUs: number; evaluate: number; compiled: number; jsonLogic: number; rulesEngine?: number; matches: number };

/** Every policy's parameters in one object (their names differ), so one data object per subject serves them all. */
const allParams = Object.assign({}, ...demoPolicies.map((policy) => policy.params)) as Record<string, unknown>;

/** All policies on each record in turn (a subject read once, every policy applied): ns per record and policy. */
function timeAllPolicies(data: Record<string, unknown>[], appliers: ((data: Record<string, unknown>) => unknown)[]) {
  let count = 0;
  const started = performance.now();
  for (const item of data) for (const apply of appliers) if (truthy(apply(item))) count += 1;
  return { ns: nsPerRecord(started, data.length * appliers.length), count };
}

async function benchmarkJs(records: Facts[], options: RulesBenchOptions): Promise<JsResult[]> {
  const results: JsResult[] = [];
  const sample = records.slice(0, options.rulesEngineSample);
  const data = records.map((record) => withParams(record, allParams));
  for (const policy of demoPolicies) {
    const compileStarted = performance.now();
    for (let index = 0; index < 100; index += 1) compile(policy.rule);
    const compileUs = ((performance.now() - compileStarted) * 1000) / 100;
    const compiled = compile(policy.rule);
    const reference = timeEach(data, (item) => evaluate(policy.rule, item));
    const fast = timeEach(data, compiled);
    const baseline = timeEach(data, (item) => jsonLogic.apply(policy.rule as jsonLogic.RulesLogic, item));
    if (reference.count !== fast.count || fast.count !== baseline.count) throw new Error(`${policy.name}: the engines disagree (${reference.count}, ${fast.count}, ${baseline.count})`);
    const rulesEngine = await timeRulesEngine(sample, policy);
    results.push({ name: policy.name, compileUs, evaluate: reference.ns, compiled: fast.ns, jsonLogic: baseline.ns, rulesEngine, matches: fast.count });
  }
  const compiledAll = demoPolicies.map((policy) => compile(policy.rule));
  const evaluateAll = demoPolicies.map((policy) => (item: Record<string, unknown>) => evaluate(policy.rule, item));
  const jsonLogicAll = demoPolicies.map((policy) => (item: Record<string, unknown>) => jsonLogic.apply(policy.rule as jsonLogic.RulesLogic, item));
  for (const appliers of [compiledAll, evaluateAll, jsonLogicAll]) timeAllPolicies(data.slice(0, 5000), appliers); // warm-up
  // the three engines take turns, five passes each, and each keeps its median pass: a shared machine's noise hits all
  const passes = Array.from({ length: 5 }, () => [compiledAll, evaluateAll, jsonLogicAll].map((appliers) => timeAllPolicies(data, appliers)));
  const [compiledRun, evaluateRun, jsonLogicRun] = [0, 1, 2].map((engine) => {
    const runs = passes.map((pass) => pass[engine]).sort((a, b) => a.ns - b.ns);
    return runs[Math.floor(runs.length / 2)];
  });
  const rulesEngineRuns = results.filter((result) => result.rulesEngine !== undefined);
  results.push({
    name: `all ${demoPolicies.length} policies per record`,
    compileUs: results.reduce((sum, result) => sum + result.compileUs, 0),
    evaluate: evaluateRun.ns,
    compiled: compiledRun.ns,
    jsonLogic: jsonLogicRun.ns,
    rulesEngine: rulesEngineRuns.reduce((sum, result) => sum + result.rulesEngine!, 0) / rulesEngineRuns.length,
    matches: compiledRun.count,
  });
  return results;
}

// ——— SQL ———

const columnTypes = { number: 'integer', ordinal: 'integer', code: 'text', date: 'text', codes: 'text[]', boolean: 'boolean' } as const;
const factNames = Object.keys(talentFacts) as (keyof typeof talentFacts)[];
const column = (fact: string) => `"${fact}"`;

/** toSql's `$n` text and values as a drizzle query. */
const query = (text: string, values: unknown[]): SQL => sql.join(text.split(/\$(\d+)/).map((part, index) => (index % 2 ? sql`${values[Number(part) - 1]}` : sql.raw(part))));

async function loadFacts(database: Database, records: Facts[]) {
  const started = performance.now();
  await database.db.execute(sql.raw('drop table if exists rules_bench_facts'));
  await database.db.execute(sql.raw(`create table rules_bench_facts (id integer primary key, ${factNames.map((fact) => `${column(fact)} ${columnTypes[talentFacts[fact].type]}`).join(', ')})`));
  const cell = (value: Facts[string]) => (Array.isArray(value) ? sql`${sqlArrayLiteral(value)}::text[]` : sql`${value}`);
  for (let start = 0; start < records.length; start += 1000) {
    const rows = records.slice(start, start + 1000).map((record, index) => sql`(${start + index}, ${sql.join(factNames.map((fact) => cell(record[fact])), sql`, `)})`);
    await database.db.execute(sql`insert into rules_bench_facts values ${sql.join(rows, sql`, `)}`);
  }
  await database.db.execute(sql.raw('analyze rules_bench_facts'));
  console.log(`${database.kind}: ${records.length} fact rows loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const rowsOf = async (database: Database, statement: SQL) => ((await database.db.execute(statement)) as unknown as { rows: Record<string, unknown>[] }).rows;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function timed<T>(runs: number, run: () => Promise<T>) {
  let result = await run(); // warm-up
  const durations: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    result = await run();
    durations.push(performance.now() - started);
  }
  return { ms: median(durations), result };
}

type SqlResult = { name: string; sqlMs: number; jsMs: number; matches: number };

async function benchmarkSql(database: Database, records: Facts[], options: RulesBenchOptions) {
  await loadFacts(database, records);
  const fetched = await timed(options.runs, () => rowsOf(database, sql.raw('select * from rules_bench_facts')));
  const results: SqlResult[] = [];
  for (const policy of demoPolicies) {
    const condition = toSql(policy.rule, { model: talentFacts, column, params: policy.params });
    if (!condition.ok) throw new Error(`${policy.name}: toSql refused ${JSON.stringify(condition.problems)}`);
    const scan = await timed(options.runs, () => rowsOf(database, query(`select id from rules_bench_facts where ${condition.sql}`, condition.values)));
    const compiled = compile(policy.rule);
    const js = await timed(options.runs, async () => fetched.result.filter((row) => truthy(compiled(withParams(row, policy.params)))).length);
    if (scan.result.length !== js.result) throw new Error(`${policy.name}: SQL selects ${scan.result.length}, JavaScript ${js.result}`);
    results.push({ name: policy.name, sqlMs: scan.ms, jsMs: js.ms, matches: js.result });
  }
  return { fetchMs: fetched.ms, results };
}

// ——— printing ———

const displayWidth = (text: string) => [...text].reduce((width, character) => width + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(character) ? 2 : 1), 0);
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
function printTable(title: string, header: string[], lines: string[][]) {
  const widths = header.map((name, index) => Math.max(displayWidth(name), ...lines.map((line) => displayWidth(line[index]))));
  const row = (cells: string[]) => `| ${cells.map((cell, index) => pad(cell, widths[index])).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log([row(header), row(widths.map((width) => '-'.repeat(width))), ...lines.map(row)].join('\n'));
}
const ns = (value: number) => `${value < 100 ? value.toFixed(1) : value.toFixed(0)} ns`;
const ratio = (baseline: number, value: number) => `${(baseline / value).toFixed(1)}×`;
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;

function printJs(results: JsResult[], records: number, options: RulesBenchOptions) {
  printTable(
    `JavaScript, per record (${records} records; json-rules-engine on the first ${Math.min(options.rulesEngineSample, records)}, per record)`,
    ['policy', 'matches', 'compile', 'evaluate', 'compiled', 'json-logic-js', 'json-rules-engine', 'compiled vs json-logic-js', 'evaluate vs json-logic-js'],
    results.map((result) => [
      result.name, String(result.matches), `${result.compileUs.toFixed(1)} µs`, ns(result.evaluate), ns(result.compiled), ns(result.jsonLogic),
      result.rulesEngine === undefined ? '— (age_at)' : ns(result.rulesEngine), ratio(result.jsonLogic, result.compiled), ratio(result.jsonLogic, result.evaluate),
    ]),
  );
  const all = results[results.length - 1];
  const worst = Math.min(...results.map((result) => result.jsonLogic / result.compiled));
  console.log(`(the last row: ns per record and policy, json-rules-engine the mean of the policies it can express; "matches" counts record-policy pairs)`);
  console.log(`target: compiled at least 20× json-logic-js — ${all.jsonLogic / all.compiled >= 20 ? 'met' : 'NOT met'} on all policies per record (${ratio(all.jsonLogic, all.compiled)}); worst single policy ${worst.toFixed(1)}×`);
}

function printSql(kind: string, { fetchMs, results }: { fetchMs: number; results: SqlResult[] }, records: number, target?: number) {
  printTable(
    `${kind}: SELECT id … WHERE <toSql> over ${records} rows (median of runs) vs fetching every row (${ms(fetchMs)}, once for all) + compiled rule in JS`,
    ['policy', 'matches', 'SQL scan', 'JS on fetched rows', 'fetch + JS vs SQL'],
    results.map((result) => [result.name, String(result.matches), ms(result.sqlMs), ms(result.jsMs), ratio(fetchMs + result.jsMs, result.sqlMs)]),
  );
  const total = results.reduce((sum, result) => sum + result.sqlMs, 0);
  const baseline = fetchMs + results.reduce((sum, result) => sum + result.jsMs, 0);
  console.log(`all ${results.length} policies: SQL ${ms(total)}, baseline ${ms(baseline)}${target ? ` — target under ${target} ms ${total < target ? 'met' : 'NOT met'}` : ''}`);
}

export async function runRulesBenchmark(options: RulesBenchOptions) {
  const started = performance.now();
  const records = generateTalents(options.talents);
  console.log(`\nrules: ${records.length} talents generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  printJs(await benchmarkJs(records, options), records.length, options);
  if (options.pglite) {
    const database = await openDatabase({ kind: 'pglite' });
    try {
      printSql('PGlite (in memory)', await benchmarkSql(database, records, options), records.length);
    } finally {
      await database.close();
    }
  }
  if (options.postgresUrl) {
    const database = await openDatabase({ kind: 'postgres', url: options.postgresUrl, poolSize: 2 });
    try {
      printSql('PostgreSQL', await benchmarkSql(database, records, options), records.length, 2000);
    } finally {
      await database.db.execute(sql.raw('drop table if exists rules_bench_facts'));
      await database.close();
    }
  } else {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL to a database of its own)');
  }
}
