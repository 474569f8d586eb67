import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { demoPlan } from './plan';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the demo selections (评选)', () => {
  it('last year’s 科技创新企业家评选 finished: eligibility by the engine, the panel’s scores with 回避, 10 selected with honours on their profiles', async () => {
    const [finished] = await t.rows<{ id: string; status: string; quota: number }>(sql`select id, status, quota from selections where status = 'completed'`);
    expect(finished).toMatchObject({ status: 'completed', quota: 10 });
    const counts = await t.rows<{ status: string; count: number }>(sql`select status, count(*)::int as count from selection_nominations where selection_id = ${finished.id} group by status`);
    const by = Object.fromEntries(counts.map((row) => [row.status, row.count]));
    expect(by.selected).toBe(10);
    expect(by.ineligible).toBeGreaterThan(0);
    expect(by.notSelected).toBeGreaterThan(0);
    // every selected nominee has the honour and its event; nobody else has it
    const honoured = await t.rows<{ talent_id: string }>(sql`select talent_id from talent_honours where selection_id = ${finished.id}`);
    const selected = await t.rows<{ talent_id: string }>(sql`select talent_id from selection_nominations where selection_id = ${finished.id} and status = 'selected'`);
    expect(new Set(honoured.map((row) => row.talent_id))).toEqual(new Set(selected.map((row) => row.talent_id)));
    expect(await t.rows(sql`select 1 from talent_events where kind = 'honour'`)).toHaveLength(10);
    // the expert of 泵阀集团 scored none of its staff
    const conflicted = await t.rows(sql`
      select 1 from selection_scores s join selection_experts e on e.id = s.expert_id join selection_nominations n on n.id = s.nomination_id
      where e.organisation_id is not null and (e.organisation_id = n.employer_id or e.organisation_id = n.nominating_org_id)`);
    expect(conflicted).toEqual([]);
    // the office reads it through the API as the screens do
    const office = await t.login('office');
    const detail = (await office.get(`/api/selections/${finished.id}`)).json();
    expect(detail.nominations.filter((row: { status: string }) => row.status === 'selected').map((row: { rank: number }) => row.rank).every((rank: number) => rank <= 10)).toBe(true);
  });

  it('this year’s call takes nominations; the generator is deterministic', async () => {
    const open = await t.rows<{ status: string; nominations: number }>(sql`
      select s.status, (select count(*)::int from selection_nominations n where n.selection_id = s.id) as nominations from selections s where s.status = 'nominating'`);
    expect(open).toEqual([{ status: 'nominating', nominations: 6 }]);
    expect(demoPlan()).toEqual(demoPlan());
  });
});
