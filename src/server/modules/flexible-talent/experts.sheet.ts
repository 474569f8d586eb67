import { expertInput, expertKindNames, expertKinds, type ExpertInput } from '../../../domain/cooperation';
import type { Db, Executor } from '../../db/client';
import { AppError, type FieldProblem } from '../../errors';
import type { Actor } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { problemsOfIssues } from '../talents/talents.service';
import { allExperts, listProjects, listTeams, type ExpertFilters } from './flexible-talent.repo';
import { expertProblems, storeExperts } from './flexible-talent.service';
import { readSheet, writeSheet, type SheetColumn } from './sheet';

/** The experts' spreadsheet (柔性专家名册): the same columns out and in. Teams and projects by name. */
export const expertColumns: readonly SheetColumn[] = [
  { key: 'name', header: '姓名', required: true, width: 12 },
  { key: 'kind', header: '类型', required: true, width: 10 },
  { key: 'field', header: '专业领域', required: true, width: 20 },
  { key: 'affiliation', header: '所在单位', required: true, width: 24 },
  { key: 'team', header: '所属团队', width: 22 },
  { key: 'project', header: '招商引资项目', width: 24 },
  { key: 'engagementTerms', header: '柔性引进方式', width: 24 },
  { key: 'engagedFrom', header: '聘期开始', required: true, width: 12 },
  { key: 'engagedTo', header: '聘期结束', width: 12 },
  { key: 'serviceDays', header: '服务天数', width: 10 },
  { key: 'outputs', header: '服务成果', width: 40 },
];

export async function exportExperts(executor: Executor, actor: Actor, filters: ExpertFilters) {
  const rows = await allExperts(executor, filters);
  const bytes = await writeSheet(
    '柔性专家',
    expertColumns,
    rows.map(({ expert, teamName, projectName }) => [
      expert.name, expertKindNames[expert.kind], expert.field, expert.affiliation, teamName, projectName, expert.engagementTerms, expert.engagedFrom,
      expert.engagedTo, expert.serviceDays, expert.outputs,
    ]),
  );
  await recordAudit(executor, actor, { action: 'expert.export', targetType: 'expert', changes: { rows: rows.length, ...filters } });
  return bytes;
}

const maxRows = 2000;
const kindByName = new Map(expertKinds.map((kind) => [expertKindNames[kind], kind]));

/**
 * Imports an experts' spreadsheet, all or nothing: every row is checked with the API's schema and references (kind by
 * its Chinese name, team and project by name); any problem answers 400 naming each cell (`rows.<sheet row − 1>.<field>`)
 * and nothing is written. Otherwise one transaction creates them, each audited.
 */
export async function importExperts(db: Db, actor: Actor, bytes: Buffer) {
  const rows = await readSheet(bytes, expertColumns, maxRows);
  if (rows.length === 0) throw new AppError(400, 'importNothingToImport');
  const [teams, projects] = await Promise.all([listTeams(db, { page: 1, pageSize: 10_000 }), listProjects(db, { page: 1, pageSize: 10_000 })]);
  const teamByName = new Map(teams.items.map((team) => [team.name, team.team.id]));
  const projectByName = new Map(projects.items.map((item) => [item.project.name, item.project.id]));
  const problems: Record<string, FieldProblem> = {};
  const inputs: { row: number; input: ExpertInput }[] = [];
  for (const { row, cells } of rows) {
    const rowProblems: Record<string, FieldProblem> = {};
    const text = (key: string) => cells[key]?.text ?? '';
    const kind = kindByName.get(text('kind')) ?? (expertKinds as readonly string[]).find((value) => value === text('kind'));
    if (!kind) rowProblems.kind = { code: 'sheet.unknownValue', params: { value: text('kind') } };
    const teamId = text('team') ? teamByName.get(text('team')) : null;
    if (teamId === undefined) rowProblems.teamId = { code: 'sheet.unknownValue', params: { value: text('team') } };
    const projectId = text('project') ? projectByName.get(text('project')) : null;
    if (projectId === undefined) rowProblems.projectId = { code: 'sheet.unknownValue', params: { value: text('project') } };
    const dateOf = (key: string) => cells[key]?.date ?? (text(key) || null);
    const days = text('serviceDays');
    const parsed = expertInput.safeParse({
      name: text('name'), kind: kind ?? 'doctor', field: text('field'), affiliation: text('affiliation'), teamId: teamId ?? null, projectId: projectId ?? null,
      engagementTerms: text('engagementTerms'), engagedFrom: dateOf('engagedFrom') ?? '', engagedTo: dateOf('engagedTo'),
      serviceDays: days === '' ? 0 : Number(days), outputs: text('outputs'),
    });
    if (!parsed.success) Object.assign(rowProblems, { ...problemsOfIssues(parsed.error.issues), ...rowProblems });
    for (const [field, problem] of Object.entries(rowProblems)) problems[`rows.${row - 1}.${field}`] = problem;
    if (parsed.success && Object.keys(rowProblems).length === 0) inputs.push({ row, input: parsed.data });
  }
  const referenceProblems = await expertProblems(db, inputs.map((entry) => entry.input));
  referenceProblems.forEach((rowProblems, index) => {
    for (const [field, problem] of Object.entries(rowProblems)) problems[`rows.${inputs[index].row - 1}.${field}`] = problem;
  });
  const invalidRows = new Set(Object.keys(problems).map((key) => key.split('.')[1])).size;
  if (invalidRows) throw new AppError(400, 'spreadsheetInvalidRows', { invalid: invalidRows }, problems);
  return db.transaction(async (tx) => {
    const created = await storeExperts(tx, actor, inputs.map((entry) => entry.input), 'import');
    await recordAudit(tx, actor, { action: 'expert.import', targetType: 'expert', changes: { created } });
    return { created };
  });
}
