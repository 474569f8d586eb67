import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { nextTurn } from '../../db/turns';
import { AppError } from '../../errors';
import { checkWorkbookSize } from './zip-limits';
import {
  choiceSheetName, columnsOf, dataSheetNames, exampleRows, fixedChoices, guideSheetName, referenceChoiceHeaders, type ChoiceList, type Column,
  type ImportKind,
} from './imports.columns';

/** A cell as the checks see it: its text, and the number or date when the cell held one. */
export type Cell = { text: string; number?: number; date?: string };
export type SheetRow = { row: number; cells: Record<string, Cell> };

/** ExcelJS and its dependencies take a noticeable part of a start to load: imported at the first workbook instead. */
const loadExcel = async () => (await import('exceljs')).default;

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const isoOf = (date: Date) => (Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10));

/** ExcelJS cell values (text, number, date, rich text, formula, hyperlink, error) as a Cell. */
export function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) {
    const iso = isoOf(value);
    return iso ? { text: iso, date: iso } : { text: '' };
  }
  if (typeof value === 'number') return { text: Number.isFinite(value) ? String(value) : '', number: value };
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'object') {
    const object = value as { richText?: { text: string }[]; result?: unknown; formula?: unknown; sharedFormula?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(object.richText)) return { text: object.richText.map((part) => part.text).join('').trim() };
    if ('formula' in object || 'sharedFormula' in object || 'result' in object) return cellOf(object.result);
    if ('text' in object) return cellOf(object.text);
    if ('error' in object) return { text: '' };
  }
  return { text: String(value).trim() };
}

/** Header text as written by people: spaces, required-field stars and "(必填)" ignored. */
const headerKey = (text: string) => text.replace(/[\s*＊]|[(（]必填[)）]/g, '');

/** ZIP local-file signature: every .xlsx starts with it. */
const looksLikeXlsx = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Reads the data rows of an uploaded workbook: the sheet is the first (in tab order) whose header row (one of the first
 * five rows) holds the kind's first required header; empty rows are skipped. Refuses files that are not workbooks, lack
 * required columns or exceed `maxRows`, and workbooks that would unpack beyond `workbookLimits` (zip-limits.ts).
 *
 * ExcelJS's streaming WorkbookReader is not used here: it decodes each chunk of a sheet's XML on its own and garbles
 * a Chinese character split across two chunks (exceljs 4.4, lib/utils/parse-sax.js), which silently changed about one
 * name in 3,000 in a 10,000-row roster. `xlsx.load` decodes each part whole; a 20 MB upload fits in memory.
 */
export async function readDataRows(bytes: Buffer, kind: ImportKind, maxRows: number): Promise<SheetRow[]> {
  return readSheetRows(bytes, columnsOf(kind), maxRows);
}

/** `readDataRows` for columns of another module's sheet (e.g. a class's trainees), with the same checks. */
export async function readSheetRows(bytes: Buffer, columns: readonly Column[], maxRows: number): Promise<SheetRow[]> {
  if (!looksLikeXlsx(bytes)) throw new AppError(400, 'importFile');
  // a zip bomb is refused before ExcelJS inflates it whole
  checkWorkbookSize(bytes);
  const keyHeader = columns[0].header;
  const byHeader = new Map(columns.map((column) => [headerKey(column.header), column]));
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'importFile');
  }
  const rows: SheetRow[] = [];
  let found: { sheet: ExcelJS.Worksheet; headerRow: number; header: Map<number, Column> } | null = null;
  for (const sheet of workbook.worksheets) {
    for (let number = 1; number <= Math.min(5, sheet.rowCount) && !found; number += 1) {
      const header = new Map<number, Column>();
      (sheet.getRow(number).values as unknown[]).forEach((value, index) => {
        const column = byHeader.get(headerKey(cellOf(value).text));
        if (column && ![...header.values()].includes(column)) header.set(index, column);
      });
      if ([...header.values()].some((column) => column.header === keyHeader)) found = { sheet, headerRow: number, header };
    }
    if (found) break;
  }
  const present = new Set(found?.header.values() ?? []);
  const missing = columns.filter((column) => column.required && !present.has(column));
  if (missing.length) throw new AppError(400, 'importColumns', { columns: missing.map((column) => column.header).join('、') });
  const { sheet, headerRow, header } = found!;
  sheet.eachRow((row, number) => {
    if (number <= headerRow) return;
    const values = row.values as unknown[];
    const cells: Record<string, Cell> = {};
    let empty = true;
    for (const [index, column] of header) {
      const cell = cellOf(values[index]);
      if (cell.text !== '') empty = false;
      cells[column.key] = cell;
    }
    if (empty) return;
    if (rows.length >= maxRows) throw new AppError(400, 'importTooManyRows', { maximum: maxRows });
    rows.push({ row: number, cells });
  });
  return rows;
}

/** The values of each list for the 可选值 sheet: fixed lists from code, the rest from the database. */
export type ChoiceValues = Partial<Record<ChoiceList, readonly string[]>>;

/** Range data validations: in ExcelJS's model (and written by it), not in its type declarations. */
const validations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { add: (range: string, validation: ExcelJS.DataValidation) => void } }).dataValidations;

/** Database lists whose first value the example row shows (not 人才类别: its first, A 类, would be an odd example). */
const exampleFromList = new Set<ChoiceList>(['industry', 'employer', 'park']);

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F5' } };
const templateRows = 2000;

/** The template of a kind: the data sheet (headers, notes, one example row, drop-downs), 可选值 and 填写说明. */
export async function templateWorkbook(kind: ImportKind, referenceChoices: ChoiceValues): Promise<Buffer> {
  return columnsTemplate({
    sheetName: dataSheetNames[kind],
    columns: columnsOf(kind),
    referenceChoices,
    example: exampleRows[kind],
    guide: [
      kind === 'talents' ? '人才信息导入说明' : '企业信息导入说明',
      `1. 在“${dataSheetNames[kind]}”工作表第 2 行起逐行填写，每行一条记录；第一行标题请勿修改。红色标题为必填列。`,
      '2. 第 2 行为示例（灰色斜体），未修改的示例行导入时自动跳过，也可以直接覆盖或删除。',
      `3. 带下拉框的列请从“${choiceSheetName}”工作表中选择；日期写成 2024-05-01。`,
      kind === 'talents'
        ? '4. 身份证号码、手机号码请保持文本格式；同一文件内身份证号码不能重复，已登记的人才不会重复导入。'
        : '4. 统一社会信用代码请保持文本格式；同一文件内代码和企业名称不能重复，已登记的企业不会重复导入。',
      '5. 上传后系统逐行检查并列出问题（行号、列名、原因），确认无误后再导入；导入在一个事务中完成。',
    ],
  });
}

/**
 * A template for any columns (the registry's kinds, a campaign's applicants): the data sheet (headers, required ones
 * red, notes, drop-downs from the 可选值 sheet, an optional example row) and the 填写说明 sheet with `guide` (its first
 * line the title).
 */
export async function columnsTemplate(spec: { sheetName: string; columns: readonly Column[]; referenceChoices: ChoiceValues; example?: Record<string, string>; guide: readonly string[] }): Promise<Buffer> {
  const { columns, referenceChoices } = spec;
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'TalentZone';
  const data = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const choicesSheet = workbook.addWorksheet(choiceSheetName);
  const guide = workbook.addWorksheet(guideSheetName);

  // 可选值: one column per list this kind uses
  const lists = [...new Set(columns.map((column) => column.choices).filter((list): list is ChoiceList => Boolean(list)))];
  const listRanges = new Map<ChoiceList, string>();
  lists.forEach((list, index) => {
    const header = fixedChoices[list]?.header ?? referenceChoiceHeaders[list] ?? list;
    const values = fixedChoices[list]?.values ?? referenceChoices[list] ?? [];
    const column = choicesSheet.getColumn(index + 1);
    column.width = Math.max(12, ...values.map((value) => Math.min(40, value.length * 2 + 2)));
    choicesSheet.getCell(1, index + 1).value = header;
    choicesSheet.getCell(1, index + 1).font = { bold: true };
    choicesSheet.getCell(1, index + 1).fill = headerFill;
    values.forEach((value, row) => (choicesSheet.getCell(row + 2, index + 1).value = value));
    if (values.length) listRanges.set(list, `'${choiceSheetName}'!$${column.letter}$2:$${column.letter}$${values.length + 1}`);
  });

  columns.forEach((columnSpec, index) => {
    const column = data.getColumn(index + 1);
    column.width = columnSpec.width;
    if (columnSpec.text) column.numFmt = '@';
    if (columnSpec.date) column.numFmt = 'yyyy-mm-dd';
    const cell = data.getCell(1, index + 1);
    cell.value = columnSpec.header;
    cell.font = { bold: true, color: columnSpec.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = headerFill;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    const note = [columnSpec.required ? '必填' : '', columnSpec.note ?? ''].filter(Boolean).join('。');
    if (note) cell.note = note;
    const range = columnSpec.choices ? listRanges.get(columnSpec.choices) : undefined;
    if (range) {
      const fixed = Boolean(fixedChoices[columnSpec.choices!]);
      validations(data).add(`${column.letter}2:${column.letter}${templateRows + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorStyle: fixed ? 'stop' : 'warning',
        errorTitle: columnSpec.header,
        error: `请从“${choiceSheetName}”工作表的“${columnSpec.header}”列中选择`,
      });
    }
  });

  // the example's reference values are the first of their lists, so they exist in this database
  const example = spec.example;
  if (example) {
    const exampleRow = data.getRow(2);
    columns.forEach((column, index) => {
      const reference = column.choices && exampleFromList.has(column.choices) ? referenceChoices[column.choices]?.[0] : undefined;
      const value = reference ?? example[column.key] ?? '';
      const cell = exampleRow.getCell(index + 1);
      cell.value = column.date && value ? new Date(`${value}T00:00:00Z`) : value;
      cell.font = { italic: true, color: { argb: 'FF808080' } };
    });
  }

  guide.getColumn(1).width = 100;
  spec.guide.forEach((line, index) => {
    guide.getCell(index + 1, 1).value = line;
    if (index === 0) guide.getCell(1, 1).font = { bold: true, size: 14 };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rows written between two turns of the event loop. */
const rowsPerTurn = 250;

/** A workbook written with ExcelJS's streaming writer into memory: one sheet, a header row, then the rows given. */
export async function streamedWorkbook(sheetName: string, columns: { header: string; width: number; text?: boolean }[], rows: AsyncIterable<unknown[][]>): Promise<{ bytes: Buffer; count: number }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width, style: column.text ? { numFmt: '@' } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const batch of rows) {
    for (const values of batch) {
      sheet.addRow(values).commit();
      count += 1;
      // writing a row is CPU work on the event loop: let other requests run every few hundred rows
      if (count % rowsPerTurn === 0) await nextTurn();
    }
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return { bytes: Buffer.concat(chunks), count };
}
