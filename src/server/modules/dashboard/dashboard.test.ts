import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactLinks, periodRange, type IndicatorCode } from '../../../domain/dashboard';
import { indicatorGroupNames, indicatorNames } from '../../../domain/dashboard-labels';
import { uniqueIdNumber, uniqueSuffix } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { compactTallies, refreshSummaries } from '../home/tallies.repo';
import { countMonthFacts, readMonthTallies } from './dashboard.repo';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

type Figure = { code: IndicatorCode; value: number | null; previousValue: number | null; plan: { target: number; yearToDate: number; version: number } | null; link: { path: string; query: Record<string, string> } | null };
type Dashboard = { period: string; scope: string; indicators: Figure[] };

const dashboard = async (agent: Agent, period: string) => {
  const response = await agent.get('/api/dashboard', { query: { period } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Dashboard;
};
const figure = (board: Dashboard, code: IndicatorCode) => board.indicators.find((entry) => entry.code === code)!;

/** The tallied figures of a period counted here from the records, with SQL of this test (not the migration's view). */
async function countedFromRecords(period: string) {
  const { from, to } = periodRange(period)!;
  const [row] = await t.rows<Record<string, number>>(sql`select
    (select count(*) from talents where highest_education = 'master' and arrived_on between ${from} and ${to}) as masters,
    (select count(*) from talents where highest_education = 'doctorate' and arrived_on between ${from} and ${to}) as doctorates,
    (select count(*) from talents where arrived_on between ${from} and ${to}) as arrivals,
    (select count(*) from talents where status = 'left' and status_since between ${from} and ${to}) as departures,
    (select count(*) from executives where term_start between ${from} and ${to}) as executives,
    (select count(*) from talent_teams where service_from between ${from} and ${to}) as teams,
    (select count(*) from experts where engaged_from between ${from} and ${to}) as experts,
    (select count(*) from university_agreements where signed_on between ${from} and ${to}) as universities,
    (select count(*) from training_enrolments where assessment_passed and assessed_on between ${from} and ${to}) as trained,
    (select count(*) from training_enrolments where certificate_issued_on between ${from} and ${to}) as technicians,
    (select count(*) from internships where period_from between ${from} and ${to}) as interns,
    (select count(*) from internships where hired_talent_id is not null and hired_on between ${from} and ${to}) as conversions,
    (select count(*) from title_declarations where (submitted_at at time zone 'Asia/Shanghai')::date between ${from} and ${to}) as "titlesDeclared",
    (select count(*) from title_declarations where status = 'passed' and (decided_at at time zone 'Asia/Shanghai')::date between ${from} and ${to}) as "titlesPassed",
    (select coalesce(sum(amount), 0) from entitlements where status = 'paid' and (paid_at at time zone 'Asia/Shanghai')::date between ${from} and ${to}) as "subsidiesPaid",
    (select count(*) from entitlements where status = 'paid' and (paid_at at time zone 'Asia/Shanghai')::date between ${from} and ${to}) as "subsidyPayments",
    (select count(*) from loans where disbursed_on between ${from} and ${to}) as loans,
    (select coalesce(sum(disbursed_amount), 0) from loans where disbursed_on between ${from} and ${to}) as "loanAmount",
    (select count(*) from apartment_leases where move_in_date between ${from} and ${to}) as "moveIns",
    (select count(distinct subject_id) from cases where subject_kind = 'enterprise' and (submitted_at at time zone 'Asia/Shanghai')::date between ${from} and ${to}) as "enterprisesServed"`);
  const counted = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as Record<string, number>;
  return { ...counted, netFlow: counted.arrivals - counted.departures } as Record<string, number>;
}

async function expectFiguresMatchRecords(period: string, why: string) {
  const board = await dashboard(office, period);
  const counted = await countedFromRecords(period);
  for (const [code, value] of Object.entries(counted)) expect(figure(board, code as IndicatorCode).value, `${why}: ${code}`).toBe(value);
  return board;
}

/** Every dated tally of the months equals the same count from the records (the migration's view), key by key. */
async function expectTalliesMatchView(first: string, last: string) {
  const key = (row: { dimension: string; key: string }) => `${row.dimension} ${row.key}`;
  const tallied = Object.fromEntries((await readMonthTallies(t.db, first, last)).map((row) => [key(row), row.total]));
  const counted = Object.fromEntries((await countMonthFacts(t.db, first, last)).map((row) => [key(row), row.total]));
  expect(tallied).toEqual(counted);
}

/** A Beijing day in the period under test, and a row of a table to move into it. */
const period = '2026-03';
const day = '2026-03-16';

describe('the dashboard’s figures', () => {
  it('follow every kind of write at once: each figure equals a count from the records right after the write', async () => {
    await expectFiguresMatchRecords(period, 'at start');
    const writes: [string, ReturnType<typeof sql>][] = [
      ['executive starts', sql`update executives set term_start = ${day} where id = (select id from executives order by id limit 1)`],
      ['team arrives', sql`update talent_teams set service_from = ${day} where id = (select id from talent_teams order by id limit 1)`],
      ['expert engaged', sql`update experts set engaged_from = ${day}, engaged_to = null where id = (select id from experts order by id limit 1)`],
      ['agreement signed', sql`update university_agreements set signed_on = ${day} where university_id = (select university_id from university_agreements order by 1 limit 1)`],
      ['trainee passes', sql`update training_enrolments set assessment_passed = true, assessment_score = 90, assessed_on = ${day} where id = (select id from training_enrolments order by id limit 1)`],
      ['certificate issued', sql`update training_enrolments set certificate_issued_on = ${day} where id = (select id from training_enrolments where certificate_number is not null order by id limit 1)`],
      ['intern placed', sql`update internships set period_from = ${day}, period_to = '2026-06-30' where id = (select id from internships order by id limit 1)`],
      ['intern hired', sql`update internships set hired_on = ${day} where id = (select id from internships where hired_talent_id is not null order by id limit 1)`],
      ['declaration submitted', sql`update title_declarations set submitted_at = ${`${day}T02:00:00Z`} where id = (select id from title_declarations order by id limit 1)`],
      ['title passed', sql`update title_declarations set decided_at = ${`${day}T02:00:00Z`} where id = (select id from title_declarations where status = 'passed' order by id limit 1)`],
      ['subsidy paid', sql`update entitlements set paid_at = ${`${day}T02:00:00Z`} where id = (select id from entitlements where status = 'paid' order by id limit 1)`],
      ['loan disbursed', sql`update loans set disbursed_on = ${day}, disbursed_amount = 150000 where case_id = (select case_id from loans order by case_id limit 1)`],
      ['tenant moves in', sql`update apartment_leases set move_in_date = ${day} where id = (select id from apartment_leases order by id limit 1)`],
      ['enterprise case', sql`update cases set submitted_at = ${`${day}T02:00:00Z`} where id = (select id from cases where subject_kind = 'enterprise' order by id limit 1)`],
      ['talent leaves', sql`update talents set status = 'left', status_since = ${day} where id = (select id from talents where status = 'inZone' order by id limit 1)`],
      ['expert removed', sql`with target as (select id from experts where engaged_from between '2026-03-01' and '2026-03-31' order by id limit 1),
        gone as (delete from consultation_experts where expert_id in (select id from target))
        delete from experts where id in (select id from target)`],
    ];
    for (const [why, statement] of writes) {
      await t.db.execute(statement);
      await expectFiguresMatchRecords(period, why);
    }
    // through the API: a master's graduate registered as arrived in the period is counted at once
    const before = figure(await dashboard(office, period), 'masters').value!;
    const created = await office.post('/api/talents', { name: `看板${uniqueSuffix()}`, idNumber: uniqueIdNumber(), arrivalRoute: 'marketHire', arrivedOn: day,
      educations: [{ level: 'master', degree: 'master', school: '浙江大学', graduationYear: 2025 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(figure(await expectFiguresMatchRecords(period, 'API create'), 'masters').value).toBe(before + 1);
    await t.db.execute(sql`delete from talents where id = ${created.json().id}`);
    await expectFiguresMatchRecords(period, 'talent deleted');
    await expectTalliesMatchView('2020-01', '2027-12');
    await compactTallies(t.db);
    await expectFiguresMatchRecords(period, 'after compaction');
    await refreshSummaries(t.db);
    await expectFiguresMatchRecords(period, 'after a recount');
    await expectTalliesMatchView('2020-01', '2027-12');
  }, 300_000);

  it('each figure with an exact link equals the total of the list it opens, for a month, a quarter and a year', async () => {
    for (const chosen of [period, '2026-Q1', '2025']) {
      const board = await dashboard(office, chosen);
      const handled = figure(board, 'requestsHandled').value!;
      for (const code of exactLinks) {
        const entry = figure(board, code);
        const response = await office.get(`/api${entry.link!.path}`, { query: { ...entry.link!.query, pageSize: '1' } });
        expect(response.statusCode, response.body).toBe(200);
        const total = response.json().total as number;
        if (code === 'onTimeRate') expect(entry.value === null ? 0 : Math.round(entry.value * handled), `${chosen} ${code}`).toBe(total);
        else if (code === 'satisfaction') expect(total, `${chosen} ${code}`).toBeLessThanOrEqual(handled);
        else expect(entry.value, `${chosen} ${code}`).toBe(total);
      }
    }
  }, 120_000);

  it('compares with the previous period and the year’s plan the office sets', async () => {
    const march = await dashboard(office, period);
    const february = await dashboard(office, '2026-02');
    for (const entry of march.indicators) expect(entry.previousValue, entry.code).toBe(figure(february, entry.code).value);
    const year = await dashboard(office, '2026-Q1');
    expect(figure(year, 'arrivals').value).toBe(
      (await Promise.all(['2026-01', '2026-02', '2026-03'].map(async (month) => figure(await dashboard(office, month), 'arrivals').value!))).reduce((a, b) => a + b, 0),
    );

    const created = await office.put('/api/dashboard/plans/2026/masters', { planned: 120, note: '年度目标', version: 0 });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ indicator: 'masters', planned: 120, version: 1 });
    const stale = await office.put('/api/dashboard/plans/2026/masters', { planned: 130, version: 0 });
    expect(stale.statusCode).toBe(409);
    const rate = await office.put('/api/dashboard/plans/2026/onTimeRate', { planned: 1, version: 0 });
    expect(rate.statusCode).toBe(400);
    expect(Object.keys(rate.json().error.fields)).toEqual(['indicator']);
    const withPlan = figure(await dashboard(office, period), 'masters');
    const ytd = await countedFromRecords('2026-Q1');
    expect(withPlan.plan).toEqual({ target: 120, yearToDate: ytd.masters, version: 1 });
    const plans = await office.get('/api/dashboard/plans/2026');
    expect(plans.json().plans).toEqual([{ indicator: 'masters', planned: 120, note: '年度目标', version: 1 }]);
    const audit = await t.rows<{ action: string }>(sql`select action from audit_log where target_type = 'indicatorPlan' order by id`);
    expect(audit.map((row) => row.action)).toEqual(['indicatorPlan.create']);
    const leader = await t.login('leader');
    expect((await leader.put('/api/dashboard/plans/2026/masters', { planned: 1, version: 1 })).statusCode).toBe(403);
  });

  it('refuses a period that is not one, naming the field', async () => {
    for (const bad of ['2026-13', '2026-Q5', '26', '1999']) {
      const response = await office.get('/api/dashboard', { query: { period: bad } });
      expect(response.statusCode, bad).toBe(400);
      expect(Object.keys(response.json().error.fields)).toEqual(['period']);
    }
  });
});

describe('scope', () => {
  it('an enterprise sees only its own figures, equal to its staff list; a talent none', async () => {
    const hr = await t.login('enterprise');
    const board = await dashboard(hr, '2025');
    expect(board.scope).toBe('enterprise');
    expect(board.indicators.map((entry) => entry.code)).not.toContain('subsidiesPaid');
    const [{ organisation_id: organisationId }] = await t.rows<{ organisation_id: string }>(sql`select organisation_id from users where username = 'enterprise'`);
    for (const code of ['masters', 'doctorates', 'arrivals', 'departures'] as const) {
      const entry = figure(board, code);
      expect(entry.link!.query.employer).toBe(organisationId);
      const response = await hr.get(`/api${entry.link!.path}`, { query: { ...entry.link!.query, pageSize: '1' } });
      expect(entry.value, code).toBe(response.json().total);
    }
    expect((await hr.get('/api/dashboard/screen')).statusCode).toBe(403);
    const talent = await t.login('talent');
    expect((await talent.get('/api/dashboard', { query: { period: '2025' } })).statusCode).toBe(403);
    expect((await talent.get('/api/dashboard/screen')).statusCode).toBe(403);
    expect((await talent.get('/api/dashboard/report', { query: { period: '2025' } })).statusCode).toBe(403);
  });
});

describe('the 数据大屏 and the report', () => {
  it('the screen is one answer holding this month and this year', async () => {
    const response = await office.get('/api/dashboard/screen');
    expect(response.statusCode, response.body).toBe(200);
    const screen = response.json();
    expect(screen.month.kind).toBe('month');
    expect(screen.year.kind).toBe('year');
    expect(screen.trend).toHaveLength(12);
    expect(screen.month.indicators).toHaveLength(screen.year.indicators.length);
  });

  it('the monthly and quarterly report’s workbook has one sheet per section and the dashboard’s numbers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    for (const chosen of [period, '2026-Q1']) {
      const board = await dashboard(office, chosen);
      const response = await office.get('/api/dashboard/report', { query: { period: chosen } });
      expect(response.statusCode, response.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...Object.values(indicatorGroupNames).map((name) => name['zh-CN']), '问题']);
      const byName = new Map<string, unknown>();
      for (const sheet of workbook.worksheets.slice(0, 4)) sheet.eachRow((row, number) => number > 1 && byName.set(String(row.getCell(1).value), row.getCell(2).value));
      for (const entry of board.indicators) {
        const cell = byName.get(indicatorNames[entry.code]['zh-CN']);
        if (entry.value === null) expect(cell).toBe('');
        else if (entry.code === 'onTimeRate' || entry.code === 'satisfaction') expect(cell).toBe(`${(entry.value * 100).toFixed(1)}%`);
        else expect(cell, entry.code).toBe(entry.value);
      }
    }
  });
});
