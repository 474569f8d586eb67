import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteOf } from '../db/client';
import { loadDemoData } from '../db/demo';
import { createSecrets } from '../security/secrets';
import { copyPrefix, databaseUrl, quoteIdentifier, testSecret, type TestTemplates } from './template';

/**
 * Runs once per `vitest run`: migrates a database, dumps it as the `empty` template, loads the demo data, dumps it
 * as the `demo` template. Test files copy a template instead of running initdb and migrations (≈ 1 s instead of 5–7 s).
 * With TEST_DATABASE_URL the templates are databases on that PostgreSQL server; otherwise PGlite data-dir dumps.
 */
export default async function setup(project: TestProject) {
  const started = performance.now();
  const serverUrl = process.env.TEST_DATABASE_URL;
  const templates = serverUrl ? await postgresTemplates(serverUrl) : await pgliteTemplates();
  project.provide('testTemplates', templates.templates);
  console.log(`test database templates (${templates.templates.kind}) ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return templates.teardown;
}

async function pgliteTemplates() {
  const directory = resolve('.tz-test');
  mkdirSync(directory, { recursive: true });
  removeStaleDumps(directory);
  const files = { empty: join(directory, `template-empty-${process.pid}.tar.gz`), demo: join(directory, `template-demo-${process.pid}.tar.gz`) };
  const database = await openDatabase({ kind: 'pglite' });
  try {
    const pglite = pgliteOf(database)!;
    await database.migrate();
    writeFileSync(files.empty, Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()));
    await loadDemoData(database.db, createSecrets(testSecret));
    writeFileSync(files.demo, Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()));
  } finally {
    await database.close();
  }
  const templates: TestTemplates = { kind: 'pglite', files };
  return { templates, teardown: () => Object.values(files).forEach((file) => rmSync(file, { force: true })) };
}

async function postgresTemplates(serverUrl: string) {
  const databases = { empty: `tz_template_empty_${process.pid}`, demo: `tz_template_${process.pid}` };
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const drop = async () => {
    const copies = await admin.query<{ name: string }>('select datname as name from pg_database where starts_with(datname, $1)', [copyPrefix(databases.demo)]);
    for (const name of [...copies.rows.map((row) => row.name), ...Object.values(databases)]) {
      await admin.query(`drop database if exists ${quoteIdentifier(name)} with (force)`);
    }
  };
  try {
    await drop();
    await admin.query(`create database ${quoteIdentifier(databases.empty)}`);
    await prepare(databaseUrl(serverUrl, databases.empty), false);
    await admin.query(`create database ${quoteIdentifier(databases.demo)} template ${quoteIdentifier(databases.empty)}`);
    await prepare(databaseUrl(serverUrl, databases.demo), true);
  } catch (error) {
    await drop().finally(() => admin.end());
    throw error;
  }
  const templates: TestTemplates = { kind: 'postgres', serverUrl, databases };
  return {
    templates,
    teardown: async () => {
      try {
        await drop();
      } finally {
        await admin.end();
      }
    },
  };
}

/** Migrates (the empty template) or seeds (the demo template, copied from the migrated one), then closes every connection. */
async function prepare(url: string, seed: boolean) {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    if (seed) await loadDemoData(database.db, createSecrets(testSecret));
    else await database.migrate();
  } finally {
    await database.close();
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Dumps left by runs that were killed before their teardown (the file names carry the run's process id). */
function removeStaleDumps(directory: string) {
  for (const name of readdirSync(directory)) {
    const pid = /^template-\w+-(\d+)\.tar\.gz$/.exec(name)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(directory, name), { force: true });
  }
}
