#!/usr/bin/env node
/** The `talentzone` command: start, dev, migrate, seed, backup, restore, audit verify. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, secretsFor } from '../server/config';
import type { openDatabase } from '../server/db/client';
import type { Language, systemMessages } from '../domain/i18n';
import type { ChainProblem } from '../server/modules/audit/audit.service';
import { startServer } from '../server/main';
import { ensureWebBuild } from './web-build';
import { projectRoot } from '../server/paths';

// Each command imports what it needs when it runs: a start loads neither the demo loader, the backup code nor the
// audit verifier (start-up time, see docs/ARCHITECTURE.md "Start-up").
const usage = `talentzone <command>

  start     build the web bundle if stale, migrate, load demo data on an empty database, serve
  serve     like start, without building the web bundle
  dev       API server with reload on :3001 and Vite with hot reload on :3000
  migrate   apply database migrations
  prepare   prepare a demo database in advance for the next first start (embedded database; TZ_TEMPLATE_DIR)
  seed      load the demo data into an empty database
            --talents N: add N generated talents (loads the demo data first on an empty database)
  admin-reset <username>
            break-glass: print a one-time password for the account (it must be changed at the next sign-in),
            enable it if disabled; audited as the system (physical access to the server is the third party)
  backup <dir>   write a backup (database, attachments, manifest) into a new folder; with the embedded database,
            stop the server first. --include-key: put the master secret in it too (otherwise keep it apart)
  restore <dir>  restore a backup into an empty data directory / database (--force: overwrite), then check the key
  backtest  replay the talent history month by month (early warning scored with only what was known then) and print
            the top-decile capture and precision at the top 50 of the next 6 months' leavers, against a naive baseline
  audit verify   recompute the audit log's hash chain; prints the first broken link (exit code 2) or the head

Environment: PORT, HOST, DATABASE_URL, DATABASE_OWNER_URL, TZ_DATA_DIR, TZ_TEMPLATE_DIR, TZ_SECRET, TZ_PG_BIN, TZ_DEMO, NODE_ENV, LOG_LEVEL (see README)`;

async function serve(build: boolean) {
  const config = loadConfig();
  if (build) ensureWebBuild(config.webDir);
  const firstStart = config.database.kind === 'pglite' && !!config.database.dataDir && !existsSync(join(config.database.dataDir, 'PG_VERSION'));
  const server = await startServer(config);
  if (firstStart) prepareNextInBackground();
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

/**
 * After a first start of the embedded database: the next new data directory's demo database (db/demo-template.ts) is
 * prepared by a separate process at the lowest priority, so this server keeps its share of the processor. Nothing
 * happens when it is there already or templates are off.
 */
function prepareNextInBackground() {
  const config = loadConfig();
  if (!config.templateDir || !config.demo || config.secret) return;
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1], 'prepare', '--quiet'], { cwd: process.cwd(), detached: true, stdio: 'ignore', env: process.env });
  child.on('error', () => {});
  if (child.pid) {
    try {
      setPriority(child.pid, 19);
    } catch {
      // not permitted: it runs at normal priority
    }
  }
  child.unref();
}

async function prepareCommand(quiet: boolean) {
  const config = loadConfig();
  if (!config.templateDir) return console.log('TZ_TEMPLATE_DIR=off: nothing to prepare');
  const { hasSpareDemo, makeSpareDemo } = await import('../server/db/demo-template');
  if (hasSpareDemo(config.templateDir)) return quiet || console.log(`a demo database for today is ready in ${config.templateDir}`);
  const started = performance.now();
  const result = await makeSpareDemo(config, quiet ? undefined : (step) => console.log(step));
  if (!quiet) console.log(`${result === 'made' ? 'demo database prepared' : result === 'present' ? 'prepared by another process' : 'the day changed meanwhile: not kept'} in ${config.templateDir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/**
 * Opens and migrates the database, then — as a start does — checks the master key against the data and hands the
 * audit chain its key, so any command that writes the audit log (seed, a break-glass reset …) chains its rows. Without
 * a key to be had (production on PostgreSQL without TZ_SECRET) a command that writes the log fails loudly.
 */
async function withDatabase(task: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>) {
  const config = loadConfig();
  const [{ openDatabase }, { withKeyFileUndoneOnMismatch }, { checkMasterKey }, { secretKeyFile }, { useAuditChain }] = await Promise.all([
    import('../server/db/client'),
    import('../server/main'),
    import('../server/security/key-check'),
    import('../server/security/secrets'),
    import('../server/modules/audit/audit.chain'),
  ]);
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    if (config.secret || !(config.production && config.database.kind === 'postgres')) {
      const secrets = await withKeyFileUndoneOnMismatch(config, async () => {
        const secrets = secretsFor(config);
        await checkMasterKey(database.db, secrets, config.secret ? 'TZ_SECRET' : secretKeyFile(config.dataDir));
        return secrets;
      });
      useAuditChain(secrets);
    }
    await task(database);
  } finally {
    await database.close();
  }
}

function dev() {
  const root = projectRoot;
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

/** Runs a backup or restore step; a refusal is printed as it is (bilingual) with exit code 1. */
async function backupCommand(task: () => Promise<{ messages: string[] }>, failed?: (result: never) => boolean) {
  try {
    const result = await task();
    console.log(result.messages.join('\n'));
    if (failed?.(result as never)) process.exitCode = 1;
  } catch (error) {
    const { BackupError } = await import('../server/backup/backup');
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

type SystemMessages = typeof systemMessages;
const problemMessages: Record<ChainProblem, keyof SystemMessages> = {
  content: 'auditProblemContent',
  link: 'auditProblemLink',
  gap: 'auditProblemGap',
  unsealed: 'auditProblemUnsealed',
  legacy: 'auditProblemLegacy',
};

async function auditVerify() {
  // withDatabase checked the key and gave the chain its key
  await withDatabase(async ({ db }) => {
    const [{ verifyAuditChain }, { fill, systemMessage, systemMessages }] = await Promise.all([import('../server/modules/audit/audit.service'), import('../domain/i18n')]);
    const report = await verifyAuditChain(db);
    if (report.intact) {
      console.log(systemMessage('auditIntact', { checked: report.checked, legacy: report.legacyRows, lastSeq: report.lastSeq ?? '—', lastHash: report.lastHash ?? '—' }));
      return;
    }
    const broken = report.firstBroken!;
    const line = (language: Language) =>
      fill(systemMessages.auditBroken[language], {
        seq: broken.seq ?? '—',
        id: broken.id,
        at: broken.at.toISOString(),
        action: broken.action,
        checked: report.checked,
        problem: systemMessages[problemMessages[broken.problem]][language],
      });
    console.log(`${line('zh-CN')}\n${line('en-US')}`);
    process.exitCode = 2;
  });
}

const command = process.argv[2];
const args = process.argv.slice(3);

async function run() {
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
    case 'prepare':
      await prepareCommand(args.includes('--quiet'));
      break;
    case 'migrate':
      await withDatabase(async () => console.log('migrations applied'));
      break;
    case 'seed': {
      const talents = seedTalentCount(process.argv.slice(3));
      await withDatabase(async ({ db, kind }) => {
        const secrets = secretsFor(loadConfig());
        const [{ isEmpty, loadDemoData }, { addGeneratedTalents }] = await Promise.all([import('../server/db/demo'), import('../server/db/demo/scale')]);
        if (talents === null) {
          if (!(await isEmpty(db))) return console.log('the database already holds data: demo data not loaded');
          await loadDemoData(db, secrets);
          return console.log('demo data loaded');
        }
        const width = String(talents).length;
        const result = await addGeneratedTalents(db, secrets, {
          count: talents,
          overlap: kind === 'postgres',
          onProgress: ({ added, wanted, seconds }) => console.log(`  ${String(added).padStart(width)} / ${wanted} talents  ${seconds.toFixed(1)} s`),
        });
        console.log(
          `${result.loadedDemo ? 'demo data loaded, then ' : ''}${result.added} generated talents added to ${result.before} in ${result.seconds.toFixed(1)} s ` +
            `(${result.perSecond} per second)`,
        );
      });
      break;
    }
    case 'backup':
      if (!args[0] || args[0].startsWith('--')) {
        console.log(usage);
        process.exitCode = 1;
        break;
      }
      await backupCommand(async () => (await import('../server/backup/backup')).createBackup(loadConfig(), resolve(args[0]), { includeKey: args.includes('--include-key') }));
      break;
    case 'restore':
      if (!args[0] || args[0].startsWith('--')) {
        console.log(usage);
        process.exitCode = 1;
        break;
      }
      await backupCommand(
        async () => (await import('../server/backup/backup')).restoreBackup(loadConfig(), resolve(args[0]), { force: args.includes('--force') }),
        (result: { key: string }) => result.key !== 'matches',
      );
      break;
    case 'admin-reset': {
      const username = args[0];
      if (!username) {
        console.error('usage: talentzone admin-reset <username>');
        process.exitCode = 1;
        break;
      }
      await withDatabase(async ({ db }) => {
        const { breakGlassReset } = await import('../server/modules/users/users.service');
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
    case 'backtest':
      await withDatabase(async ({ db }) => {
        const [{ backtest }, { printBacktest }] = await Promise.all([import('../server/modules/retention/retention.service'), import('../server/modules/retention/backtest.print')]);
        console.log(printBacktest(await backtest(db)));
      });
      break;
    case 'audit':
      if (args[0] !== 'verify') {
        console.log(usage);
        process.exitCode = 1;
        break;
      }
      await auditVerify();
      break;
    default:
      console.log(usage);
      process.exitCode = command && command !== 'help' ? 1 : 0;
  }
}

try {
  await run();
} catch (error) {
  // a start refused by the key check: its message says what to do, no stack trace
  const { KeyMismatchError } = await import('../server/security/key-check');
  if (!(error instanceof KeyMismatchError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
