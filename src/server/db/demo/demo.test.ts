import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../domain/policies/policy';
import { parseCreditCode } from '../../../domain/validators/credit-code';
import { parseIdNumber } from '../../../domain/validators/id-number';
import { parseMobilePhone } from '../../../domain/validators/phone';
import { regionName } from '../../modules/reference/regions';
import { createSecrets } from '../../security/secrets';
import { createTestApp, type TestApp } from '../../test/harness';
import { testSecret } from '../../test/template';
import { demoPlan } from './plan';
import { calendarWorkingDay } from './policies';
import { yangquanAreaCodes } from './reference';
import { cohortTags, demoTalentCount } from './talents';

/**
 * The demo data reproduces the source's figures, counted here from the stored records (not from the generator's own
 * bookkeeping), and is the same on every run.
 */
let t: TestApp;
const secrets = createSecrets(testSecret);
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const single = async (query: ReturnType<typeof sql>) => Number((await t.rows<{ value: number | string }>(query))[0].value);

describe('the source’s figures, counted from the records', () => {
  it('68 master’s graduates hired into the administration (体制内引进), all with a master’s degree as highest education', async () => {
    expect(await single(sql`select count(*) as value from talents where arrival_route = 'civilService'`)).toBe(68);
    expect(await single(sql`select count(*) as value from talents where arrival_route = 'civilService' and highest_education = 'master'`)).toBe(68);
    expect(await single(sql`select count(*) as value from talents where arrival_route = 'civilService' and ${cohortTags.civilService} = any(tags)`)).toBe(68);
    // the fields the source lists: 经济金融、工程建设、化工、装备、信息技术
    const industries = await t.rows<{ industry: string }>(sql`select distinct industry from talents where arrival_route = 'civilService' order by 1`);
    expect(industries.map((row) => row.industry)).toEqual(['chemicals', 'construction', 'equipment', 'financeEconomics', 'informationTechnology']);
  });

  it('19 market-hired executives for the professional companies and 11 openly recruited technicians (市场化选聘)', async () => {
    expect(await single(sql`select count(*) as value from talents where arrival_route = 'marketHire' and ${cohortTags.executives} = any(tags)`)).toBe(19);
    expect(await single(sql`select count(*) as value from talents where arrival_route = 'marketHire' and ${cohortTags.technicians} = any(tags)`)).toBe(11);
    expect(await single(sql`select count(*) as value from talents where arrival_route = 'marketHire'`)).toBe(30);
    const companies = await t.rows<{ name: string }>(sql`
      select distinct o.name from talents t join organisations o on o.id = t.employer_id
      where ${cohortTags.executives} = any(t.tags) order by 1`);
    expect(companies.map((row) => row.name).sort()).toEqual(['泵阀集团', '高新区园区建设发展有限公司', '高新区数字经济发展有限公司'].sort());
    expect(await single(sql`select count(*) as value from talents where ${cohortTags.technicians} = any(tags) and (post like '%疾控%' or post like '%公共卫生%' or post like '%卫生检验%')`)).toBeGreaterThan(0);
    expect(await single(sql`select count(*) as value from talents where ${cohortTags.technicians} = any(tags) and post = '化工专业技术人员'`)).toBeGreaterThan(0);
  });

  it('85 flexibly engaged experts (柔性引进): doctors, industry advisers and retired experts, all in flexible service', async () => {
    expect(await single(sql`select count(*) as value from talents where arrival_route = 'flexible'`)).toBe(85);
    expect(await single(sql`select count(*) as value from talents where status = 'flexibleService'`)).toBe(85);
    const kinds = [cohortTags.doctors, cohortTags.advisers, cohortTags.retiredExperts];
    expect(await single(sql`select count(*) as value from talents where arrival_route = 'flexible' and tags && ${`{${kinds.join(',')}}`}::text[]`)).toBe(85);
    expect(await single(sql`select count(*) as value from talents where ${cohortTags.doctors} = any(tags) and highest_education <> 'doctorate'`)).toBe(0);
  });

  it('10 resident teams, the source’s by name, each with members; 19 partner universities; 153 enterprises', async () => {
    const teams = await t.rows<{ name: string; members: number }>(sql`
      select o.name, count(t.id)::int as members from organisations o left join talents t on t.employer_id = o.id
      where o.kind = 'team' group by o.name`);
    expect(teams).toHaveLength(10);
    expect(teams.map((team) => team.name)).toEqual(expect.arrayContaining(['中国电子系统', '中关村智酷', '新石器网络科技', '清研科创中心', '孙宏斌教授团队']));
    expect(teams.every((team) => Number(team.members) >= 2)).toBe(true);
    expect(await single(sql`select count(*) as value from organisations where kind = 'university'`)).toBe(19);
    expect(await single(sql`select count(*) as value from organisations where kind = 'enterprise'`)).toBe(153);
    const named = ['山西天和盛环境检测有限公司', '山西鲲鹏传媒有限公司', '泵阀集团', '山西智创城7号', '高新技术创业园', '百度(阳泉)创新中心', '阳泉职业技术学院', '清华大学', '山东大学', '东华大学', '山西省能源互联网研究院'];
    const found = await t.rows<{ name: string }>(sql`select name from organisations where name in ${named}`);
    expect(found.map((row) => row.name).sort()).toEqual([...named].sort());
  });

  it('2,000 talents with a realistic mix: education, titles, tiers (A and B rare), statuses (a few percent left)', async () => {
    expect(await single(sql`select count(*) as value from talents`)).toBe(demoTalentCount);
    const share = async (condition: ReturnType<typeof sql>) => (await single(sql`select count(*) as value from talents where ${condition}`)) / demoTalentCount;
    expect(await share(sql`highest_education = 'bachelor'`)).toBeGreaterThan(0.3);
    expect(await share(sql`highest_education = 'doctorate'`)).toBeLessThan(0.06);
    expect(await share(sql`highest_education in ('juniorCollege', 'higherVocational', 'secondaryVocational', 'highSchoolOrBelow')`)).toBeGreaterThan(0.2);
    expect(await share(sql`highest_title = 'senior'`)).toBeLessThan(await share(sql`highest_title = 'junior'`));
    expect(await single(sql`select count(*) as value from talents where tier in ('A', 'B')`)).toBeLessThanOrEqual(5);
    expect(await single(sql`select count(*) as value from talents where tier = 'E'`)).toBeGreaterThan(100);
    const left = await share(sql`status = 'left'`);
    expect(left).toBeGreaterThan(0.01);
    expect(left).toBeLessThan(0.08);
    expect(await share(sql`status = 'inZone'`)).toBeGreaterThan(0.85);
    expect(await single(sql`select count(*) as value from talents where arrived_on < '2018-01-01' or arrived_on > '2026-12-31'`)).toBe(0);
    expect(await single(sql`select count(*) as value from talent_certificates where name = '人工智能训练师'`)).toBeGreaterThanOrEqual(60);
  });

  it('a talent who left has an outflow history: in the zone since arrival, then left with the reason and destination', async () => {
    const histories = await t.rows<{ statuses: string[]; notes: string[]; left_since: string; status_since: string }>(sql`
      select array_agg(h.status order by h.since) as statuses, array_agg(h.note order by h.since) as notes,
             max(h.since) filter (where h.status = 'left')::text as left_since, t.status_since::text as status_since
      from talents t join talent_status_history h on h.talent_id = t.id
      where t.status = 'left' group by t.id, t.status_since`);
    expect(histories.length).toBeGreaterThan(20);
    for (const history of histories) {
      expect(history.statuses).toEqual(['inZone', 'left']);
      expect(history.notes[1]).toMatch(/^(辞职|正常调离|自动离职)；去向：/);
      expect(history.left_since).toBe(history.status_since);
    }
  });
});

describe('valid, unique, protected personal and enterprise data', () => {
  it('every ID number is stored encrypted, decrypts to a valid GB 11643 number with a Yangquan area code, and is unique', async () => {
    const rows = await t.rows<{ cipher: string; hash: string; birth_date: string; gender: string }>(
      sql`select id_number_cipher as cipher, id_number_hash as hash, birth_date::text as birth_date, gender from talents`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(demoTalentCount);
    expect(new Set(rows.map((row) => row.hash)).size).toBe(rows.length);
    const numbers = new Set<string>();
    for (const row of rows) {
      const idNumber = secrets.decrypt(row.cipher);
      const parsed = parseIdNumber(idNumber);
      expect(parsed.ok, idNumber).toBe(true);
      if (!parsed.ok) continue;
      expect(yangquanAreaCodes).toContain(parsed.value.areaCode);
      expect(row.hash).toBe(secrets.lookupHash(idNumber));
      expect(row.birth_date).toBe(parsed.value.birthDate);
      expect(row.gender).toBe(parsed.value.gender);
      expect(row.cipher).not.toContain(idNumber);
      numbers.add(idNumber);
    }
    expect(numbers.size).toBe(rows.length);
  });

  it('phones are valid mobile numbers, native places are known regions (sealed, none in clear), ethnicity mostly 汉族', async () => {
    const sealed = await t.rows<{ phone: string | null; clear: string | null; native_place: string | null; ethnicity: string | null }>(
      sql`select phone_cipher as phone, native_place as clear, native_place_cipher as native_place, ethnicity from talents`,
    );
    const rows = sealed.map((row) => ({ ...row, native_place: row.native_place && secrets.decrypt(row.native_place) }));
    for (const row of rows) {
      expect(row.clear).toBeNull();
      expect(parseMobilePhone(secrets.decrypt(row.phone!)).ok).toBe(true);
      expect(regionName(row.native_place!), row.native_place!).toBeTruthy();
    }
    expect(rows.filter((row) => row.ethnicity === '汉族').length / rows.length).toBeGreaterThan(0.9);
    expect(rows.filter((row) => row.native_place?.startsWith('14')).length / rows.length).toBeGreaterThan(0.6);
  });

  it('every enterprise has a unique credit code valid by GB 32100 (with the GB 11714 check), a park that is a platform, an encrypted contact phone', async () => {
    const rows = await t.rows<{ credit_code: string; chain_segment: string | null; park_kind: string | null; size: string; founded_on: string; address: string; contact_phone_cipher: string; contact_phone_masked: string; industry: string }>(sql`
      select e.credit_code, e.chain_segment, p.kind as park_kind, e.size, e.founded_on::text as founded_on, e.address,
             e.contact_phone_cipher, e.contact_phone_masked, e.industry
      from organisations e left join organisations p on p.id = e.park_id where e.kind = 'enterprise'`);
    expect(new Set(rows.map((row) => row.credit_code)).size).toBe(rows.length);
    const industries = new Set((await t.rows<{ code: string }>(sql`select code from industries`)).map((row) => row.code));
    for (const row of rows) {
      expect(parseCreditCode(row.credit_code), row.credit_code).toEqual({ ok: true, value: row.credit_code });
      expect(/^[0-9A-Z]{8}[0-9X]$/.test(row.credit_code.slice(8, 17))).toBe(true);
      expect(row.park_kind === null || row.park_kind === 'platform').toBe(true);
      expect(['upstream', 'midstream', 'downstream', null]).toContain(row.chain_segment);
      expect(['micro', 'small', 'medium', 'large']).toContain(row.size);
      expect(row.address).toContain('阳泉高新区');
      expect(industries.has(row.industry)).toBe(true);
      const phone = secrets.decrypt(row.contact_phone_cipher);
      expect(parseMobilePhone(phone).ok).toBe(true);
      expect(row.contact_phone_masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    }
    expect(new Set(rows.map((row) => row.industry)).size).toBeGreaterThanOrEqual(10);
  });
});

describe('the demo accounts', () => {
  it('talent: an in-zone talent of 泵阀集团; enterprise: 泵阀集团 with a staff of a few dozen; department: U07', async () => {
    const [talent] = await t.rows<{ status: string; employer: string }>(sql`
      select t.status, o.name as employer from users u join talents t on t.id = u.talent_id join organisations o on o.id = t.employer_id where u.username = 'talent'`);
    expect(talent).toEqual({ status: 'inZone', employer: '泵阀集团' });
    const [enterprise] = await t.rows<{ name: string; staff: number }>(sql`
      select o.name, (select count(*) from talents where employer_id = o.id)::int as staff from users u join organisations o on o.id = u.organisation_id where u.username = 'enterprise'`);
    expect(enterprise.name).toBe('泵阀集团');
    expect(Number(enterprise.staff)).toBeGreaterThanOrEqual(24);
    expect(Number(enterprise.staff)).toBeLessThanOrEqual(60);
    const [unit] = await t.rows<{ code: string }>(sql`select n.code from users u join units n on n.id = u.unit_id where u.username = 'department'`);
    expect(unit.code).toBe('U07');
    const accounts = await t.rows<{ username: string }>(sql`select username from users order by username`);
    expect(accounts.map((row) => row.username)).toEqual(['auditor', 'department', 'economy', 'enterprise', 'finance', 'housing', 'leader', 'office', 'science', 'secadmin', 'sysadmin', 'talent']);
    const departments = await t.rows<{ username: string; code: string }>(sql`
      select u.username, n.code from users u join units n on n.id = u.unit_id where 'department' = any(u.roles) order by u.username`);
    expect(Object.fromEntries(departments.map((row) => [row.username, row.code]))).toEqual({ department: 'U07', economy: 'U04', finance: 'U06', housing: 'U10', science: 'U05' });
  });

  it('every published policy’s review steps reach units that have a demo department account', async () => {
    const steps = await t.rows<{ code: string; unit: string; staffed: boolean }>(sql`
      select p.code, unit.code as unit,
        exists (select 1 from users u join units n on n.id = u.unit_id where n.code = unit.code and 'department' = any(u.roles)) as staffed
      from policies p join policy_versions v on v.id = p.published_version_id,
        jsonb_array_elements(v.steps) as step, jsonb_array_elements_text(step -> 'units') as unit(code)
      where p.status = 'published'`);
    expect(new Set(steps.map((row) => row.code)).size).toBe(9);
    expect(steps.filter((row) => !row.staffed)).toEqual([]);
  });
});

describe('the demo talent’s story', () => {
  const accountTalent = async () => (await t.rows<{ id: string }>(sql`select talent_id as id from users where username = 'talent'`))[0].id;

  it('an approved 人才公寓 rent subsidy: paid monthly in closed batches up to October 2026, the next months scheduled', async () => {
    const talentId = await accountTalent();
    const rows = await t.rows<{ period: string; status: string; amount: string; batch: string | null; application: string; reviewer: string }>(sql`
      select e.period, e.status, e.amount::text as amount, b.status as batch, a.status as application,
        (select u.username from application_actions x join users u on u.id = x.actor_id where x.application_id = a.id and x.action = 'approve') as reviewer
      from entitlements e join policies p on p.id = e.policy_id join applications a on a.id = e.application_id
      left join disbursement_batches b on b.id = e.batch_id
      where e.subject_id = ${talentId} and p.code = 'APARTMENT' order by e.period`);
    expect(rows).toHaveLength(12);
    expect(rows.every((row) => row.application === 'approved' && row.reviewer === 'housing' && Number(row.amount) === 800)).toBe(true);
    const paid = rows.filter((row) => row.status === 'paid');
    expect(paid.map((row) => row.period)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(paid.every((row) => row.batch === 'closed')).toBe(true);
    expect(rows.filter((row) => row.status === 'scheduled')[0].period).toBe('2026-11');
  });

  it('an application under way at a step a demo account can act on, and a 免申即享 grant waiting for its confirmation', async () => {
    const talentId = await accountTalent();
    const open = await t.rows<{ code: string; status: string; reviewers: string[] }>(sql`
      select p.code, a.status, array(
        select u.username from users u join units n on n.id = u.unit_id
        where 'department' = any(u.roles) and v.steps -> a.step_index -> 'units' ? n.code) as reviewers
      from applications a join policies p on p.id = a.policy_id join policy_versions v on v.id = a.version_id
      where a.subject_id = ${talentId} and a.status in ('inReview', 'returned')`);
    expect(open).toEqual([{ code: 'CHAIN', status: 'inReview', reviewers: ['economy'] }]);
    const grants = await t.rows<{ code: string; status: string; source: string }>(sql`
      select p.code, e.status, e.source from entitlements e join policies p on p.id = e.policy_id where e.subject_id = ${talentId} and p.mode = 'automatic'`);
    expect(grants).toEqual([{ code: 'TITLE', status: 'pending', source: 'automatic' }]);
  });

  it('notifications: the approval, each payment and the grant without application, the latest ones unread', async () => {
    const rows = await t.rows<{ kind: string; unread: boolean }>(sql`
      select n.kind, n.read_at is null as unread from notifications n join users u on u.id = n.user_id where u.username = 'talent' order by n.created_at`);
    expect(rows.map((row) => row.kind)).toEqual(['approved', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'automatic']);
    expect(rows.filter((row) => row.unread).map((row) => row.kind)).toEqual(['paid', 'automatic']);
    // every reviewer with something waiting has been told
    const bells = await t.rows<{ username: string }>(sql`
      select distinct u.username from notifications n join users u on u.id = n.user_id where n.read_at is null and u.username <> 'talent' order by 1`);
    // (规划建设局 too: service requests of the year still open at its unit)
    expect(bells.map((row) => row.username)).toEqual(['department', 'economy', 'finance', 'housing', 'office']);
  });

  it('the talent’s home counts it all from those records', async () => {
    const agent = await t.login('talent');
    const { benefits } = (await agent.get('/api/home')).json();
    expect(benefits).toMatchObject({ openApplications: 1, pendingEntitlements: 1, paid: 7 * 800 });
    expect(benefits.committed).toBe(12 * 800 + 5000);
  });
});

describe('the demo policies', () => {
  it('nine published policies, 免申即享 ones among them, each with parameters and a legal reference', async () => {
    const rows = await t.rows<{ code: string; mode: string; status: string; parameters: number }>(sql`
      select p.code, p.mode, p.status, (select count(*) from policy_parameters pp join parameter_values v on v.parameter_id = pp.id where pp.policy_id = p.id and v.legal_reference <> '')::int as parameters
      from policies p order by p.code`);
    expect(rows.map((row) => row.code)).toEqual(['APARTMENT', 'CHAIN', 'HIGHLEVEL', 'INTERN', 'LIVING', 'LOAN', 'POSTDOC', 'TEAM', 'TITLE']);
    expect(rows.every((row) => row.status === 'published' && row.parameters > 0)).toBe(true);
    expect(rows.filter((row) => row.mode === 'automatic').map((row) => row.code)).toEqual(['POSTDOC', 'TITLE']);
  });

  it('the living-subsidy ledger: paid payments total the source’s ¥3,012,000, in closed monthly batches whose control totals add up', async () => {
    const [paid] = await t.rows<{ total: string; entitlements: string }>(sql`
      select sum(pay.amount)::text as total, count(distinct e.id)::text as entitlements from payments pay join entitlements e on e.id = pay.entitlement_id
      join policies p on p.id = e.policy_id where p.code = 'LIVING' and pay.status = 'paid' and e.status = 'paid'`);
    expect(Number(paid.total)).toBe(3_012_000);
    const [batches] = await t.rows<{ total: string; open: string }>(sql`
      select sum(b.total)::text as total, count(*) filter (where b.status <> 'closed')::text as open
      from disbursement_batches b join policies p on p.id = b.policy_id where p.code = 'LIVING'`);
    expect(Number(batches.total)).toBe(3_012_000);
    expect(Number(batches.open)).toBe(0);
    // every grant of an application-based policy is backed by an approved application (or a start-up loan past its 贴息
    // stage, whose case stays open until the loan is settled) whose stored decision found the talent eligible
    const [unbacked] = await t.rows<{ count: string }>(sql`
      select count(*)::text from entitlements e join policies p on p.id = e.policy_id left join applications a on a.id = e.application_id
      left join loans l on l.case_id = e.application_id and l.subsidy_at is not null
      where p.mode = 'apply' and (((a.id is null or a.status <> 'approved') and l.case_id is null) or (e.decision->>'eligible')::boolean is not true)`);
    expect(Number(unbacked.count)).toBe(0);
  });

  it('applications under way fill the review inboxes: waiting for 人社局 (one overdue), returned for correction, waiting for 财政金融局', async () => {
    const open = await t.rows<{ status: string; step_index: number; eligible: boolean; granted: boolean; returns: string; code: string }>(sql`
      select a.status, a.step_index, (a.decision->>'eligible')::boolean as eligible, p.code,
        exists (select 1 from entitlements e where e.subject_id = a.subject_id and e.policy_id = a.policy_id) as granted,
        (select string_agg(x.comment, '') from application_actions x where x.application_id = a.id and x.action = 'return') as returns
      from applications a join policies p on p.id = a.policy_id where a.status in ('inReview', 'returned') order by a.submitted_at`);
    expect(open.map((row) => `${row.code}:${row.status}@${row.step_index}`)).toEqual([
      'LIVING:inReview@0', 'LIVING:inReview@1', 'LIVING:returned@0', 'CHAIN:inReview@0', 'LIVING:inReview@0', 'LIVING:inReview@0',
    ]);
    expect(open.every((row) => row.eligible && !row.granted)).toBe(true);
    expect(open.find((row) => row.status === 'returned')!.returns).toContain('请重新上传');
  });

  it('deadlines are spread: most steps in review are within their time limit, one is overdue (and escalated)', async () => {
    // due: the step's working days after it started, weekends skipped (as the service counts), against the clock
    const steps = await t.rows<{ started: string; days: number; escalated: boolean }>(sql`
      select a.step_started_at::text as started, (v.steps -> a.step_index ->> 'workingDays')::int as days, a.escalated_at is not null as escalated
      from applications a join policy_versions v on v.id = a.version_id where a.status = 'inReview'`);
    const overdue = steps.map((step) => ({ ...step, overdue: addWorkingDays(new Date(step.started), step.days).getTime() < Date.now() }));
    expect(overdue.filter((step) => step.overdue)).toHaveLength(1);
    expect(overdue.filter((step) => !step.overdue).length).toBeGreaterThanOrEqual(4);
    expect(overdue.filter((step) => step.escalated)).toEqual(overdue.filter((step) => step.overdue));
  });

  it('applications under way are dated back on the Chinese calendar: loaded on 9 October 2026, the overdue one is still overdue', () => {
    // 8 October, 30, 29, 28 September (25–27 off for 中秋, the make-up Sunday 20 September skipped), 24, 23, 22, 21
    expect(calendarWorkingDay('2026-10-09', -8)).toBe('2026-09-21');
    const due = addWorkingDays(new Date('2026-09-21T10:00:00+08:00'), 5);
    expect(due.getTime()).toBeLessThan(new Date('2026-10-09T09:00:00+08:00').getTime());
    // counted on weekdays alone it would have been 29 September: five working days later is 9 October, not yet overdue
    expect(addWorkingDays(new Date('2026-09-29T10:00:00+08:00'), 5).getTime()).toBeGreaterThan(new Date('2026-10-09T09:00:00+08:00').getTime());
  });

  it('timestamps are spread over working hours (Beijing time), not all at one hour', async () => {
    const moments = await t.rows<{ minute: number }>(sql`
      select extract(hour from (at at time zone 'Asia/Shanghai')) * 60 + extract(minute from (at at time zone 'Asia/Shanghai')) as minute from application_actions
      union all
      select extract(hour from (submitted_at at time zone 'Asia/Shanghai')) * 60 + extract(minute from (submitted_at at time zone 'Asia/Shanghai')) from applications`);
    const minutes = moments.map((row) => Number(row.minute));
    expect(new Set(minutes).size).toBeGreaterThan(100);
    expect(minutes.every((minute) => minute >= 8 * 60 && minute < 17 * 60 + 30 && (minute < 12 * 60 || minute >= 13 * 60 + 30))).toBe(true);
    const weekdays = await t.rows<{ weekday: number }>(sql`select distinct extract(isodow from (at at time zone 'Asia/Shanghai'))::int as weekday from application_actions`);
    expect(weekdays.every((row) => Number(row.weekday) <= 5)).toBe(true);
  });

  it('the 免申即享 policies were scanned as of 1 November 2026: pending grants for the office to confirm, each with the engine’s yes', async () => {
    const scans = await t.rows<{ code: string; as_of: string; eligible: number; created: number; pending: string; wrong: string }>(sql`
      select p.code, s.as_of::text, s.eligible, s.created,
        (select count(*) from entitlements e where e.policy_id = p.id and e.status = 'pending' and e.source = 'automatic')::text as pending,
        (select count(*) from entitlements e where e.policy_id = p.id and (e.decision->>'eligible')::boolean is not true)::text as wrong
      from policy_scans s join policies p on p.id = s.policy_id order by p.code`);
    expect(scans.map((scan) => [scan.code, scan.as_of])).toEqual([['POSTDOC', '2026-11-01'], ['TITLE', '2026-11-01']]);
    for (const scan of scans) {
      expect(scan.created).toBeGreaterThan(0);
      expect(Number(scan.pending)).toBe(scan.created); // one-off policies: one entitlement per subject
      expect(Number(scan.wrong)).toBe(0);
    }
  });
});

describe('determinism', () => {
  it('the generator gives the same records on every run, and they are the stored ones', async () => {
    const first = demoPlan();
    const second = demoPlan();
    expect(second).toEqual(first);
    const stored = await t.rows<{ id: string; name: string; cipher: string; employer_id: string | null; employer_name: string | null; arrived_on: string }>(
      sql`select id, name, id_number_cipher as cipher, employer_id, employer_name, arrived_on::text as arrived_on from talents`,
    );
    const key = (entry: { id: string; name: string; idNumber: string; employer: string | null; arrivedOn: string }) => JSON.stringify(entry);
    // trainees the demo's skills training placed (demo/growth.ts) work for the enterprise they were placed with
    const placed = new Map(
      (await t.rows<{ talent_id: string; placed_enterprise_id: string }>(sql`select talent_id, placed_enterprise_id from training_enrolments where placed_on is not null`)).map((row) => [row.talent_id, row.placed_enterprise_id]),
    );
    expect(new Set(stored.map((row) => key({ id: row.id, name: row.name, idNumber: secrets.decrypt(row.cipher), employer: row.employer_id ?? row.employer_name, arrivedOn: row.arrived_on })))).toEqual(
      new Set(first.talents.map((talent) => key({ id: talent.id, name: talent.input.name, idNumber: talent.input.idNumber, employer: placed.get(talent.id) ?? talent.input.employerId ?? talent.input.employerName ?? null, arrivedOn: talent.input.arrivedOn! }))),
    );
    const enterprises = await t.rows<{ id: string; credit_code: string }>(sql`select id, credit_code from organisations where kind = 'enterprise'`);
    expect(new Map(enterprises.map((row) => [row.id, row.credit_code]))).toEqual(new Map(first.enterprises.map((enterprise) => [enterprise.id, enterprise.creditCode])));
  });
});

describe('the demo accounts at work', () => {
  it('the application can be followed through every step with the demo accounts: 经济发展局, then 财政金融局', async () => {
    const [{ id }] = await t.rows<{ id: string }>(sql`
      select a.id from applications a join policies p on p.id = a.policy_id join users u on u.talent_id = a.subject_id
      where u.username = 'talent' and p.code = 'CHAIN'`);
    // last in this file: it changes the story the tests above read
    const talent = await t.login('talent');
    expect((await talent.get(`/api/applications/${id}`)).json()).toMatchObject({ status: 'inReview', subject: { kind: 'talent' } });
    const economy = await t.login('economy');
    expect((await economy.get('/api/applications', { query: { inbox: 'true' } })).json().items.map((item: { id: string }) => item.id)).toContain(id);
    const first = await economy.post(`/api/applications/${id}/review`, { decision: 'approve', comment: '岗位属泵阀产业链，符合条件。', version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    const finance = await t.login('finance');
    const second = await finance.post(`/api/applications/${id}/review`, { decision: 'approve', version: first.json().version });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().status).toBe('approved');
  });
});
