import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from '../app';
import { loadConfig, secretsFor, type Config } from '../config';
import { openDatabase } from '../db/client';
import { prepareDatabase } from '../main';
import { KeyMismatchError } from '../security/key-check';
import { buildTalent, uniqueIdNumber } from '../test/factories';
import { createAgent, demoPassword, testEnv } from '../test/harness';
import { waitForConnectionsToClose } from '../test/postgres';
import { databaseUrl, quoteIdentifier, testSecret } from '../test/template';
import { createBackup, restoreBackup, BackupError } from './backup';

/**
 * The backup round trip: a database in use (a talent with a known ID number, an attachment), backup, wipe, restore
 * into a fresh data directory (or database), start the app: the office reveals the ID number and finds the talent by
 * it. And a start with a key that does not match the data is refused.
 */
const root = mkdtempSync(join(tmpdir(), 'tz-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const configFor = (env: NodeJS.ProcessEnv): Config => loadConfig({ ...testEnv, TZ_SECRET: '', ...env });

/** Starts the app the way main does (migrate, key check), signs in as office, and looks the talent up. */
async function lookUp(config: Config, talent: { id: string; idNumber: string }) {
  const secrets = secretsFor(config);
  const { database } = await prepareDatabase({ ...config, demo: false }, secrets);
  const app = await buildApp({ config, database, secrets });
  try {
    const office = createAgent(app);
    const login = await office.post('/api/auth/login', { username: 'office', password: demoPassword });
    expect(login.statusCode, login.body).toBe(200);
    const revealed = await office.post(`/api/talents/${talent.id}/reveal`, { reason: '备份恢复核对' });
    expect(revealed.statusCode, revealed.body).toBe(200);
    // an exact look-up by full number: the reason is required where look-ups are audited (trust-masking), ignored before
    const found = await office.get('/api/talents', { query: { q: talent.idNumber, lookupReason: '备份恢复核对' } });
    expect(found.statusCode, found.body).toBe(200);
    const verify = await app.inject({ method: 'GET', url: '/api/health' });
    expect(verify.statusCode).toBe(200);
    return { idNumber: (revealed.json() as { idNumber: string }).idNumber, found: (found.json() as { items: { id: string }[] }).items.map((item) => item.id) };
  } finally {
    await app.close();
    await database.close();
  }
}

/** Puts a talent and an attachment into the data in use, through the running app's own start-up. */
async function prepareSource(config: Config) {
  const secrets = secretsFor(config);
  const { database } = await prepareDatabase({ ...config, demo: false }, secrets);
  try {
    const idNumber = uniqueIdNumber();
    const talent = await buildTalent(database.db, { idNumber, name: '备份测试人才' });
    mkdirSync(join(config.dataDir, 'attachments'), { recursive: true });
    writeFileSync(join(config.dataDir, 'attachments', 'a'.repeat(64)), '%PDF-1.4 backup test');
    return { id: talent.id, idNumber };
  } finally {
    await database.close();
  }
}

const serverUrl = process.env.TEST_DATABASE_URL;
const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;

// the PGlite round trip starts from the PGlite demo template, which a PostgreSQL test run does not build
describe.skipIf(!!serverUrl)('backup and restore on PGlite', () => {
  it('round-trips the database, the attachments and the key: reveal and search by ID number find the same talent', async () => {
    const templates = inject('testTemplates');
    const source = join(root, 'source');
    mkdirSync(source, { recursive: true });
    // the data in use: the demo database, its key in the data directory
    writeFileSync(join(source, 'secret.key'), `${testSecret}\n`, { mode: 0o600 });
    const sourceConfig = configFor({ TZ_DATA_DIR: source });
    if (templates.kind !== 'pglite') throw new Error('PGlite templates expected');
    const dump = new Blob([gunzipSync(readFileSync(templates.files.demo))], { type: 'application/x-tar' });
    await (await openDatabase({ kind: 'pglite', dataDir: join(source, 'pglite'), loadDataDir: dump })).close();
    const talent = await prepareSource(sourceConfig);

    const withKey = join(root, 'backup-with-key');
    const backup = await createBackup(sourceConfig, withKey, { includeKey: true });
    expect(backup.manifest).toMatchObject({ databaseKind: 'pglite', includesKey: true, attachments: 1 });
    expect(backup.manifest.keyCheck).toBeTruthy();
    expect(backup.manifest.migrations.applied).toBeGreaterThan(0);
    expect(statSync(join(withKey, 'secret.key')).mode & 0o777).toBe(0o600);
    console.log(`PGlite backup of the demo data: ${backup.seconds} s, the database held ${backup.manifest.databaseSeconds} s`);
    const withoutKey = join(root, 'backup-without-key');
    const apart = await createBackup(sourceConfig, withoutKey, { includeKey: false });
    expect(existsSync(join(withoutKey, 'secret.key'))).toBe(false);
    expect(apart.messages.join('\n')).toContain(join(source, 'secret.key'));

    rmSync(source, { recursive: true, force: true });

    const target = join(root, 'target');
    const targetConfig = configFor({ TZ_DATA_DIR: target });
    const restored = await restoreBackup(targetConfig, withKey, { force: false });
    expect(restored.key).toBe('matches');
    expect(readFileSync(join(target, 'attachments', 'a'.repeat(64)), 'utf8')).toBe('%PDF-1.4 backup test');
    expect(await lookUp(targetConfig, talent)).toEqual({ idNumber: talent.idNumber, found: [talent.id] });

    // a second restore into the same place is refused unless forced
    await expect(restoreBackup(targetConfig, withKey, { force: false })).rejects.toThrow(BackupError);

    // without the key: the restore says so, and a start with a newly generated key is refused
    const bare = join(root, 'target-without-key');
    const bareConfig = configFor({ TZ_DATA_DIR: bare });
    const keyless = await restoreBackup(bareConfig, withoutKey, { force: false });
    expect(keyless.key).toBe('missing');
    expect(keyless.messages.join('\n')).toContain(join(bare, 'secret.key'));
    await expect(prepareDatabase({ ...bareConfig, demo: false }, secretsFor(bareConfig))).rejects.toThrow(KeyMismatchError);
    // the key kept apart, put back: it starts
    writeFileSync(join(bare, 'secret.key'), `${testSecret}\n`, { mode: 0o600 });
    expect(await lookUp(bareConfig, talent)).toEqual({ idNumber: talent.idNumber, found: [talent.id] });
  }, 240_000); // data directories on disk: several PGlite opens of the demo database
});

describe.skipIf(!serverUrl || !hasPgDump)('backup and restore on PostgreSQL', () => {
  const suffix = randomBytes(4).toString('hex');
  const names = { source: `tz_backup_src_${suffix}`, target: `tz_backup_dst_${suffix}` };
  const appRole = `tz_backup_app_${suffix}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  afterAll(async () => {
    for (const name of Object.values(names)) {
      await waitForConnectionsToClose(admin, name);
      await admin.query(`drop database if exists ${quoteIdentifier(name)} with (force)`);
    }
    await admin.query(`drop role if exists ${quoteIdentifier(appRole)}`);
    await admin.end();
  });

  /** The app as the app role, migrations and backups as the owner (README: Database roles). */
  const rolesFor = (name: string) => {
    const ownerUrl = databaseUrl(serverUrl!, name);
    const appUrl = new URL(ownerUrl);
    appUrl.username = appRole;
    appUrl.password = '';
    return { DATABASE_URL: appUrl.toString(), DATABASE_OWNER_URL: ownerUrl };
  };

  it('round-trips with pg_dump and pg_restore, app and owner roles apart: reveal and search by ID number find the same talent', async () => {
    const templates = inject('testTemplates');
    if (templates.kind !== 'postgres') throw new Error('PostgreSQL templates expected');
    await admin.connect();
    await admin.query(`create role ${quoteIdentifier(appRole)} login`);
    await admin.query(`create database ${quoteIdentifier(names.source)} template ${quoteIdentifier(templates.databases.demo)}`);
    await admin.query(`create database ${quoteIdentifier(names.target)}`);
    const dataDir = join(root, 'pg-source');
    const sourceConfig = configFor({ TZ_DATA_DIR: dataDir, TZ_SECRET: testSecret, ...rolesFor(names.source) });
    const talent = await prepareSource(sourceConfig);

    const backupDir = join(root, 'pg-backup');
    const backup = await createBackup(sourceConfig, backupDir, { includeKey: false });
    expect(backup.manifest).toMatchObject({ databaseKind: 'postgres', includesKey: false, attachments: 1 });
    expect(backup.manifest.migrations.applied).toBeGreaterThan(0);
    expect(existsSync(join(backupDir, 'database.dump'))).toBe(true);
    await waitForConnectionsToClose(admin, names.source);
    await admin.query(`drop database ${quoteIdentifier(names.source)} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });

    const targetConfig = configFor({ TZ_DATA_DIR: join(root, 'pg-target'), TZ_SECRET: testSecret, ...rolesFor(names.target) });
    const restored = await restoreBackup(targetConfig, backupDir, { force: false });
    expect(restored.key).toBe('matches');
    expect(await lookUp(targetConfig, talent)).toEqual({ idNumber: talent.idNumber, found: [talent.id] });
    const owners = new pg.Client({ connectionString: databaseUrl(serverUrl!, names.target) });
    await owners.connect();
    try {
      const { rows } = await owners.query(`select tablename from pg_tables where schemaname = 'public' and tableowner = $1`, [appRole]);
      expect(rows).toEqual([]);
    } finally {
      await owners.end();
    }
    await expect(restoreBackup(targetConfig, backupDir, { force: false })).rejects.toThrow(BackupError);

    const otherKey = configFor({ TZ_DATA_DIR: join(root, 'pg-target'), TZ_SECRET: 'another-master-secret-0123456789abcdefgh', ...rolesFor(names.target) });
    await expect(prepareDatabase({ ...otherKey, demo: false }, secretsFor(otherKey))).rejects.toThrow(KeyMismatchError);
  }, 120_000);
});
