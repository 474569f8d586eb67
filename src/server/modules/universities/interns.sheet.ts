import { internEvaluationNames, internEvaluations, internshipInput, type InternshipInput } from '../../../domain/cooperation';
import type { Db, Executor } from '../../db/client';
import { AppError, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { readSheet, writeSheet, type SheetColumn } from '../flexible-talent/sheet';
import { problemsOfIssues } from '../talents/talents.service';
import { baseReadScope, baseWriteScope } from './universities.policies';
import { allInternships, listBases, type InternshipFilters } from './universities.repo';
import { storeInternships } from './universities.service';

/** The interns' spreadsheet (实习生名册): the base by its enterprise and university names; 录用人才 is written out only. */
export const internColumns: readonly SheetColumn[] = [
  { key: 'studentName', header: '学生姓名', required: true, width: 12 },
  { key: 'university', header: '高校', required: true, width: 18 },
  { key: 'enterprise', header: '实习企业', required: true, width: 26 },
  { key: 'major', header: '专业', required: true, width: 18 },
  { key: 'periodFrom', header: '实习开始', required: true, width: 12 },
  { key: 'periodTo', header: '实习结束', required: true, width: 12 },
  { key: 'mentor', header: '指导老师', required: true, width: 12 },
  { key: 'evaluation', header: '实习评价', width: 10 },
  { key: 'evaluationNote', header: '评价说明', width: 30 },
  { key: 'hired', header: '录用人才', width: 12 },
];

export async function exportInterns(executor: Executor, actor: Actor, user: SessionUser, filters: InternshipFilters) {
  const rows = await allInternships(executor, filters, baseReadScope(user));
  const bytes = await writeSheet(
    '实习生',
    internColumns,
    rows.map(({ internship, universityName, enterpriseName, hiredName }) => [
      internship.studentName, universityName, enterpriseName, internship.major, internship.periodFrom, internship.periodTo, internship.mentor,
      internship.evaluation ? internEvaluationNames[internship.evaluation] : '', internship.evaluationNote, hiredName,
    ]),
  );
  await recordAudit(executor, actor, { action: 'internship.export', targetType: 'internship', changes: { rows: rows.length, ...filters } });
  return bytes;
}

const maxRows = 5000;
const evaluationByName = new Map(internEvaluations.map((evaluation) => [internEvaluationNames[evaluation], evaluation]));

/**
 * Imports interns, all or nothing: each row is checked with the API's schema, its base (enterprise + university) must
 * be one the importer may write (enterprise HR: its own); any problem answers 400 naming each cell, nothing written.
 */
export async function importInterns(db: Db, actor: Actor, user: SessionUser, bytes: Buffer) {
  const rows = await readSheet(bytes, internColumns, maxRows);
  if (rows.length === 0) throw new AppError(400, 'importNothingToImport');
  const bases = await listBases(db, { page: 1, pageSize: 100_000 }, baseWriteScope(user));
  const baseByPair = new Map(bases.items.map((base) => [`${base.enterpriseName}\n${base.universityName}`, base.base.id]));
  const problems: Record<string, FieldProblem> = {};
  const inputs: InternshipInput[] = [];
  for (const { row, cells } of rows) {
    const text = (key: string) => cells[key]?.text ?? '';
    const rowProblems: Record<string, FieldProblem> = {};
    const baseId = baseByPair.get(`${text('enterprise')}\n${text('university')}`);
    if (!baseId) rowProblems.baseId = { code: 'sheet.unknownValue', params: { value: `${text('enterprise')} / ${text('university')}` } };
    const evaluation = text('evaluation') ? evaluationByName.get(text('evaluation')) : null;
    if (evaluation === undefined) rowProblems.evaluation = { code: 'sheet.unknownValue', params: { value: text('evaluation') } };
    const dateOf = (key: string) => cells[key]?.date ?? text(key);
    const parsed = internshipInput.safeParse({
      baseId: baseId ?? '00000000-0000-4000-8000-000000000000', studentName: text('studentName'), major: text('major'), periodFrom: dateOf('periodFrom'),
      periodTo: dateOf('periodTo'), mentor: text('mentor'), evaluation: evaluation ?? null, evaluationNote: text('evaluationNote'),
    });
    if (!parsed.success) Object.assign(rowProblems, { ...problemsOfIssues(parsed.error.issues), ...rowProblems });
    for (const [field, problem] of Object.entries(rowProblems)) problems[`rows.${row - 1}.${field}`] = problem;
    if (parsed.success && Object.keys(rowProblems).length === 0) inputs.push(parsed.data);
  }
  const invalidRows = new Set(Object.keys(problems).map((key) => key.split('.')[1])).size;
  if (invalidRows) throw new AppError(400, 'spreadsheetInvalidRows', { invalid: invalidRows }, problems);
  return db.transaction(async (tx) => {
    const created = await storeInternships(tx, actor, inputs, 'import');
    await recordAudit(tx, actor, { action: 'internship.import', targetType: 'internship', changes: { created } });
    return { created };
  });
}
