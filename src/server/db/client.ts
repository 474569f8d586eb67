import { EventEmitter } from 'node:events';
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
  /** LISTEN/NOTIFY on one of `notificationChannels`; see `Listen`. */
  listen?: Listen;
};

/** The channels a database connection listens on (PostgreSQL: every pooled connection, so a committing connection hears its own). */
export const notificationChannels = ['tz_sessions'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/**
 * Calls `onMessage` with each notification's payload on `channel`, and `onHealth(false)` while notifications may be
 * missed (PostgreSQL: the listening connection is lost; it reconnects every second), `onHealth(true)` once they are
 * heard again. PGlite is one process: a notification is heard before the committing query returns. On PostgreSQL every
 * pooled connection listens too, so this app server hears its own commits before they return; other servers' arrive
 * on the listening connection moments after their commit. Returns the unsubscribe function.
 */
export type Listen = (channel: NotificationChannel, onMessage: (payload: string) => void, onHealth: (healthy: boolean) => void) => Promise<() => Promise<void>>;

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
    const notifications = new EventEmitter().setMaxListeners(0);
    // every pooled connection listens before its first use: a commit's notification reaches this server before the commit returns
    const onConnect = async (client: pg.ClientBase) => {
      client.on('notification', (message) => notifications.emit(message.channel, message.payload ?? ''));
      for (const channel of notificationChannels) await client.query(`LISTEN ${channel}`);
    };
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, onConnect });
    const listeners = new Set<() => Promise<void>>();
    const db = drizzlePostgres({ client: pool, schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      migrate: () => (options.ownerUrl ? migrateAsOwner(options.ownerUrl, pool) : migratePostgres(drizzlePostgres({ client: pool, schema }), { migrationsFolder })),
      close: async () => {
        await Promise.all([...listeners].map((stop) => stop()));
        await pool.end();
      },
      listen: async (channel, onMessage, onHealth) => {
        notifications.on(channel, onMessage);
        const stopListening = await listenOn(options.url, channel, onMessage, onHealth);
        const stop = async () => {
          listeners.delete(stop);
          notifications.off(channel, onMessage);
          await stopListening();
        };
        listeners.add(stop);
        return stop;
      },
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
    listen: async (channel, onMessage, onHealth) => {
      onHealth(true);
      return client.listen(channel, onMessage);
    },
    ...{ pglite: client },
  };
}

/**
 * A connection of its own that LISTENs on `channel`, for notifications other app servers commit. When it is lost,
 * `onHealth(false)`, and a new one is tried every second until it listens (`onHealth(true)`).
 */
async function listenOn(url: string, channel: NotificationChannel, onMessage: (payload: string) => void, onHealth: (healthy: boolean) => void) {
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    let lost = false;
    const onLost = () => {
      if (lost || stopped) return;
      lost = true;
      current = null;
      onHealth(false);
      client.end().catch(() => undefined);
      retry = setTimeout(() => void connect(), 1000);
      retry.unref();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      if (message.channel === channel) onMessage(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch {
      onLost();
      return;
    }
    if (stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    onHealth(true);
  };
  onHealth(false);
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const client = current;
    current = null;
    await client?.end().catch(() => undefined);
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
