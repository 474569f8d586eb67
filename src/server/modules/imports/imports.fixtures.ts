import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
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
