import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema';
import { projectRoot } from '../paths';

export type Schema = typeof schema;
/** Both drivers share this type: services and repos never know which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  kind: DatabaseKind;
  db: Db;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /** Embedded database: its files set to 0600 again (files it created since run 0666; see openDatabase). */
  secure?: () => void;
};

export const migrationsFolder = join(projectRoot, 'src/server/db/migrations');

export type DatabaseOptions =
  /**
   * url: the app's connection. ownerUrl: the role that owns the tables, used for migrations only; the app's role is
   * then granted what it needs and no more (see grantAppRole). Without it, migrations run on url as well.
   */
  | { kind: 'postgres'; url: string; ownerUrl?: string; poolSize?: number }
  /** dataDir undefined: in memory. loadDataDir: start from a dump (test templates). */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

/**
 * Makes a data folder private to the account that runs TalentZone: every file created from now on in this process is
 * 0600 and every folder 0700 (umask 077: PGlite's files, attachments, the secret key), and what is there already is
 * set so (folders 0700, files 0600; symbolic links are left alone). Called at start-up for the data folder and before
 * PGlite opens its own.
 */
export function secureDataDirectory(path: string) {
  try {
    process.umask(0o077);
  } catch {
    // worker threads may not change the umask; the modes below are still set
  }
  mkdirSync(path, { recursive: true, mode: 0o700 });
  restrictModes(path);
}

function restrictModes(path: string) {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (!stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o600) chmodSync(path, 0o600);
    return;
  }
  if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
  for (const entry of readdirSync(path)) restrictModes(join(path, entry));
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    const db = drizzlePostgres({ client: pool, schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      migrate: () => (options.ownerUrl ? migrateAsOwner(options.ownerUrl, pool) : migratePostgres(drizzlePostgres({ client: pool, schema }), { migrationsFolder })),
      close: () => pool.end(),
    };
  }
  const { dataDir } = options;
  // PGlite (Emscripten's file system) creates its files 0666 whatever the umask: its folders are 0700, so no other
  // account reaches them, and the files are set to 0600 once open, after migrations, on close and by `secure`.
  const secure = () => (dataDir ? secureDataDirectory(dataDir) : undefined);
  secure();
  const client = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir });
  secure();
  const pgliteDb = drizzlePglite({ client, schema });
  return {
    kind: 'pglite',
    db: pgliteDb as unknown as Db,
    migrate: async () => {
      await migratePglite(pgliteDb, { migrationsFolder });
      secure();
    },
    close: async () => {
      await client.close();
      secure();
    },
    secure,
    ...{ pglite: client },
  };
}

/** Migrations on the owner's connection, then the app role's grants (for tables old and new). */
async function migrateAsOwner(ownerUrl: string, appPool: pg.Pool): Promise<void> {
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  try {
    await migratePostgres(drizzlePostgres({ client: owner, schema }), { migrationsFolder });
    const { rows } = await appPool.query<{ role: string }>('select current_user as role');
    await grantAppRole(owner, rows[0].role);
  } finally {
    await owner.end();
  }
}

const quoteRole = (role: string) => `"${role.replace(/"/g, '""')}"`;

/**
 * What the app's role may do, applied after every migration by the owner: read and write the tables, but only INSERT
 * and SELECT on audit_log, use the sequences; it owns nothing, so it cannot alter, disable the triggers of, or drop a
 * table. Idempotent. Refuses to go on if the app role owns tables (an installation from before the split: see README).
 */
export async function grantAppRole(owner: pg.Pool | pg.Client, appRole: string): Promise<void> {
  const { rows: self } = await owner.query<{ role: string }>('select current_user as role');
  if (self[0].role === appRole) return;
  const { rows: owned } = await owner.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and pg_get_userbyid(c.relowner) = $1 limit 5`,
    [appRole],
  );
  if (owned.length) {
    throw new Error(
      `the app role ${appRole} owns ${owned.map((row) => row.name).join(', ')}: as the owner role run REASSIGN OWNED BY ${quoteRole(appRole)} TO ${quoteRole(self[0].role)} (README: Database roles)`,
    );
  }
  const role = quoteRole(appRole);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await owner.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${role}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
}

/** The PGlite instance behind a database, for dumps in tests and backups. */
export function pgliteOf(database: Database): PGlite | undefined {
  return (database as Database & { pglite?: PGlite }).pglite;
}

/** The rows of a raw SQL query; both drivers answer `{ rows }`. */
export async function queryRows<T = Record<string, unknown>>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
