import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { systemMessage } from '../../domain/i18n';
import type { Config } from '../config';
import { openDatabase, pgliteOf, type Database, type DatabaseKind } from '../db/client';
import { readSetting } from '../security/key-check.repo';
import { keyCheckSetting } from '../security/key-check';
import { useAuditChain } from '../modules/audit/audit.chain';
import { recordAudit } from '../modules/audit/audit.service';
import { createSecrets, secretKeyFile } from '../security/secrets';
import { dropAppSchemas, migrationLevel, tableCount } from './backup.repo';
import { systemActor } from '../plugins/auth';

/**
 * `talentzone backup <dir>` and `talentzone restore <dir>`. A backup is a directory:
 *   manifest.json        format, time, database kind, migration level, key check value, what it holds
 *   database.tar.gz      PGlite: the data directory (dumpDataDir)      — or —
 *   database.dump        PostgreSQL: pg_dump --format=custom
 *   attachments/         the application attachments (<data dir>/attachments)
 *   secret.key           the master secret, only with --include-key
 */
export type BackupManifest = {
  format: 'talentzone-backup';
  version: 1;
  createdAt: string;
  databaseKind: DatabaseKind;
  migrations: { applied: number; last: number | null };
  /** system_settings.keyCheck of the backed-up data (null when it never started with a key check). */
  keyCheck: string | null;
  attachments: number;
  includesKey: boolean;
  /** How long the database was held for the dump, in seconds. */
  databaseSeconds: number;
};

/** A refusal the command prints as it is (bilingual), exit code 1. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const manifestFile = 'manifest.json';
const attachmentsFolder = (dataDir: string) => join(dataDir, 'attachments');
const seconds = (started: number) => Number(((performance.now() - started) / 1000).toFixed(2));
const isNonEmptyDirectory = (path: string) => existsSync(path) && readdirSync(path).length > 0;

/** A PostgreSQL client program: from TZ_PG_BIN, else on PATH. */
function pgProgram(name: 'pg_dump' | 'pg_restore'): string {
  const folders = [process.env.TZ_PG_BIN, ...(process.env.PATH ?? '').split(delimiter)].filter((folder): folder is string => !!folder);
  const found = folders.map((folder) => join(folder, name)).find((path) => existsSync(path));
  if (!found) throw new BackupError(systemMessage('backupNoPgDump', { program: name }));
  return found;
}

function run(program: string, args: string[]) {
  const result = spawnSync(program, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new BackupError(`${program} ${args[0]} …: ${(result.stderr || result.error?.message || '').trim()}`);
}

/** The URL that owns the tables (dump and restore run there): DATABASE_OWNER_URL, else DATABASE_URL. */
const ownerUrlOf = (config: Config) => (config.database.kind === 'postgres' ? (config.database.ownerUrl ?? config.database.url) : '');

/** The master secret in use without generating one: TZ_SECRET or `<data dir>/secret.key`, else null. */
function currentMasterSecret(config: Config): string | null {
  if (config.secret) return config.secret;
  const file = secretKeyFile(config.dataDir);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

export type BackupResult = { manifest: BackupManifest; seconds: number; messages: string[] };

/**
 * Writes a backup of the configured database, the attachments and (with includeKey) the master secret into `target`,
 * which must not exist or be empty. PGlite: run it with the server stopped (the data directory has one user); the
 * database is held only for the dump itself (`databaseSeconds`).
 */
export async function createBackup(config: Config, target: string, options: { includeKey: boolean }): Promise<BackupResult> {
  const started = performance.now();
  if (isNonEmptyDirectory(target)) throw new BackupError(systemMessage('backupTargetNotEmpty', { target }));
  const secret = currentMasterSecret(config);
  mkdirSync(target, { recursive: true });
  let databaseSeconds = 0;
  let keyCheck: string | null = null;
  let migrations: BackupManifest['migrations'] = { applied: 0, last: null };
  // on PostgreSQL as the owner: the app role cannot read the migrations table
  const database = await openDatabase(config.database.kind === 'postgres' ? { kind: 'postgres', url: ownerUrlOf(config), poolSize: 1 } : config.database);
  try {
    migrations = await migrationLevel(database.db);
    keyCheck = (await readSetting(database.db, keyCheckSetting).catch(() => null)) ?? (secret ? createSecrets(secret).keyCheck : null);
    const dumpStarted = performance.now();
    const pglite = pgliteOf(database);
    if (pglite) {
      const dump = await pglite.dumpDataDir('gzip');
      databaseSeconds = seconds(dumpStarted);
      writeFileSync(join(target, 'database.tar.gz'), Buffer.from(await dump.arrayBuffer()));
    } else {
      run(pgProgram('pg_dump'), ['--format=custom', `--file=${join(target, 'database.dump')}`, '--no-owner', '--no-acl', `--dbname=${ownerUrlOf(config)}`]);
      databaseSeconds = seconds(dumpStarted);
    }
  } finally {
    await database.close();
  }
  const attachments = attachmentsFolder(config.dataDir);
  let attachmentCount = 0;
  if (existsSync(attachments)) {
    cpSync(attachments, join(target, 'attachments'), { recursive: true });
    attachmentCount = readdirSync(attachments).length;
  }
  const messages: string[] = [];
  const includesKey = options.includeKey && secret !== null;
  if (includesKey) {
    writeFileSync(join(target, 'secret.key'), `${secret}\n`, { mode: 0o600 });
    chmodSync(join(target, 'secret.key'), 0o600);
    messages.push(systemMessage('backupKeyIncluded'));
  } else {
    messages.push(systemMessage('backupKeyApart', { keySource: config.secret ? 'TZ_SECRET' : secretKeyFile(config.dataDir) }));
  }
  const manifest: BackupManifest = {
    format: 'talentzone-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    databaseKind: database.kind,
    migrations,
    keyCheck,
    attachments: attachmentCount,
    includesKey,
    databaseSeconds,
  };
  writeFileSync(join(target, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
  const total = seconds(started);
  messages.unshift(systemMessage('backupDone', { target, seconds: total }));
  return { manifest, seconds: total, messages };
}

export type RestoreResult = { manifest: BackupManifest; key: 'matches' | 'missing' | 'mismatch'; seconds: number; messages: string[] };

/**
 * Restores a backup into the configured database and data directory, which must be empty unless `force`: the
 * database, the attachments, the key when the backup holds one; then compares the key in use with the backup's key
 * check value (a mismatch or a missing key is reported with what to do; the server would refuse to start).
 */
export async function restoreBackup(config: Config, source: string, options: { force: boolean }): Promise<RestoreResult> {
  const started = performance.now();
  const manifestPath = join(source, manifestFile);
  if (!existsSync(manifestPath)) throw new BackupError(systemMessage('restoreNotBackup', { source }));
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
  if (manifest.format !== 'talentzone-backup') throw new BackupError(systemMessage('restoreNotBackup', { source }));
  if (manifest.databaseKind !== config.database.kind) {
    throw new BackupError(systemMessage('restoreKind', { backupKind: manifest.databaseKind, targetKind: config.database.kind }));
  }

  // every target is checked before anything is written
  const attachments = attachmentsFolder(config.dataDir);
  const keyFile = secretKeyFile(config.dataDir);
  const backupKey = join(source, 'secret.key');
  const keyInBackup = existsSync(backupKey) ? readFileSync(backupKey, 'utf8').trim() : null;
  const refuse = (target: string) => {
    throw new BackupError(systemMessage('restoreNotEmpty', { target }));
  };
  if (!options.force) {
    if (isNonEmptyDirectory(attachments)) refuse(attachments);
    if (keyInBackup && existsSync(keyFile) && readFileSync(keyFile, 'utf8').trim() !== keyInBackup) refuse(keyFile);
  }

  if (config.database.kind === 'pglite') {
    const dataDir = config.database.dataDir!;
    if (isNonEmptyDirectory(dataDir)) {
      if (!options.force) refuse(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    }
    const dump = new Blob([gunzipSync(readFileSync(join(source, 'database.tar.gz')))], { type: 'application/x-tar' });
    const database = await openDatabase({ kind: 'pglite', dataDir, loadDataDir: dump });
    await database.close();
  } else {
    const url = ownerUrlOf(config);
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    try {
      if ((await tableCount(database.db)) > 0) {
        if (!options.force) refuse(new URL(url).pathname.slice(1));
        await dropAppSchemas(database.db);
      }
    } finally {
      await database.close();
    }
    run(pgProgram('pg_restore'), ['--no-owner', '--no-acl', '--exit-on-error', `--dbname=${url}`, join(source, 'database.dump')]);
  }

  rmSync(attachments, { recursive: true, force: true });
  if (existsSync(join(source, 'attachments'))) cpSync(join(source, 'attachments'), attachments, { recursive: true });
  if (keyInBackup && !config.secret) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(keyFile, `${keyInBackup}\n`, { mode: 0o600 });
    chmodSync(keyFile, 0o600);
  }

  const messages = [systemMessage('restoreDone', { seconds: seconds(started) })];
  const secret = currentMasterSecret(config);
  let key: RestoreResult['key'];
  if (!secret) {
    key = 'missing';
    messages.push(systemMessage('restoreKeyMissing', { keyFile }));
  } else if (manifest.keyCheck && createSecrets(secret).keyCheck !== manifest.keyCheck) {
    key = 'mismatch';
    messages.push(systemMessage('keyMismatch', { keyFile: config.secret ? 'TZ_SECRET' : keyFile }));
  } else {
    key = 'matches';
    messages.push(systemMessage('restoreKeyMatches'));
    await recordRestore(config, secret, manifest);
  }
  return { manifest, key, seconds: seconds(started), messages };
}

/** The restore itself, in the restored audit log (system actor), once the key is known to match. */
async function recordRestore(config: Config, secret: string, manifest: BackupManifest) {
  const database: Database = await openDatabase(config.database.kind === 'postgres' ? { ...config.database, poolSize: 1 } : config.database);
  try {
    // a backup from an older version: bring it to this version's schema (and grants) before appending to its log
    await database.migrate();
    useAuditChain(createSecrets(secret));
    await recordAudit(database.db, systemActor, {
      action: 'system.restore',
      changes: { backupCreatedAt: manifest.createdAt, databaseKind: manifest.databaseKind, migrations: manifest.migrations.applied, attachments: manifest.attachments },
    });
  } finally {
    await database.close();
  }
}
