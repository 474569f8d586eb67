import { issueProblem } from '../../../domain/issues';
import type { z } from 'zod';
import { fieldMessages, fill, type Language } from '../../../domain/i18n';
import { enterpriseInput, talentInput, type EnterpriseInput, type TalentInput } from '../../../domain/talent';
import { ethnicities } from '../../../domain/dictionaries';
import { hasUnsafeCharacters, normaliseText, unsafeTextCode } from '../../../domain/text';
import type { FieldProblem } from '../../errors';
import { enterpriseColumnOfPath, talentColumnOfPath } from './imports.columns';
import {
  arrivalRouteLabels, chainSegmentLabels, degreeLabels, educationLabels, enterpriseSizeLabels, genderLabels, politicalStatusLabels, reverseLabels,
  talentStatusLabels, titleLabels,
} from './imports.labels';
import type { Cell } from './imports.workbook';

/**
 * Turning one spreadsheet row into the API's input: labels to codes, names of reference data to their keys, dates and
 * years from cells, then the shared zod schema. Problems are keyed by column (one per column, the first found).
 */
export type Lookups = {
  /** Active industries by name and by code. */
  industries: Map<string, string>;
  /** Tiers by code and by name. */
  tiers: Map<string, string>;
  /** Organisations a talent can work for, by name. */
  employers: Map<string, { id: string; name: string }>;
  /** Parks and platforms, by name. */
  parks: Map<string, string>;
};

export type RowResult<T> = { input: T | null; problems: Map<string, FieldProblem> };

const educationCodes = reverseLabels(educationLabels);
const degreeCodes = reverseLabels(degreeLabels);
const titleCodes = reverseLabels(titleLabels);
const arrivalRouteCodes = reverseLabels(arrivalRouteLabels);
const statusCodes = reverseLabels(talentStatusLabels);
const genderCodes = reverseLabels(genderLabels);
const politicalStatusCodes = reverseLabels(politicalStatusLabels);
const chainSegmentCodes = reverseLabels(chainSegmentLabels);
const sizeCodes = reverseLabels(enterpriseSizeLabels);
const ethnicityCodes = new Map<string, string>(ethnicities.map((name) => [name, name]));

const problemOfIssue = issueProblem;

export const renderProblem = (problem: FieldProblem, language: Language) => fill(fieldMessages[problem.code][language], problem.params);

const validDate = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900 && year <= 2100
    ? date.toISOString().slice(0, 10)
    : null;
};

/** A date cell: a real date, an Excel serial number, or text like 2024-05-01, 2024/5/1, 2024.5.1, 2024年5月1日, 20240501. */
export function dateOfCell(cell: Cell): string | null {
  if (cell.date) return cell.date;
  if (cell.number !== undefined) {
    if (Number.isInteger(cell.number) && cell.number >= 19000101 && cell.number <= 21001231) {
      return validDate(Math.floor(cell.number / 10000), Math.floor(cell.number / 100) % 100, cell.number % 100);
    }
    if (cell.number > 0 && cell.number < 80000) return new Date(Date.UTC(1899, 11, 30) + Math.floor(cell.number) * 86_400_000).toISOString().slice(0, 10);
    return null;
  }
  const text = cell.text.replace(/\s/g, '');
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return match ? validDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/**
 * The text rule of the API (domain/text.ts) per cell: a cell holding NUL, control characters, unpaired surrogates or
 * bidi controls is a problem of its column; the others are normalised (NFC, zero-width characters removed).
 */
function cleanCells(cells: Record<string, Cell>, problems: Map<string, FieldProblem>): Record<string, Cell> {
  const cleaned: Record<string, Cell> = {};
  for (const [key, cell] of Object.entries(cells)) {
    if (hasUnsafeCharacters(cell.text)) {
      problems.set(key, { code: unsafeTextCode });
      cleaned[key] = { text: '' };
    } else {
      cleaned[key] = { ...cell, text: normaliseText(cell.text) };
    }
  }
  return cleaned;
}

/** A row's cells with the conversions that record a problem for their column when the value is unusable. */
function reader(cells: Record<string, Cell>, problems: Map<string, FieldProblem>) {
  const text = (key: string): string | undefined => cells[key]?.text || undefined;
  return {
    text,
    choice<T>(key: string, codes: Map<string, T>): T | undefined {
      const value = text(key);
      if (!value) return undefined;
      const code = codes.get(value) ?? codes.get(value.replace(/\s/g, ''));
      if (code === undefined) problems.set(key, { code: 'import.unknownValue', params: { value } });
      return code;
    },
    date(key: string): string | undefined {
      const cell = cells[key];
      if (!cell?.text) return undefined;
      const iso = dateOfCell(cell);
      if (!iso) problems.set(key, { code: 'import.invalidDate' });
      return iso ?? undefined;
    },
    year(key: string): number | undefined {
      const cell = cells[key];
      if (!cell?.text) return undefined;
      const match = /^(\d{4})年?$/.exec(cell.text.replace(/\s/g, ''));
      if (!match) problems.set(key, { code: 'import.invalidYear' });
      return match ? Number(match[1]) : undefined;
    },
    /** ID numbers and credit codes: a number cell has lost its last digits already. */
    code(key: string): string {
      const cell = cells[key];
      if (cell?.number !== undefined && cell.text.replace(/\D/g, '').length > 15) problems.set(key, { code: 'import.numberCell' });
      return cell?.text ?? '';
    },
  };
}

function schemaProblems(issues: z.core.$ZodIssue[], columnOf: (path: readonly PropertyKey[]) => string | undefined, problems: Map<string, FieldProblem>) {
  for (const issue of issues) {
    const column = columnOf(issue.path) ?? issue.path.map(String).join('.');
    if (!problems.has(column)) problems.set(column, problemOfIssue(issue));
  }
}

const splitTags = (text: string | undefined) => (text ? text.split(/[,，、;；]/).map((tag) => tag.trim()).filter(Boolean) : []);

export type TalentRowInput = { input: TalentInput; employerLabel: string | null };

export function talentRow(rawCells: Record<string, Cell>, lookups: Lookups): RowResult<TalentRowInput> {
  const problems = new Map<string, FieldProblem>();
  const cells = cleanCells(rawCells, problems);
  const cell = reader(cells, problems);
  const educationGiven = ['education', 'degree', 'school', 'major', 'graduationYear'].some((key) => cell.text(key));
  const titleGiven = ['titleLevel', 'titleSeries', 'titleName', 'titleYear'].some((key) => cell.text(key));
  const employerText = cell.text('employer');
  const employer = employerText ? lookups.employers.get(employerText) : undefined;
  if (employerText && !employer) problems.set('employer', { code: 'import.unknownEmployer', params: { value: employerText } });
  const raw = {
    name: cell.text('name'),
    idNumber: cell.code('idNumber'),
    gender: cell.choice('gender', genderCodes),
    birthDate: cell.date('birthDate'),
    ethnicity: cell.choice('ethnicity', ethnicityCodes),
    politicalStatus: cell.choice('politicalStatus', politicalStatusCodes),
    phone: cell.text('phone'),
    email: cell.text('email'),
    educations: educationGiven
      ? [
          {
            level: cell.choice('education', educationCodes),
            degree: cell.choice('degree', degreeCodes),
            school: cell.text('school'),
            major: cell.text('major'),
            graduationYear: cell.year('graduationYear'),
          },
        ]
      : [],
    titles: titleGiven
      ? [{ level: cell.choice('titleLevel', titleCodes), series: cell.text('titleSeries'), name: cell.text('titleName'), year: cell.year('titleYear') }]
      : [],
    employerId: employer?.id,
    employerName: cell.text('employerName'),
    post: cell.text('post'),
    industry: cell.choice('industry', lookups.industries),
    arrivalRoute: cell.choice('arrivalRoute', arrivalRouteCodes),
    arrivedOn: cell.date('arrivedOn'),
    tier: cell.choice('tier', lookups.tiers),
    tags: splitTags(cell.text('tags')),
    status: cell.choice('status', statusCodes),
  };
  const parsed = talentInput.safeParse(raw, { reportInput: true });
  if (!parsed.success) schemaProblems(parsed.error.issues, talentColumnOfPath, problems);
  if (problems.size || !parsed.success) return { input: null, problems };
  return { input: { input: parsed.data, employerLabel: employer?.name ?? null }, problems };
}

export function enterpriseRow(rawCells: Record<string, Cell>, lookups: Lookups): RowResult<EnterpriseInput> {
  const problems = new Map<string, FieldProblem>();
  const cells = cleanCells(rawCells, problems);
  const cell = reader(cells, problems);
  const parkText = cell.text('park');
  const parkId = parkText ? lookups.parks.get(parkText) : undefined;
  if (parkText && !parkId) problems.set('park', { code: 'import.unknownValue', params: { value: parkText } });
  const raw = {
    name: cell.text('name'),
    creditCode: cell.code('creditCode'),
    industry: cell.choice('industry', lookups.industries),
    chainSegment: cell.choice('chainSegment', chainSegmentCodes),
    parkId,
    size: cell.choice('size', sizeCodes),
    foundedOn: cell.date('foundedOn'),
    address: cell.text('address'),
    contactName: cell.text('contactName'),
    contactPhone: cell.text('contactPhone'),
    description: cell.text('description'),
  };
  const parsed = enterpriseInput.safeParse(raw, { reportInput: true });
  if (!parsed.success) schemaProblems(parsed.error.issues, enterpriseColumnOfPath, problems);
  if (problems.size || !parsed.success) return { input: null, problems };
  return { input: parsed.data, problems };
}
