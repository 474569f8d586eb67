import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortageIndex } from '../../../domain/analytics';
import { compactTallies, refreshSummaries } from '../home/tallies.repo';
import { buildOrganisation, buildTalent, buildUser, factoryPassword } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { provinceOf } from './analytics.service';

let t: TestApp;
let office: Agent;
let leader: Agent;
let hr: Agent;
let enterpriseId: string;

beforeAll(async () => {
  t = await createTestApp();
  [office, leader] = await Promise.all([t.login('office'), t.login('leader')]);
  const mine = await buildUser(t.db, { roles: ['enterprise'] });
  enterpriseId = mine.organisationId!;
  hr = await t.login(mine.username, factoryPassword);
});
afterAll(async () => t?.close());

type ShortageRow = { discipline: string; openPosts: number; supply: number; timeToFill: number | null; vacancyAge: number | null; value: number; history: { day: string; value: number }[] };
type Cell = { facet: string; industry: string; key: string; count: number };
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shortageOf = async (agent: Agent, code: string) => ((await agent.get('/api/analytics/industry-map')).json().shortage as ShortageRow[]).find((row) => row.discipline === code)!;

/** Every discipline's index computed here from the raw records, the way the method says. */
async function rawShortage() {
  const rows = await t.rows<{ code: string; openPosts: number; supply: number; timeToFill: string | null; vacancyAge: string | null }>(sql`
    select d.code,
      coalesce((select sum(headcount - filled) from demands m where m.discipline = d.code and m.status in ('open', 'partlyFilled')), 0)::int as "openPosts",
      (select count(*) from talents x where x.status = 'inZone' and talent_discipline(x.post) = d.code)::int as supply,
      (select round(sum((f.filled_on - (m.created_at at time zone 'Asia/Shanghai')::date) * f.count)::numeric / nullif(sum(f.count), 0), 1)
         from demand_fills f join demands m on m.id = f.demand_id
         where m.discipline = d.code and f.filled_on > (now() at time zone 'Asia/Shanghai')::date - 365) as "timeToFill",
      (select round(sum(((now() at time zone 'Asia/Shanghai')::date - (m.created_at at time zone 'Asia/Shanghai')::date) * (m.headcount - m.filled))::numeric / nullif(sum(m.headcount - m.filled), 0), 1)
         from demands m where m.discipline = d.code and m.status in ('open', 'partlyFilled')) as "vacancyAge"
    from disciplines d order by d.code`);
  return rows.map((row) => {
    const figures = { openPosts: row.openPosts, supply: row.supply, timeToFill: row.timeToFill === null ? null : Number(row.timeToFill), vacancyAge: row.vacancyAge === null ? null : Number(row.vacancyAge) };
    return { discipline: row.code, ...figures, value: shortageIndex(figures) };
  });
}

/** The talent map's education cells counted from the raw table. */
async function rawEducationCells() {
  const rows = await t.rows<{ industry: string; key: string; count: number }>(sql`
    select coalesce(industry, '') as industry, coalesce(highest_education, '') as key, count(*)::int as count from talents where status = 'inZone' group by 1, 2`);
  return rows.map((row) => `${row.industry}|${row.key}|${row.count}`).sort();
}
const educationCells = (cells: Cell[]) => cells.filter((cell) => cell.facet === 'education').map((cell) => `${cell.industry}|${cell.key}|${cell.count}`).sort();

describe('the shortage index (紧缺指数)', () => {
  it('moves in the writing transaction: a demand posted raises it, a talent in that post type counts as supply, filling the demand lowers it at once, with a dated history row', async () => {
    await t.db.execute(sql`insert into disciplines (code, name, name_en, keywords, sort_order) values ('quantumMetrology', '量子测控', 'Quantum metrology', '{量子测控}', 99)`);
    const employer = await buildOrganisation(t.db, { industry: 'digitalEconomy', chainSegment: 'upstream' });
    const posted = await office.post('/api/demands', {
      enterpriseId: employer.id, post: '量子测控工程师', industry: 'digitalEconomy', chainSegment: 'upstream', discipline: 'quantumMetrology', education: 'master', title: null, minYears: 0,
      skills: [], headcount: 4, salaryBand: null, urgency: 'urgent', deadline: '2027-06-30',
    });
    expect(posted.statusCode).toBe(201);
    const demand = posted.json();
    // four open posts, nobody in that post type: demand against supply at its full weight (50), no waiting yet
    expect(await shortageOf(office, 'quantumMetrology')).toMatchObject({ openPosts: 4, supply: 0, timeToFill: null, vacancyAge: 0, value: 50 });

    await buildTalent(t.db, { post: '量子测控工程师', industry: 'digitalEconomy', employerId: employer.id });
    expect(await shortageOf(leader, 'quantumMetrology')).toMatchObject({ openPosts: 4, supply: 1, value: 50 });

    const filled = await office.post(`/api/demands/${demand.id}/fills`, { channel: 'ownHiring', count: 4, filledOn: today() });
    expect(filled.statusCode).toBe(200);
    const after = await shortageOf(office, 'quantumMetrology');
    // nothing open and filled the day it was posted: 0
    expect(after).toMatchObject({ openPosts: 0, supply: 1, timeToFill: 0, vacancyAge: null, value: 0 });
    expect(after.history).toEqual([{ day: today(), value: 0 }]);
  });

  it('equals the index computed from the raw records, for every discipline, after the demo load and after writes', async () => {
    const answer = async () => ((await office.get('/api/analytics/industry-map')).json().shortage as ShortageRow[])
      .map(({ discipline, openPosts, supply, timeToFill, vacancyAge, value }) => ({ discipline, openPosts, supply, timeToFill, vacancyAge, value }))
      .sort((a, b) => a.discipline.localeCompare(b.discipline));
    const raw = async () => (await rawShortage()).sort((a, b) => a.discipline.localeCompare(b.discipline));
    expect(await answer()).toEqual(await raw());
    // a bulk SQL update of posts moves supply between post types; the statement's trigger recounts them
    await t.db.execute(sql`update talents set post = '数据分析师' where id in (select id from talents where status = 'inZone' and post like '%工程师%' order by id limit 25)`);
    expect(await answer()).toEqual(await raw());
    await refreshSummaries(t.db);
    expect(await answer()).toEqual(await raw());
  }, 120_000);
});

describe('the talent map', () => {
  it('answers the counts of the records from the tallies, right after writes, compaction and a recount', async () => {
    const cells = async () => educationCells((await office.get('/api/analytics/talent-map')).json().cells as Cell[]);
    expect(await cells()).toEqual(await rawEducationCells());
    const talent = await buildTalent(t.db, { industry: 'pumpsValves', highestEducation: 'doctorate' } as never);
    await t.db.execute(sql`update talents set status = 'left', status_since = '2026-11-01' where id = ${talent.id}`);
    await buildTalent(t.db, { industry: 'newMaterials' });
    expect(await cells()).toEqual(await rawEducationCells());
    await compactTallies(t.db);
    expect(await cells()).toEqual(await rawEducationCells());
    await refreshSummaries(t.db);
    expect(await cells()).toEqual(await rawEducationCells());
  });

  it('shows an enterprise its own staff only; the zone to the office', async () => {
    await buildTalent(t.db, { employerId: enterpriseId, industry: 'newEnergyBattery' });
    await buildTalent(t.db, { employerId: enterpriseId, industry: 'newEnergyBattery', status: 'left' } as never);
    const own = (await hr.get('/api/analytics/talent-map')).json();
    const total = (cells: Cell[]) => cells.filter((cell) => cell.facet === 'education').reduce((sum, cell) => sum + cell.count, 0);
    expect(total(own.cells)).toBe(1);
    const zone = (await office.get('/api/analytics/talent-map')).json();
    const [{ n }] = await t.rows<{ n: number }>(sql`select count(*)::int as n from talents where status = 'inZone'`);
    expect(total(zone.cells)).toBe(n);
    const map = (await hr.get('/api/analytics/industry-map')).json();
    expect(map.allTalents).toBe(1);
    expect(map.chains.find((chain: { chain: string }) => chain.chain === '新能源电池产业链').talents).toBe(1);
  });

  it('places leavers’ destinations on provinces of the map', () => {
    expect(provinceOf('北京')).toBe('北京');
    expect(provinceOf('江苏省苏州市')).toBe('江苏');
    expect(provinceOf('太原')).toBe('山西');
    expect(provinceOf('国外')).toBeNull();
  });
});

describe('the industry map', () => {
  it('counts each chain’s talents and enterprises as the records do, with location quotients from the benchmarks', async () => {
    const map = (await leader.get('/api/analytics/industry-map')).json();
    const battery = map.chains.find((chain: { chain: string }) => chain.chain === '新能源电池产业链');
    const [{ talents, enterprises }] = await t.rows<{ talents: number; enterprises: number }>(sql`
      select (select count(*) from talents x join industries i on i.code = x.industry where x.status = 'inZone' and i.chain = '新能源电池产业链')::int as talents,
        (select count(*) from organisations o join industries i on i.code = o.industry where o.kind = 'enterprise' and i.chain = '新能源电池产业链')::int as enterprises`);
    expect([battery.talents, battery.enterprises]).toEqual([talents, enterprises]);
    expect(battery.segments.map((segment: { segment: string | null }) => segment.segment).slice(0, 3)).toEqual(['upstream', 'midstream', 'downstream']);
    const province = battery.quotients.find((row: { area: string }) => row.area === 'province');
    expect(province.quotient).toBeCloseTo(((talents / map.allTalents) * 100) / province.share, 1);
    expect(province.year).toBe(2025);
  });
});

describe('ask in words (endpoint)', () => {
  it('answers the chips understood, the words not understood, and the talents the filters select; edited chips select again', async () => {
    const answer = (await office.get('/api/analytics/ask', { query: { q: '近一年离开的博士 量子' } })).json();
    expect(answer.filters.map((filter: { kind: string }) => filter.kind)).toEqual(['period', 'status', 'education']);
    expect(answer.unknown).toEqual(['量子']);
    const [{ n }] = await t.rows<{ n: number }>(sql`
      select count(*)::int as n from talents where status = 'left' and highest_education = 'doctorate' and status_since >= ((now() at time zone 'Asia/Shanghai')::date - interval '12 months')::date`);
    expect(answer.result.total).toBe(n);
    const edited = (await office.get('/api/analytics/ask/talents', { query: { education: 'master', chain: '新能源电池产业链', ageMax: '34' } })).json();
    const [{ m }] = await t.rows<{ m: number }>(sql`
      select count(*)::int as m from talents x join industries i on i.code = x.industry
      where x.status = 'inZone' and x.highest_education = 'master' and i.chain = '新能源电池产业链' and x.birth_date > ((now() at time zone 'Asia/Shanghai')::date - interval '35 years')::date`);
    expect(edited.total).toBe(m);
    const bad = await office.get('/api/analytics/ask/talents', { query: { education: 'wizard' } });
    expect([bad.statusCode, Object.keys(bad.json().error.fields)]).toEqual([400, ['education.0']]);
  });
});
