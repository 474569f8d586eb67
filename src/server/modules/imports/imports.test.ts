import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../../domain/validators/id-number';
import { buildOrganisation, buildTalent, uniqueIdNumber } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { uniqueCreditCode } from '../enterprises/enterprises.fixtures';
import { choiceSheetName, dataSheetNames, enterpriseColumns, exampleRows, talentColumns } from './imports.columns';
import { headersOf, largeWorkbookBytes, readWorkbook, rowOf, sheetValues, uploadImport, waitForImport, workbookBytes } from './imports.fixtures';
import { claimImport, lockImportRun } from './imports.repo';
import { actorOf } from '../../plugins/auth';
import { createImportRunner, importDetail, maxImportRows, recoverImports, runImport, type ImportMode, type RunOptions } from './imports.service';
import { readDataRows, xlsxMediaType } from './imports.workbook';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const talentCount = async () => (await t.rows<{ total: number }>(sql`select count(*)::int as total from talents`))[0].total;
const auditOf = (action: string, targetId: string) =>
  t.rows<{ actor_username: string; result: string; changes: Record<string, unknown>; detail: string | null }>(
    sql`select actor_username, result, changes, detail from audit_log where action = ${action} and target_id = ${targetId} order by id`,
  );
/** An ID number whose check character is wrong. */
const wrongCheck = (idNumber: string) => idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');

describe('templates', () => {
  it('the talent template has the Chinese headers, one example row and the allowed values from the database; it reads back as an empty file', async () => {
    const response = await office.get('/api/imports/templates/talents');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(xlsxMediaType);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="talents-template.xlsx"; filename*=UTF-8''${encodeURIComponent('人才信息导入模板.xlsx')}`);
    const workbook = await readWorkbook(response.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['人才信息', choiceSheetName, '填写说明']);
    const [headers, example] = sheetValues(workbook.getWorksheet('人才信息')!);
    expect(headers).toEqual(talentColumns.map((column) => column.header));
    expect(headers.slice(0, 3)).toEqual(['姓名', '身份证号码', '性别']);
    for (const header of ['手机号码', '学历', '毕业院校', '专业', '毕业年份', '职称等级', '职称名称', '工作单位', '区外单位', '岗位', '行业', '引进方式', '来区日期', '人才类别', '标签', '状态']) {
      expect(headers).toContain(header);
    }
    expect(example[0]).toBe(exampleRows.talents.name);
    expect(example[headers.indexOf('来区日期')]).toBe('2024-05-01');
    const choices = sheetValues(workbook.getWorksheet(choiceSheetName)!);
    const column = (header: string) => choices.slice(1).map((row) => row[choices[0].indexOf(header)]).filter(Boolean);
    expect(column('行业')).toEqual(expect.arrayContaining(['数字经济', '新能源电池', '泵阀']));
    expect(column('人才类别')).toContain('A 类 顶尖人才');
    expect(column('工作单位')).toContain('泵阀集团');
    expect(column('引进方式')).toEqual(['体制内引进', '市场化选聘', '柔性引进', '本土培养', '自主来区']);
    expect(column('学历')).toEqual(['博士研究生', '硕士研究生', '本科', '大专', '高职', '中职', '高中及以下']);
    expect(column('职称等级')).toEqual(['初级', '中级', '副高级', '正高级']);
    expect(column('状态')).toEqual(['在区', '柔性服务中', '已离开']);
    // the example's reference values come from this database's lists
    expect(example[headers.indexOf('行业')]).toBe(column('行业')[0]);
    expect(example[headers.indexOf('工作单位')]).toBe(column('工作单位')[0]);

    // the template as downloaded (the example row left in) previews as an empty file
    const preview = await uploadImport(office, 'talents', response.rawPayload, { fileName: '人才信息导入模板.xlsx' });
    expect(preview.statusCode, preview.body).toBe(201);
    expect(preview.json()).toMatchObject({ kind: 'talents', fileName: '人才信息导入模板.xlsx', total: 0, valid: 0, invalid: 0, problems: [], status: 'previewed' });
  });

  it('the enterprise template lists industries, parks, chain segments and sizes; a filled copy reads back', async () => {
    const response = await office.get('/api/imports/templates/enterprises');
    expect(response.statusCode).toBe(200);
    const workbook = await readWorkbook(response.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['企业信息', choiceSheetName, '填写说明']);
    const data = workbook.getWorksheet('企业信息')!;
    expect(sheetValues(data)[0]).toEqual(['企业名称', '统一社会信用代码', '行业', '产业链环节', '所在园区', '规模', '成立日期', '地址', '联系人', '联系电话', '简介']);
    const choices = sheetValues(workbook.getWorksheet(choiceSheetName)!);
    expect(choices[0]).toEqual(['行业', '产业链环节', '所在园区', '规模']);
    expect(choices.map((row) => row[2])).toContain('山西智创城7号');
    expect(choices.slice(1, 4).map((row) => row[1])).toEqual(['上游', '中游', '下游']);

    // fill the downloaded template below the example row, as an office would
    data.addRow(rowOf('enterprises', { name: `模板企业 ${randomUUID().slice(0, 8)}`, creditCode: uniqueCreditCode(), industry: '数字经济', park: '山西智创城7号', size: '中型' }));
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await uploadImport(office, 'enterprises', filled);
    expect(preview.statusCode, preview.body).toBe(201);
    expect(preview.json()).toMatchObject({ total: 1, valid: 1, invalid: 0, problems: [] });
  });
});

describe('talent import: preview', () => {
  let registered: Awaited<ReturnType<typeof buildTalent>>;
  let bytes: Buffer;
  let preview: { id: string; total: number; valid: number; invalid: number; problems: { row: number; column: string; message: string }[] };
  const ids = { good: uniqueIdNumber(), outside: uniqueIdNumber(), registered: uniqueIdNumber(), industry: uniqueIdNumber(), employer: uniqueIdNumber(), missing: uniqueIdNumber() };

  beforeAll(async () => {
    registered = await buildTalent(t.db, { idNumber: ids.registered });
    const arrival = { arrivalRoute: '市场化选聘' };
    bytes = await workbookBytes(headersOf('talents'), [
      // 2: good
      rowOf('talents', {
        name: '导入甲', idNumber: ids.good, gender: '女', phone: '13800001111', education: '硕士研究生', degree: '硕士', school: '太原理工大学', major: '化学工程',
        graduationYear: 2015, titleLevel: '中级', titleSeries: '工程', titleName: '工程师', titleYear: 2019, employer: '泵阀集团', post: '工程师', industry: '泵阀',
        arrivalRoute: '市场化选聘', arrivedOn: new Date('2024-05-01T00:00:00Z'), tier: 'C', tags: '泵阀，骨干', status: '在区',
      }),
      // 3: bad check character
      rowOf('talents', { name: '导入乙', idNumber: wrongCheck(uniqueIdNumber()), arrivalRoute: '本土培养' }),
      // 4: unknown industry
      rowOf('talents', { name: '导入丙', idNumber: ids.industry, industry: '火星采矿', ...arrival }),
      // 5: the ID number of row 2 again
      rowOf('talents', { name: '导入丁', idNumber: ids.good, arrivalRoute: '自主来区' }),
      // 6: an ID number already in the registry
      rowOf('talents', { name: '导入戊', idNumber: ids.registered, ...arrival }),
      // 7: an employer that is not registered
      rowOf('talents', { name: '导入己', idNumber: ids.employer, employer: '不存在的公司', ...arrival }),
      // 8: empty, skipped
      [],
      // 9: good: an outside employer, a date written as text, a lower-case x
      rowOf('talents', { name: '导入庚', idNumber: ids.outside.toLowerCase(), employerName: '北京某研究院', arrivalRoute: '柔性引进', arrivedOn: '2023/7/15', status: '柔性服务中' }),
      // 10: education without a school, no arrival route
      rowOf('talents', { name: '导入辛', idNumber: ids.missing, education: '本科', graduationYear: '2010' }),
      // 11: the ID number typed as a number: Excel kept 15 significant digits
      rowOf('talents', { name: '导入壬', idNumber: Number('140302196001010011'), ...arrival }),
    ]);
    const response = await uploadImport(office, 'talents', bytes, { fileName: '花名册.xlsx' });
    expect(response.statusCode, response.body).toBe(201);
    preview = response.json();
  });

  it('reports every bad row by Excel row number, column header and reason; counts the rest', () => {
    expect(preview).toMatchObject({ kind: 'talents', fileName: '花名册.xlsx', total: 9, valid: 2, invalid: 7, status: 'previewed' });
    expect(preview.problems).toEqual([
      { row: 3, column: '身份证号码', message: '校验码（最后一位）不正确，请核对号码' },
      { row: 4, column: '行业', message: '“火星采矿”不在可选范围内（见“可选值”工作表）' },
      { row: 5, column: '身份证号码', message: '与第 2 行重复' },
      { row: 6, column: '身份证号码', message: `该身份证号码已登记（${registered.name}）` },
      { row: 7, column: '工作单位', message: '“不存在的公司”不是已登记的单位；区外单位请填在“区外单位”列' },
      { row: 10, column: '毕业院校', message: '必填' },
      { row: 10, column: '引进方式', message: '必填' },
      { row: 11, column: '身份证号码', message: '单元格为数字格式，长号码会丢失位数：请把该列设为文本格式后重新填写' },
    ]);
  });

  it('answers in English when asked', async () => {
    const response = await uploadImport(office, 'talents', bytes, { headers: { 'accept-language': 'en-US' } });
    expect(response.json().problems.slice(0, 3)).toEqual([
      { row: 3, column: '身份证号码', message: 'the check character (last one) is wrong; check the number' },
      { row: 4, column: '行业', message: '"火星采矿" is not one of the allowed values (see the 可选值 sheet)' },
      { row: 5, column: '身份证号码', message: 'duplicates row 2' },
    ]);
  });

  it('writes nothing to the registry; keeps the checked rows encrypted; audits the file hash and counts', async () => {
    const found = await t.rows<{ id: string }>(sql`select id from talents where name like '导入%'`);
    expect(found).toEqual([]);
    const [stored] = await t.rows<{ status: string; file_hash: string; rows: string }>(sql`select status, file_hash, rows::text as rows from imports where id = ${preview.id}`);
    expect(stored.status).toBe('previewed');
    expect(stored.file_hash).toBe(sha256(bytes));
    expect(stored.rows).not.toContain(ids.good);
    expect(stored.rows).not.toContain('13800001111');
    const [audit] = await auditOf('import.preview', preview.id);
    expect(audit).toMatchObject({ actor_username: 'office', result: 'success' });
    expect(audit.changes).toEqual({ kind: 'talents', fileName: '花名册.xlsx', fileSha256: sha256(bytes), total: 9, valid: 2, invalid: 7 });
  });

  it('all or nothing refuses a file with invalid rows and imports nothing', async () => {
    const before = await talentCount();
    const response = await office.post(`/api/imports/${preview.id}/commit`, { mode: 'allOrNothing' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'importHasInvalidRows',
      message: '有 7 行未通过检查，“全部导入”不会导入任何数据：请修改后重新上传，或选择“只导入通过检查的行”',
      fields: {},
    });
    // the default mode is all or nothing, with or without a body
    expect((await office.post(`/api/imports/${preview.id}/commit`, {})).json().error.code).toBe('importHasInvalidRows');
    expect((await office.post(`/api/imports/${preview.id}/commit`)).json().error.code).toBe('importHasInvalidRows');
    expect(await talentCount()).toBe(before);
    expect((await office.get(`/api/imports/${preview.id}`)).json()).toMatchObject({ status: 'previewed', processed: 0, imported: 0, mode: null });
  });

  it('valid only imports exactly the good rows, in the background, audited with the file hash', async () => {
    const before = await talentCount();
    const response = await office.post(`/api/imports/${preview.id}/commit`, { mode: 'validOnly' });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({ id: preview.id, status: 'running' });
    const finished = await waitForImport(office, preview.id);
    expect(finished).toMatchObject({ id: preview.id, kind: 'talents', status: 'done', mode: 'validOnly', total: 9, valid: 2, processed: 2, imported: 2 });
    expect(finished.problems).toEqual(preview.problems);
    expect(finished.finishedAt).toEqual(expect.any(String));
    expect(await talentCount()).toBe(before + 2);

    const good = (await office.get('/api/talents', { query: { q: ids.good, lookupReason: '核对导入' } })).json().items;
    expect(good).toHaveLength(1);
    expect(good[0]).toMatchObject({
      name: '导入甲', gender: 'female', phone: '138****1111', highestEducation: 'master', highestTitle: 'intermediate', employer: { name: '泵阀集团' },
      industry: 'pumpsValves', tier: 'C', arrivalRoute: 'marketHire', arrivedOn: '2024-05-01', status: 'inZone', tags: ['泵阀', '骨干'],
    });
    const detail = (await office.get(`/api/talents/${good[0].id}`)).json();
    expect(detail.educations).toEqual([expect.objectContaining({ level: 'master', degree: 'master', school: '太原理工大学', major: '化学工程', graduationYear: 2015 })]);
    expect(detail.titles).toEqual([{ level: 'intermediate', series: '工程', name: '工程师', year: 2019 }]);
    expect(detail.statusHistory).toEqual([expect.objectContaining({ status: 'inZone', since: '2024-05-01' })]);
    const outside = (await office.get('/api/talents', { query: { q: ids.outside, lookupReason: '核对导入' } })).json().items;
    expect(outside).toMatchObject([{ name: '导入庚', employer: null, employerName: '北京某研究院', arrivedOn: '2023-07-15', status: 'flexibleService', arrivalRoute: 'flexible' }]);
    const names = (await t.rows<{ name: string }>(sql`select name from talents where name like '导入%' order by name`)).map((row) => row.name);
    expect(names).toEqual(['导入庚', '导入甲']);

    const [audit] = await auditOf('import.commit', preview.id);
    expect(audit).toMatchObject({ actor_username: 'office', result: 'success' });
    expect(audit.changes).toEqual({ kind: 'talents', fileName: '花名册.xlsx', fileSha256: sha256(bytes), mode: 'validOnly', total: 9, valid: 2, imported: 2, skipped: 7 });
    // each imported talent has its own creation entry in its trail, marked as imported, its personal data masked
    const trail = (await office.get(`/api/talents/${good[0].id}/audit`)).json();
    expect(trail.total).toBe(1);
    expect(trail.items[0]).toMatchObject({ action: 'talent.create', actorUsername: 'office', result: 'success', detail: 'import' });
    expect(trail.items[0].changes).toMatchObject({ importId: preview.id, row: 2, name: '导入甲', idNumber: '***', phone: '***', tier: 'C', educations: [expect.objectContaining({ school: '太原理工大学' })] });
    expect(JSON.stringify(trail.items[0].changes)).not.toContain(ids.good);
    const created = await t.rows<{ target_id: string }>(sql`select target_id from audit_log where action = 'talent.create' and changes->>'importId' = ${preview.id}`);
    expect(created.map((row) => row.target_id).sort()).toEqual([good[0].id, outside[0].id].sort());
    // the stored rows are dropped once imported
    expect(await t.rows(sql`select 1 from imports where id = ${preview.id} and rows is null`)).toHaveLength(1);
    // an import runs once
    const again = await office.post(`/api/imports/${preview.id}/commit`, { mode: 'validOnly' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('importState');
  });
});

describe('talent import: commit', () => {
  const cleanFile = (idNumbers: string[]) =>
    workbookBytes(
      headersOf('talents'),
      idNumbers.map((idNumber, index) => rowOf('talents', { name: `整批${index}`, idNumber, arrivalRoute: '本土培养', employer: '泵阀集团' })),
    );

  it('all or nothing imports a clean file completely', async () => {
    const idNumbers = [uniqueIdNumber(), uniqueIdNumber(), uniqueIdNumber()];
    const preview = (await uploadImport(office, 'talents', await cleanFile(idNumbers))).json();
    expect(preview).toMatchObject({ total: 3, valid: 3, invalid: 0 });
    expect((await office.post(`/api/imports/${preview.id}/commit`, { mode: 'allOrNothing' })).statusCode).toBe(202);
    expect(await waitForImport(office, preview.id)).toMatchObject({ status: 'done', mode: 'allOrNothing', processed: 3, imported: 3, problems: [] });
    for (const idNumber of idNumbers) expect((await office.get('/api/talents', { query: { q: idNumber, lookupReason: '核对导入' } })).json().total).toBe(1);
  });

  it('re-checks the registry at commit: all or nothing fails and writes nothing, valid only skips the newcomer', async () => {
    const idNumbers = [uniqueIdNumber(), uniqueIdNumber()];
    const bytes = await cleanFile(idNumbers);
    const strict = (await uploadImport(office, 'talents', bytes)).json();
    const lenient = (await uploadImport(office, 'talents', bytes)).json();
    expect(strict.valid).toBe(2);
    // someone registers the second person between preview and commit
    const newcomer = await buildTalent(t.db, { idNumber: idNumbers[1] });
    const before = await talentCount();

    expect((await office.post(`/api/imports/${strict.id}/commit`, { mode: 'allOrNothing' })).statusCode).toBe(202);
    const failed = await waitForImport(office, strict.id);
    expect(failed).toMatchObject({ status: 'failed', imported: 0 });
    expect(failed.problems).toEqual([{ row: 3, column: '身份证号码', message: `该身份证号码已登记（${newcomer.name}）` }]);
    expect(await talentCount()).toBe(before);
    // the creation entries of the first batch went with it
    expect(await t.rows(sql`select 1 from audit_log where changes->>'importId' = ${strict.id} and action = 'talent.create'`)).toHaveLength(0);
    const [failure] = await auditOf('import.commit', strict.id);
    expect(failure).toMatchObject({ result: 'failure', changes: { mode: 'allOrNothing', imported: 0, fileSha256: sha256(bytes) } });

    expect((await office.post(`/api/imports/${lenient.id}/commit`, { mode: 'validOnly' })).statusCode).toBe(202);
    const partial = await waitForImport(office, lenient.id);
    expect(partial).toMatchObject({ status: 'done', processed: 2, imported: 1 });
    expect(partial.problems).toEqual([{ row: 3, column: '身份证号码', message: `该身份证号码已登记（${newcomer.name}）` }]);
    expect(await talentCount()).toBe(before + 1);
  });

  it('flags a likely duplicate: the same name and phone as a registered talent, as the API asks to confirm', async () => {
    const known = await buildTalent(t.db, { name: '同名同号', phone: '13755556666' });
    const bytes = await workbookBytes(headersOf('talents'), [rowOf('talents', { name: known.name, idNumber: uniqueIdNumber(), phone: '137-5555-6666', arrivalRoute: '本土培养' })]);
    const preview = (await uploadImport(office, 'talents', bytes)).json();
    expect(preview).toMatchObject({ total: 1, valid: 0 });
    expect(preview.problems).toEqual([{ row: 2, column: '手机号码', message: '与已登记的同名人才手机号码相同' }]);
  });

  it('refuses to commit a file without valid rows', async () => {
    const preview = (await uploadImport(office, 'talents', await workbookBytes(headersOf('talents'), []))).json();
    const response = await office.post(`/api/imports/${preview.id}/commit`, { mode: 'validOnly' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('importNothingToImport');
  });

  it('an import is seen and run only by whoever previewed it or the office (others: 404)', async () => {
    const preview = (await uploadImport(office, 'talents', await cleanFile([uniqueIdNumber()]))).json();
    const runner = createImportRunner(t.app.log);
    const stranger = { id: randomUUID(), username: 'hr', displayName: 'HR', roles: ['enterprise' as const], talentId: null, organisationId: null, unitId: null };
    await expect(importDetail(t.db, runner, stranger, preview.id)).rejects.toMatchObject({ statusCode: 404 });
    const otherOffice = { ...stranger, roles: ['office' as const] };
    await expect(importDetail(t.db, runner, otherOffice, preview.id)).resolves.toMatchObject({ id: preview.id, status: 'previewed' });
    expect((await office.get(`/api/imports/${randomUUID()}`)).statusCode).toBe(404);
    expect((await (await t.login('department')).get(`/api/imports/${preview.id}`)).statusCode).toBe(403);
  });
});

describe('talent import: staged commit (rows staged in short transactions, switched in by one)', () => {
  const rosterOf = (idNumbers: string[]) =>
    workbookBytes(
      headersOf('talents'),
      idNumbers.map((idNumber, index) => rowOf('talents', { name: `分段${index}`, idNumber, arrivalRoute: '本土培养', employer: '泵阀集团' })),
    );
  const stagedCount = async (id: string) => (await t.rows<{ total: number }>(sql`select count(*)::int as total from import_staged_rows where import_id = ${id}`))[0].total;
  const createdEntries = async (id: string) => (await t.rows(sql`select 1 from audit_log where changes->>'importId' = ${id} and action = 'talent.create'`)).length;
  const importedNamed = async (id: string) =>
    (await t.rows<{ total: number }>(sql`select count(*)::int as total from talents where id in (select target_id::uuid from audit_log where changes->>'importId' = ${id} and action = 'talent.create')`))[0].total;

  /** Previews a roster, claims it and runs it here (not in the background), one row per staged chunk. */
  async function run(idNumbers: string[], mode: ImportMode, afterChunk: (id: string, staged: number) => Promise<void>) {
    const preview = (await uploadImport(office, 'talents', await rosterOf(idNumbers))).json();
    expect(preview.valid).toBe(idNumbers.length);
    const claimed = await claimImport(t.db, preview.id, mode, undefined);
    const runner = createImportRunner(t.app.log);
    const options: RunOptions = { chunkSize: 1, afterChunk: (staged) => afterChunk(preview.id, staged) };
    const failure = await runImport(t.db, runner, actorOf(office.user!, 'office', null), 'zh-CN', claimed!, mode, options).then(
      () => null,
      (error: unknown) => error,
    );
    return { failure, detail: (await office.get(`/api/imports/${preview.id}`)).json() };
  }

  it('a talent registered while rows are staged: all or nothing fails and writes nothing; the staged rows are dropped', async () => {
    const idNumbers = [uniqueIdNumber(), uniqueIdNumber(), uniqueIdNumber()];
    const before = await talentCount();
    let newcomer: { name: string } | undefined;
    let stagedMidway = 0;
    const { failure, detail } = await run(idNumbers, 'allOrNothing', async (id, staged) => {
      if (staged !== 1) return;
      // the connection is free between chunks: a concurrent write gets in; the registry holds nothing of the import yet
      stagedMidway = await stagedCount(id);
      expect(await talentCount()).toBe(before);
      newcomer = await buildTalent(t.db, { idNumber: idNumbers[2] });
    });
    expect(failure).toBeNull();
    expect(stagedMidway).toBeGreaterThan(0);
    expect(detail).toMatchObject({ status: 'failed', imported: 0, processed: 3 });
    expect(detail.problems).toEqual([{ row: 4, column: '身份证号码', message: `该身份证号码已登记（${newcomer!.name}）` }]);
    expect(await talentCount()).toBe(before + 1);
    expect(await createdEntries(detail.id)).toBe(0);
    expect(await stagedCount(detail.id)).toBe(0);
  });

  it('valid only leaves out the row registered meanwhile and switches in the rest, each with its audit entry', async () => {
    const idNumbers = [uniqueIdNumber(), uniqueIdNumber(), uniqueIdNumber()];
    const before = await talentCount();
    const { detail } = await run(idNumbers, 'validOnly', async (_id, staged) => {
      if (staged === 2) await buildTalent(t.db, { idNumber: idNumbers[0] });
    });
    expect(detail).toMatchObject({ status: 'done', processed: 3, imported: 2 });
    expect(detail.problems).toHaveLength(1);
    expect(detail.problems[0]).toMatchObject({ row: 2, column: '身份证号码' });
    expect(await talentCount()).toBe(before + 3);
    expect(await createdEntries(detail.id)).toBe(2);
    expect(await importedNamed(detail.id)).toBe(2);
    // children and the first status entry came with them
    const [{ histories }] = await t.rows<{ histories: number }>(
      sql`select count(*)::int as histories from talent_status_history where talent_id in (select target_id::uuid from audit_log where changes->>'importId' = ${detail.id} and action = 'talent.create')`,
    );
    expect(histories).toBe(2);
    expect(await stagedCount(detail.id)).toBe(0);
  });

  it('a failure while staging leaves nothing half-saved: the import fails, the registry and the audit are untouched', async () => {
    const before = await talentCount();
    const { failure, detail } = await run([uniqueIdNumber(), uniqueIdNumber(), uniqueIdNumber()], 'allOrNothing', async (_id, staged) => {
      if (staged === 2) throw new Error('disk full');
    });
    expect(String(failure)).toContain('disk full');
    expect(detail).toMatchObject({ status: 'failed', imported: 0 });
    expect(await talentCount()).toBe(before);
    expect(await createdEntries(detail.id)).toBe(0);
    expect(await stagedCount(detail.id)).toBe(0);
  });

  it('a request made after the first chunk is answered before the last chunk is staged', async () => {
    let staged = 0;
    let answeredAt: number | undefined;
    let request: Promise<unknown> | undefined;
    const { detail } = await run([uniqueIdNumber(), uniqueIdNumber(), uniqueIdNumber(), uniqueIdNumber()], 'allOrNothing', async (_id, count) => {
      staged = count;
      request ??= office.get('/api/auth/me').then((response) => {
        expect(response.statusCode).toBe(200);
        answeredAt = staged;
      });
    });
    await request;
    expect(detail).toMatchObject({ status: 'done', imported: 4 });
    expect(answeredAt).toBeLessThan(4);
  });
});

describe('progress', () => {
  it('a running import shows the rows processed so far (kept in memory by the process that runs it)', async () => {
    const bytes = await workbookBytes(headersOf('talents'), [rowOf('talents', { name: '进度', idNumber: uniqueIdNumber(), arrivalRoute: '本土培养' })]);
    const preview = (await uploadImport(office, 'talents', bytes)).json();
    expect(await claimImport(t.db, preview.id, 'validOnly', undefined)).toMatchObject({ status: 'running' });
    // a second claim finds nothing: one run per import
    expect(await claimImport(t.db, preview.id, 'validOnly', undefined)).toBeNull();
    const runner = createImportRunner(t.app.log);
    expect(await importDetail(t.db, runner, office.user!, preview.id)).toMatchObject({ status: 'running', mode: 'validOnly', processed: 0 });
    runner.progress.set(preview.id, 1);
    expect(await importDetail(t.db, runner, office.user!, preview.id)).toMatchObject({ status: 'running', processed: 1, imported: 0 });
  });
});

describe('imports a stop interrupted, previews that expired', () => {
  const onePerson = () => workbookBytes(headersOf('talents'), [rowOf('talents', { name: '中断', idNumber: uniqueIdNumber(), arrivalRoute: '本土培养' })]);

  it('an import left running by a dead process is marked failed as interrupted at start-up, audited; its rows are dropped', async () => {
    const preview = (await uploadImport(office, 'talents', await onePerson())).json();
    // claimed, then the process died before the run committed anything
    expect(await claimImport(t.db, preview.id, 'allOrNothing', undefined)).toMatchObject({ status: 'running' });
    const recovered = await recoverImports(t.db);
    expect(recovered.interrupted).toBeGreaterThanOrEqual(1);
    const detail = (await office.get(`/api/imports/${preview.id}`)).json();
    expect(detail).toMatchObject({ status: 'failed', imported: 0, finishedAt: expect.any(String) });
    expect(detail.problems).toEqual([{ row: 0, column: '', message: '导入被中断（服务在执行期间停止），未写入任何数据，请重新导入' }]);
    expect(await t.rows(sql`select 1 from imports where id = ${preview.id} and rows is null`)).toHaveLength(1);
    const [audit] = await auditOf('import.commit', preview.id);
    expect(audit).toMatchObject({ actor_username: 'system', result: 'failure', detail: 'interrupted', changes: { kind: 'talents', imported: 0, mode: 'allOrNothing' } });
    // once only; and it cannot be run any more
    expect((await recoverImports(t.db)).interrupted).toBe(0);
    expect((await office.post(`/api/imports/${preview.id}/commit`, { mode: 'allOrNothing' })).statusCode).toBe(409);
  });

  it('an import whose run holds its lock (another process) is left running', async () => {
    if (t.database.kind !== 'postgres') return; // PGlite is one connection: one process, no run in progress at start-up
    const preview = (await uploadImport(office, 'talents', await onePerson())).json();
    await claimImport(t.db, preview.id, 'validOnly', undefined);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const run = t.db.transaction(async (tx) => {
      await lockImportRun(tx, preview.id);
      locked();
      await held;
    });
    await isLocked;
    await recoverImports(t.db);
    expect((await office.get(`/api/imports/${preview.id}`)).json().status).toBe('running');
    release();
    await run;
    await recoverImports(t.db);
    expect((await office.get(`/api/imports/${preview.id}`)).json().status).toBe('failed');
  });

  it('a preview older than 24 hours is refused on commit (410) and its stored rows are dropped', async () => {
    const preview = (await uploadImport(office, 'talents', await onePerson())).json();
    const fresh = (await uploadImport(office, 'talents', await onePerson())).json();
    await t.rows(sql`update imports set created_at = now() - interval '25 hours' where id = ${preview.id}`);
    const refused = await office.post(`/api/imports/${preview.id}/commit`, { mode: 'allOrNothing' });
    expect(refused.statusCode).toBe(410);
    expect(refused.json().error).toEqual({ code: 'importExpired', message: '预检结果已超过 24 小时失效，请重新上传文件', fields: {} });
    expect((await office.post(`/api/imports/${preview.id}/commit`, { mode: 'allOrNothing' }, { headers: { 'accept-language': 'en-US' } })).json().error.message).toBe(
      'The check is more than 24 hours old and has expired; upload the file again',
    );
    expect((await office.get(`/api/imports/${preview.id}`)).json()).toMatchObject({ status: 'previewed' });
    // the next preview (or a start-up) drops the expired one's rows; a fresh one keeps them and still imports
    await uploadImport(office, 'talents', await workbookBytes(headersOf('talents'), []));
    expect(await t.rows(sql`select 1 from imports where id = ${preview.id} and rows is null`)).toHaveLength(1);
    expect(await t.rows(sql`select 1 from imports where id = ${fresh.id} and rows is not null`)).toHaveLength(1);
    expect((await office.post(`/api/imports/${fresh.id}/commit`, { mode: 'allOrNothing' })).statusCode).toBe(202);
    expect(await waitForImport(office, fresh.id)).toMatchObject({ status: 'done', imported: 1 });
  });
});

describe('enterprise import', () => {
  it('checks credit codes, parks and duplicates; valid only imports the good rows with the contact phone encrypted', async () => {
    const tag = randomUUID().slice(0, 8);
    const holder = (await office.post('/api/enterprises', { name: `已登记 ${tag}`, creditCode: uniqueCreditCode(), industry: 'digitalEconomy' })).json();
    const good = { name: `导入企业甲 ${tag}`, creditCode: uniqueCreditCode(), industry: '新能源电池', chainSegment: '上游', park: '高新技术创业园', size: '小型', foundedOn: '2020-06-01', contactName: '王联系', contactPhone: '13600002222' };
    const badCode = `${good.creditCode.slice(0, 17)}${good.creditCode[17] === '0' ? '1' : '0'}`;
    const bytes = await workbookBytes(headersOf('enterprises'), [
      rowOf('enterprises', good),
      rowOf('enterprises', { name: `导入企业乙 ${tag}`, creditCode: badCode, industry: '数字经济' }),
      rowOf('enterprises', { name: `导入企业丙 ${tag}`, creditCode: holder.creditCode, industry: '数字经济' }),
      rowOf('enterprises', { name: `导入企业丁 ${tag}`, creditCode: uniqueCreditCode(), industry: '数字经济', park: '不存在的园区' }),
      rowOf('enterprises', { name: good.name, creditCode: uniqueCreditCode(), industry: '数字经济' }),
      rowOf('enterprises', { name: `已登记 ${tag}`, creditCode: uniqueCreditCode(), industry: '数字经济' }),
    ]);
    const response = await uploadImport(office, 'enterprises', bytes);
    expect(response.statusCode, response.body).toBe(201);
    const preview = response.json();
    expect(preview).toMatchObject({ kind: 'enterprises', total: 6, valid: 1, invalid: 5 });
    expect(preview.problems).toEqual([
      { row: 3, column: '统一社会信用代码', message: '校验码（最后一位）不正确，请核对代码' },
      { row: 4, column: '统一社会信用代码', message: `该统一社会信用代码已登记（${holder.name}）` },
      { row: 5, column: '所在园区', message: '“不存在的园区”不在可选范围内（见“可选值”工作表）' },
      { row: 6, column: '企业名称', message: '与第 2 行重复' },
      { row: 7, column: '企业名称', message: '已有同名企业登记' },
    ]);
    expect((await office.post(`/api/imports/${preview.id}/commit`, { mode: 'validOnly' })).statusCode).toBe(202);
    expect(await waitForImport(office, preview.id)).toMatchObject({ status: 'done', imported: 1 });
    const listed = (await office.get('/api/enterprises', { query: { q: good.creditCode } })).json().items;
    expect(listed).toMatchObject([{ name: good.name, industry: 'newEnergyBattery', chainSegment: 'upstream', park: { name: '高新技术创业园' }, size: 'small', foundedOn: '2020-06-01', contactPhone: '136****2222' }]);
    const [stored] = await t.rows<{ contact_phone_cipher: string }>(sql`select contact_phone_cipher from organisations where id = ${listed[0].id}`);
    expect(t.app.secrets.decrypt(stored.contact_phone_cipher)).toBe('13600002222');
    const entries = await t.rows<{ target_id: string; detail: string; changes: Record<string, unknown> }>(
      sql`select target_id, detail, changes from audit_log where action = 'enterprise.create' and changes->>'importId' = ${preview.id}`,
    );
    expect(entries).toEqual([{ target_id: listed[0].id, detail: 'import', changes: expect.objectContaining({ importId: preview.id, row: 2, name: good.name, contactPhone: '***' }) }]);
    expect(JSON.stringify(entries)).not.toContain('13600002222');
  });
});

describe('uploads that are not workbooks', () => {
  it('refuses other content types with 415 in the error shape', async () => {
    const csv = await office.post('/api/imports/talents', '姓名,身份证号码\n', { headers: { 'content-type': 'text/csv' } });
    expect(csv.statusCode).toBe(415);
    expect(csv.json().error).toEqual({ code: 'importMediaType', message: expect.stringContaining('.xlsx'), fields: {} });
    const json = await office.post('/api/imports/talents', { rows: [] });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('importMediaType');
    // everywhere else the app still takes JSON only
    const elsewhere = await office.post('/api/enterprises', Buffer.from('PK'), { headers: { 'content-type': xlsxMediaType } });
    expect(elsewhere.statusCode).toBe(415);
    expect(elsewhere.json().error.code).toBe('unsupportedMediaType');
  });

  it('refuses bytes that are not a workbook, a damaged workbook and a sheet without the required columns (400)', async () => {
    const garbage = await uploadImport(office, 'talents', Buffer.from('这不是 Excel 文件'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.code).toBe('importFile');
    const workbook = await workbookBytes(headersOf('talents'), [rowOf('talents', { name: '某人', idNumber: uniqueIdNumber(), arrivalRoute: '本土培养' })]);
    const damaged = await uploadImport(office, 'talents', workbook.subarray(0, Math.floor(workbook.length / 2)));
    expect(damaged.statusCode).toBe(400);
    expect(damaged.json().error.code).toBe('importFile');
    const columns = await uploadImport(office, 'talents', await workbookBytes(['姓名', '手机号码'], [['某人', '13800000000']]));
    expect(columns.statusCode).toBe(400);
    expect(columns.json().error).toEqual({ code: 'importColumns', message: '表头缺少以下列：身份证号码、引进方式。请使用下载的模板', fields: {} });
  });

  it('takes files above the JSON limit up to 20 MB, and refuses larger ones with 413', async () => {
    const padding = (size: number) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(size)]);
    const twoMegabytes = await uploadImport(office, 'talents', padding(2 * 1024 * 1024));
    expect(twoMegabytes.statusCode).toBe(400);
    expect(twoMegabytes.json().error.code).toBe('importFile');
    const tooLarge = await uploadImport(office, 'talents', padding(21 * 1024 * 1024));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('payloadTooLarge');
  });

  it('needs the CSRF token like every other write', async () => {
    const bytes = await workbookBytes(headersOf('talents'), []);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports/talents',
      headers: { cookie: `tz_session=${office.cookie}`, 'content-type': xlsxMediaType },
      payload: bytes,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf');
  });

  it('only the office imports', async () => {
    const bytes = await workbookBytes(headersOf('talents'), []);
    for (const username of ['enterprise', 'department', 'leader']) {
      const agent = await t.login(username);
      expect((await uploadImport(agent, 'talents', bytes)).statusCode).toBe(403);
      expect((await agent.get('/api/imports/templates/talents')).statusCode).toBe(403);
    }
  });
});

describe('cell formats', () => {
  it('reads dates in the usual forms, years with 年, tags with Chinese commas, labels or codes, and headers with stars', async () => {
    const organisation = await buildOrganisation(t.db, { kind: 'researchInstitute' });
    const first17 = uniqueIdNumber('male').slice(0, 17);
    const headers = headersOf('talents').map((header) => (header === '姓名' ? '姓名*' : header === '引进方式' ? '引进方式（必填）' : header));
    const rows = ['2024-05-01', '2024.5.1', '2024年5月1日', '20240501', 45413].map((arrivedOn, index) => {
      const idFirst17 = `${first17.slice(0, 14)}${String(100 + index * 2 + 1).padStart(3, '0')}`;
      return rowOf('talents', {
        name: `格式${index}`, idNumber: idFirst17 + idNumberCheckCharacter(idFirst17), arrivalRoute: index === 4 ? 'localTraining' : '本土培养', arrivedOn,
        education: '本科', school: '中北大学', graduationYear: '2012年', tags: '甲、乙;丙', employer: organisation.name, tier: 'D 类 骨干人才',
      });
    });
    const preview = (await uploadImport(office, 'talents', await workbookBytes(headers, rows))).json();
    expect(preview.problems).toEqual([]);
    expect(preview.valid).toBe(5);
    expect((await office.post(`/api/imports/${preview.id}/commit`, {})).statusCode).toBe(202);
    expect(await waitForImport(office, preview.id)).toMatchObject({ status: 'done', imported: 5 });
    const imported = await t.rows<{ arrived_on: string; tags: string[]; tier: string; employer_id: string }>(
      sql`select arrived_on::text, tags, tier, employer_id from talents where name like '格式%' order by name`,
    );
    expect(imported.map((row) => row.arrived_on)).toEqual(['2024-05-01', '2024-05-01', '2024-05-01', '2024-05-01', '2024-05-01']);
    expect(imported.every((row) => row.tier === 'D' && row.employer_id === organisation.id && row.tags.join() === '甲,乙,丙')).toBe(true);
  });

  it('names the data sheet of the template or any first sheet, and reports bad dates and years', async () => {
    const rows = [rowOf('talents', { name: '坏日期', idNumber: uniqueIdNumber(), arrivalRoute: '本土培养', arrivedOn: '2024-02-30', education: '本科', school: '中北大学', graduationYear: '十二年' })];
    const preview = (await uploadImport(office, 'talents', await workbookBytes(headersOf('talents'), rows, dataSheetNames.talents))).json();
    expect(preview.problems).toEqual([
      { row: 2, column: '毕业年份', message: '应为四位年份（如 2015）' },
      { row: 2, column: '来区日期', message: '不是有效日期（如 2024-05-01）' },
    ]);
  });
});

describe('large files', () => {
  it('keeps every Chinese character (ExcelJS\'s streaming reader garbles a character split across two chunks)', async () => {
    const names = Array.from({ length: 10_000 }, (_, index) => `欧阳甲乙丙丁戊己庚辛壬癸子丑寅卯${index}`);
    const bytes = await largeWorkbookBytes(headersOf('talents'), names.map((name) => rowOf('talents', { name, idNumber: '1', arrivalRoute: '本土培养' })));
    const rows = await readDataRows(bytes, 'talents', maxImportRows);
    expect(rows.filter((row, index) => row.cells.name.text !== names[index]).map((row) => row.cells.name.text)).toEqual([]);
    expect(rows).toHaveLength(names.length);
  });

  it('refuses more rows than one import takes', async () => {
    const bytes = await largeWorkbookBytes(headersOf('talents'), Array.from({ length: 11 }, () => rowOf('talents', { name: '某人' })));
    await expect(readDataRows(bytes, 'talents', 10)).rejects.toMatchObject({ statusCode: 400, code: 'importTooManyRows', params: { maximum: 10 } });
  });
});

describe('enterprise columns', () => {
  it('the template columns match the enterprise input', () => {
    expect(enterpriseColumns.map((column) => column.key)).toEqual(['name', 'creditCode', 'industry', 'chainSegment', 'park', 'size', 'foundedOn', 'address', 'contactName', 'contactPhone', 'description']);
  });
});
