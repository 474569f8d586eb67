import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTalent, buildUser, factoryPassword } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Agent;
let leader: Agent;
let hr: Agent;
let otherHr: Agent;
let enterpriseId: string;

beforeAll(async () => {
  t = await createTestApp();
  [office, leader] = await Promise.all([t.login('office'), t.login('leader')]);
  const mine = await buildUser(t.db, { roles: ['enterprise'] });
  enterpriseId = mine.organisationId!;
  hr = await t.login(mine.username, factoryPassword);
  otherHr = await t.login((await buildUser(t.db, { roles: ['enterprise'] })).username, factoryPassword);
});
afterAll(async () => t?.close());

const demandBody = (overrides: Record<string, unknown> = {}) => ({
  post: '电池材料研发工程师', industry: 'newEnergyBattery', chainSegment: 'midstream', discipline: 'newEnergy', education: 'master', title: null, minYears: 3,
  skills: ['电池材料', '钠离子电池'], headcount: 2, salaryBand: '12kTo20k', urgency: 'urgent', deadline: '2027-03-31', ...overrides,
});

describe('demands', () => {
  it('an enterprise posts and edits its own demand; another enterprise gets 404 and never sees it; the office sees all', async () => {
    const created = await hr.post('/api/demands', demandBody());
    expect(created.statusCode).toBe(201);
    const demand = created.json();
    expect(demand).toMatchObject({ enterprise: { id: enterpriseId }, status: 'open', filled: 0, discipline: { code: 'newEnergy', name: '新能源' }, chain: '新能源电池产业链' });

    for (const response of [
      await otherHr.get(`/api/demands/${demand.id}`),
      await otherHr.put(`/api/demands/${demand.id}`, { ...demandBody(), version: demand.version }),
      await otherHr.post(`/api/demands/${demand.id}/fills`, { channel: 'ownHiring', count: 1, filledOn: '2026-11-01' }),
      await otherHr.post(`/api/demands/${demand.id}/close`, { version: demand.version }),
    ]) expect([response.statusCode, response.json().error.code]).toEqual([404, 'notFound']);
    const othersList = (await otherHr.get('/api/demands', { query: { pageSize: '200' } })).json();
    expect(othersList.items.map((item: { id: string }) => item.id)).not.toContain(demand.id);
    // enterprise HR cannot post for someone else
    const foreign = await hr.post('/api/demands', demandBody({ enterpriseId: (await buildOrganisation(t.db)).id }));
    expect([foreign.statusCode, Object.keys(foreign.json().error.fields)]).toEqual([400, ['enterpriseId']]);

    const updated = await hr.put(`/api/demands/${demand.id}`, { ...demandBody({ headcount: 3 }), version: demand.version });
    expect([updated.statusCode, updated.json().headcount]).toEqual([200, 3]);
    const stale = await hr.put(`/api/demands/${demand.id}`, { ...demandBody({ headcount: 4 }), version: demand.version });
    expect(stale.statusCode).toBe(409);

    const all = (await office.get('/api/demands', { query: { discipline: 'newEnergy', pageSize: '200' } })).json();
    expect(all.items.map((item: { id: string }) => item.id)).toContain(demand.id);
    const summary = (await leader.get('/api/demands/summary')).json();
    expect(summary.find((row: { chain: string; discipline: { code: string } }) => row.chain === '新能源电池产业链' && row.discipline.code === 'newEnergy')?.headcount).toBeGreaterThanOrEqual(3);
    const [audit] = await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where target_id = ${demand.id} and action in ('demand.create', 'demand.update')`);
    expect(audit.n).toBe(2);
  });

  it('refuses bad input with field errors, writing nothing', async () => {
    const before = await t.rows<{ n: number }>(sql`select count(*)::int as n from demands`);
    const bad = await hr.post('/api/demands', demandBody({ discipline: 'astrology', industry: 'nope', headcount: 0 }));
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['headcount']);
    const unknown = await hr.post('/api/demands', demandBody({ discipline: 'astrology', industry: 'nope' }));
    expect(unknown.statusCode).toBe(400);
    expect(Object.keys(unknown.json().error.fields).sort()).toEqual(['discipline', 'industry']);
    expect(unknown.json().error.fields.discipline).toContain('学科方向');
    const officeWithout = await office.post('/api/demands', demandBody());
    expect([officeWithout.statusCode, Object.keys(officeWithout.json().error.fields)]).toEqual([400, ['enterpriseId']]);
    expect(await t.rows<{ n: number }>(sql`select count(*)::int as n from demands`)).toEqual(before);
  });

  it('keeps every fill as a dated record: open → partly filled → filled; no fill beyond the headcount or after closing', async () => {
    const demand = (await hr.post('/api/demands', demandBody({ headcount: 2 }))).json();
    const first = await hr.post(`/api/demands/${demand.id}/fills`, { channel: 'ownHiring', count: 1, filledOn: '2026-10-12', note: '社会招聘' });
    expect([first.statusCode, first.json().status, first.json().filled]).toEqual([200, 'partlyFilled', 1]);
    const over = await office.post(`/api/demands/${demand.id}/fills`, { channel: 'flexibleExpert', count: 2, filledOn: '2026-11-02' });
    expect([over.statusCode, over.json().error.code]).toEqual([409, 'demandOverfilled']);
    const second = await office.post(`/api/demands/${demand.id}/fills`, { channel: 'trainingOrder', count: 1, filledOn: '2026-11-02' });
    expect(second.json()).toMatchObject({ status: 'filled', filled: 2 });
    expect(second.json().fills.map((fill: { channel: string; filledOn: string }) => [fill.channel, fill.filledOn])).toEqual([['ownHiring', '2026-10-12'], ['trainingOrder', '2026-11-02']]);
    const below = await hr.put(`/api/demands/${demand.id}`, { ...demandBody({ headcount: 1 }), version: second.json().version });
    expect([below.statusCode, Object.keys(below.json().error.fields)]).toEqual([400, ['headcount']]);

    const other = (await hr.post('/api/demands', demandBody())).json();
    const closed = await hr.post(`/api/demands/${other.id}/close`, { version: other.version });
    expect(closed.json().status).toBe('closed');
    const late = await hr.post(`/api/demands/${other.id}/fills`, { channel: 'ownHiring', count: 1, filledOn: '2026-11-02' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'demandClosed']);
  });

  it('suggests candidates with reasons and gaps, masked as the registry masks them; and the reverse, openings for a talent', async () => {
    const demand = (await hr.post('/api/demands', demandBody({ post: '钠电正极材料工程师', skills: ['电池材料', '钠离子电池'], education: 'master' }))).json();
    const employer = (await buildOrganisation(t.db)).id;
    const strong = await buildTalent(t.db, {
      name: '候选强', employerId: null, status: 'flexibleService', post: '钠离子电池正极材料研究员',
      educations: [{ level: 'doctorate', degree: 'doctor', school: '中国科学院大学', major: '新能源材料与器件', graduationYear: 2015, fullTime: true, overseas: false }],
    });
    const weak = await buildTalent(t.db, {
      name: '候选弱', employerId: employer, post: '锂电材料工艺员',
      educations: [{ level: 'bachelor', degree: 'bachelor', school: '太原理工大学', major: '能源与动力工程', graduationYear: 2024, fullTime: true, overseas: false }],
    });
    const ownStaff = await buildTalent(t.db, { name: '本企业员工', employerId: enterpriseId, post: '钠离子电池工程师' });

    const answer = await office.get(`/api/demands/${demand.id}/candidates`, { query: { limit: '50' } });
    expect(answer.statusCode).toBe(200);
    const items = answer.json().items as { talent: { id: string; idNumber: string; phone: string | null; birthYear: number }; score: number; reasons: { text: string }[] }[];
    const ids = items.map((item) => item.talent.id);
    expect(ids[0]).toBe(strong.id);
    expect(ids).toContain(weak.id);
    expect(ids).not.toContain(ownStaff.id);
    const strongItem = items[0];
    expect(strongItem.talent.idNumber).toMatch(/^\d{6}\*{12}$/);
    expect(strongItem.reasons.map((reason) => reason.text)).toEqual(expect.arrayContaining(['学科: 新能源 ✓', '技能: 电池材料 ✓', '技能: 钠离子电池 ✓', '学历: 博士研究生 ✓']));
    const weakItem = items.find((item) => item.talent.id === weak.id)!;
    expect(weakItem.reasons.map((reason) => reason.text)).toEqual(expect.arrayContaining(['技能: 电池材料 ✓', '技能: 钠离子电池 ✗', '学历: 本科 (要求硕士研究生) ≈']));
    expect(weakItem.score).toBeLessThan(strongItem.score);
    const english = (await office.get(`/api/demands/${demand.id}/candidates`, { headers: { 'accept-language': 'en-US' } })).json();
    expect(english.items[0].reasons[0].text).toBe('Discipline: New energy ✓');
    // enterprise HR may not list the registry's talents as candidates
    expect((await hr.get(`/api/demands/${demand.id}/candidates`)).statusCode).toBe(403);

    const openings = await office.get(`/api/talents/${strong.id}/openings`, { query: { limit: '50' } });
    expect(openings.statusCode).toBe(200);
    const opening = openings.json().items.find((item: { demand: { id: string } }) => item.demand.id === demand.id);
    expect(opening.reasons.map((reason: { text: string }) => reason.text)).toContain('技能: 钠离子电池 ✓');
    // enterprise HR reads its own staff's openings only: another's talent is a 404
    expect((await hr.get(`/api/talents/${strong.id}/openings`)).statusCode).toBe(404);
    expect((await hr.get(`/api/talents/${ownStaff.id}/openings`)).statusCode).toBe(200);
  });
});

describe('demo data', () => {
  it('reproduces the source: 68 master’s graduates hired and 1 PhD planned, 19 executives by 市场化选聘, 11 technicians by open recruitment; hires are the registry’s talents', async () => {
    const list = (await office.get('/api/campaigns', { query: { pageSize: '50' } })).json().items as { id: string; type: string; planned: number; hired: number }[];
    const of = (type: string) => list.filter((item) => item.type === type);
    expect(of('campusRecruitment').map((item) => [item.planned, item.hired])).toEqual([[69, 68]]);
    expect(of('marketSelection').map((item) => [item.planned, item.hired])).toEqual([[19, 19]]);
    expect(of('openRecruitment').map((item) => [item.planned, item.hired])).toEqual([[11, 11]]);
    const campus = (await office.get(`/api/campaigns/${of('campusRecruitment')[0].id}`)).json();
    expect(campus.stageCounts.map((entry: { stage: string }) => entry.stage)).toEqual(['registration', 'qualification', 'writtenExam', 'interview', 'medical', 'inspection', 'publicity', 'offer']);
    // every hire is a talent with the arrival route of its campaign, and the same person (ID number hash)
    const mismatched = await t.rows(sql`select a.id from campaign_applicants a join campaigns c on c.id = a.campaign_id left join talents t on t.id = a.talent_id
      where a.state = 'hired' and (t.id is null or t.id_number_hash <> a.id_number_hash or t.arrival_route <> case when c.type in ('campusRecruitment', 'urgentTalent') then 'civilService' else 'marketHire' end)`);
    expect(mismatched).toEqual([]);
    const executives = (await office.get('/api/executives', { query: { pageSize: '50' } })).json();
    expect(executives.total).toBe(19);
    // demands of the demo enterprises across the key chains; the enterprise account's own
    const summary = (await office.get('/api/demands/summary')).json() as { chain: string | null }[];
    expect(new Set(summary.map((row) => row.chain).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    const own = (await (await t.login('enterprise')).get('/api/demands')).json();
    expect(own.total).toBeGreaterThanOrEqual(3);
    const [{ bad }] = await t.rows<{ bad: number }>(sql`select count(*)::int as bad from demands d where d.filled <> (select coalesce(sum(count), 0) from demand_fills f where f.demand_id = d.id)`);
    expect(bad).toBe(0);
  });
});
