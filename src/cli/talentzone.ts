#!/usr/bin/env node
/** The `talentzone` command: start, dev, migrate, seed. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { loadConfig, secretsFor } from '../server/config';
import { openDatabase } from '../server/db/client';
import { isEmpty, loadDemoData } from '../server/db/demo';
import { addGeneratedTalents } from '../server/db/demo/scale';
import { startServer } from '../server/main';
import { ensureWebBuild } from './web-build';
import { breakGlassReset } from '../server/modules/users/users.service';

const usage = `talentzone <command>

  start     build the web bundle if stale, migrate, load demo data on an empty database, serve
  serve     like start, without building the web bundle
  dev       API server with reload on :3001 and Vite with hot reload on :3000
  migrate   apply database migrations
  seed      load the demo data into an empty database
            --talents N: add N generated talents (loads the demo data first on an empty database)
  admin-reset <username>
            break-glass: print a one-time password for the account (it must be changed at the next sign-in),
            enable it if disabled; audited as the system (physical access to the server is the third party)

Environment: PORT, HOST, DATABASE_URL, TZ_DATA_DIR, TZ_DEMO, NODE_ENV, LOG_LEVEL (see README)`;

async function serve(build: boolean) {
  const config = loadConfig();
  if (build) ensureWebBuild(config.webDir);
  const server = await startServer(config);
  const shutdown = (signal: string) => {
    console.log(`\n${signal}: stopping …`);
    server.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

async function withDatabase(task: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>) {
  const database = await openDatabase(loadConfig().database);
  try {
    await database.migrate();
    await task(database);
  } finally {
    await database.close();
  }
}

function dev() {
  const root = resolve(import.meta.dirname, '../..');
  const children = [
    spawn(process.execPath, ['--import', 'tsx', '--watch', '--watch-path=src/server', '--watch-path=src/domain', 'src/cli/talentzone.ts', 'serve'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PORT: '3001' },
    }),
    spawn(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), '--port', '3000', '--strictPort'], { cwd: root, stdio: 'inherit' }),
  ];
  const stop = () => children.forEach((child) => child.kill('SIGTERM'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `seed --talents 100000` (or `--talents=100000`): the number of talents to generate; null without the option. */
function seedTalentCount(args: string[]): number | null {
  const index = args.findIndex((arg) => arg === '--talents' || arg.startsWith('--talents='));
  if (index < 0) return null;
  const value = args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    console.error(`--talents needs a positive whole number, got "${value ?? ''}"`);
    process.exit(1);
  }
  return count;
}

const command = process.argv[2];
switch (command) {
  case 'start':
    await serve(true);
    break;
  case 'serve':
    await serve(false);
    break;
  case 'dev':
    dev();
    break;
  case 'migrate':
    await withDatabase(async () => console.log('migrations applied'));
    break;
  case 'seed': {
    const talents = seedTalentCount(process.argv.slice(3));
    await withDatabase(async ({ db }) => {
      const secrets = secretsFor(loadConfig());
      if (talents === null) {
        if (!(await isEmpty(db))) return console.log('the database already holds data: demo data not loaded');
        await loadDemoData(db, secrets);
        return console.log('demo data loaded');
      }
      const width = String(talents).length;
      const result = await addGeneratedTalents(db, secrets, {
        count: talents,
        onProgress: ({ added, wanted, seconds }) => console.log(`  ${String(added).padStart(width)} / ${wanted} talents  ${seconds.toFixed(1)} s`),
      });
      console.log(
        `${result.loadedDemo ? 'demo data loaded, then ' : ''}${result.added} generated talents added to ${result.before} in ${result.seconds.toFixed(1)} s ` +
          `(${result.perSecond} per second)`,
      );
    });
    break;
  }
  case 'admin-reset': {
    const username = process.argv[3];
    if (!username) {
      console.error('usage: talentzone admin-reset <username>');
      process.exit(1);
    }
    await withDatabase(async ({ db }) => {
      try {
        const { oneTimePassword } = await breakGlassReset(db, username);
        console.log(`一次性密码 / one-time password for ${username}: ${oneTimePassword}`);
        console.log('登录后须立即修改 / it must be changed at the next sign-in');
      } catch {
        console.error(`no account named "${username}"`);
        process.exitCode = 1;
      }
    });
    break;
  }
  default:
    console.log(usage);
    process.exitCode = command && command !== 'help' ? 1 : 0;
}
