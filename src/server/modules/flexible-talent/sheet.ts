import { AppError } from '../../errors';
import { cellOf, xlsxMediaType, type Cell } from '../imports/imports.workbook';
import { checkWorkbookSize } from '../imports/zip-limits';

export { xlsxMediaType };

/**
 * A plain spreadsheet of the cooperation registers (experts, interns): one sheet, a header row, a row per record. The
 * office keeps these lists in Excel; the export and the import use the same headers, so an exported file imports back.
 */
export type SheetColumn = { key: string; header: string; width?: number; required?: boolean };

const loadExcel = async () => (await import('exceljs')).default;
const headerKey = (text: string) => text.replace(/[\s*＊]|[(（]必填[)）]/g, '');

export async function writeSheet(sheetName: string, columns: readonly SheetColumn[], rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'TalentZone';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((value) => value ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type ReadRow = { row: number; cells: Record<string, Cell> };

/**
 * The data rows of an uploaded workbook's first sheet whose header (one of the first five rows) names the first column;
 * the zip is checked for bombs first. Empty rows are skipped; missing required columns and too many rows are a 400.
 */
export async function readSheet(bytes: Buffer, columns: readonly SheetColumn[], maxRows: number): Promise<ReadRow[]> {
  if (!(bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new AppError(400, 'importFile');
  checkWorkbookSize(bytes);
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'importFile');
  }
  const byHeader = new Map(columns.map((column) => [headerKey(column.header), column]));
  for (const sheet of workbook.worksheets) {
    for (let number = 1; number <= Math.min(5, sheet.rowCount); number += 1) {
      const header = new Map<number, SheetColumn>();
      (sheet.getRow(number).values as unknown[]).forEach((value, index) => {
        const column = byHeader.get(headerKey(cellOf(value).text));
        if (column) header.set(index, column);
      });
      if (![...header.values()].includes(columns[0])) continue;
      const present = new Set(header.values());
      const missing = columns.filter((column) => column.required && !present.has(column));
      if (missing.length) throw new AppError(400, 'importColumns', { columns: missing.map((column) => column.header).join('、') });
      const rows: ReadRow[] = [];
      sheet.eachRow((row, rowNumber) => {
        if (rowNumber <= number) return;
        const values = row.values as unknown[];
        const cells: Record<string, Cell> = {};
        let empty = true;
        for (const [index, column] of header) {
          cells[column.key] = cellOf(values[index]);
          if (cells[column.key].text !== '') empty = false;
        }
        if (empty) return;
        if (rows.length >= maxRows) throw new AppError(400, 'importTooManyRows', { maximum: maxRows });
        rows.push({ row: rowNumber, cells });
      });
      return rows;
    }
  }
  throw new AppError(400, 'importColumns', { columns: columns.filter((column) => column.required).map((column) => column.header).join('、') });
}
