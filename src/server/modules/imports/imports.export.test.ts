import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../domain/validators/id-number';
import { buildOrganisation, buildTalent, buildUser, factoryPassword, uniqueIdNumber } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { readWorkbook, sheetValues } from './imports.fixtures';
import { xlsxMediaType } from './imports.workbook';

let t: TestApp;
let office: Agent;
let department: Agent;
let employer: { id: string; name: string };
const staff = [
  { name: '导出甲', idNumber: uniqueIdNumber('male'), phone: '13811112222' },
  { name: '导出乙', idNumber: uniqueIdNumber(), phone: '13933334444' },
  { name: '导出丙', idNumber: uniqueIdNumber(), phone: null },
];

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  department = await t.login('department');
  employer = await buildOrganisation(t.db);
  for (const person of staff) {
    await buildTalent(t.db, { ...person, employerId: employer.id, educations: [{ level: 'master', degree: 'master', school: '山西大学', major: '化学', graduationYear: 2012, fullTime: true, overseas: false }] });
  }
  await buildTalent(t.db, { name: '别家员工', idNumber: uniqueIdNumber() });
});
afterAll(async () => t?.close());

type Exported = { headers: string[]; rows: Record<string, string>[] };

async function exported(response: { statusCode: number; body: string; rawPayload: Buffer; headers: Record<string, unknown> }): Promise<Exported> {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe(xlsxMediaType);
  const workbook = await readWorkbook(response.rawPayload);
  const [headers, ...rows] = sheetValues(workbook.getWorksheet('人才名单')!);
  return { headers, rows: rows.map((row) => Object.fromEntries(headers.map((header, index) => [header, row[index] ?? '']))) };
}

const exportAudits = () =>
  t.rows<{ actor_username: string; result: string; changes: Record<string, unknown>; detail: string | null }>(
    sql`select actor_username, result, changes, detail from audit_log where action = 'talent.export' order by id`,
  );

describe('talent export', () => {
  it('department staff get the filtered list with ID numbers and phones masked; the export is audited', async () => {
    const response = await department.get('/api/talents/export', { query: { employer: employer.id, sort: 'name' } });
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="talents-\d{8}\.xlsx"; filename\*=UTF-8''%E4%BA%BA%E6%89%8D%E5%90%8D%E5%8D%95-\d{8}\.xlsx$/);
    const { headers, rows } = await exported(response);
    expect(headers).toEqual(['姓名', '性别', '出生年份', '身份证号码', '手机号码', '最高学历', '最高职称', '工作单位', '区外单位', '岗位', '行业', '人才类别', '引进方式', '来区日期', '状态', '标签', '已核验']);
    expect(rows.map((row) => row['姓名']).sort()).toEqual(['导出丙', '导出乙', '导出甲']);
    const first = rows.find((row) => row['姓名'] === '导出甲')!;
    expect(first).toMatchObject({ 出生年份: '1960', 身份证号码: maskIdNumber(staff[0].idNumber), 手机号码: '138****2222', 性别: '男', 最高学历: '硕士研究生', 工作单位: employer.name, 引进方式: '市场化选聘', 来区日期: '2024-05-01', 状态: '在区', 已核验: '否' });
    expect(rows.find((row) => row['姓名'] === '导出丙')!['手机号码']).toBe('');
    const body = response.rawPayload.toString('latin1');
    for (const person of staff) expect(body).not.toContain(person.idNumber);
    // the mask is the area code only, and no cell holds the birth date or any digit of it past the year
    expect(first['身份证号码']).toBe('140302************');
    for (const row of rows) for (const value of Object.values(row)) expect(String(value)).not.toMatch(/1960-\d\d-\d\d|1960\d{4}/);

    const [audit] = (await exportAudits()).slice(-1);
    expect(audit).toMatchObject({ actor_username: 'department', result: 'success', detail: null });
    expect(audit.changes).toEqual({ filters: { employer: employer.id, sort: 'name' }, rows: 3, unmasked: false });
  });

  it('the office gets unmasked values only with reveal and a reason, audited as unmasked', async () => {
    const masked = await exported(await office.get('/api/talents/export', { query: { employer: employer.id } }));
    expect(masked.rows.map((row) => row['身份证号码']).sort()).toEqual(staff.map((person) => maskIdNumber(person.idNumber)).sort());

    const revealed = await exported(await office.get('/api/talents/export', { query: { employer: employer.id, reveal: 'true', reason: '核对年度花名册' } }));
    expect(revealed.rows.map((row) => [row['身份证号码'], row['手机号码']]).sort()).toEqual(staff.map((person) => [person.idNumber, person.phone ?? '']).sort());
    expect(revealed.headers[2]).toBe('出生日期');
    expect(revealed.rows.map((row) => row['出生日期']).sort()).toEqual(staff.map((person) => `${person.idNumber.slice(6, 10)}-${person.idNumber.slice(10, 12)}-${person.idNumber.slice(12, 14)}`).sort());
    const [audit] = (await exportAudits()).slice(-1);
    expect(audit).toMatchObject({ actor_username: 'office', detail: '核对年度花名册' });
    expect(audit.changes).toEqual({ filters: { employer: employer.id }, rows: 3, unmasked: true });

    const noReason = await office.get('/api/talents/export', { query: { employer: employer.id, reveal: 'true' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual({ reason: '查看理由：必填' });
    const notAllowed = await department.get('/api/talents/export', { query: { reveal: 'true', reason: '想看看' } });
    expect(notAllowed.statusCode).toBe(403);
    expect(notAllowed.json().error.code).toBe('forbidden');
  });

  it('keeps to the user’s scope: enterprise HR exports its own staff only', async () => {
    const hrUser = await buildUser(t.db, { roles: ['enterprise'], organisationId: employer.id });
    const hr = await t.login(hrUser.username, factoryPassword);
    const own = await exported(await hr.get('/api/talents/export'));
    expect(own.rows.map((row) => row['姓名']).sort()).toEqual(['导出丙', '导出乙', '导出甲']);
    const other = await buildOrganisation(t.db);
    await buildTalent(t.db, { employerId: other.id });
    const elsewhere = await exported(await hr.get('/api/talents/export', { query: { employer: other.id } }));
    expect(elsewhere.rows).toEqual([]);
    expect((await (await t.login('talent')).get('/api/talents/export')).statusCode).toBe(403);
  });

  it('searches like the list; a search for an ID number is kept masked in the audit', async () => {
    const { rows } = await exported(await office.get('/api/talents/export', { query: { q: staff[1].idNumber, lookupReason: '核对名册' } }));
    expect(rows.map((row) => row['姓名'])).toEqual(['导出乙']);
    const [audit] = (await exportAudits()).slice(-1);
    expect(audit.changes).toEqual({ filters: { q: maskIdNumber(staff[1].idNumber) }, rows: 1, unmasked: false });
    expect(JSON.stringify(audit.changes)).not.toContain(staff[1].idNumber);
  });

  it('HEAD neither builds a file nor records an export', async () => {
    const before = (await exportAudits()).length;
    const head = await office.request('HEAD', '/api/talents/export');
    expect(head.statusCode).toBe(200);
    expect((await exportAudits()).length).toBe(before);
  });

  it('does not take the place of GET /api/talents/:id', async () => {
    const [person] = await t.rows<{ id: string }>(sql`select id from talents where name = '导出甲'`);
    const response = await office.get(`/api/talents/${person.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().name).toBe('导出甲');
  });
});
