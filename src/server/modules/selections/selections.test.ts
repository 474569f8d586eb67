import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate, shiftDate } from '../../../domain/calendar';
import { buildOrganisation, buildTalent, buildUser, factoryPassword, type BuiltUser } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import type { Actor, SessionUser } from '../../plugins/auth';
import { advanceSelection } from './selections.service';

let t: TestApp;
let office: Agent;
let officeActor: Actor;
let hr: Agent;
let otherHr: Agent;
let unitStaff: Agent;
let expertAgent: Agent;
let outsider: Agent;
let expertUser: BuiltUser;
let organisationId: string;
let otherOrganisationId: string;
let eligibleId: string;
let secondId: string;
let ineligibleId: string;
let otherStaffId: string;
let policyId: string;
let year = 2030;

const today = () => beijingDate(new Date());
const bachelor = [{ level: 'bachelor', degree: 'bachelor', school: '中北大学', major: '机械工程', graduationYear: 2015, fullTime: true, overseas: false }] as const;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  officeActor = { userId: office.user!.id, username: 'office', role: 'office', ip: null };
  organisationId = (await buildOrganisation(t.db)).id;
  otherOrganisationId = (await buildOrganisation(t.db)).id;
  hr = await t.login((await buildUser(t.db, { roles: ['enterprise'], organisationId })).username, factoryPassword);
  otherHr = await t.login((await buildUser(t.db, { roles: ['enterprise'], organisationId: otherOrganisationId })).username, factoryPassword);
  unitStaff = await t.login((await buildUser(t.db, { roles: ['department'] })).username, factoryPassword);
  expertUser = await buildUser(t.db, { roles: ['department'] });
  expertAgent = await t.login(expertUser.username, factoryPassword);
  outsider = await t.login((await buildUser(t.db, { roles: ['department'] })).username, factoryPassword);
  // the 人才公寓 policy's rule: 本科 or 中级职称 (and in the zone)
  [{ id: policyId }] = await t.rows<{ id: string }>(sql`select id from policies where code = 'APARTMENT'`);
  eligibleId = (await buildTalent(t.db, { employerId: organisationId, educations: [...bachelor] })).id;
  secondId = (await buildTalent(t.db, { employerId: organisationId, educations: [...bachelor] })).id;
  ineligibleId = (await buildTalent(t.db, {
    employerId: organisationId,
    educations: [{ level: 'juniorCollege', degree: 'none', school: '太原职业技术学院', major: '机电一体化', graduationYear: 2018, fullTime: true, overseas: false }],
    titles: [{ level: 'junior', series: '工程技术', name: '助理工程师', year: 2021 }],
  })).id;
  otherStaffId = (await buildTalent(t.db, { employerId: otherOrganisationId, educations: [...bachelor] })).id;
});
afterAll(async () => t?.close());

type Detail = {
  id: string; version: number; status: string; publicityUntil: string | null; experts: { id: string; name: string }[];
  nominations: { id: string; talent: { id: string }; status: string; rank: number | null; averageScore: number | null; eligibility: { eligible: boolean; reasons: { met: boolean; zh: string; en: string }[] } | null }[];
};

/** A call open today, with a user expert, an outside expert and an expert of the nominating enterprise. */
async function openSelection(overrides: Record<string, unknown> = {}) {
  year += 1;
  const response = await office.post('/api/selections', {
    kind: 'innovationEntrepreneur', year, title: `${year}年度科技创新企业家评选`, titleEn: `${year} innovation entrepreneurs`, honour: `${year}年度科技创新企业家`, honourEn: `Innovation entrepreneur ${year}`,
    quota: 1, policyId, nominateFrom: shiftDate(today(), -5), nominateTo: shiftDate(today(), 20), publicityDays: 5,
    experts: [{ name: '王建国', userId: expertUser.id }, { name: '李秀英' }, { name: '赵志强', organisationId }],
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Detail;
}

const detailOf = async (id: string, agent = office) => (await agent.get(`/api/selections/${id}`)).json() as Detail;
const step = async (id: string, path: 'advance' | 'eligibility') => office.post(`/api/selections/${id}/${path}`, { version: (await detailOf(id)).version });

describe('selections (评选)', () => {
  it('takes a nomination through eligibility by the policy’s rule, the panel with 回避, ranking and 公示 onto the talent’s profile', async () => {
    const selection = await openSelection();
    const nominated = [];
    for (const talentId of [eligibleId, secondId, ineligibleId]) {
      const response = await hr.post(`/api/selections/${selection.id}/nominations`, { talentId, reason: '主持研发新型泵阀，年产值过亿' });
      expect(response.statusCode, response.body).toBe(201);
      nominated.push(response.json());
    }
    expect(nominated[0]).toMatchObject({ status: 'nominated', eligibility: null, nominator: { kind: 'enterprise' } });
    const again = await hr.post(`/api/selections/${selection.id}/nominations`, { talentId: eligibleId, reason: '再次推荐' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'selectionNominationExists']);
    // the office is told of each nomination
    const [{ count }] = await t.rows<{ count: number }>(sql`select count(*)::int as count from notifications where kind = 'selectionNomination' and user_id = ${office.user!.id}`);
    expect(count).toBeGreaterThanOrEqual(3);

    // the review waits for the eligibility check
    const early = await step(selection.id, 'advance');
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'selectionUnchecked']);
    const checked = (await step(selection.id, 'eligibility')).json() as Detail;
    const byTalent = (id: string, detail: Detail) => detail.nominations.find((nomination) => nomination.talent.id === id)!;
    expect(byTalent(eligibleId, checked)).toMatchObject({ status: 'eligible', eligibility: { eligible: true } });
    const refused = byTalent(ineligibleId, checked);
    expect(refused).toMatchObject({ status: 'ineligible', eligibility: { eligible: false } });
    // the reasons name the conditions in both languages, some missed
    expect(refused.eligibility!.reasons.some((reason) => !reason.met && /本科|职称/.test(reason.zh) && reason.en.length > 0)).toBe(true);

    // no scoring before the review; then 回避 and the panel
    const tooSoon = await expertAgent.post(`/api/selections/nominations/${nominated[0].id}/scores`, { score: 90, opinion: '突出' });
    expect([tooSoon.statusCode, tooSoon.json().error.code]).toEqual([409, 'selectionState']);
    const reviewing = (await step(selection.id, 'advance')).json() as Detail;
    expect(reviewing.status).toBe('reviewing');
    const [, outside, sameEnterprise] = reviewing.experts;
    const notEligible = await expertAgent.post(`/api/selections/nominations/${refused.id}/scores`, { score: 90, opinion: '突出' });
    expect([notEligible.statusCode, notEligible.json().error.code]).toEqual([409, 'nominationState']);
    const conflicted = await office.post(`/api/selections/nominations/${nominated[0].id}/scores`, { expertId: sameEnterprise.id, score: 99, opinion: '同事，很优秀' });
    expect([conflicted.statusCode, conflicted.json().error.code]).toEqual([403, 'selectionExpertConflict']);
    const [denied] = await t.rows<{ result: string }>(sql`select result from audit_log where action = 'selectionNomination.score' and target_id = ${nominated[0].id} and detail = 'conflictOfInterest'`);
    expect(denied.result).toBe('denied');
    const notExpert = await outsider.post(`/api/selections/nominations/${nominated[0].id}/scores`, { score: 60, opinion: '一般' });
    expect(notExpert.statusCode).toBe(404);
    const forOther = await unitStaff.post(`/api/selections/nominations/${nominated[0].id}/scores`, { expertId: outside.id, score: 60, opinion: '一般' });
    expect(forOther.statusCode).toBe(404);

    const missing = await step(selection.id, 'advance');
    expect([missing.statusCode, missing.json().error.code]).toEqual([409, 'selectionScoresMissing']);
    for (const [id, mine, theirs] of [[nominated[0].id, 92, 88], [nominated[1].id, 80, 84]] as const) {
      expect((await expertAgent.post(`/api/selections/nominations/${id}/scores`, { score: mine, opinion: '同意推荐' })).statusCode).toBe(200);
      expect((await office.post(`/api/selections/nominations/${id}/scores`, { expertId: outside.id, score: theirs, opinion: '符合条件' })).statusCode).toBe(200);
    }

    // 公示: the best `quota` selected, ranked; the honour waits for the notice's end
    const publicised = (await step(selection.id, 'advance')).json() as Detail;
    expect(publicised.status).toBe('publicizing');
    expect(byTalent(eligibleId, publicised)).toMatchObject({ status: 'selected', rank: 1, averageScore: 90 });
    expect(byTalent(secondId, publicised)).toMatchObject({ status: 'notSelected', rank: 2, averageScore: 82 });
    const running = await step(selection.id, 'advance');
    expect([running.statusCode, running.json().error.code]).toEqual([409, 'selectionPublicityRunning']);
    const objected = await office.post(`/api/selections/nominations/${nominated[0].id}/objections`, { objector: '匿名来信', content: '业绩材料存疑' });
    expect(objected.statusCode, objected.body).toBe(200);
    const afterEnd = new Date(Date.parse(publicised.publicityUntil!) + 1000);
    const officeUser = office.user as SessionUser;
    await expect(advanceSelection(t.db, officeActor, officeUser, selection.id, { version: publicised.version }, afterEnd)).rejects.toMatchObject({ code: 'selectionObjectionsOpen' });
    const dismissed = await office.post(`/api/selections/objections/${objected.json().objections[0].id}/resolution`, { outcome: 'dismissed', resolution: '经核实材料真实' });
    expect(dismissed.json().objections[0]).toMatchObject({ status: 'dismissed' });
    // the enterprise sees the outcome, not who objected nor who scored what
    const seenByHr = (await hr.get(`/api/selections/nominations/${nominated[0].id}`)).json();
    expect([seenByHr.scores, seenByHr.objections[0].objector]).toEqual([[], '']);

    // completion: the honour on the profile, a talent event, the nominator told
    const completed = await advanceSelection(t.db, officeActor, officeUser, selection.id, { version: publicised.version }, afterEnd);
    expect(completed).toMatchObject({ status: 'completed', selected: 1 });
    const honours = (await hr.get(`/api/talents/${eligibleId}/honours`)).json();
    expect(honours).toEqual([expect.objectContaining({ name: `${year}年度科技创新企业家`, year, awardedOn: beijingDate(afterEnd), kindName: '科技创新企业家评选' })]);
    expect((await hr.get(`/api/talents/${secondId}/honours`)).json()).toEqual([]);
    const events = await t.rows<{ kind: string }>(sql`select kind from talent_events where talent_id = ${eligibleId} and kind = 'honour'`);
    expect(events).toHaveLength(1);
    const told = await t.rows<{ params: { selected: boolean } }>(sql`select params from notifications where kind = 'selectionResult' and user_id = ${hr.user!.id}`);
    expect(told.map((row) => row.params.selected).sort()).toEqual([false, true]);
    // another enterprise may not read the first one's talent's honours
    expect((await otherHr.get(`/api/talents/${eligibleId}/honours`)).statusCode).toBe(404);
  });

  it('runs a 5-working-day 公示 begun on 29 September 2026 until 12 October (国庆 off, the make-up Saturday worked)', async () => {
    const selection = await openSelection();
    const reviewing = (await step(selection.id, 'advance')).json() as Detail;
    expect(reviewing.status).toBe('reviewing');
    await advanceSelection(t.db, officeActor, office.user as SessionUser, selection.id, { version: reviewing.version }, new Date('2026-09-29T02:00:00Z'));
    const publicised = await detailOf(selection.id);
    expect(beijingDate(new Date(publicised.publicityUntil!))).toBe('2026-10-12');
  });

  it('keeps each nominator to its own nominations: another enterprise’s is a 404 and never listed', async () => {
    const selection = await openSelection();
    const own = (await hr.post(`/api/selections/${selection.id}/nominations`, { talentId: eligibleId, reason: '技术带头人' })).json();
    const other = await otherHr.post(`/api/selections/${selection.id}/nominations`, { talentId: otherStaffId, reason: '技术带头人' });
    expect(other.statusCode).toBe(201);
    // an enterprise nominates only its own staff
    const foreign = await otherHr.post(`/api/selections/${selection.id}/nominations`, { talentId: ineligibleId, reason: '技术带头人' });
    expect(foreign.statusCode).toBe(400);
    expect(Object.keys(foreign.json().error.fields)).toEqual(['talentId']);
    // a unit's staff nominates any talent in the zone
    const byUnit = await unitStaff.post(`/api/selections/${selection.id}/nominations`, { talentId: secondId, reason: '服务企业成效突出' });
    expect(byUnit.statusCode, byUnit.body).toBe(201);
    expect(byUnit.json().nominator.kind).toBe('department');

    const seen = await detailOf(selection.id, otherHr);
    expect(seen.nominations.map((nomination) => nomination.id)).toEqual([other.json().id]);
    expect((await otherHr.get(`/api/selections/nominations/${own.id}`)).statusCode).toBe(404);
    expect((await unitStaff.get(`/api/selections/nominations/${own.id}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/selections/nominations/${own.id}`)).statusCode).toBe(200);
    // the panel's experts read every nomination of their selection; the office all
    expect((await detailOf(selection.id, expertAgent)).nominations).toHaveLength(3);
    expect((await detailOf(selection.id)).nominations).toHaveLength(3);
    const listed = (await otherHr.get('/api/selections', { query: { year: String(year) } })).json();
    expect(listed.items[0]).toMatchObject({ nominated: 1, canNominate: true });
  });

  it('answers bad input with the fields named and saves nothing; refuses a nomination outside the window', async () => {
    const bad = await office.post('/api/selections', {
      kind: 'astrology', year: 2040, title: '无效评选', titleEn: 'Invalid', honour: '无', honourEn: 'None', quota: 1, policyId: '00000000-0000-4000-8000-000000000000',
      nominateFrom: '2040-05-01', nominateTo: '2040-04-01', publicityDays: 5, experts: [{ name: '某专家', userId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['experts.0.userId', 'kind', 'nominateTo', 'policyId']);
    expect((await t.rows(sql`select 1 from selections where year = 2040`)).length).toBe(0);
    const closed = await openSelection({ nominateFrom: shiftDate(today(), -30), nominateTo: shiftDate(today(), -1) });
    const late = await hr.post(`/api/selections/${closed.id}/nominations`, { talentId: eligibleId, reason: '技术带头人' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'selectionWindowClosed']);
    const twice = await office.post('/api/selections', {
      kind: 'innovationEntrepreneur', year, title: '重复', titleEn: 'Again', honour: '重复', honourEn: 'Again', quota: 1, policyId, nominateFrom: today(), nominateTo: today(), publicityDays: 5,
    });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'selectionExists']);
  });
});
