import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useAuditChain } from '../modules/audit/audit.chain';
import { recordAudit, verifyAuditChain } from '../modules/audit/audit.service';
import { createSecrets } from '../security/secrets';
import { waitForConnectionsToClose } from '../test/postgres';
import { databaseUrl, quoteIdentifier, testSecret } from '../test/template';
import { openDatabase, queryRows, type Database } from './client';

/**
 * On PostgreSQL the app runs as a role that owns nothing: migrations run as the owner (DATABASE_OWNER_URL), which then
 * grants the app role what it needs, and only INSERT and SELECT on audit_log. PGlite has a single role: skipped there.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const suffix = randomBytes(4).toString('hex');
const appRole = `tz_app_${suffix}`;
const databaseName = `tz_roles_${suffix}`;

describe.skipIf(!serverUrl)('database roles (PostgreSQL)', () => {
  let admin: pg.Client;
  let database: Database;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create role ${quoteIdentifier(appRole)} login`);
    await admin.query(`create database ${quoteIdentifier(databaseName)}`);
    const ownerUrl = databaseUrl(serverUrl!, databaseName);
    const appUrl = new URL(ownerUrl);
    appUrl.username = appRole;
    appUrl.password = '';
    database = await openDatabase({ kind: 'postgres', url: appUrl.toString(), ownerUrl, poolSize: 2 });
    await database.migrate();
    useAuditChain(createSecrets(testSecret));
  });
  afterAll(async () => {
    await database?.close();
    await waitForConnectionsToClose(admin, databaseName);
    await admin.query(`drop database if exists ${quoteIdentifier(databaseName)} with (force)`);
    await admin.query(`drop role if exists ${quoteIdentifier(appRole)}`);
    await admin.end();
  });

  const outcome = (statement: ReturnType<typeof sql>) =>
    database.db.execute(statement).then(
      () => 'accepted',
      (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
    );

  it('connects as the app role, which owns no table', async () => {
    const [{ role }] = await queryRows<{ role: string }>(database.db, sql`select current_user as role`);
    expect(role).toBe(appRole);
    expect(await queryRows(database.db, sql`select tablename from pg_tables where schemaname = 'public' and tableowner = current_user`)).toEqual([]);
  });

  it('writes the audit log through recordAudit and reads it, and reads and writes the other tables', async () => {
    await recordAudit(database.db, { userId: null, username: 'roles_test', role: null, ip: null }, { action: 'test.roles' });
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true, checked: 1 });
    expect(await outcome(sql`insert into units (id, code, name, name_en) values (gen_random_uuid(), ${`R-${suffix}`}, '角色测试单位', 'Roles test unit')`)).toBe('accepted');
    expect(await outcome(sql`update units set name = '角色测试单位二' where code = ${`R-${suffix}`}`)).toBe('accepted');
    expect(await outcome(sql`delete from units where code = ${`R-${suffix}`}`)).toBe('accepted');
  });

  it('cannot update, delete, truncate, disable the triggers of, alter or drop the audit log', async () => {
    expect(await outcome(sql`update audit_log set action = 'tampered'`)).toBe('permission denied for table audit_log');
    expect(await outcome(sql`delete from audit_log`)).toBe('permission denied for table audit_log');
    expect(await outcome(sql`truncate audit_log`)).toBe('permission denied for table audit_log');
    expect(await outcome(sql`alter table audit_log disable trigger audit_log_append_only`)).toBe('must be owner of table audit_log');
    expect(await outcome(sql`alter table audit_log add column forged text`)).toBe('must be owner of table audit_log');
    expect(await outcome(sql`drop table audit_log`)).toBe('must be owner of table audit_log');
    expect(await outcome(sql`create table forged (id int)`)).toBe('permission denied for schema public');
    const [{ tampered }] = await queryRows<{ tampered: number }>(database.db, sql`select count(*)::int as tampered from audit_log where action = 'tampered'`);
    expect(tampered).toBe(0);
  });

  it('keeps every row: nothing younger than the retention period (180 days) can be removed, even by the owner', async () => {
    const owner = new pg.Client({ connectionString: databaseUrl(serverUrl!, databaseName) });
    await owner.connect();
    try {
      const refused = await owner.query(`delete from audit_log where at > now() - interval '180 days'`).then(
        () => 'accepted',
        (error: Error) => error.message,
      );
      expect(refused).toBe('audit_log is append-only (DELETE refused)');
    } finally {
      await owner.end();
    }
  });
});
