import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, secretsFor, type Config } from '../config';
import { buildApp } from '../app';
import { createAgent, createTestApp, demoPassword, rowsOf, testEnv, type TestApp } from '../test/harness';
import type { Database, Executor } from './client';
import { claimSpareDemo, hasSpareDemo, makeSpareDemo, migratedTemplate, templateDay } from './demo-template';
import { prepareDatabase } from './prepare';

/** Rows per table the demo load writes (key check row and its audit row left out: the test template has none). */
const countedTables = [
  'units', 'organisations', 'talents', 'talent_educations', 'talent_titles', 'talent_certificates', 'talent_status_history', 'users',
  'policies', 'policy_versions', 'applications', 'application_actions', 'entitlements', 'payments', 'disbursement_batches', 'notifications',
];

/**
 * What the demo data holds apart from the key: row counts, and a checksum of key-independent columns of the talents,
 * accounts and applications (ids, names, routes, statuses, dates, search vectors), sorted in JavaScript so both
 * databases compare alike.
 */
async function demoFingerprint(executor: Executor) {
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const [row] = await rowsOf<{ total: number }>(executor, sql`select count(*)::int as total from ${sql.identifier(table)}`);
    counts[table] = row.total;
  }
  const [audit] = await rowsOf<{ total: number }>(executor, sql`select count(*)::int as total from audit_log where action <> 'system.keyCheck'`);
  counts.audit_log = audit.total;
  const lines = [
    ...(await rowsOf<Record<string, unknown>>(executor, sql`select id, name, arrival_route, status, birth_date::text, employer_id, tier, search_vector::text as vector from talents`)),
    ...(await rowsOf<Record<string, unknown>>(executor, sql`select id, username, roles::text, talent_id, organisation_id, unit_id from users`)),
    ...(await rowsOf<Record<string, unknown>>(executor, sql`select to_jsonb(a) - 'created_at' - 'updated_at' as application from applications a`)),
  ].map((row) => JSON.stringify(row, Object.keys(row).sort()));
  const checksum = createHash('sha256').update(lines.sort().join('\n')).digest('hex');
  return { counts, checksum };
}

/** The ID numbers in clear, sorted: the same people whatever key sealed them. */
async function idNumbers(executor: Executor, decrypt: (sealed: string) => string) {
  const rows = await rowsOf<{ cipher: string }>(executor, sql`select id_number_cipher as cipher from talents`);
  return rows.map((row) => decrypt(row.cipher)).sort();
}

describe('start-up templates: a first start from the spare demo database', () => {
  const root = mkdtempSync(join(tmpdir(), 'tz-demo-template-'));
  const templateDir = join(root, 'templates');
  const configFor = (name: string): Config => loadConfig({ ...testEnv, TZ_SECRET: '', TZ_DATA_DIR: join(root, name), TZ_TEMPLATE_DIR: templateDir });
  let reference: TestApp;
  const opened: Database[] = [];

  beforeAll(async () => {
    reference = await createTestApp();
  });
  afterAll(async () => {
    for (const database of opened) await database.close();
    await reference?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('holds the same demo data as a fresh load, sealed with a key of its own, and its accounts sign in', async () => {
    expect(await makeSpareDemo(configFor('unused'))).toBe('made');
    expect(hasSpareDemo(templateDir)).toBe(true);
    expect(migratedTemplate(templateDir)).toBeDefined();

    const config = configFor('first');
    expect(claimSpareDemo(config)).toBe(true);
    // moved, not copied: no copy of the key stays in the template folder
    expect(hasSpareDemo(templateDir)).toBe(false);
    expect(readdirSync(templateDir).filter((name) => name.startsWith('demo-') || name.startsWith('claimed-'))).toEqual([]);
    const secrets = secretsFor(config);
    const { database, seeded } = await prepareDatabase(config, secrets);
    opened.push(database);
    expect(seeded).toBe(false);

    // the same records as the demo load of the test template (loaded today as well)
    expect(await demoFingerprint(database.db)).toEqual(await demoFingerprint(reference.db));
    const referenceSecrets = secretsFor(reference.config);
    expect(await idNumbers(database.db, secrets.decrypt)).toEqual(await idNumbers(reference.db, referenceSecrets.decrypt));

    // the demo accounts sign in (the office with its password, the auditor up to the second factor)
    const app = await buildApp({ config: { ...config, logLevel: 'silent' }, database, secrets });
    try {
      const office = createAgent(app);
      expect((await office.post('/api/auth/login', { username: 'office', password: demoPassword })).statusCode).toBe(200);
      expect((await office.get('/api/auth/me')).json()).toMatchObject({ user: { username: 'office' } });
      const auditor = await createAgent(app).post('/api/auth/login', { username: 'auditor', password: demoPassword });
      expect(auditor.statusCode).toBe(200);
      expect(auditor.json()).toHaveProperty('challengeToken');
    } finally {
      await app.close();
    }
  }, 600_000);

  it('gives every data directory its own key, and is used only by a new data directory on the day it was made', async () => {
    expect(await makeSpareDemo(configFor('unused'))).toBe('made');
    const used = configFor('first');
    // a data directory that has a database already is left alone
    expect(claimSpareDemo(used)).toBe(false);
    // a spare of another day is not used (the demo dates applications from the load day)
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    expect(templateDay(tomorrow)).not.toBe(templateDay(new Date()));
    expect(claimSpareDemo(configFor('tomorrow'), tomorrow)).toBe(false);
    // nor with TZ_SECRET set: the data would be sealed with another key
    expect(claimSpareDemo({ ...configFor('given-key'), secret: 'x'.repeat(40) })).toBe(false);

    const second = configFor('second');
    expect(claimSpareDemo(second)).toBe(true);
    const keyOf = (config: Config) => readFileSync(join(config.dataDir, 'secret.key'), 'utf8');
    expect(keyOf(second)).not.toBe(keyOf(used));
    const { database } = await prepareDatabase(second, secretsFor(second));
    opened.push(database);
    // sealed with its own key: the other data directory's key opens nothing here
    const [sealed] = await rowsOf<{ cipher: string }>(database.db, sql`select id_number_cipher as cipher from talents limit 1`);
    expect(() => secretsFor(used).decrypt(sealed.cipher)).toThrow();
    expect(secretsFor(second).decrypt(sealed.cipher)).toMatch(/^\d{17}[\dX]$/);
    expect(existsSync(join(root, 'tomorrow', 'pglite'))).toBe(false);
  }, 600_000);
});
