import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { idNumberCheckCharacter } from '../../../domain/validators/id-number';
import type { Agent } from '../../test/harness';
import { columnsOf, type ImportKind } from './imports.columns';
import { xlsxMediaType } from './imports.workbook';

/** For tests: workbooks as offices make them, uploads, and waiting for a background import. */

/** A row in the template's column order from values by column key (missing keys: empty cells). */
export const rowOf = (kind: ImportKind, values: Record<string, unknown>) => columnsOf(kind).map((column) => values[column.key] ?? null);

export const headersOf = (kind: ImportKind) => columnsOf(kind).map((column) => column.header);

/** A one-sheet workbook: the header row, then the rows (`null` cells stay empty; an empty array is an empty row). */
export async function workbookBytes(headers: string[], rows: unknown[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A large workbook through ExcelJS's streaming writer (shared strings, as Excel saves them). */
export async function largeWorkbookBytes(headers: string[], rows: Iterable<unknown[]>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => output.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('人才信息');
  sheet.addRow(headers).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The values of a sheet's rows (1-based cells dropped to 0-based), as text. */
export function sheetValues(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : String(value))));
  });
  return rows;
}

export const uploadImport = (agent: Agent, kind: ImportKind, bytes: Buffer, options: { fileName?: string; headers?: Record<string, string> } = {}) =>
  agent.post(`/api/imports/${kind}?fileName=${encodeURIComponent(options.fileName ?? 'roster.xlsx')}`, bytes, {
    headers: { 'content-type': xlsxMediaType, ...options.headers },
  });

/** Polls GET /api/imports/:id until the run ends; `seen` collects the progress (processed rows) each answer showed. */
export async function waitForImport(agent: Agent, id: string, timeoutMs = 120_000, seen: number[] = []) {
  const started = Date.now();
  for (;;) {
    const response = await agent.get(`/api/imports/${id}`);
    const body = response.json();
    seen.push(body.processed);
    if (response.statusCode !== 200 || body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() - started > timeoutMs) throw new Error(`import ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const schools = ['太原理工大学', '山西大学', '中北大学', '清华大学', '北京理工大学'];
const employers = ['泵阀集团', '高新区数字经济发展有限公司', '山西鲲鹏传媒有限公司', '中国电子系统'];
const industries = ['泵阀', '数字经济', '新能源电池', '新材料'];
const routes = ['体制内引进', '市场化选聘', '柔性引进', '本土培养', '自主来区'];

/**
 * Distinct valid ID numbers, born in 1960 (the demo data never uses that year) in 郊区 140311 (the factories use 城区
 * 140302): 336 birthdays × 30 sequence numbers.
 */
function idNumberOf(index: number) {
  const month = 1 + Math.floor((index % 336) / 28);
  const day = 1 + (index % 28);
  const first17 = `1403111960${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(Math.floor(index / 336)).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** A roster of `count` valid talent rows named 批量0, 批量1 …, as a zone office holds one (bulk test and bench). */
export function* rosterRows(count: number) {
  for (let index = 0; index < count; index += 1) {
    yield rowOf('talents', {
      name: `批量${index}`,
      idNumber: idNumberOf(index),
      phone: `139${String(index).padStart(8, '0')}`,
      education: index % 3 === 0 ? '博士研究生' : '硕士研究生',
      school: schools[index % schools.length],
      major: '材料科学与工程',
      graduationYear: 2000 + (index % 24),
      titleLevel: index % 4 === 0 ? '副高级' : null,
      titleSeries: index % 4 === 0 ? '工程' : null,
      titleName: index % 4 === 0 ? '高级工程师' : null,
      titleYear: index % 4 === 0 ? 2020 : null,
      employer: employers[index % employers.length],
      post: '工程师',
      industry: industries[index % industries.length],
      arrivalRoute: routes[index % routes.length],
      arrivedOn: `20${String(10 + (index % 15)).padStart(2, '0')}-0${1 + (index % 9)}-15`,
      tags: index % 2 ? '骨干,重点产业链' : '',
    });
  }
}
