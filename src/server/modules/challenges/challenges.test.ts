import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTalent, buildUser, factoryPassword, type BuiltUser } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Agent;
let poster: Agent;
let otherHr: Agent;
let university: { id: string; name: string };
let teamHr: Agent;
let reviewerFromTeam: BuiltUser;
let neutralReviewer: BuiltUser;

const deadline = `${new Date().getFullYear() + 1}-03-31`;
const day = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  poster = await t.login((await buildUser(t.db, { roles: ['enterprise'] })).username, factoryPassword);
  otherHr = await t.login((await buildUser(t.db, { roles: ['enterprise'] })).username, factoryPassword);
  const team = await buildOrganisation(t.db, { name: `钠电材料研究团队 ${Date.now()}` });
  teamHr = await t.login((await buildUser(t.db, { roles: ['enterprise'], organisationId: team.id })).username, factoryPassword);
  const row = await buildOrganisation(t.db, { kind: 'university', name: `测试理工大学 ${Date.now()}`, industry: null });
  university = { id: row.id, name: row.name };
  // an expert employed by the university: reviews, and has a conflict with the university's team
  reviewerFromTeam = await buildUser(t.db, { roles: ['talent'], talentId: (await buildTalent(t.db, { employerId: university.id })).id });
  neutralReviewer = await buildUser(t.db, { roles: ['talent'] });
});
afterAll(async () => t?.close());

const challengeBody = { title: '钠离子电池正极材料循环寿命提升', problem: '层状氧化物正极 2000 次循环容量保持率不足 80%', requirements: '中试验证', budget: 3_000_000, deadline };
const proposal = (overrides: Record<string, unknown> = {}) => ({ teamName: '正极攻关组', members: [{ name: '李研究', role: '负责人' }, { name: '赵工程' }], plan: '掺杂包覆改性，18 个月', budget: 2_800_000, ...overrides });

describe('揭榜挂帅', () => {
  it('post → board → proposals → scores (conflict of interest refused) → award → milestones; audited', async () => {
    const posted = await poster.post('/api/challenges', challengeBody);
    expect(posted.statusCode, posted.body).toBe(201);
    const challenge = posted.json();
    expect(challenge).toMatchObject({ status: 'open', proposals: 0, poster: { id: expect.any(String) }, permissions: { manage: false, review: false } });
    expect((await teamHr.get('/api/challenges/board')).json().map((item: { id: string }) => item.id)).toContain(challenge.id);

    // the poster cannot propose for its own challenge
    expect((await poster.post(`/api/challenges/${challenge.id}/proposals`, proposal())).json().error.code).toBe('challengeOwnChallenge');
    const fromEnterprise = await teamHr.post(`/api/challenges/${challenge.id}/proposals`, proposal({ organisationName: '冒名单位' }));
    expect(fromEnterprise.statusCode, fromEnterprise.body).toBe(201);
    // an enterprise proposes as itself whatever it names
    expect(fromEnterprise.json()[0].organisationName).toMatch(/^钠电材料研究团队/);
    const scholar = await t.login((await buildUser(t.db, { roles: ['talent'], talentId: (await buildTalent(t.db, { employerId: university.id })).id })).username, factoryPassword);
    const fromUniversity = await scholar.post(`/api/challenges/${challenge.id}/proposals`, proposal({ teamName: '高校联合团队' }));
    expect(fromUniversity.statusCode, fromUniversity.body).toBe(201);
    expect(fromUniversity.json()[0]).toMatchObject({ teamName: '高校联合团队', organisationName: university.name, status: 'submitted' });
    // proposers see their own proposals only
    expect((await teamHr.get('/api/challenges/proposals/mine')).json().map((row: { teamName: string }) => row.teamName)).toEqual(['正极攻关组']);

    // reviewers: appointed by the office
    for (const reviewer of [reviewerFromTeam, neutralReviewer]) {
      const appointed = await office.post(`/api/challenges/${challenge.id}/reviewers`, { username: reviewer.username });
      expect(appointed.statusCode, appointed.body).toBe(200);
    }
    const unknown = await office.post(`/api/challenges/${challenge.id}/reviewers`, { username: 'auditor' });
    expect(unknown.json().error.fields).toEqual({ username: '用户名：找不到该账户，或该账户不能担任评审' });
    const conflicted = await t.login(reviewerFromTeam.username, factoryPassword);
    const neutral = await t.login(neutralReviewer.username, factoryPassword);
    const seen = (await conflicted.get(`/api/challenges/${challenge.id}`)).json();
    expect(seen.permissions.review).toBe(true);
    const universityProposal = seen.proposalList.find((row: { teamName: string }) => row.teamName === '高校联合团队');
    const enterpriseProposal = seen.proposalList.find((row: { teamName: string }) => row.teamName === '正极攻关组');
    expect(universityProposal.conflictOfInterest).toBe(true);
    expect(enterpriseProposal.conflictOfInterest).toBe(false);

    // conflict of interest: same organisation as the team → 409 naming it; nothing saved; the refusal audited
    const refused = await conflicted.put(`/api/challenges/${challenge.id}/proposals/${universityProposal.id}/score`, { score: 95 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'challengeConflictOfInterest', message: `利益冲突：您所在单位（${university.name}）与揭榜团队为同一单位，须回避评分` });
    const english = await conflicted.put(`/api/challenges/${challenge.id}/proposals/${universityProposal.id}/score`, { score: 95 }, { headers: { 'accept-language': 'en-US' } });
    expect(english.json().error.message).toContain('Conflict of interest');
    expect(await t.rows(sql`select 1 from challenge_scores where proposal_id = ${universityProposal.id}`)).toHaveLength(0);
    const denied = await t.rows<{ result: string; detail: string }>(sql`select result, detail from audit_log where target_id = ${universityProposal.id} and action = 'challenge.score'`);
    expect(denied[0]).toEqual({ result: 'denied', detail: 'conflictOfInterest' });

    // a reviewer not appointed: 403 (the office) or 404 (outside its scope)
    expect((await office.put(`/api/challenges/${challenge.id}/proposals/${enterpriseProposal.id}/score`, { score: 80 })).json().error.code).toBe('challengeNotReviewer');
    const stranger = await t.login((await buildUser(t.db, { roles: ['talent'] })).username, factoryPassword);
    expect((await stranger.put(`/api/challenges/${challenge.id}/proposals/${enterpriseProposal.id}/score`, { score: 80 })).statusCode).toBe(404);

    expect((await conflicted.put(`/api/challenges/${challenge.id}/proposals/${enterpriseProposal.id}/score`, { score: 88, comment: '方案扎实' })).statusCode).toBe(200);
    expect((await neutral.put(`/api/challenges/${challenge.id}/proposals/${enterpriseProposal.id}/score`, { score: 91 })).statusCode).toBe(200);
    expect((await neutral.put(`/api/challenges/${challenge.id}/proposals/${universityProposal.id}/score`, { score: 76 })).statusCode).toBe(200);
    const badScore = await neutral.put(`/api/challenges/${challenge.id}/proposals/${universityProposal.id}/score`, { score: 101 });
    expect(badScore.json().error.fields).toEqual({ score: '评分：不能大于 100' });

    const scored = (await office.get(`/api/challenges/${challenge.id}`)).json();
    const ranked = scored.proposalList.find((row: { id: string }) => row.id === enterpriseProposal.id);
    expect(ranked).toMatchObject({ averageScore: 89.5, scoreCount: 2 });
    expect(ranked.scores).toHaveLength(2);
    // the poster sees averages, not each reviewer's score
    expect((await poster.get(`/api/challenges/${challenge.id}`)).json().proposalList[0].scores).toBeNull();

    const awarded = await office.post(`/api/challenges/${challenge.id}/award`, { proposalId: enterpriseProposal.id, version: scored.version });
    expect(awarded.statusCode, awarded.body).toBe(200);
    expect(awarded.json()).toMatchObject({ status: 'awarded', awardedProposalId: enterpriseProposal.id, awardedOn: day });
    expect(awarded.json().proposalList.map((row: { status: string }) => row.status).sort()).toEqual(['awarded', 'notAwarded']);
    // no scoring or proposing once awarded
    expect((await neutral.put(`/api/challenges/${challenge.id}/proposals/${enterpriseProposal.id}/score`, { score: 60 })).json().error.code).toBe('challengeState');
    expect((await scholar.post(`/api/challenges/${challenge.id}/proposals`, proposal())).statusCode).toBe(404);

    let detail = (await office.post(`/api/challenges/${challenge.id}/milestones`, { title: '小试样品交付', dueOn: '2020-01-31' })).json();
    expect(detail.milestones[0]).toMatchObject({ title: '小试样品交付', status: 'planned', overdue: true });
    detail = (await office.put(`/api/challenges/${challenge.id}/milestones/${detail.milestones[0].id}`, { status: 'done', doneOn: day, version: 1 })).json();
    expect(detail.milestones[0]).toMatchObject({ status: 'done', doneOn: day, overdue: false });
    const actions = await t.rows<{ action: string }>(sql`select action from audit_log where target_id = ${challenge.id} order by id`);
    expect(actions.map((row) => row.action)).toEqual(['challenge.create', 'challenge.appointReviewer', 'challenge.appointReviewer', 'challenge.award', 'challenge.milestone', 'challenge.milestone']);
  });

  it('scope: another enterprise gets 404 and never lists the challenge; validation names the fields', async () => {
    const challenge = (await poster.post('/api/challenges', { ...challengeBody, title: '超净滤材国产化' })).json();
    expect((await otherHr.get(`/api/challenges/${challenge.id}`)).statusCode).toBe(404);
    expect((await otherHr.get('/api/challenges')).json().items.map((item: { id: string }) => item.id)).not.toContain(challenge.id);
    expect((await office.get('/api/challenges')).json().items.map((item: { id: string }) => item.id)).toContain(challenge.id);
    const bad = await poster.post('/api/challenges', { ...challengeBody, title: '', budget: -1, deadline: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ title: '榜单名称：至少 2 个字符', budget: '经费（元）：不能小于 0' });
    const past = await poster.post('/api/challenges', { ...challengeBody, deadline: '2020-01-01' });
    expect(past.json().error.fields).toEqual({ deadline: '截止日期：不能早于今天' });
    const noMembers = await teamHr.post(`/api/challenges/${challenge.id}/proposals`, proposal({ members: [] }));
    expect(noMembers.json().error.fields).toEqual({ members: '团队成员：至少选择 1 项' });
    // the office posts for the zone
    expect((await office.post('/api/challenges', challengeBody)).json().poster).toBeNull();
  });

  it('推荐人选: an engaged expert in the field ranks among the talents and teams, with reasons; only for readers of the challenge, another campaign’s post is 404', async () => {
    const expert = await office.post('/api/experts', { name: `钠电专家${Date.now()}`, kind: 'academician', field: '钠离子电池正极材料', affiliation: '中国科学院物理研究所', engagedFrom: '2025-01-01' });
    expect(expert.statusCode, expert.body).toBe(201);
    const challenge = (await poster.post('/api/challenges', challengeBody)).json();
    const suggested = await office.get(`/api/challenges/${challenge.id}/candidates`, { query: { limit: '50' } });
    expect(suggested.statusCode, suggested.body).toBe(200);
    const items: { kind: string; id: string; score: number; reasons: { text: string }[] }[] = suggested.json().items;
    const found = items.find((item) => item.id === expert.json().id);
    expect(found).toMatchObject({ kind: 'expert', expertKind: 'academician', post: '钠离子电池正极材料', organisation: '中国科学院物理研究所' });
    expect(found!.reasons.map((reason) => reason.text)).toContain('技能: 钠离子电池 ✓');
    expect(items.slice(0, 5).map((item) => item.id)).toContain(expert.json().id);
    expect(new Set(items.map((item) => item.kind)).has('expert')).toBe(true);
    const english = (await office.get(`/api/challenges/${challenge.id}/candidates`, { headers: { 'accept-language': 'en-US' } })).json().items.find((item: { id: string }) => item.id === expert.json().id);
    expect(english.reasons[0].text).toBe('Discipline: New energy ✓');
    // the leaders read every challenge; an enterprise has no suggestions (not even for its own), a stranger's id is 404
    expect((await (await t.login('leader')).get(`/api/challenges/${challenge.id}/candidates`)).statusCode).toBe(200);
    expect((await poster.get(`/api/challenges/${challenge.id}/candidates`)).statusCode).toBe(403);
    expect((await office.get(`/api/challenges/${crypto.randomUUID()}/candidates`)).statusCode).toBe(404);
    // a campaign post: talents ranked against the post, the post of another campaign is 404
    const campaign = (await office.post('/api/campaigns', { type: 'urgentTalent', name: '推荐测试', year: 2026, stages: ['registration', 'offer'], plan: [] })).json();
    const other = (await office.post('/api/campaigns', { type: 'urgentTalent', name: '推荐测试二', year: 2026, stages: ['registration', 'offer'], plan: [] })).json();
    const post = (await office.post(`/api/campaigns/${campaign.id}/posts`, { title: '钠离子电池研发工程师', discipline: 'newEnergy', headcount: 1 })).json().posts[0];
    const talent = await buildTalent(t.db, { post: '钠离子电池研发工程师', educations: [{ level: 'master', degree: 'master', school: '太原理工大学', major: '新能源科学与工程', graduationYear: 2015, fullTime: true, overseas: false }] });
    const forPost = await office.get(`/api/campaigns/${campaign.id}/posts/${post.id}/candidates`, { query: { limit: '50' } });
    expect(forPost.statusCode, forPost.body).toBe(200);
    expect(forPost.json().items.every((item: { kind: string }) => item.kind === 'talent')).toBe(true);
    expect(forPost.json().items.map((item: { id: string }) => item.id)).toContain(talent.id);
    expect((await office.get(`/api/campaigns/${other.id}/posts/${post.id}/candidates`)).statusCode).toBe(404);
    expect((await poster.get(`/api/campaigns/${campaign.id}/posts/${post.id}/candidates`)).statusCode).toBe(403);
  });
});
