/**
 * `npm run bench [-- --talents 100000 --runs 50 --fresh --explain --no-pglite]`: the benchmarks, each printing its
 * figures against a baseline run in the same process. PostgreSQL runs too when BENCH_DATABASE_URL is set (a database
 * of the benchmark's own: it is filled once and reused). Not part of `npm test`.
 */
import { runSearchBenchmark } from './search';

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

const started = performance.now();
await runSearchBenchmark({
  talents: positive('talents', 100_000),
  runs: positive('runs', 50),
  pglite: !flag('no-pglite'),
  postgresUrl: process.env.BENCH_DATABASE_URL || undefined,
  fresh: flag('fresh'),
  explain: flag('explain'),
});
console.log(`\nbenchmarks done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
