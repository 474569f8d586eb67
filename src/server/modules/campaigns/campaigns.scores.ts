/**
 * Score entry in bulk (成绩批量录入): the office downloads a sheet of the applicants in progress (报名号, 姓名, 岗位, the
 * stage they are in), fills 成绩 and 是否通过, and uploads it. Every row is checked first — a problem is named by its
 * cell (E7: 应为 0–100 的成绩) — and only a sheet without problems is written, all rows in one transaction (all or
 * nothing), as the stage results the API records one by one. The sheet carries the 报名号, never an ID number.
 */
import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { campaignStages, scoredStages, stageLabels, type CampaignStage } from '../../../domain/demands';
import { hasUnsafeCharacters } from '../../../domain/text';
import type { Db, Executor } from '../../db/client';
import { AppError, notFound, type FieldProblem } from '../../errors';
import type { Actor } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { cellOf, type Cell } from '../imports/imports.workbook';
import { checkWorkbookSize } from '../imports/zip-limits';
import { applicantsAtStage, findCampaign, lockApplicants, lockCampaign } from './campaigns.repo';
import { applyStageResult } from './campaigns.service';

const loadExcel = async () => (await import('exceljs')).default;

export const scoreColumns = [
  { key: 'number', header: '报名号', width: 10 },
  { key: 'name', header: '姓名', width: 12 },
  { key: 'post', header: '岗位', width: 24 },
  { key: 'stage', header: '环节', width: 12 },
  { key: 'score', header: '成绩', width: 10 },
  { key: 'passed', header: '是否通过', width: 12 },
] as const;
type ScoreKey = (typeof scoreColumns)[number]['key'];
const sheetName = '成绩录入';
export const maxScoreRows = 5000;
/** At most this many cell problems are answered (the count says how many rows failed). */
const maxProblems = 200;

/** The template: the applicants in progress (at `stage`, or every stage), their current stage filled in. */
export async function scoreTemplate(executor: Executor, campaignId: string, stage?: CampaignStage) {
  const campaign = await findCampaign(executor, campaignId);
  if (!campaign) throw notFound();
  const stageIndex = stage ? campaign.stages.indexOf(stage) : null;
  const rows = stageIndex === -1 ? [] : await applicantsAtStage(executor, campaignId, stageIndex);
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'TalentZone';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = scoreColumns.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const { applicant, postTitle } of rows) {
    const current = campaign.stages[applicant.stageIndex];
    if (current === 'offer') continue;
    sheet.addRow({ number: applicant.number, name: applicant.name, post: postTitle, stage: stageLabels[current]['zh-CN'], score: null, passed: '' });
  }
  const guide = workbook.addWorksheet('填写说明');
  guide.getColumn(1).width = 100;
  [
    `${campaign.name}：成绩批量录入`,
    '1. 每行一名报名人员，报名号、环节请勿修改；环节为该人员当前所处环节。',
    `2. ${scoredStages.map((code) => stageLabels[code]['zh-CN']).join('、')}须填写 0–100 的成绩；其他环节成绩可不填。`,
    '3. 是否通过填“通过”或“不通过”：通过者进入下一环节，不通过者止于该环节。',
    '4. 上传后逐行检查，问题按单元格列出（如 E7）；有任何问题时不写入任何成绩。录用请在系统中逐人办理。',
  ].forEach((line, index) => (guide.getCell(index + 1, 1).value = line));
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: `${campaign.name}-成绩录入.xlsx` };
}

type ScoreRow = { row: number; cells: Partial<Record<ScoreKey, Cell & { ref: string }>> };

const looksLikeXlsx = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

async function readScoreRows(bytes: Buffer): Promise<ScoreRow[]> {
  if (!looksLikeXlsx(bytes)) throw new AppError(400, 'importFile');
  checkWorkbookSize(bytes);
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'importFile');
  }
  let found: { sheet: ExcelJS.Worksheet; header: Map<number, ScoreKey> } | null = null;
  for (const sheet of workbook.worksheets) {
    const header = new Map<number, ScoreKey>();
    (sheet.getRow(1).values as unknown[]).forEach((value, index) => {
      const column = scoreColumns.find((candidate) => candidate.header === cellOf(value).text.replace(/\s/g, ''));
      if (column) header.set(index, column.key);
    });
    if ([...header.values()].includes('number')) {
      found = { sheet, header };
      break;
    }
  }
  const required: ScoreKey[] = ['number', 'stage', 'score', 'passed'];
  const present = new Set(found?.header.values() ?? []);
  const missing = scoreColumns.filter((column) => required.includes(column.key) && !present.has(column.key));
  if (missing.length) throw new AppError(400, 'importColumns', { columns: missing.map((column) => column.header).join('、') });
  const rows: ScoreRow[] = [];
  found!.sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: ScoreRow['cells'] = {};
    let empty = true;
    for (const [index, key] of found!.header) {
      const cell = cellOf((row.values as unknown[])[index]);
      if (cell.text !== '') empty = false;
      cells[key] = { ...cell, ref: row.getCell(index).address };
    }
    if (empty) return;
    if (rows.length >= maxScoreRows) throw new AppError(400, 'importTooManyRows', { maximum: maxScoreRows });
    rows.push({ row: number, cells });
  });
  return rows;
}

const passedWords: Record<string, boolean> = { 通过: true, 合格: true, 是: true, passed: true, yes: true, 不通过: false, 不合格: false, 否: false, failed: false, no: false };
const stageOfLabel = (text: string): CampaignStage | undefined =>
  campaignStages.find((stage) => stageLabels[stage]['zh-CN'] === text || stageLabels[stage]['en-US'].toLowerCase() === text.toLowerCase() || stage === text);

/**
 * Checks every row against the campaign's applicants; writes all results, or none and answers each problem by cell.
 * `preview`: the same checks and the same answer (the problems, or what would be written), nothing written.
 */
export async function importScores(db: Db, actor: Actor, campaignId: string, bytes: Buffer, preview = false) {
  const rows = await readScoreRows(bytes);
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (!campaign) throw notFound();
    const applicants = new Map((await lockApplicants(tx, campaignId)).map((applicant) => [applicant.number, applicant]));
    const problems: Record<string, FieldProblem> = {};
    const invalidRows = new Set<number>();
    const seen = new Map<number, number>();
    const checked: { applicant: NonNullable<ReturnType<typeof applicants.get>>; stage: CampaignStage; passed: boolean; score: number | null }[] = [];
    const problem = (row: number, cell: { ref: string } | undefined, fallback: string, value: FieldProblem) => {
      invalidRows.add(row);
      if (Object.keys(problems).length < maxProblems) problems[cell?.ref ?? fallback] = value;
    };
    for (const { row, cells } of rows) {
      const unsafe = Object.values(cells).find((cell) => cell && hasUnsafeCharacters(cell.text));
      if (unsafe) {
        problem(row, unsafe, `A${row}`, { code: 'text.unsafe' });
        continue;
      }
      const numberCell = cells.number;
      const number = numberCell?.number ?? Number(numberCell?.text);
      const applicant = Number.isInteger(number) ? applicants.get(number) : undefined;
      if (!applicant) {
        problem(row, numberCell, `A${row}`, { code: 'campaign.applicantUnknown' });
        continue;
      }
      if (seen.has(number)) {
        problem(row, numberCell, `A${row}`, { code: 'import.duplicateInFile', params: { row: seen.get(number)! } });
        continue;
      }
      seen.set(number, row);
      const current = campaign.stages[applicant.stageIndex];
      const stage = stageOfLabel(cells.stage?.text ?? '');
      if (!stage || !campaign.stages.includes(stage)) problem(row, cells.stage, `D${row}`, { code: 'campaign.stageNotInCampaign' });
      else if (applicant.state !== 'inProgress' || stage !== current || stage === 'offer') problem(row, cells.stage, `D${row}`, { code: 'campaign.notCurrentStage', params: { stage: current ? stageLabels[current]['zh-CN'] : '—' } });
      const scoreCell = cells.score;
      let score: number | null = null;
      if (scoreCell?.text) {
        const value = scoreCell.number ?? Number(scoreCell.text);
        if (!Number.isFinite(value) || value < 0 || value > 100) problem(row, scoreCell, `E${row}`, { code: 'campaign.scoreValue' });
        else score = Math.round(value * 100) / 100;
      } else if (stage && scoredStages.includes(stage)) problem(row, scoreCell, `E${row}`, { code: 'campaign.scoreMissing' });
      const passed = passedWords[(cells.passed?.text ?? '').toLowerCase()];
      if (passed === undefined) problem(row, cells.passed, `F${row}`, { code: 'campaign.passedValue' });
      if (!invalidRows.has(row) && stage) checked.push({ applicant, stage, passed, score });
    }
    if (invalidRows.size) throw new AppError(400, 'scoreImportRows', { invalid: invalidRows.size }, problems);
    if (checked.length === 0) throw new AppError(400, 'importNothingToImport');
    const passedCount = checked.filter((entry) => entry.passed).length;
    if (preview) return { preview: true, updated: checked.length, passed: passedCount, failed: checked.length - passedCount };
    for (const entry of checked) await applyStageResult(tx, campaign, entry.applicant, entry);
    await recordAudit(tx, actor, {
      action: 'campaign.scores', targetType: 'campaign', targetId: campaignId,
      changes: { sha256: createHash('sha256').update(bytes).digest('hex'), rows: checked.length, passed: passedCount, failed: checked.length - passedCount },
    });
    return { preview: false, updated: checked.length, passed: passedCount, failed: checked.length - passedCount };
  });
}
