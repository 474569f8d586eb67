/**
 * Request benchmark (`npm run bench -- --only requests`): what one request costs through the whole server — HTTP on a
 * real socket, session check, validation, queries, serialisation — against a plain Fastify hello-world served by the
 * same process in the same round. Ten connections keep requests in flight for `--seconds` per route (a small loop of
 * concurrent keep-alive requests: autocannon is not installed); each route's figures are the median of `--rounds`
 * rounds (req/s, p50, p95, p99). Routes, signed in as the office: GET /api/auth/me (the session check; warm, it costs no
 * query), GET /api/home (the office's figures, from the tallies) and GET /api/talents (the plain list: newest first, 20
 * rows and the total). At the demo's 2,000 talents and at 2,000 + `--talents` generated ones (bench/search.ts's data,
 * cached for PGlite), on PGlite in memory and with BENCH_DATABASE_URL on PostgreSQL. Targets (issue 11): auth/me at
 * least 25% of hello's req/s; home p95 under 50 ms and the list's under 30 ms at 100,000 talents.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase, type Database } from '../src/server/db/client';
import { demoPassword } from '../src/server/db/demo';
import { createSecrets } from '../src/server/security/secrets';
import { benchSecret, pgliteDatabase, postgresDatabase } from './search';

export type RequestBenchOptions = {
  talents: number;
  seconds: number;
  rounds: number;
  connections: number;
  pglite: boolean;
  postgresUrl?: string;
  fresh: boolean;
  /** A PGlite dump (.tar.gz) of the large size made by an older schema (bench/search.ts's cache): loaded and migrated instead of generating again. */
  largeDump?: string;
};

type Stats = { rps: number; p50: number; p95: number; p99: number };
const root = resolve(import.meta.dirname, '..');

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];

/** `connections` loops, each sending the next request when the last answered, for `seconds`; every answer must be 200. */
async function load(port: number, path: string, headers: Record<string, string>, seconds: number, connections: number): Promise<Stats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const durations: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((done, fail) => {
      const started = performance.now();
      const request = http.get({ host: '127.0.0.1', port, path, headers, agent }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode !== 200) fail(new Error(`GET ${path}: ${response.statusCode}`));
          else {
            durations.push(performance.now() - started);
            done();
          }
        });
      });
      request.on('error', fail);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) await one();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = durations.sort((a, b) => a - b);
  return { rps: durations.length / elapsed, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medianStats = (all: Stats[]): Stats => ({ rps: median(all.map((s) => s.rps)), p50: median(all.map((s) => s.p50)), p95: median(all.map((s) => s.p95)), p99: median(all.map((s) => s.p99)) });

async function listen(app: { listen: (options: { port: number; host: string }) => Promise<string>; server: http.Server }) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

type RouteResult = { name: string; stats: Stats };

async function benchmarkDatabase(database: Database, options: RequestBenchOptions): Promise<{ hello: Stats; routes: RouteResult[]; talents: number }> {
  const hello = Fastify({ logger: false });
  hello.get('/hello', async () => ({ hello: 'world' }));
  const helloPort = await listen(hello);
  const config = loadConfig({ LOG_LEVEL: 'silent', TZ_SECRET: benchSecret, TZ_WEB_DIR: resolve(root, '.tz-test/no-web-bundle'), TZ_DATA_DIR: resolve(root, '.tz-test/bench-data') });
  const app = await buildApp({ config, database, secrets: createSecrets(benchSecret) });
  const port = await listen(app);
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office', password: demoPassword } });
    if (login.statusCode !== 200) throw new Error(`office login: ${login.statusCode} ${login.body}`);
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0];
    const talents = (await app.inject({ method: 'GET', url: '/api/talents', headers: { cookie } })).json().total as number;
    const routes = [
      { name: 'GET /api/auth/me', path: '/api/auth/me' },
      { name: 'GET /api/home', path: '/api/home' },
      { name: 'GET /api/talents (20 rows)', path: '/api/talents' },
    ];
    const hellos: Stats[] = [];
    const each = routes.map((): Stats[] => []);
    for (let round = 0; round < options.rounds; round += 1) {
      await load(helloPort, '/hello', {}, 0.5, options.connections); // warm-up
      hellos.push(await load(helloPort, '/hello', {}, options.seconds, options.connections));
      for (const [index, route] of routes.entries()) {
        await load(port, route.path, { cookie }, 0.5, options.connections);
        each[index].push(await load(port, route.path, { cookie }, options.seconds, options.connections));
      }
    }
    return { hello: medianStats(hellos), routes: routes.map((route, index) => ({ name: route.name, stats: medianStats(each[index]) })), talents };
  } finally {
    await app.close();
    await hello.close();
  }
}

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));

function print(kind: string, result: Awaited<ReturnType<typeof benchmarkDatabase>>, large: boolean, options: RequestBenchOptions) {
  const { hello, routes, talents } = result;
  console.log(`\n## Requests — ${kind}, ${talents.toLocaleString('en')} talents (${options.connections} connections, median of ${options.rounds} rounds of ${options.seconds} s)\n`);
  const lines = [
    ['hello-world (baseline)', hello.rps.toFixed(0), '100%', ms(hello.p50), ms(hello.p95), ms(hello.p99)],
    ...routes.map(({ name, stats }) => [name, stats.rps.toFixed(0), `${((stats.rps / hello.rps) * 100).toFixed(1)}%`, ms(stats.p50), ms(stats.p95), ms(stats.p99)]),
  ];
  const header = ['route', 'req/s', 'of hello', 'p50 ms', 'p95 ms', 'p99 ms'];
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const row = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log([row(header), row(widths.map((width) => '-'.repeat(width))), ...lines.map(row)].join('\n'));
  const [me, home, list] = routes.map((route) => route.stats);
  const verdict = (holds: boolean) => (holds ? 'holds' : 'MISSED');
  console.log(`\ntarget: GET /api/auth/me ≥ 25% of hello's req/s: ${((me.rps / hello.rps) * 100).toFixed(1)}% — ${verdict(me.rps >= 0.25 * hello.rps)}`);
  if (large) {
    console.log(`target: home p95 < 50 ms at 100k${kind.startsWith('PGlite') ? ' on PGlite' : ''}: ${ms(home.p95)} ms — ${verdict(home.p95 < 50)}`);
    console.log(`target: talent list p95 < 30 ms at 100k: ${ms(list.p95)} ms — ${verdict(list.p95 < 30)}`);
  }
}

async function migratedDump(file: string): Promise<Database> {
  const started = performance.now();
  const database = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([gunzipSync(readFileSync(file))], { type: 'application/x-tar' }) });
  await database.migrate();
  await database.db.execute(sql`vacuum analyze`);
  console.log(`PGlite: loaded ${file} and migrated it in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return database;
}

export async function runRequestBenchmark(options: RequestBenchOptions) {
  const scales = [{ generated: 1, large: false }, ...(options.talents > 1 ? [{ generated: options.talents, large: true }] : [])];
  for (const { generated, large } of scales) {
    if (options.pglite) {
      const database = large && options.largeDump ? await migratedDump(options.largeDump) : await pgliteDatabase({ talents: generated, fresh: options.fresh });
      try {
        print('PGlite (in memory)', await benchmarkDatabase(database, options), large, options);
      } finally {
        await database.close();
      }
    }
  }
  if (options.postgresUrl) {
    // one PostgreSQL database grows to the larger size: the small size first
    for (const { generated, large } of scales) {
      const database = await postgresDatabase(options.postgresUrl, { talents: generated });
      try {
        print('PostgreSQL', await benchmarkDatabase(database, options), large, options);
      } finally {
        await database.close();
      }
    }
  } else {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL to a database of its own)');
  }
}
