import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate, shiftDate } from '../../../domain/calendar';
import { buildOrganisation, buildTalent, buildUser, factoryPassword, type BuiltUser } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import type { Actor } from '../../plugins/auth';
import { advanceRound } from './title-evaluations.service';

let t: TestApp;
let office: Agent;
let officeActor: Actor;
let hr: Agent;
let otherHr: Agent;
let expertAgent: Agent;
let outsider: Agent;
let expertUser: BuiltUser;
let organisationId: string;
let otherOrganisationId: string;
let staffId: string;
let otherStaffId: string;
let year = 2030;

const today = () => beijingDate(new Date());

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  officeActor = { userId: office.user!.id, username: 'office', role: 'office', ip: null };
  organisationId = (await buildOrganisation(t.db)).id;
  otherOrganisationId = (await buildOrganisation(t.db)).id;
  hr = await t.login((await buildUser(t.db, { roles: ['enterprise'], organisationId })).username, factoryPassword);
  otherHr = await t.login((await buildUser(t.db, { roles: ['enterprise'], organisationId: otherOrganisationId })).username, factoryPassword);
  expertUser = await buildUser(t.db, { roles: ['department'] });
  expertAgent = await t.login(expertUser.username, factoryPassword);
  outsider = await t.login((await buildUser(t.db, { roles: ['department'] })).username, factoryPassword);
  // a junior-college graduate with a junior title who arrived last year: not eligible for the 人才公寓 policy (本科 or 中级职称)
  const staff = await buildTalent(t.db, {
    employerId: organisationId,
    arrivedOn: shiftDate(today(), -300),
    educations: [{ level: 'juniorCollege', degree: 'none', school: '太原职业技术学院', major: '机电一体化', graduationYear: 2018, fullTime: true, overseas: false }],
    titles: [{ level: 'junior', series: '工程技术', name: '助理工程师', year: 2021 }],
  });
  staffId = staff.id;
  otherStaffId = (await buildTalent(t.db, { employerId: otherOrganisationId })).id;
});
afterAll(async () => t?.close());

/** A round open for declarations today, with a user expert, an outside expert and an expert of the declaring enterprise. */
async function openRound(overrides: Record<string, unknown> = {}) {
  year += 1;
  const response = await office.post('/api/title-evaluations/rounds', {
    year, series: 'engineering', name: `${year} 年度工程系列职称评审`, levels: ['intermediate', 'associateSenior'],
    declareFrom: shiftDate(today(), -5), declareTo: shiftDate(today(), 20), publicityDays: 5,
    experts: [{ name: '王建国', userId: expertUser.id }, { name: '李秀英' }, { name: '赵志强', organisationId }],
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; status: string; experts: { id: string; name: string }[] };
}

const advance = async (id: string) => {
  const round = (await office.get(`/api/title-evaluations/rounds/${id}`)).json();
  return office.post(`/api/title-evaluations/rounds/${id}/advance`, { version: round.version });
};
const declarationOf = async (id: string) => (await office.get(`/api/title-evaluations/declarations/${id}`)).json();
const apartmentStatus = async (talentId: string) => {
  const answer = (await hr.get('/api/calculator', { query: { target: 'talent', subjectId: talentId } })).json();
  return answer.items.find((item: { policy: { code: string } }) => item.policy.code === 'APARTMENT').status as string;
};

describe('title evaluation (职称评聘)', () => {
  it('takes a candidate from declaration to the registry, and the new title makes the talent eligible at once', async () => {
    const round = await openRound();
    expect(round.status).toBe('declaring');
    expect(await apartmentStatus(staffId)).toBe('notEligible');

    const created = await hr.post('/api/title-evaluations/declarations', { roundId: round.id, talentId: staffId, level: 'intermediate', materials: [{ name: '职称申报表.pdf' }, { name: '业绩证明.pdf' }] });
    expect(created.statusCode, created.body).toBe(201);
    let declaration = created.json();
    expect(declaration).toMatchObject({ status: 'submitted', level: 'intermediate', organisationId, scores: [] });
    const again = await hr.post('/api/title-evaluations/declarations', { roundId: round.id, talentId: staffId, level: 'intermediate', materials: [{ name: '申报表.pdf' }] });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'titleDeclarationExists']);

    // the review cannot start while a declaration waits for the office's check
    const early = await advance(round.id);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'titleUnchecked']);

    // 退回补正 needs a reason; the enterprise corrects and resubmits; the office accepts
    const noReason = await office.post(`/api/title-evaluations/declarations/${declaration.id}/check`, { outcome: 'return', version: declaration.version });
    expect(noReason.statusCode).toBe(400);
    expect(Object.keys(noReason.json().error.fields)).toEqual(['comment']);
    declaration = (await office.post(`/api/title-evaluations/declarations/${declaration.id}/check`, { outcome: 'return', comment: '缺少继续教育证明', version: declaration.version })).json();
    expect(declaration).toMatchObject({ status: 'returned', checkComment: '缺少继续教育证明' });
    declaration = (await hr.put(`/api/title-evaluations/declarations/${declaration.id}`, { level: 'intermediate', materials: [{ name: '职称申报表.pdf' }, { name: '继续教育证明.pdf' }], version: declaration.version })).json();
    expect(declaration.status).toBe('submitted');
    declaration = (await office.post(`/api/title-evaluations/declarations/${declaration.id}/check`, { outcome: 'accept', version: declaration.version })).json();
    expect(declaration.status).toBe('accepted');

    // no scoring before the review
    const tooSoon = await expertAgent.post(`/api/title-evaluations/declarations/${declaration.id}/scores`, { score: 80, opinion: '业绩突出' });
    expect([tooSoon.statusCode, tooSoon.json().error.code]).toEqual([409, 'titleRoundState']);
    expect((await advance(round.id)).json().status).toBe('reviewing');
    // the round is fixed once under review
    const change = await office.put(`/api/title-evaluations/rounds/${round.id}`, { year, series: 'engineering', name: '改名', levels: ['intermediate'], declareFrom: today(), declareTo: today(), publicityDays: 5, version: 2 });
    expect([change.statusCode, change.json().error.code]).toEqual([409, 'titleRoundState']);

    // the group's result needs every expert who may score
    const undecided = await office.post(`/api/title-evaluations/declarations/${declaration.id}/result`, { result: 'pass', version: declaration.version });
    expect([undecided.statusCode, undecided.json().error.code]).toEqual([409, 'titleScoresMissing']);
    expect((await expertAgent.post(`/api/title-evaluations/declarations/${declaration.id}/scores`, { score: 86, opinion: '业绩突出，同意' })).statusCode).toBe(200);
    const [, outside, sameEnterprise] = round.experts;
    expect((await office.post(`/api/title-evaluations/declarations/${declaration.id}/scores`, { expertId: outside.id, score: 78, opinion: '基本符合条件' })).statusCode).toBe(200);
    // 回避: the expert of the candidate's own enterprise cannot score, whoever records it
    const conflicted = await office.post(`/api/title-evaluations/declarations/${declaration.id}/scores`, { expertId: sameEnterprise.id, score: 99, opinion: '同事，很优秀' });
    expect([conflicted.statusCode, conflicted.json().error.code]).toEqual([403, 'titleExpertConflict']);
    // a department user outside the group is no expert, and may not score for one
    const notExpert = await outsider.post(`/api/title-evaluations/declarations/${declaration.id}/scores`, { score: 60, opinion: '一般' });
    expect([notExpert.statusCode, notExpert.json().error.code]).toEqual([403, 'titleNotExpert']);
    const forOther = await outsider.post(`/api/title-evaluations/declarations/${declaration.id}/scores`, { expertId: outside.id, score: 60, opinion: '一般' });
    expect([forOther.statusCode, forOther.json().error.code]).toEqual([403, 'titleNotExpert']);

    declaration = await declarationOf(declaration.id);
    expect(declaration.averageScore).toBe(82);
    expect(declaration.experts.find((expert: { id: string }) => expert.id === sameEnterprise.id)).toMatchObject({ conflict: true, scored: false });
    declaration = (await office.post(`/api/title-evaluations/declarations/${declaration.id}/result`, { result: 'pass', comment: '评审通过', version: declaration.version })).json();
    expect(declaration.status).toBe('passed');

    // 公示: publicityDays working days; the final results wait for its end
    const publicised = (await advance(round.id)).json();
    expect(publicised.status).toBe('publicizing');
    expect(publicised.publicityUntil).not.toBeNull();
    const running = await advance(round.id);
    expect([running.statusCode, running.json().error.code]).toEqual([409, 'titlePublicityRunning']);
    // an objection is recorded and resolved; an open one holds the completion
    const objected = await office.post(`/api/title-evaluations/declarations/${declaration.id}/objections`, { objector: '匿名来信', content: '业绩材料存疑' });
    expect(objected.statusCode).toBe(201);
    const objection = objected.json().objections[0];
    const afterEnd = new Date(Date.parse(publicised.publicityUntil) + 1000);
    await expect(advanceRound(t.db, t.app.secrets, officeActor, round.id, { version: publicised.version }, afterEnd)).rejects.toMatchObject({ code: 'titleObjectionsOpen' });
    const dismissed = await office.post(`/api/title-evaluations/objections/${objection.id}/resolution`, { outcome: 'dismissed', resolution: '经核实材料真实' });
    expect(dismissed.json().objections[0]).toMatchObject({ status: 'dismissed', resolution: '经核实材料真实' });
    // the enterprise sees the objection's outcome, not who raised it, nor the experts' scores
    const seenByHr = (await hr.get(`/api/title-evaluations/declarations/${declaration.id}`)).json();
    expect(seenByHr.scores).toEqual([]);
    expect(seenByHr.objections[0].objector).toBe('');

    // the notice over: completion writes the title into the registry, audited as a change of the talent's record
    await advanceRound(t.db, t.app.secrets, officeActor, round.id, { version: publicised.version }, afterEnd);
    const completed = (await office.get(`/api/title-evaluations/rounds/${round.id}`)).json();
    expect(completed).toMatchObject({ status: 'completed', declared: 1, passed: 1, enterprises: 1 });
    expect((await declarationOf(declaration.id)).recordedAt).not.toBeNull();
    const profile = (await office.get(`/api/talents/${staffId}`)).json();
    expect(profile.titles).toContainEqual({ level: 'intermediate', series: '工程技术', name: '工程师', year });
    expect(profile.highestTitle).toBe('intermediate');
    const [audit] = await t.rows<{ detail: string; changes: { titles: unknown } }>(sql`select detail, changes from audit_log where action = 'talent.update' and target_id = ${staffId}`);
    expect(audit.detail).toBe('titleEvaluation');
    expect(audit.changes.titles).toBeDefined();
    // and the policy engine sees the new title at once
    expect(await apartmentStatus(staffId)).toBe('eligible');
  });

  it('ends a 5-working-day 公示 begun on 29 September 2026 on 12 October: 国庆 off, the make-up Saturday worked', async () => {
    const round = await openRound();
    const reviewing = (await advance(round.id)).json();
    expect(reviewing.status).toBe('reviewing');
    await advanceRound(t.db, t.app.secrets, officeActor, round.id, { version: reviewing.version }, new Date('2026-09-29T02:00:00Z'));
    const publicised = (await office.get(`/api/title-evaluations/rounds/${round.id}`)).json();
    // weekends alone would have said 6 October
    expect(beijingDate(new Date(publicised.publicityUntil))).toBe('2026-10-12');
  });

  it('keeps an enterprise to its own declarations and staff; another enterprise’s declaration is a 404', async () => {
    const round = await openRound();
    const own = (await hr.post('/api/title-evaluations/declarations', { roundId: round.id, talentId: staffId, level: 'associateSenior', materials: [{ name: '申报表.pdf' }] })).json();
    const other = await otherHr.post('/api/title-evaluations/declarations', { roundId: round.id, talentId: otherStaffId, level: 'intermediate', materials: [{ name: '申报表.pdf' }] });
    expect(other.statusCode).toBe(201);
    // declaring someone else's staff names the field
    const foreign = await otherHr.post('/api/title-evaluations/declarations', { roundId: round.id, talentId: staffId, level: 'intermediate', materials: [{ name: '申报表.pdf' }] });
    expect(foreign.statusCode).toBe(400);
    expect(Object.keys(foreign.json().error.fields)).toEqual(['talentId']);

    const listed = (await otherHr.get('/api/title-evaluations/declarations', { query: { roundId: round.id } })).json();
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([other.json().id]);
    expect((await otherHr.get(`/api/title-evaluations/declarations/${own.id}`)).statusCode).toBe(404);
    expect((await otherHr.put(`/api/title-evaluations/declarations/${own.id}`, { level: 'intermediate', materials: [{ name: 'x.pdf' }], version: 1 })).statusCode).toBe(404);
    expect((await hr.get(`/api/title-evaluations/declarations/${own.id}`)).statusCode).toBe(200);
    const staffList = (await office.get('/api/title-evaluations/declarations', { query: { roundId: round.id } })).json();
    expect(staffList.total).toBe(2);
  });

  it('answers bad input with the fields named, and refuses a level the round does not evaluate or a closed window', async () => {
    const bad = await office.post('/api/title-evaluations/rounds', {
      year: 2040, series: 'astrology', name: '无效批次', levels: ['senior'], declareFrom: '2040-05-01', declareTo: '2040-04-01', publicityDays: 5, experts: [{ name: '某专家', userId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['declareTo', 'experts.0.userId', 'series']);
    const short = await office.post('/api/title-evaluations/rounds', { year: 2040, series: 'engineering', name: '公示太短', levels: ['senior'], declareFrom: '2040-04-01', declareTo: '2040-05-01', publicityDays: 2 });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.publicityDays).toContain('公示工作日数');
    expect((await t.rows(sql`select 1 from title_rounds where year = 2040`)).length).toBe(0);

    const round = await openRound();
    const closedLevel = await hr.post('/api/title-evaluations/declarations', { roundId: round.id, talentId: staffId, level: 'senior', materials: [{ name: '申报表.pdf' }] });
    expect(closedLevel.statusCode).toBe(400);
    expect(Object.keys(closedLevel.json().error.fields)).toEqual(['level']);
    const noMaterials = await hr.post('/api/title-evaluations/declarations', { roundId: round.id, talentId: staffId, level: 'intermediate', materials: [] });
    expect(noMaterials.statusCode).toBe(400);
    expect(Object.keys(noMaterials.json().error.fields)).toEqual(['materials']);
    const duplicate = await office.post('/api/title-evaluations/rounds', { year, series: 'engineering', name: '重复', levels: ['junior'], declareFrom: today(), declareTo: today(), publicityDays: 5 });
    expect([duplicate.statusCode, duplicate.json().error.code]).toEqual([409, 'titleRoundExists']);

    const later = await openRound({ declareFrom: shiftDate(today(), 10), declareTo: shiftDate(today(), 20) });
    const closed = await hr.post('/api/title-evaluations/declarations', { roundId: later.id, talentId: staffId, level: 'intermediate', materials: [{ name: '申报表.pdf' }] });
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'titleWindowClosed']);
  });

  it('withdraws a pass when an objection in 公示 is upheld; nothing is written to the registry for it', async () => {
    const round = await openRound();
    let declaration = (await otherHr.post('/api/title-evaluations/declarations', { roundId: round.id, talentId: otherStaffId, level: 'intermediate', materials: [{ name: '申报表.pdf' }] })).json();
    declaration = (await office.post(`/api/title-evaluations/declarations/${declaration.id}/check`, { outcome: 'accept', version: declaration.version })).json();
    await advance(round.id);
    for (const expert of round.experts) {
      const scored = await office.post(`/api/title-evaluations/declarations/${declaration.id}/scores`, { expertId: expert.id, score: 75, opinion: '同意' });
      expect(scored.statusCode).toBe(200);
    }
    declaration = (await office.post(`/api/title-evaluations/declarations/${declaration.id}/result`, { result: 'pass', version: declaration.version })).json();
    const publicised = (await advance(round.id)).json();
    const objection = (await office.post(`/api/title-evaluations/declarations/${declaration.id}/objections`, { objector: '同事张某', content: '论文系抄袭' })).json().objections[0];
    const upheld = (await office.post(`/api/title-evaluations/objections/${objection.id}/resolution`, { outcome: 'upheld', resolution: '查实抄袭，取消通过' })).json();
    expect(upheld.status).toBe('failed');
    await advanceRound(t.db, t.app.secrets, officeActor, round.id, { version: publicised.version }, new Date(Date.parse(publicised.publicityUntil) + 1000));
    const profile = (await office.get(`/api/talents/${otherStaffId}`)).json();
    expect(profile.titles).toEqual([]);
    const figures = (await office.get(`/api/title-evaluations/rounds/${round.id}`)).json().figures;
    expect(figures).toMatchObject({ declared: 1, passed: 0, enterprises: 1 });
  });
});

describe('the demo’s title evaluation, counted from the records', () => {
  it('153 enterprises declared 1,549 people over the recent rounds, most of them completed; every recorded pass is a title in the registry', async () => {
    const [counts] = await t.rows<{ declarations: number; enterprises: number }>(
      sql`select count(*)::int as declarations, count(distinct organisation_id)::int as enterprises from title_declarations d join title_rounds r on r.id = d.round_id where r.year < 2030`,
    );
    expect(counts).toEqual({ declarations: 1549, enterprises: 153 });
    const statuses = await t.rows<{ status: string; rounds: number }>(sql`select status, count(*)::int as rounds from title_rounds where year < 2030 group by status order by status`);
    expect(statuses).toEqual([{ status: 'completed', rounds: 12 }, { status: 'declaring', rounds: 1 }, { status: 'publicizing', rounds: 1 }]);
    // a declared talent is the declaring enterprise's staff, but for two who have moved since (their enterprises have no staff today)
    const moved = await t.rows<{ status: string; round: string }>(sql`
      select d.status, r.status as round from title_declarations d join talents t on t.id = d.talent_id join title_rounds r on r.id = d.round_id where t.employer_id is distinct from d.organisation_id`);
    expect(moved).toEqual([{ status: 'failed', round: 'completed' }, { status: 'failed', round: 'completed' }]);
    // a recorded pass is a title the talent holds, in the series' registry name at the level declared
    const [unmatched] = await t.rows<{ count: number }>(sql`
      select count(*)::int as count from title_declarations d join title_rounds r on r.id = d.round_id join title_series s on s.code = r.series
      where d.recorded_at is not null and not exists (select 1 from talent_titles tt where tt.talent_id = d.talent_id and tt.series = s.registry_series and tt.level = d.level)`);
    expect(unmatched.count).toBe(0);
    // the expert of an enterprise never scored its staff
    const [conflicts] = await t.rows<{ count: number }>(sql`
      select count(*)::int as count from title_scores s join title_experts e on e.id = s.expert_id join title_declarations d on d.id = s.declaration_id where e.organisation_id = d.organisation_id`);
    expect(conflicts.count).toBe(0);
    const publicizing = await office.get('/api/title-evaluations/rounds', { query: { status: 'publicizing', pageSize: '50' } });
    expect(publicizing.statusCode, publicizing.body).toBe(200);
    expect(publicizing.json().items.map((round: { series: string }) => round.series)).toContain('economics');
    const figures = (await office.get('/api/title-evaluations/figures')).json();
    expect(figures.declared).toBeGreaterThanOrEqual(1549);
  });
});
