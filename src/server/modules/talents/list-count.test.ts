import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTalent } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { listTalents } from './talents.repo';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

const counted = async (where: ReturnType<typeof sql>) => Number((await t.rows<{ total: number }>(sql`select count(*)::int as total from talents where ${where}`))[0].total);
const page = (filters: Parameters<typeof listTalents>[1]['filters'], matchLimit: number) =>
  listTalents(t.db, { page: 1, pageSize: 20, sort: '-updatedAt', filters }, undefined, { matchLimit });

describe('the talent list’s total without a search', () => {
  it('is the exact count for the whole registry and for one of status, arrival route, industry or education, however large', async () => {
    const all = await office.get('/api/talents');
    expect(all.json()).toMatchObject({ total: await counted(sql`true`), totalCapped: false });
    // with a limit far below the counts, these still come exact: from the tallies, no rows read
    expect(await page({}, 10)).toMatchObject({ total: await counted(sql`true`), totalCapped: false });
    expect(await page({ status: 'inZone' }, 10)).toMatchObject({ total: await counted(sql`status = 'inZone'`), totalCapped: false });
    expect(await page({ arrivalRoute: 'marketHire' }, 10)).toMatchObject({ total: await counted(sql`arrival_route = 'marketHire'`), totalCapped: false });
    expect(await page({ industry: 'pumpsValves' }, 10)).toMatchObject({ total: await counted(sql`industry = 'pumpsValves'`), totalCapped: false });
    expect(await page({ education: 'master' }, 10)).toMatchObject({ total: await counted(sql`highest_education = 'master'`), totalCapped: false });
    expect(await page({ status: 'inZone' }, 10).then((result) => result.items)).toHaveLength(20);
  });

  it('follows a write at once', async () => {
    const before = (await office.get('/api/talents', { query: { status: 'flexibleService' } })).json().total;
    await buildTalent(t.db, { status: 'flexibleService', arrivalRoute: 'flexible' });
    expect((await office.get('/api/talents', { query: { status: 'flexibleService' } })).json().total).toBe(before + 1);
    expect((await office.get('/api/talents')).json().total).toBe(await counted(sql`true`));
  });

  it('counts other filters up to the limit, beyond it says so (totalCapped) instead of reading every row', async () => {
    const both = { status: 'inZone' as const, arrivalRoute: 'marketHire' as const };
    const exact = await counted(sql`status = 'inZone' and arrival_route = 'marketHire'`);
    expect(exact).toBeGreaterThan(10);
    expect(await page(both, exact)).toMatchObject({ total: exact, totalCapped: false });
    expect(await page(both, 10)).toMatchObject({ total: 10, totalCapped: true });
    const tier = await page({ tier: 'C' }, 10);
    expect(tier).toMatchObject({ total: 10, totalCapped: true });
    expect(tier.items).toHaveLength(Math.min(20, await counted(sql`tier = 'C'`)));
  });
});
