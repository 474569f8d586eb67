import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTalent, buildUnit, buildUser, uniqueIdNumber } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';
import { uniqueCreditCode } from '../enterprises/enterprises.fixtures';
import { exampleRows } from '../imports/imports.columns';
import { headersOf, rowOf, uploadImport, waitForImport, workbookBytes } from '../imports/imports.fixtures';
import { compactTallies, refreshSummaries } from './tallies.repo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const home = async (username: string, password?: string) => {
  const agent = await t.login(username, password);
  const response = await agent.get('/api/home');
  expect(response.statusCode, response.body).toBe(200);
  return { body: response.json(), agent };
};

/** { key: count } from a two-column SQL query, counted here, not by the code under test. */
const countsBy = async (query: ReturnType<typeof sql>) =>
  Object.fromEntries((await t.rows<{ key: string; total: number }>(query)).map((row) => [row.key, Number(row.total)]));
const single = async (query: ReturnType<typeof sql>) => Number((await t.rows<{ value: number }>(query))[0].value);

async function expectedZone() {
  return {
    talents: await single(sql`select count(*) as value from talents`),
    talentsByRoute: await countsBy(sql`select arrival_route as key, count(*) as total from talents group by 1`),
    talentsByStatus: await countsBy(sql`select status as key, count(*) as total from talents group by 1`),
    organisationsByKind: await countsBy(sql`select kind as key, count(*) as total from organisations group by 1`),
    responsibleUnits: await single(sql`select count(*) as value from units where is_responsible_unit`),
    serviceTeamDepartments: await single(sql`select count(*) as value from units where in_service_team`),
  };
}

/** The leader's figures, counted here in SQL of its own. */
async function expectedGlance() {
  const byChain = await t.rows<{ chain: string | null; total: number }>(sql`
    select i.chain, count(*)::int as total from talents t left join industries i on i.code = t.industry group by i.chain
    order by i.chain is null, count(*) desc, i.chain`);
  const byEducation = await countsBy(sql`select coalesce(highest_education, '') as key, count(*) as total from talents group by 1`);
  const arrived = await countsBy(sql`select extract(year from arrived_on)::int::text as key, count(*) as total from talents where arrived_on is not null group by 1`);
  const left = await countsBy(sql`select extract(year from status_since)::int::text as key, count(*) as total from talents where status = 'left' and status_since is not null group by 1`);
  const years = [...Object.keys(arrived), ...Object.keys(left)].map(Number);
  const policies = await t.rows<{ id: string; code: string; title: string; budget: number; committed: number; paid: number }>(sql`
    select p.id, p.code, p.title, p.budget_total::int as budget,
      coalesce((select sum(amount) from entitlements e where e.policy_id = p.id and e.status in ('pending', 'scheduled', 'inBatch', 'paid', 'failed')), 0)::int as committed,
      coalesce((select sum(amount) from entitlements e where e.policy_id = p.id and e.status = 'paid'), 0)::int as paid
    from policies p where p.status = 'published' order by p.code`);
  const { '': unknownEducation = 0, ...education } = byEducation;
  return {
    talents: await single(sql`select count(*) as value from talents`),
    byChain: byChain.map((row) => ({ chain: row.chain, total: Number(row.total) })),
    byEducation: ['doctorate', 'master', 'bachelor', 'juniorCollege', 'higherVocational', 'secondaryVocational', 'highSchoolOrBelow']
      .filter((level) => level in education)
      .map((level) => ({ education: level, total: education[level] })),
    unknownEducation,
    byYear: Array.from({ length: Math.max(...years) - Math.min(...years) + 1 }, (_, index) => Math.min(...years) + index).map((year) => ({
      year, arrived: arrived[String(year)] ?? 0, left: left[String(year)] ?? 0,
    })),
    policies: policies.map((row) => ({ ...row, budget: Number(row.budget), committed: Number(row.committed), paid: Number(row.paid) })),
    budget: policies.reduce((sum, row) => sum + Number(row.budget), 0),
    committed: policies.reduce((sum, row) => sum + Number(row.committed), 0),
    paid: policies.reduce((sum, row) => sum + Number(row.paid), 0),
  };
}

describe('home figures per role', () => {
  it('the office sees the zone overview, counted from the records', async () => {
    {
      const { body } = await home('office');
      expect(Object.keys(body)).toEqual(['zone', 'benefits']);
      expect(body.zone).toEqual(await expectedZone());
    }
    // the demo data itself: 40 talents, 17 responsible units, 19 service-team departments
    const { body } = await home('office');
    expect(body.zone).toMatchObject({ responsibleUnits: 17, serviceTeamDepartments: 19 });
    expect(body.zone.talents).toBeGreaterThanOrEqual(40);
  });

  it('a leader sees the zone at a glance: talents by chain and education, arrivals and departures per year, money against budget', async () => {
    const { body } = await home('leader');
    expect(Object.keys(body)).toEqual(['glance', 'benefits']);
    expect(body.glance).toEqual(await expectedGlance());
    // the demo: every key chain has talents, 2,000 on record, the living subsidy's ¥3,012,000 among the money paid
    const { glance } = body;
    expect(glance.byChain.map((row: { chain: string | null }) => row.chain)).toEqual(expect.arrayContaining(['数字经济产业链', '新能源电池产业链', '泵阀产业链', '新材料产业链', null]));
    expect(glance.byChain.at(-1).chain).toBeNull();
    expect(glance.talents).toBeGreaterThanOrEqual(2000);
    expect(glance.byEducation.map((row: { education: string }) => row.education)).toEqual(['doctorate', 'master', 'bachelor', 'juniorCollege', 'higherVocational', 'secondaryVocational', 'highSchoolOrBelow']);
    expect(glance.byYear.map((row: { year: number }) => row.year)).toEqual(Array.from({ length: glance.byYear.length }, (_, index) => glance.byYear[0].year + index));
    expect(glance.policies.find((row: { code: string }) => row.code === 'LIVING').paid).toBe(3_012_000);
    expect(glance.paid).toBeGreaterThan(3_012_000);
  });

  it('the leader’s figures follow the records: a new talent is counted at once in its chain, education and year', async () => {
    const before = (await home('leader')).body.glance;
    await buildTalent(t.db, { industry: 'pumpsValves', arrivedOn: '2019-05-06', educations: [{ level: 'doctorate', degree: 'doctor', school: '清华大学', major: '流体机械', startYear: 2012, graduationYear: 2016, fullTime: true, overseas: false }] });
    const after = (await home('leader')).body.glance;
    const chain = (glance: typeof before, name: string) => glance.byChain.find((row: { chain: string | null }) => row.chain === name)?.total ?? 0;
    const of = (rows: { education?: string; year?: number; total?: number; arrived?: number }[], match: (row: { education?: string; year?: number }) => boolean) => rows.find(match);
    expect(after.talents).toBe(before.talents + 1);
    expect(chain(after, '泵阀产业链')).toBe(chain(before, '泵阀产业链') + 1);
    expect(of(after.byEducation, (row) => row.education === 'doctorate')!.total).toBe(of(before.byEducation, (row) => row.education === 'doctorate')!.total! + 1);
    expect(of(after.byYear, (row) => row.year === 2019)!.arrived).toBe(of(before.byYear, (row) => row.year === 2019)!.arrived! + 1);
    expect(after).toEqual(await expectedGlance());
  });

  it('the zone figures follow the records: a new talent is counted at once', async () => {
    const before = (await home('office')).body.zone;
    await buildTalent(t.db, { arrivalRoute: 'flexible', status: 'flexibleService' });
    const after = (await home('office')).body.zone;
    expect(after.talents).toBe(before.talents + 1);
    expect(after.talentsByRoute.flexible).toBe((before.talentsByRoute.flexible ?? 0) + 1);
    expect(after.talentsByStatus.flexibleService).toBe((before.talentsByStatus.flexibleService ?? 0) + 1);
    expect(after.organisationsByKind.enterprise).toBe(before.organisationsByKind.enterprise + 1);
    expect(after).toEqual(await expectedZone());
  });

  it('the talent account sees its own talent only', async () => {
    const { body, agent } = await home('talent');
    expect(Object.keys(body)).toEqual(['talent', 'benefits']);
    const [own] = await t.rows<{ id: string; name: string; employer: string | null; status: string; arrival_route: string; arrived_on: string | null }>(
      sql`select t.id, t.name, o.name as employer, t.status, t.arrival_route, t.arrived_on::text as arrived_on
          from talents t left join organisations o on o.id = t.employer_id where t.id = ${agent.user!.talentId}`,
    );
    expect(body.talent).toEqual({ id: own.id, name: own.name, employer: own.employer, status: own.status, arrivalRoute: own.arrival_route, arrivedOn: own.arrived_on });

    // another talent's account sees that talent, not the demo one
    const employer = await buildOrganisation(t.db, { name: `雇主 ${Date.now()}` });
    const talent = await buildTalent(t.db, { employerId: employer.id, status: 'left', arrivalRoute: 'localTraining', arrivedOn: '2021-03-04' });
    const user = await buildUser(t.db, { roles: ['talent'], talentId: talent.id });
    const other = await home(user.username, user.password);
    expect(other.body.talent).toEqual({ id: talent.id, name: talent.name, employer: employer.name, status: 'left', arrivalRoute: 'localTraining', arrivedOn: '2021-03-04' });
  });

  it('the enterprise account sees its own organisation’s staff', async () => {
    const { body, agent } = await home('enterprise');
    expect(Object.keys(body)).toEqual(['enterprise', 'benefits']);
    const organisationId = agent.user!.organisationId!;
    expect(body.enterprise).toEqual({
      id: organisationId,
      name: '泵阀集团',
      industry: 'pumpsValves',
      staff: await single(sql`select count(*) as value from talents where employer_id = ${organisationId}`),
      staffInZone: await single(sql`select count(*) as value from talents where employer_id = ${organisationId} and status = 'inZone'`),
    });
    expect(body.enterprise.staff).toBeGreaterThanOrEqual(6);

    const organisation = await buildOrganisation(t.db);
    await buildTalent(t.db, { employerId: organisation.id, status: 'inZone' });
    await buildTalent(t.db, { employerId: organisation.id, status: 'inZone' });
    await buildTalent(t.db, { employerId: organisation.id, status: 'left' });
    await buildTalent(t.db); // someone else's employee
    const user = await buildUser(t.db, { roles: ['enterprise'], organisationId: organisation.id });
    const own = await home(user.username, user.password);
    expect(own.body.enterprise).toMatchObject({ id: organisation.id, staff: 3, staffInZone: 2 });
  });

  it('the department account sees its own unit', async () => {
    const { body, agent } = await home('department');
    expect(Object.keys(body)).toEqual(['unit', 'benefits']);
    expect(body.unit).toMatchObject({ id: agent.user!.unitId, name: '人力资源和社会保障局', isResponsibleUnit: true, inServiceTeam: true });
    const unit = await buildUnit(t.db, { isResponsibleUnit: false });
    const user = await buildUser(t.db, { roles: ['department'], unitId: unit.id });
    const own = await home(user.username, user.password);
    expect(own.body.unit).toEqual({ id: unit.id, name: unit.name, nameEn: unit.nameEn, duties: unit.duties, isResponsibleUnit: false, inServiceTeam: true });
  });

  it('the system administrator sees account figures, the security administrator accounts and audit, the auditor audit only', async () => {
    await buildUser(t.db, { disabled: true });
    await buildUser(t.db, { mustChangePassword: true });
    const expectedAccounts = async () => ({
      users: await single(sql`select count(*) as value from users`),
      byRole: await countsBy(sql`select role as key, count(*) as total from users, unnest(roles) as role group by 1`),
      disabled: await single(sql`select count(*) as value from users where disabled`),
      passwordPending: await single(sql`select count(*) as value from users where must_change_password and not disabled`),
    });
    const expectedAudit = async () => ({
      events: await single(sql`select count(*) as value from audit_log where at > now() - interval '1 day'`),
      failures: await single(sql`select count(*) as value from audit_log where at > now() - interval '1 day' and result = 'failure'`),
      denials: await single(sql`select count(*) as value from audit_log where at > now() - interval '1 day' and result = 'denied'`),
    });

    const system = await home('sysadmin');
    expect(Object.keys(system.body)).toEqual(['accounts']);
    expect(system.body.accounts).toEqual(await expectedAccounts());
    expect(system.body.accounts.disabled).toBeGreaterThanOrEqual(1);
    expect(system.body.accounts.passwordPending).toBeGreaterThanOrEqual(1);

    // a denial and a failure, so those figures are not zero
    await (await t.login('office')).get('/api/audit');
    await t.anonymous().post('/api/auth/login', { username: 'office', password: 'Wrong#abc123' });

    const security = await home('secadmin');
    expect(Object.keys(security.body).sort()).toEqual(['accounts', 'audit']);
    expect(security.body.accounts).toEqual(await expectedAccounts());
    const { recent, ...figures } = security.body.audit;
    expect(figures).toEqual(await expectedAudit());
    expect(figures.denials).toBeGreaterThanOrEqual(1);
    expect(figures.failures).toBeGreaterThanOrEqual(1);
    const newest = await t.rows<{ id: number }>(sql`select id from audit_log order by at desc, id desc limit 5`);
    expect(recent.map((entry: { id: number }) => entry.id)).toEqual(newest.map((row) => Number(row.id)));

    const audit = await home('auditor');
    expect(Object.keys(audit.body)).toEqual(['audit']);
    const { recent: _recent, ...auditFigures } = audit.body.audit;
    expect(auditFigures).toEqual(await expectedAudit());
  });

  it('a user with several business roles sees each role’s section', async () => {
    const organisation = await buildOrganisation(t.db);
    const user = await buildUser(t.db, { roles: ['leader', 'enterprise'], organisationId: organisation.id });
    const { body } = await home(user.username, user.password);
    expect(Object.keys(body).sort()).toEqual(['benefits', 'enterprise', 'glance']);
    expect(body.enterprise).toMatchObject({ id: organisation.id, staff: 0, staffInZone: 0 });
  });

  it('policies and money: each role sees the applications and ledger it may see, counted from the records', async () => {
    const money = (where: ReturnType<typeof sql>) =>
      t.rows<{ committed: string; paid: string; pending: string }>(sql`
        select coalesce(sum(amount) filter (where status in ('pending', 'scheduled', 'inBatch', 'paid', 'failed')), 0)::text as committed,
          coalesce(sum(amount) filter (where status = 'paid'), 0)::text as paid, count(*) filter (where status = 'pending')::text as pending
        from entitlements where ${where}`);
    const all = sql`true`;

    // the office: everything, its inbox the escalated applications; the budget of the published policies
    const office = (await home('office')).body.benefits;
    const [zoneMoney] = await money(all);
    expect(office).toEqual({
      openApplications: await single(sql`select count(*) as value from applications where status in ('inReview', 'returned')`),
      returnedApplications: await single(sql`select count(*) as value from applications where status = 'returned'`),
      inbox: await single(sql`select count(*) as value from applications where status = 'inReview' and escalated_at is not null`),
      escalated: await single(sql`select count(*) as value from applications where status = 'inReview' and escalated_at is not null`),
      pendingEntitlements: Number(zoneMoney.pending),
      committed: Number(zoneMoney.committed),
      paid: Number(zoneMoney.paid),
      publishedPolicies: await single(sql`select count(*) as value from policies where status = 'published'`),
      budget: await single(sql`select sum(budget_total) as value from policies where status = 'published'`),
    });
    // the demo: the living subsidy's ¥3,012,000, the demo talent's rent subsidy and the start-up loans' subsidies paid (the
    // periods before the load year: demo/loans.ts), six applications under way, one of them escalated
    const loanSubsidiesPaid = await single(sql`select coalesce(sum(e.amount), 0) as value from entitlements e join loans l on l.case_id = e.application_id where e.status = 'paid'`);
    expect(loanSubsidiesPaid).toBeGreaterThan(0);
    expect(office).toMatchObject({ paid: 3_012_000 + 7 * 800 + loanSubsidiesPaid, openApplications: 6, returnedApplications: 1, escalated: 1, publishedPolicies: 9 });

    // 人社局 (U07): the applications of the policies it reviews, its inbox the ones at its step; the money of the policies it runs
    const department = await home('department');
    const unitId = department.agent.user!.unitId!;
    const [unitMoney] = await money(sql`policy_id in (select id from policies where unit_id = ${unitId})`);
    expect(department.body.benefits).toEqual({
      openApplications: await single(sql`select count(*) as value from applications a join policy_versions v on v.id = a.version_id
        where a.status in ('inReview', 'returned') and exists (select 1 from jsonb_array_elements(v.steps) step where step->'units' ? 'U07')`),
      returnedApplications: 1,
      inbox: await single(sql`select count(*) as value from applications a join policy_versions v on v.id = a.version_id
        where a.status = 'inReview' and v.steps->a.step_index->'units' ? 'U07'`),
      escalated: 1,
      pendingEntitlements: Number(unitMoney.pending),
      committed: Number(unitMoney.committed),
      paid: Number(unitMoney.paid),
      publishedPolicies: null,
      budget: null,
    });
    expect(department.body.benefits.inbox).toBe(3);

    // a living-subsidy recipient sees their own money only
    const [recipient] = await t.rows<{ subject_id: string }>(sql`select subject_id from entitlements where status = 'paid' order by subject_id limit 1`);
    const user = await buildUser(t.db, { roles: ['talent'], talentId: recipient.subject_id });
    const [own] = await money(sql`subject_id = ${recipient.subject_id}`);
    const mine = (await home(user.username, user.password)).body.benefits;
    expect(mine).toEqual({
      openApplications: 0, returnedApplications: 0, inbox: null, escalated: 0, pendingEntitlements: 0,
      committed: Number(own.committed), paid: Number(own.paid), publishedPolicies: null, budget: null,
    });
    expect(mine.paid).toBeGreaterThan(0);
    expect(mine.paid).toBeLessThan(office.paid);
  });

  it('anonymous callers get 401', async () => {
    expect((await t.anonymous().get('/api/home')).statusCode).toBe(401);
  });
});

describe('the registry figures come from tallies kept by every kind of write', () => {
  /** An office leader sees both the zone tiles and the glance: both are compared with counts of the records. */
  async function expectFiguresRight(viewer: { username: string; password: string }) {
    const { body } = await home(viewer.username, viewer.password);
    expect(body.zone).toEqual(await expectedZone());
    expect(body.glance).toEqual(await expectedGlance());
    const [money] = await t.rows<{ committed: string; paid: string; pending: string }>(sql`
      select coalesce(sum(amount) filter (where status in ('pending', 'scheduled', 'inBatch', 'paid', 'failed')), 0)::text as committed,
        coalesce(sum(amount) filter (where status = 'paid'), 0)::text as paid, count(*) filter (where status = 'pending')::text as pending from entitlements`);
    expect(body.benefits).toMatchObject({ committed: Number(money.committed), paid: Number(money.paid), pendingEntitlements: Number(money.pending) });
    return body;
  }
  const importedTalent = (name: string) => {
    const idNumber = uniqueIdNumber('female');
    return rowOf('talents', { ...exampleRows.talents, name, idNumber, birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`, arrivedOn: '2011-07-01' });
  };

  it('after a talent is registered, edited, moved out of the zone, imported, removed; an enterprise registered or imported; a bulk update', async () => {
    const viewer = await buildUser(t.db, { roles: ['office', 'leader'] });
    const office = await t.login('office');
    const before = await expectFiguresRight(viewer);

    // registered through the API
    const created = await office.post('/api/talents', { name: '统计新人', idNumber: uniqueIdNumber(), arrivalRoute: 'selfArrived', arrivedOn: '2012-03-04', industry: 'newMaterials' });
    expect(created.statusCode, created.body).toBe(201);
    const afterCreate = await expectFiguresRight(viewer);
    expect(afterCreate.zone.talents).toBe(before.zone.talents + 1);

    // edited: route, industry, arrival; then moved out of the zone (a departure counted in its year)
    const id = created.json().id;
    const detail = (await office.get(`/api/talents/${id}`)).json();
    const edited = await office.put(`/api/talents/${id}`, { arrivalRoute: 'flexible', industry: 'pumpsValves', arrivedOn: '2013-05-06', version: detail.version });
    expect(edited.statusCode, edited.body).toBe(200);
    await expectFiguresRight(viewer);
    const left = await office.put(`/api/talents/${id}`, { status: 'left', version: edited.json().version });
    expect(left.statusCode, left.body).toBe(200);
    const afterLeft = await expectFiguresRight(viewer);
    expect(afterLeft.zone.talentsByStatus.left).toBe((before.zone.talentsByStatus.left ?? 0) + 1);

    // an import of talents and one of enterprises (the background commit's own transaction)
    const talentsFile = await workbookBytes(headersOf('talents'), [importedTalent('统计导入甲'), importedTalent('统计导入乙')]);
    const talentsPreview = (await uploadImport(office, 'talents', talentsFile)).json();
    expect(talentsPreview.valid, JSON.stringify(talentsPreview.problems)).toBe(2);
    expect((await office.post(`/api/imports/${talentsPreview.id}/commit`, { mode: 'allOrNothing' })).statusCode).toBe(202);
    expect(await waitForImport(office, talentsPreview.id)).toMatchObject({ status: 'done', imported: 2 });
    const enterprisesFile = await workbookBytes(headersOf('enterprises'), [rowOf('enterprises', { ...exampleRows.enterprises, name: `统计导入企业 ${Date.now()}`, creditCode: uniqueCreditCode(), industry: '数字经济' })]);
    const enterprisesPreview = (await uploadImport(office, 'enterprises', enterprisesFile)).json();
    expect(enterprisesPreview.valid, JSON.stringify(enterprisesPreview.problems)).toBe(1);
    expect((await office.post(`/api/imports/${enterprisesPreview.id}/commit`, { mode: 'allOrNothing' })).statusCode).toBe(202);
    expect(await waitForImport(office, enterprisesPreview.id)).toMatchObject({ status: 'done', imported: 1 });
    const afterImports = await expectFiguresRight(viewer);
    expect(afterImports.zone.talents).toBe(before.zone.talents + 3);

    // an enterprise registered through the API
    const enterprise = await office.post('/api/enterprises', { name: `统计企业 ${Date.now()}`, creditCode: uniqueCreditCode(), industry: 'digitalEconomy' });
    expect(enterprise.statusCode, enterprise.body).toBe(201);
    const afterEnterprise = await expectFiguresRight(viewer);
    expect(afterEnterprise.zone.organisationsByKind.enterprise).toBe(before.zone.organisationsByKind.enterprise + 2);

    // whatever else writes the tables: a statement over many rows, a removal
    await t.db.execute(sql`update talents set highest_education = 'doctorate', status_since = '2015-01-01' where name like '统计%'`);
    await expectFiguresRight(viewer);
    const gone = await buildTalent(t.db, { arrivalRoute: 'localTraining', arrivedOn: '2010-01-01' });
    await expectFiguresRight(viewer);
    await t.db.execute(sql`delete from talent_status_history where talent_id = ${gone.id}`);
    await t.db.execute(sql`delete from talents where id = ${gone.id}`);
    await expectFiguresRight(viewer);

    // the money: an entitlement paid, another's amount changed, one removed
    await t.db.execute(sql`update entitlements set status = 'paid' where id = (select id from entitlements where status = 'pending' order by id limit 1)`);
    await t.db.execute(sql`update entitlements set amount = amount + 100 where id = (select id from entitlements where status = 'scheduled' order by id limit 1)`);
    await expectFiguresRight(viewer);
    await t.db.execute(sql`delete from entitlements where id = (select id from entitlements e where status = 'pending' and not exists (select 1 from payments p where p.entitlement_id = e.id) order by id limit 1)`);
    await expectFiguresRight(viewer);

    // folding the tallies and counting them again from the records change nothing
    await compactTallies(t.db);
    const [{ rows }] = await t.rows<{ rows: number }>(sql`select count(*)::int as rows from tallies`);
    const [{ keys }] = await t.rows<{ keys: number }>(sql`select count(distinct (dimension, key))::int as keys from tallies`);
    expect(rows).toBe(keys);
    await expectFiguresRight(viewer);
    await refreshSummaries(t.db);
    await expectFiguresRight(viewer);
  }, 180_000);
});
