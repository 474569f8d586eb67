/**
 * Start-up benchmark (`npm run bench -- --only startup [--rounds 3 --seed-talents 100000]`): how long `talentzone
 * start` takes until `GET /api/health` answers, as a child process the way a user runs it (`node src/cli/launch.mjs
 * start`, the server bundle and the web bundle already built), against a baseline measured in the same round: a plain
 * Fastify hello-world started with `node -e`, to its first answer. Medians of the rounds, each figure with its ratio to
 * the baseline and the processor time the child used until healthy (less sensitive to a busy machine than the clock).
 *
 * - first start, PGlite: a new data directory, taking the demo database prepared in advance (`talentzone prepare`; the
 *   first start then prepares the next one in the background: the round waits for it before going on);
 * - first start, PGlite, migrated template only (no spare: initdb skipped, demo data loaded);
 * - first start, PGlite, no templates (TZ_TEMPLATE_DIR=off: initdb, migrations and demo load, as before);
 * - second start, PGlite: the same data directory again;
 * - first and second start on PostgreSQL with BENCH_DATABASE_URL (a database of its own is created and dropped);
 * - the demo seed: `addGeneratedTalents` of `--seed-talents` talents on in-memory PGlite (and PostgreSQL), talents/s.
 *
 * Targets (issue 11): first start < 5 s and second start < 2 s to healthy on PGlite; seed > 5,000 talents/s.
 * The templates go to a folder of the benchmark's own, never ~/.cache.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { ensureWebBuild } from '../src/cli/web-build';
import { openDatabase } from '../src/server/db/client';
import { addGeneratedTalents } from '../src/server/db/demo/scale';
import { createSecrets } from '../src/server/security/secrets';

const root = resolve(import.meta.dirname, '..');
const launcher = join(root, 'src/cli/launch.mjs');
const secrets = createSecrets('talentzone-bench-secret-0123456789abcdef');

export type StartupBenchOptions = { rounds: number; seedTalents: number; pglite: boolean; postgresUrl?: string };

type Timing = { seconds: number; cpu: number };

const freePort = () =>
  new Promise<number>((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });

const answers = (url: string) =>
  new Promise<boolean>((settle) => {
    const request = get(url, (response) => {
      response.resume();
      settle(response.statusCode === 200);
    });
    request.on('error', () => settle(false));
    request.setTimeout(1000, () => request.destroy());
  });

/** The processor time (user + system, s) a process has used so far, from /proc; NaN elsewhere. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Starts a child and times it until `url` answers 200; the child is stopped (SIGTERM) and awaited afterwards. */
async function timeToAnswer(args: string[], env: NodeJS.ProcessEnv, path: string): Promise<Timing> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent', ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((settle) => child.once('exit', () => settle()));
  let done = false;
  void exited.then(() => (done = true));
  try {
    for (;;) {
      if (done) throw new Error(`the process ended before answering:\n${output.slice(-2000)}`);
      if (await answers(`http://127.0.0.1:${port}${path}`)) break;
      if (performance.now() - started > 300_000) throw new Error('no answer within 5 minutes');
      await new Promise((wait) => setTimeout(wait, 20));
    }
    return { seconds: (performance.now() - started) / 1000, cpu: cpuSeconds(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const helloSource = `const app = require('fastify')(); app.get('/', async () => ({ hello: 'world' })); app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;
const baseline = () => timeToAnswer(['-e', helloSource], {}, '/');
const talentzoneStart = (env: NodeJS.ProcessEnv) => timeToAnswer([launcher, 'start'], env, '/api/health');

/** Waits until no process is still making a template in the folder (the background preparation after a first start). */
async function templatesSettled(templateDir: string) {
  const started = performance.now();
  for (;;) {
    const busy = existsSync(templateDir) && readdirSync(templateDir).some((name) => name.startsWith('making-'));
    const spare = existsSync(templateDir) && readdirSync(templateDir).some((name) => name.startsWith('demo-'));
    if (!busy && spare) return (performance.now() - started) / 1000;
    if (performance.now() - started > 300_000) throw new Error('the background preparation did not finish within 5 minutes');
    await new Promise((wait) => setTimeout(wait, 200));
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

type Row = { name: string; timings: Timing[]; baselines: Timing[]; target?: number };

function print(rows: Row[]) {
  console.log(`\n${'what'.padEnd(58)} ${'to healthy'.padStart(10)} ${'cpu'.padStart(7)} ${'hello'.padStart(7)} ${'ratio'.padStart(7)} ${'hello cpu'.padStart(9)} ${'ratio'.padStart(7)}  target`);
  for (const row of rows) {
    const seconds = median(row.timings.map((timing) => timing.seconds));
    const hello = median(row.baselines.map((timing) => timing.seconds));
    const cpu = median(row.timings.map((timing) => timing.cpu));
    const helloCpu = median(row.baselines.map((timing) => timing.cpu));
    const target = row.target === undefined ? '' : `< ${row.target} s: ${seconds < row.target ? 'held' : 'NOT held'}`;
    console.log(
      `${row.name.padEnd(58)} ${`${seconds.toFixed(2)} s`.padStart(10)} ${`${cpu.toFixed(2)} s`.padStart(7)} ` +
        `${`${hello.toFixed(2)} s`.padStart(7)} ${`${(seconds / hello).toFixed(1)}×`.padStart(7)} ${`${helloCpu.toFixed(2)} s`.padStart(9)} ${`${(cpu / helloCpu).toFixed(1)}×`.padStart(7)}  ${target}`,
    );
  }
}

async function seedRate(kind: 'PGlite' | 'PostgreSQL', talents: number, url?: string) {
  const database = url ? await openDatabase({ kind: 'postgres', url, poolSize: 2 }) : await openDatabase({ kind: 'pglite' });
  try {
    await database.migrate();
    const result = await addGeneratedTalents(database.db, secrets, {
      count: talents,
      batchSize: 5000,
      onProgress: ({ added, wanted, seconds }) => added % 25_000 === 0 && added !== wanted && console.log(`  ${kind} seed: ${added} / ${wanted} (${seconds.toFixed(0)} s)`),
    });
    const held = result.perSecond > 5000;
    console.log(`${kind}: demo seed of ${result.added} generated talents: ${result.perSecond} talents/s (${result.seconds.toFixed(1)} s with the demo load) — target > 5,000/s: ${held ? 'held' : 'NOT held'}`);
  } finally {
    await database.close();
  }
}

/** A PostgreSQL database of the benchmark's own on the BENCH_DATABASE_URL server: created empty, dropped afterwards. */
async function withScratchDatabase<T>(serverUrl: string, task: (url: string) => Promise<T>): Promise<T> {
  const name = `tz_bench_startup_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await task(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

export async function runStartupBenchmark(options: StartupBenchOptions) {
  console.log('\n=== start-up ===');
  // what a start does not redo: the web bundle and the server bundle (each timed once here when it had to be built)
  let started = performance.now();
  if (ensureWebBuild(join(root, 'dist/web'))) console.log(`web bundle built in ${((performance.now() - started) / 1000).toFixed(1)} s (once, when its sources change)`);
  started = performance.now();
  spawnSync(process.execPath, [launcher, 'help'], { cwd: root, stdio: 'ignore' });
  console.log(`server bundle checked (built when stale) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const scratch = mkdtempSync(join(tmpdir(), 'tz-bench-startup-'));
  const rows: Record<string, Row> = {};
  const add = (name: string, timing: Timing, hello: Timing, target?: number) => {
    rows[name] ??= { name, timings: [], baselines: [], target };
    rows[name].timings.push(timing);
    rows[name].baselines.push(hello);
  };
  try {
    if (options.pglite) {
      const templateDir = join(scratch, 'templates');
      started = performance.now();
      const prepared = spawnSync(process.execPath, [launcher, 'prepare'], { cwd: root, env: { ...process.env, TZ_TEMPLATE_DIR: templateDir }, encoding: 'utf8' });
      if (prepared.status !== 0) throw new Error(`talentzone prepare failed: ${prepared.stderr}`);
      console.log(`talentzone prepare (migrated template and a spare demo database, done ahead of time): ${((performance.now() - started) / 1000).toFixed(1)} s`);
      for (let round = 1; round <= options.rounds; round += 1) {
        const dataDir = join(scratch, `data-${round}`);
        let hello = await baseline();
        add('PGlite first start (spare demo database)', await talentzoneStart({ TZ_DATA_DIR: dataDir, TZ_TEMPLATE_DIR: templateDir }), hello, 5);
        const waited = await templatesSettled(templateDir);
        hello = await baseline();
        add('PGlite second start', await talentzoneStart({ TZ_DATA_DIR: dataDir, TZ_TEMPLATE_DIR: templateDir }), hello, 2);
        // without a spare: only the migrated template (copied into a folder of its own)
        const migratedOnly = join(scratch, `migrated-only-${round}`);
        spawnSync('mkdir', ['-p', migratedOnly]);
        for (const name of readdirSync(templateDir).filter((entry) => entry.startsWith('migrated-'))) spawnSync('cp', [join(templateDir, name), migratedOnly]);
        hello = await baseline();
        add('PGlite first start (migrated template, demo load)', await talentzoneStart({ TZ_DATA_DIR: join(scratch, `data-migrated-${round}`), TZ_TEMPLATE_DIR: migratedOnly }), hello);
        await templatesSettled(migratedOnly);
        hello = await baseline();
        add('PGlite first start (no templates: initdb, migrations, demo)', await talentzoneStart({ TZ_DATA_DIR: join(scratch, `data-plain-${round}`), TZ_TEMPLATE_DIR: 'off' }), hello);
        console.log(`  round ${round} done (the background preparation of the next spare took ${waited.toFixed(1)} s more)`);
      }
    }
    if (options.postgresUrl) {
      for (let round = 1; round <= options.rounds; round += 1) {
        await withScratchDatabase(options.postgresUrl, async (url) => {
          const env = { DATABASE_URL: url, TZ_DATA_DIR: join(scratch, `data-pg-${round}`), TZ_TEMPLATE_DIR: 'off' };
          let hello = await baseline();
          add('PostgreSQL first start (migrations, demo load)', await talentzoneStart(env), hello);
          hello = await baseline();
          add('PostgreSQL second start', await talentzoneStart(env), hello);
        });
      }
    }
    print(Object.values(rows));
    console.log('(medians of', options.rounds, 'rounds; hello: a plain Fastify hello-world started with node -e in the same round; cpu: processor time of the server process until healthy, against the hello-world’s)');
    if (options.pglite) await seedRate('PGlite', options.seedTalents);
    if (options.postgresUrl) await withScratchDatabase(options.postgresUrl, (url) => seedRate('PostgreSQL', options.seedTalents, url));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
