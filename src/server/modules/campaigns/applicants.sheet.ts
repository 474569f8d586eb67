/**
 * Applicants by Excel (报名人员批量导入) and the applicant roster (报名人员名单). The office downloads a template whose
 * 报考岗位 column offers the campaign's posts, fills a row per person and uploads it: every row is checked with the
 * API's schema (`applicantBody`) and references — a problem is named by its sheet row and column (`rows.6.idNumber`:
 * 表格行 › #7 › 身份证号码：…) — and only a sheet without problems is written, all rows in one transaction, each row
 * audited as the API's `campaign.apply`. `?preview=true` runs the same checks and answers the rows that would be
 * registered, writing nothing. An ID number that already applied to the campaign (one application per person and
 * campaign) is a row problem, never a second applicant. The roster export masks ID numbers and phones as the talent
 * export does; the office may reveal them with a reason (audited).
 */
import { createHash } from 'node:crypto';
import { campaignStages, stageLabels, applicantStateLabels } from '../../../domain/demands';
import { educationLabels } from '../../../domain/dictionaries';
import { parseIdNumber, birthYearOf, maskIdNumber } from '../../../domain/validators/id-number';
import type { Db, Executor } from '../../db/client';
import { AppError, forbidden, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import type { Secrets } from '../../security/secrets';
import { recordAudit, recordAudits } from '../audit/audit.service';
import type { Column } from '../imports/imports.columns';
import { degreeLabels, genderLabels, reverseLabels } from '../imports/imports.labels';
import { columnsTemplate, readSheetRows, streamedWorkbook } from '../imports/imports.workbook';
import { canReveal } from '../talents/talents.policies';
import { problemsOfIssues } from '../talents/talents.service';
import { allApplicants, appliedHashes, findCampaign, insertApplicants, listPosts, lockCampaign, nextApplicantNumber } from './campaigns.repo';
import { applicantBody } from './campaigns.schemas';
import { applicantValues, type ApplicantInput } from './campaigns.service';

/** The sheet's columns: the applicant record (`applicantBody`), the post by its title. */
export const applicantColumns: Column[] = [
  { key: 'name', header: '姓名', width: 12, required: true },
  { key: 'idNumber', header: '身份证号码', width: 22, required: true, text: true, note: '18 位，最后一位可为 X；请保持文本格式' },
  { key: 'phone', header: '手机号码', width: 15, text: true },
  { key: 'education', header: '学历', width: 12, required: true, choices: 'education' },
  { key: 'degree', header: '学位', width: 8, choices: 'degree', note: '不填为“无”' },
  { key: 'school', header: '毕业院校', width: 22, required: true },
  { key: 'major', header: '专业', width: 18 },
  { key: 'graduationYear', header: '毕业年份', width: 10, required: true, note: '四位年份，如 2026' },
  { key: 'post', header: '报考岗位', width: 24, required: true, choices: 'campaignPost', note: '本次招聘的岗位（见“可选值”）' },
];
const sheetName = '报名人员';
export const maxApplicantRows = 2000;

const educationCodes = reverseLabels(educationLabels);
const degreeCodes = reverseLabels(degreeLabels);

/** The template: the columns, the campaign's posts and the dictionaries as drop-downs, and how to fill it. */
export async function applicantTemplate(executor: Executor, campaignId: string) {
  const campaign = await findCampaign(executor, campaignId);
  if (!campaign) throw notFound();
  const posts = await listPosts(executor, campaignId);
  const bytes = await columnsTemplate({
    sheetName,
    columns: applicantColumns,
    referenceChoices: { campaignPost: posts.map(({ post }) => post.title) },
    guide: [
      `${campaign.name}：报名人员导入说明`,
      `1. 在“${sheetName}”工作表第 2 行起逐行填写，每行一名报名人员；第一行标题请勿修改。红色标题为必填列。`,
      '2. 报考岗位、学历、学位请从下拉框（“可选值”工作表）中选择；身份证号码、手机号码请保持文本格式。',
      '3. 每人每次招聘只能报名一次：同一文件内身份证号码不能重复，已报名本次招聘的身份证号码会被列为问题。',
      '4. 上传后系统逐行检查并列出问题（行号、列名、原因）；有任何问题时不导入任何人员，全部通过后一次导入。',
    ],
  });
  return { bytes, fileName: `${campaign.name}-报名人员导入模板.xlsx` };
}

const field = (row: number, key: string) => `rows.${row - 1}.${key}`;
/** `applicantBody`'s paths as the sheet's columns. */
const columnOfPath = (path: string) => (path === 'postId' ? 'post' : path.split('.')[0]);

/**
 * Checks every row; registers them all (one transaction, one `campaign.apply` audit row each and one
 * `campaign.importApplicants` for the file), or none and answers each problem by row and column. `preview`: the same
 * checks and the rows that would be registered, nothing written.
 */
export async function importApplicants(db: Db, secrets: Secrets, actor: Actor, campaignId: string, bytes: Buffer, preview = false) {
  const rows = await readSheetRows(bytes, applicantColumns, maxApplicantRows);
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (!campaign) throw notFound();
    const postByTitle = new Map((await listPosts(tx, campaignId)).map(({ post }) => [post.title.trim(), post]));
    const problems: Record<string, FieldProblem> = {};
    const invalidRows = new Set<number>();
    const problem = (row: number, key: string, value: FieldProblem) => {
      invalidRows.add(row);
      problems[field(row, key)] ??= value;
    };
    const seen = new Map<string, number>();
    const checked: { row: number; input: ApplicantInput; postTitle: string; identity: { idNumber: string; gender: 'male' | 'female'; birthDate: string }; hash: string }[] = [];
    for (const { row, cells } of rows) {
      const text = (key: string) => cells[key]?.text ?? '';
      // an 18-digit number cell has lost its last digits already
      if (cells.idNumber?.number !== undefined) problem(row, 'idNumber', { code: 'import.numberCell' });
      const post = postByTitle.get(text('post'));
      if (!post && text('post')) problem(row, 'post', { code: 'import.unknownValue', params: { value: text('post') } });
      const education = text('education') ? educationCodes.get(text('education')) : undefined;
      if (text('education') && !education) problem(row, 'education', { code: 'import.unknownValue', params: { value: text('education') } });
      const degree = text('degree') ? degreeCodes.get(text('degree')) : 'none';
      if (!degree) problem(row, 'degree', { code: 'import.unknownValue', params: { value: text('degree') } });
      const yearCell = cells.graduationYear;
      const graduationYear = yearCell?.number ?? (/^\d{4}$/.test(text('graduationYear')) ? Number(text('graduationYear')) : undefined);
      if (text('graduationYear') && graduationYear === undefined) problem(row, 'graduationYear', { code: 'import.invalidYear' });
      // a value already named wrong above keeps that problem (the first of a cell wins)
      const parsed = applicantBody.safeParse(
        { postId: post?.id, name: text('name'), idNumber: text('idNumber'), phone: text('phone') || null, education, degree: degree ?? 'none', school: text('school'), major: text('major'), graduationYear },
        { reportInput: true },
      );
      if (!parsed.success) {
        for (const [path, value] of Object.entries(problemsOfIssues(parsed.error.issues))) problem(row, columnOfPath(path), value);
        continue;
      }
      if (invalidRows.has(row)) continue;
      const identity = parseIdNumber(parsed.data.idNumber);
      if (!identity.ok) {
        problem(row, 'idNumber', { code: `idNumber.${identity.problem}` });
        continue;
      }
      const earlier = seen.get(identity.value.idNumber);
      if (earlier) {
        problem(row, 'idNumber', { code: 'import.duplicateInFile', params: { row: earlier } });
        continue;
      }
      seen.set(identity.value.idNumber, row);
      checked.push({ row, input: parsed.data, postTitle: post!.title, identity: identity.value, hash: secrets.lookupHash(identity.value.idNumber) });
    }
    const applied = await appliedHashes(tx, campaignId, checked.map((entry) => entry.hash));
    for (const entry of checked) if (applied.has(entry.hash)) problem(entry.row, 'idNumber', { code: 'campaign.applicantTwice' });
    if (invalidRows.size) throw new AppError(400, 'spreadsheetInvalidRows', { invalid: invalidRows.size }, problems);
    if (checked.length === 0) throw new AppError(400, 'importNothingToImport');
    const shown = checked.map((entry) => ({
      row: entry.row, name: entry.input.name, idNumber: maskIdNumber(entry.identity.idNumber), education: entry.input.education, school: entry.input.school, major: entry.input.major,
      graduationYear: entry.input.graduationYear, post: { id: entry.input.postId, title: entry.postTitle },
    }));
    if (preview) return { preview: true, created: checked.length, rows: shown };
    const first = await nextApplicantNumber(tx, campaignId);
    const inserted = await insertApplicants(tx, checked.map((entry, index) => applicantValues(secrets, campaignId, first + index, entry.input, entry.identity)));
    await recordAudits(tx, actor, inserted.map((row, index) => ({
      action: 'campaign.apply', targetType: 'campaignApplicant', targetId: row.id, changes: { campaign: campaignId, post: row.postId, ...checked[index].input, sheetRow: checked[index].row },
    })));
    await recordAudit(tx, actor, {
      action: 'campaign.importApplicants', targetType: 'campaign', targetId: campaignId,
      changes: { sha256: createHash('sha256').update(bytes).digest('hex'), rows: inserted.length, numbers: `${first}–${first + inserted.length - 1}` },
    });
    return { preview: false, created: inserted.length, rows: shown };
  });
}

/**
 * The roster (.xlsx): every applicant with their post, state, the stage reached and each stage's result and score. ID
 * numbers and phones masked, the birth year for the birth date, unless the office reveals them with a reason (the
 * talent export's rule, `canReveal`). Audited with the row count and whether it was unmasked.
 */
export async function exportApplicants(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, campaignId: string, input: { reveal?: boolean; reason?: string }) {
  const reveal = input.reveal ?? false;
  if (reveal && !canReveal(user)) throw forbidden();
  if (reveal && !input.reason) throw invalid({ reason: { code: 'required' } });
  const campaign = await findCampaign(db, campaignId);
  if (!campaign) throw notFound();
  const stages = campaignStages.filter((stage) => campaign.stages.includes(stage) && stage !== 'offer');
  const columns = [
    { header: '报名号', width: 8 },
    { header: '姓名', width: 12 },
    { header: '性别', width: 6 },
    reveal ? { header: '出生日期', width: 12 } : { header: '出生年份', width: 10 },
    { header: '身份证号码', width: 22, text: true },
    { header: '手机号码', width: 15, text: true },
    { header: '学历', width: 12 },
    { header: '学位', width: 8 },
    { header: '毕业院校', width: 22 },
    { header: '专业', width: 18 },
    { header: '毕业年份', width: 10 },
    { header: '报考岗位', width: 24 },
    { header: '状态', width: 10 },
    { header: '当前环节', width: 12 },
    ...stages.map((stage) => ({ header: stageLabels[stage]['zh-CN'], width: 12 })),
    { header: '录用日期', width: 12 },
  ];
  const rows = await allApplicants(db, campaignId);
  const values = rows.map(({ applicant, postTitle }) => {
    const current = applicant.state === 'hired' ? 'offer' : campaign.stages[applicant.stageIndex];
    return [
      applicant.number,
      applicant.name,
      genderLabels[applicant.gender],
      reveal ? applicant.birthDate : birthYearOf(applicant.birthDate),
      reveal ? secrets.decrypt(applicant.idNumberCipher) : maskIdNumber(secrets.decrypt(applicant.idNumberCipher)),
      reveal ? (applicant.phoneCipher ? secrets.decrypt(applicant.phoneCipher) : '') : (applicant.phoneMasked ?? ''),
      educationLabels[applicant.education],
      degreeLabels[applicant.degree],
      applicant.school,
      applicant.major,
      applicant.graduationYear,
      postTitle,
      applicantStateLabels[applicant.state]['zh-CN'],
      current ? stageLabels[current]['zh-CN'] : '',
      ...stages.map((stage) => {
        const result = applicant.results[stage];
        if (!result) return '';
        const verdict = result.passed ? '通过' : '不通过';
        return result.score === null ? verdict : `${result.score}（${verdict}）`;
      }),
      applicant.hiredOn ?? '',
    ];
  });
  const { bytes, count } = await streamedWorkbook(sheetName, columns, (async function* () {
    yield values;
  })());
  await db.transaction(async (tx) => {
    await recordAudit(tx, actor, { action: 'campaign.exportApplicants', targetType: 'campaign', targetId: campaignId, changes: { rows: count, unmasked: reveal }, detail: reveal ? input.reason : undefined });
  });
  return { bytes, fileName: `${campaign.name}-报名人员.xlsx` };
}
