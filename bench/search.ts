/**
 * Search benchmark: the talent registry's search and filters on 100,000 generated talents (plus the demo's 2,000), on
 * PGlite in memory and — with BENCH_DATABASE_URL — on PostgreSQL, against a baseline run in the same process on the
 * same data: a plain `ILIKE '%…%'` scan over name, post, employer, school and major concatenated.
 *
 * The app side goes through the real search path, `listTalentSummaries` (the service behind GET /api/talents: the
 * page of 20 and the total), as the office sees it; the text searches also run as GET /api/talents through
 * `buildApp` + `app.inject` (session, validation, serialisation included). The output gives median and p95 per kind
 * of query with the ratio to the baseline, each text search's matches and order (ranked by relevance or most recently
 * updated first, see `searchListLimits`), and whether the issue's target is met: a two-word Chinese query's p95 under
 * 50 ms on PostgreSQL and under 100 ms on PGlite (service and HTTP). `--explain` prints the plans of the very queries
 * the service runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { count, eq, sql, type Logger, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase, pgliteOf, type Database, type Db } from '../src/server/db/client';
import { demoPassword } from '../src/server/db/demo';
import { addGeneratedTalents } from '../src/server/db/demo/scale';
import * as schema from '../src/server/db/schema';
import { talents, users } from '../src/server/db/schema';
import { insertTalents, ranksMatches, searchListLimits } from '../src/server/modules/talents/talents.repo';
import { listTalentSummaries, searchFilter, talentRecord, type TalentListInput } from '../src/server/modules/talents/talents.service';
import type { SessionUser } from '../src/server/plugins/auth';
import { createSecrets } from '../src/server/security/secrets';

/** The benchmark's own master secret: a PostgreSQL database it filled once can be reused by later runs. */
export const benchSecret = 'talentzone-bench-secret-0123456789abcdef';
const secrets = createSecrets(benchSecret);
const root = resolve(import.meta.dirname, '..');

export type SearchBenchOptions = {
  /** Generated talents on top of the demo data. */
  talents: number;
  /** Timed runs per case (after warm-up). */
  runs: number;
  /** Which databases: PGlite always unless skipped; PostgreSQL when a URL is given. */
  pglite: boolean;
  postgresUrl?: string;
  /** Ignore the cached PGlite dump. */
  fresh: boolean;
  /** Print EXPLAIN ANALYZE of the search queries. */
  explain: boolean;
};

type Filters = Omit<TalentListInput, 'page' | 'pageSize' | 'sort'>;
type Case = {
  name: string;
  /** Inputs cycled through the runs. */
  inputs: Filters[];
  /** The baseline query for one input. */
  baseline: (input: Filters) => SQL;
};

type Stats = { median: number; p95: number };
/** One input as the app answers it: its total, whether the count stopped at the cap, whether the page is ranked. */
type InputResult = { label: string; total: number; totalCapped: boolean; ranked: boolean; median: number };
export type CaseResult = { name: string; app: Stats; baseline: Stats; http?: Stats; inputs: InputResult[] };

// ——— data ———

/** Where a built PGlite database is kept between runs, keyed by the generator's, schema's and search's sources. */
function pgliteCacheFile(total: number) {
  const hash = createHash('sha256');
  const directories = ['src/server/db/demo', 'src/server/db/migrations', 'src/server/search'];
  for (const directory of directories) {
    for (const file of readdirSync(join(root, directory), { recursive: true, withFileTypes: true })) {
      // refresh.ts brings old rows up to date at start-up: generated rows are current, so it changes nothing stored
      if (file.isFile() && !file.name.endsWith('.test.ts') && file.name !== 'refresh.ts') hash.update(readFileSync(join(file.parentPath, file.name)));
    }
  }
  // what the stored rows depend on outside those folders: how a talent becomes a record and is inserted (the list
  // queries of the same files may change without rebuilding the data)
  for (const stores of [talentRecord, insertTalents]) hash.update(stores.toString());
  return join(root, 'node_modules/.cache/talentzone-bench', `pglite-${total}-${hash.digest('hex').slice(0, 12)}.tar.gz`);
}

const progress = (label: string) => ({ added, wanted, seconds }: { added: number; wanted: number; seconds: number }) => {
  if (added === wanted || added % 20_000 === 0) console.log(`  ${label}: ${added} / ${wanted} talents generated (${seconds.toFixed(0)} s)`);
};

export async function pgliteDatabase(options: Pick<SearchBenchOptions, 'talents' | 'fresh'>): Promise<Database> {
  const cache = pgliteCacheFile(options.talents);
  if (!options.fresh && existsSync(cache)) {
    const started = performance.now();
    const database = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([gunzipSync(readFileSync(cache))], { type: 'application/x-tar' }) });
    console.log(`PGlite: loaded the cached database (${cache.replace(`${root}/`, '')}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return database;
  }
  const database = await openDatabase({ kind: 'pglite' });
  await database.migrate();
  const result = await addGeneratedTalents(database.db, secrets, { count: options.talents, batchSize: 5000, onProgress: progress('PGlite') });
  console.log(`PGlite: demo data and ${result.added} generated talents in ${result.seconds.toFixed(0)} s (${result.perSecond} talents/s)`);
  await database.db.execute(sql`vacuum analyze`);
  mkdirSync(join(cache, '..'), { recursive: true });
  writeFileSync(cache, Buffer.from(await (await pgliteOf(database)!.dumpDataDir('gzip')).arrayBuffer()));
  return database;
}

export async function postgresDatabase(url: string, options: Pick<SearchBenchOptions, 'talents'>): Promise<Database> {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  await database.migrate();
  const [{ stored }] = await database.db.select({ stored: count() }).from(talents);
  const [office] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'office'));
  const wanted = options.talents + 2000;
  if (stored > 0 && !office) throw new Error('BENCH_DATABASE_URL holds data that is not the demo data: give the benchmark a database of its own');
  if (stored < wanted) {
    const result = await addGeneratedTalents(database.db, secrets, { count: stored === 0 ? options.talents : wanted - stored, batchSize: 5000, overlap: true, onProgress: progress('PostgreSQL') });
    console.log(`PostgreSQL: ${result.loadedDemo ? 'demo data and ' : ''}${result.added} generated talents in ${result.seconds.toFixed(0)} s (${result.perSecond} talents/s)`);
  } else {
    console.log(`PostgreSQL: reusing the ${stored} talents already in the database`);
  }
  await database.db.execute(sql`vacuum analyze`);
  return database;
}

// ——— cases ———

const rowsOf = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** The naive search: every word as `ILIKE '%word%'` over name, post, employer, school and major, computed per row. */
function baselineSearch(words: string[], filters: SQL[] = []) {
  const haystack = sql`concat_ws(' ', t.name, t.post, o.name, t.employer_name,
    (select string_agg(e.school || ' ' || e.major, ' ') from talent_educations e where e.talent_id = t.id))`;
  const conditions = [...words.map((word) => sql`${haystack} ilike ${`%${word}%`}`), ...filters];
  const where = conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
  return sql`
    with page as (
      select t.*, o.name as employer from talents t left join organisations o on o.id = t.employer_id
      where ${where} order by t.updated_at desc, t.id limit 20
    )
    select (select count(*) from talents t left join organisations o on o.id = t.employer_id where ${where}) as total, page.* from page`;
}

const equalities = (input: Filters) => [
  input.industry ? sql`t.industry = ${input.industry}` : undefined,
  input.education ? sql`t.highest_education = ${input.education}` : undefined,
  input.status ? sql`t.status = ${input.status}` : undefined,
].filter((condition): condition is SQL => Boolean(condition));

async function cases(db: Db): Promise<Case[]> {
  const sample = await rowsOf<{ name: string; cipher: string }>(db, sql`select name, id_number_cipher as cipher from talents order by id limit 500`);
  const idNumbers = sample.slice(0, 10).map((row) => secrets.decrypt(row.cipher));
  const initials = ['wj', 'lyh', 'zm', 'gxl', 'ct', 'hmj', 'wl', 'sjy', 'dh', 'ljh'];
  const words = (input: Filters) => input.q!.split(/\s+/);
  return [
    {
      name: 'two-word Chinese (泵阀 工程师 …)',
      inputs: ['泵阀 工程师', '太原理工 材料', '人工智能 训练师', '山西大学 化学', '新能源 研发', '阳泉职业技术学院 运营', '数据 分析师', '化工 安全'].map((q) => ({ q })),
      baseline: (input) => baselineSearch(words(input)),
    },
    {
      name: 'one word (工程师, 泵阀 …)',
      inputs: ['工程师', '泵阀', '太原理工', '化工', '技术员', '人工智能', '材料', '经济师'].map((q) => ({ q })),
      baseline: (input) => baselineSearch(words(input)),
    },
    { name: 'pinyin initials (wj, lyh …)', inputs: initials.map((q) => ({ q })), baseline: (input) => baselineSearch(words(input)) },
    {
      name: 'pinyin names (zhang, 张b …)',
      inputs: ['zhang', 'wangjun', 'li', 'zhangb', '张b', 'liu hai', 'chenj', 'zhou'].map((q) => ({ q })),
      baseline: (input) => baselineSearch(words(input)),
    },
    { name: 'exact ID number', inputs: idNumbers.map((q) => ({ q })), baseline: (input) => baselineSearch(words(input)) },
    {
      name: 'filters: industry + education + status',
      inputs: [
        { industry: 'newMaterials', education: 'bachelor', status: 'inZone' },
        { industry: 'pumpsValves', education: 'juniorCollege', status: 'inZone' },
        { industry: 'digitalEconomy', education: 'master', status: 'left' },
        { industry: 'chemicals', education: 'bachelor', status: 'inZone' },
        { industry: 'informationTechnology', education: 'doctorate', status: 'inZone' },
      ] as Filters[],
      baseline: (input) => baselineSearch([], equalities(input)),
    },
  ];
}

// ——— measuring ———

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
function statsOf(durations: number[]): Stats {
  const sorted = [...durations].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

/** Timed runs cycling through the inputs (after a warm-up): the stats of all runs and each input's durations. */
async function measure(runs: number, inputs: Filters[], run: (input: Filters) => Promise<unknown>) {
  for (const input of inputs.slice(0, 3)) await run(input); // warm-up
  const durations: number[] = [];
  const byInput = inputs.map((): number[] => []);
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await run(inputs[index % inputs.length]);
    durations.push(performance.now() - started);
    byInput[index % inputs.length].push(durations[index]);
  }
  return { stats: statsOf(durations), byInput };
}

async function officeUser(db: Db): Promise<SessionUser> {
  const [row] = await db.select().from(users).where(eq(users.username, 'office'));
  return { id: row.id, username: row.username, displayName: row.displayName, roles: row.roles, talentId: row.talentId, organisationId: row.organisationId, unitId: row.unitId };
}

/** The app over HTTP (inject): signs in as the office and returns a GET /api/talents runner. */
async function httpClient(database: Database) {
  const config = loadConfig({ LOG_LEVEL: 'silent', TZ_SECRET: benchSecret, TZ_WEB_DIR: resolve(root, '.tz-test/no-web-bundle'), TZ_DATA_DIR: resolve(root, '.tz-test/bench-data') });
  const app = await buildApp({ config, database, secrets });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office', password: demoPassword } });
  if (login.statusCode !== 200) throw new Error(`office login: ${login.statusCode} ${login.body}`);
  const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0];
  const get = async (input: Filters) => {
    const response = await app.inject({ method: 'GET', url: '/api/talents', query: Object.fromEntries(Object.entries(input).map(([key, value]) => [key, String(value)])), headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`GET /api/talents: ${response.statusCode} ${response.body}`);
    return response;
  };
  return { get, close: () => app.close() };
}

/**
 * EXPLAIN ANALYZE of the queries the service runs for `q`, exactly as it runs them: the service runs once on a second
 * Drizzle instance over the same connection (PGlite) or database (PostgreSQL) whose logger keeps each query and its
 * parameters.
 */
async function explain(database: Database, postgresUrl: string | undefined, user: SessionUser, q: string) {
  const queries: { query: string; params: unknown[] }[] = [];
  const logger: Logger = { logQuery: (query, params) => queries.push({ query, params }) };
  const pglite = pgliteOf(database);
  const pool = pglite ? undefined : new pg.Pool({ connectionString: postgresUrl, max: 1 });
  try {
    const db = (pglite ? drizzlePglite({ client: pglite, schema, logger }) : drizzlePostgres({ client: pool!, schema, logger })) as unknown as Db;
    await listTalentSummaries(db, secrets, user, { page: 1, pageSize: 20, q });
    for (const [index, { query, params }] of queries.entries()) {
      const text = `explain (analyze, buffers) ${query}`;
      const plan = (pglite ? await pglite.query<{ 'QUERY PLAN': string }>(text, params) : await pool!.query<{ 'QUERY PLAN': string }>(text, params)).rows;
      console.log(`\n  EXPLAIN ANALYZE — query ${index + 1} of ${queries.length} for "${q}":\n    ${query}\n${plan.map((row) => `    ${row['QUERY PLAN']}`).join('\n')}`);
    }
  } finally {
    await pool?.end();
  }
}

const textCase = (name: string) => name.startsWith('two-word') || name.startsWith('one word') || name.startsWith('pinyin names');

export async function benchmarkDatabase(database: Database, options: SearchBenchOptions): Promise<CaseResult[]> {
  const db = database.db;
  const user = await officeUser(db);
  const [{ total }] = await db.select({ total: count() }).from(talents);
  console.log(`${database.kind}: ${total} talents; ${options.runs} timed runs per case (after 3 warm-up runs)`);
  const results: CaseResult[] = [];
  const all = await cases(db);
  // warm-up: a database loaded from the cached dump (and PGlite's WebAssembly) is cold; every input three times and one
  // baseline scan bring it to the state a running server is in
  const warming = performance.now();
  for (let round = 0; round < 3; round += 1) {
    for (const entry of all) for (const input of entry.inputs) await listTalentSummaries(db, secrets, user, { page: 1, pageSize: 20, ...input });
  }
  await db.execute(all[0].baseline(all[0].inputs[0]));
  console.log(`warm-up: ${((performance.now() - warming) / 1000).toFixed(1)} s`);
  const http = await httpClient(database);
  try {
    for (const entry of all) {
      const answers = new Map<Filters, { total: number; totalCapped: boolean }>();
      const app = await measure(options.runs, entry.inputs, async (input) => {
        const page = await listTalentSummaries(db, secrets, user, { page: 1, pageSize: 20, ...input });
        answers.set(input, { total: page.total, totalCapped: page.totalCapped });
      });
      const baseline = await measure(options.runs, entry.inputs, (input) => db.execute(entry.baseline(input)));
      const inputs = entry.inputs.map((input, index): InputResult => {
        const answer = answers.get(input)!;
        const label = input.q ?? Object.values(input).join(' + ');
        const ranked = ranksMatches('relevance', searchFilter(input.q, secrets), answer.totalCapped ? Infinity : answer.total);
        return { label, ...answer, ranked, median: statsOf(app.byInput[index]).median };
      });
      const result: CaseResult = { name: entry.name, app: app.stats, baseline: baseline.stats, inputs };
      if (textCase(entry.name)) result.http = (await measure(options.runs, entry.inputs, http.get)).stats;
      results.push(result);
    }
  } finally {
    await http.close();
  }
  if (options.explain) for (const q of ['泵阀 工程师', '工程师']) await explain(database, options.postgresUrl, user, q);
  return results;
}

/** Terminal columns of a text: Han characters and full-width punctuation take two. */
const displayWidth = (text: string) => [...text].reduce((width, character) => width + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(character) ? 2 : 1), 0);
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;

const thousands = (value: number) => value.toLocaleString('en-US');
const matchesOf = (input: InputResult) => `${thousands(input.total)}${input.totalCapped ? '+' : ''}`;

export function printTable(kind: string, results: CaseResult[], target: number) {
  const header = ['case', 'matches (mean)', 'app median', 'app p95', 'HTTP p95', 'ILIKE median', 'ILIKE p95', 'baseline/app (median)', 'baseline/app (p95)'];
  const lines = results.map((result) => {
    const capped = result.inputs.filter((input) => input.totalCapped).length;
    const mean = Math.round(result.inputs.reduce((sum, input) => sum + input.total, 0) / result.inputs.length);
    return [
      result.name,
      `${thousands(mean)}${capped ? ` (${capped} at the cap)` : ''}`,
      ms(result.app.median),
      ms(result.app.p95),
      result.http ? ms(result.http.p95) : '—',
      ms(result.baseline.median),
      ms(result.baseline.p95),
      `${(result.baseline.median / result.app.median).toFixed(1)}×`,
      `${(result.baseline.p95 / result.app.p95).toFixed(1)}×`,
    ];
  });
  console.log(`\n${kind}`);
  console.log(table(header, lines));
  // the text searches one by one: what each matched and in which order the first page came
  const inputs = results.filter((result) => textCase(result.name)).flatMap((result) => result.inputs);
  console.log(`\n${kind}: text searches one by one (relevance: ranked, ≤ ${thousands(searchListLimits.matchLimit)} matches; recent: most recently updated first)`);
  console.log(table(['query', 'matches', 'order', 'app median'], inputs.map((input) => [input.label, matchesOf(input), input.ranked ? 'relevance' : 'recent', ms(input.median)])));
  const [twoWord, oneWord] = results;
  const worst = (result: CaseResult) => Math.max(result.app.p95, result.http?.p95 ?? 0);
  const figures = (result: CaseResult) => `service ${ms(result.app.p95)}, HTTP ${result.http ? ms(result.http.p95) : '—'}`;
  console.log(`target: two-word Chinese query p95 under ${target} ms — ${worst(twoWord) < target ? 'met' : 'NOT met'} (${figures(twoWord)})`);
  console.log(`also: one-word queries, broad words included, p95 under the same ${target} ms — ${worst(oneWord) < target ? 'yes' : 'no'} (${figures(oneWord)})`);
}

/** A Markdown table, columns padded to the widest cell. */
function table(header: string[], lines: string[][]) {
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...lines.map((line) => displayWidth(line[column]))));
  const row = (cells: string[]) => `| ${cells.map((cell, column) => pad(cell, widths[column])).join(' | ')} |`;
  return [row(header), row(widths.map((width) => '-'.repeat(width))), ...lines.map(row)].join('\n');
}

export async function runSearchBenchmark(options: SearchBenchOptions) {
  if (options.pglite) {
    const database = await pgliteDatabase(options);
    try {
      printTable('PGlite (in memory)', await benchmarkDatabase(database, options), 100);
    } finally {
      await database.close();
    }
  }
  if (options.postgresUrl) {
    const database = await postgresDatabase(options.postgresUrl, options);
    try {
      printTable('PostgreSQL', await benchmarkDatabase(database, options), 50);
    } finally {
      await database.close();
    }
  } else {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL to a database of its own, e.g. postgres://postgres@127.0.0.1:5432/bench)');
  }
}
