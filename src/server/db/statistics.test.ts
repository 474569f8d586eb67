import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStartupWork } from '../search/refresh';
import { createSecrets } from '../security/secrets';
import { buildTalent } from '../test/factories';
import { createTestApp, type TestApp } from '../test/harness';
import { analyzeTables, tableStatistics } from './statistics';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const statisticsOf = async (table: string) =>
  (await t.rows<{ columns: number }>(sql`select count(*)::int as columns from pg_stats where schemaname = 'public' and tablename = ${table}`))[0].columns;

describe('planner statistics', () => {
  it('the start-up work analyzes what the demo seed filled: pg_stats rows exist for its tables', async () => {
    await runStartupWork(t.db, createSecrets('statistics-test-secret-0123456789abcdef'), t.app.log);
    for (const table of ['talents', 'talent_educations', 'organisations', 'policies', 'entitlements', 'audit_log']) expect(await statisticsOf(table), table).toBeGreaterThan(0);
    const talents = (await tableStatistics(t.db)).find((table) => table.table === 'talents')!;
    const [{ stored }] = await t.rows<{ stored: number }>(sql`select count(*)::int as stored from talents`);
    expect(talents.analyzed).toBe(true);
    expect(talents.rows).toBe(stored);
  });

  it('analyzes the tables it is given, due or not, one statement each', async () => {
    await buildTalent(t.db, { name: '统计甲' });
    const done = await analyzeTables(t.db, { tables: ['talents', 'talent_status_history', 'no_such_table'] });
    expect(done.tables.sort()).toEqual(['talent_status_history', 'talents']);
    const [{ stored }] = await t.rows<{ stored: number }>(sql`select count(*)::int as stored from talents`);
    expect((await tableStatistics(t.db)).find((table) => table.table === 'talents')!.rows).toBe(stored);
  });

  it('stops between tables when asked', async () => {
    let asked = 0;
    const done = await analyzeTables(t.db, { tables: ['talents', 'organisations', 'policies'], stopped: () => asked++ > 0 });
    expect(done.tables).toHaveLength(1);
  });
});
