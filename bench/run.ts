/**
 * `npm run bench [-- --only search|rules|longwork|requests|startup|assets|matching|backtest|dashboard --demands 10000 --baseline-demands 200
 *   --talents 100000 --runs 50 --fresh --explain
 *   --no-pglite --rules-engine-sample 2000 --import-rows 10000 --clients 4 --seconds 3 --rounds 3 --large-dump <pglite .tar.gz>
 *   --seed-talents 100000 --dashboard-talents-pg 1000000]`:
 * the benchmarks, each printing its figures against a baseline run in the same process. PostgreSQL runs too when
 * BENCH_DATABASE_URL is set (a database of the benchmark's own: the search data is filled once and reused; the rules
 * benchmark makes and drops its own table). Not part of `npm test`.
 */
import { runLongWorkBenchmark } from './longwork';
import { runRequestBenchmark } from './requests';
import { runAssetsBenchmark } from './assets';
import { runRulesBenchmark } from './rules';
import { runSearchBenchmark } from './search';
import { runStartupBenchmark } from './startup';
import { runMatchingBenchmark } from './matching';
import { runBacktestBenchmark } from './backtest';
import { runDashboardBenchmark } from './dashboard';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  return args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
}
const flag = (name: string) => process.argv.slice(2).includes(`--${name}`);
const positive = (name: string, fallback: number) => {
  const value = Number(option(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number`);
  return value;
};

const benchmarks = ['search', 'rules', 'longwork', 'requests', 'startup', 'assets', 'matching', 'backtest', 'dashboard'] as const;
const only = option('only');
if (only !== undefined && !benchmarks.includes(only as (typeof benchmarks)[number])) throw new Error(`--only takes one of ${benchmarks.join(', ')}`);
const runs = (name: (typeof benchmarks)[number]) => only === undefined || only === name;

const started = performance.now();
const postgresUrl = process.env.BENCH_DATABASE_URL || undefined;
if (runs('search')) {
  await runSearchBenchmark({
    talents: positive('talents', 100_000),
    runs: positive('runs', 50),
    pglite: !flag('no-pglite'),
    postgresUrl,
    fresh: flag('fresh'),
    explain: flag('explain'),
  });
}
if (runs('rules')) {
  await runRulesBenchmark({
    talents: positive('talents', 100_000),
    // each SQL run scans every row: a few runs give a stable median
    runs: Math.min(positive('runs', 5), 10),
    rulesEngineSample: positive('rules-engine-sample', 2000),
    pglite: !flag('no-pglite'),
    postgresUrl,
  });
}
if (runs('longwork')) {
  await runLongWorkBenchmark({
    talents: positive('talents', 100_000),
    importRows: positive('import-rows', 10_000),
    clients: positive('clients', 4),
    pglite: !flag('no-pglite'),
    postgresUrl,
    fresh: flag('fresh'),
  });
}
if (runs('requests')) {
  await runRequestBenchmark({
    talents: positive('talents', 100_000),
    seconds: positive('seconds', 3),
    rounds: positive('rounds', 3),
    connections: 10,
    pglite: !flag('no-pglite'),
    postgresUrl,
    fresh: flag('fresh'),
    largeDump: option('large-dump'),
  });
}
if (runs('startup')) {
  await runStartupBenchmark({ rounds: positive('rounds', 3), seedTalents: positive('seed-talents', 100_000), pglite: !flag('no-pglite'), postgresUrl });
}
if (runs('assets')) {
  // a few cold-cache page loads in Chromium against the real server (builds the web bundle when stale)
  await runAssetsBenchmark({ runs: Math.min(positive('runs', 3), 10) });
}
if (runs('matching')) {
  await runMatchingBenchmark({ talents: positive('talents', 100_000), demands: positive('demands', 10_000), baselineDemands: positive('baseline-demands', 200) });
}
if (runs('backtest')) {
  await runBacktestBenchmark({ talents: positive('talents', 100_000), pglite: !flag('no-pglite'), postgresUrl });
}
if (runs('dashboard')) {
  await runDashboardBenchmark({
    talents: positive('talents', 100_000),
    postgresTalents: positive('dashboard-talents-pg', 1_000_000),
    runs: positive('runs', 50),
    pglite: !flag('no-pglite'),
    postgresUrl,
    fresh: flag('fresh'),
  });
}
console.log(`\nbenchmarks done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
