import type { TalentListInput } from '../talents/talents.service';
import { educationLabels, titleLabels } from '../../../domain/dictionaries';
import { exactNumberOf } from '../../../domain/talent';
import { birthYearOf } from '../../../domain/validators/id-number';
import type { Db } from '../../db/client';
import { forbidden, invalid } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import type { Secrets } from '../../security/secrets';
import { recordAudit } from '../audit/audit.service';
import { listIndustries, listTiers } from '../reference/reference.repo';
import { canReveal, talentReadScope } from '../talents/talents.policies';
import type { TalentRow } from '../talents/talents.repo';
import { authorizeExactLookup, maskedNumber, searchFilter, shownIdNumber } from '../talents/talents.service';
import { arrivalRouteLabels, genderLabels, talentStatusLabels } from './imports.labels';
import { streamedWorkbook } from './imports.workbook';
import { exportedTalents } from './talent-export.repo';

export type TalentExportInput = Omit<TalentListInput, 'page' | 'pageSize'> & { reveal?: boolean; reason?: string; lookupReason?: string };

/**
 * The export's columns: the template's names where they mean the same, so an unmasked export can be imported elsewhere.
 * A masked export carries the birth year (出生年份) where an unmasked one carries the birth date.
 */
const exportColumns = (reveal: boolean) => [
  { header: '姓名', width: 12 },
  { header: '性别', width: 6 },
  reveal ? { header: '出生日期', width: 12 } : { header: '出生年份', width: 10 },
  { header: '身份证号码', width: 22, text: true },
  { header: '手机号码', width: 15, text: true },
  { header: '最高学历', width: 12 },
  { header: '最高职称', width: 10 },
  { header: '工作单位', width: 26 },
  { header: '区外单位', width: 22 },
  { header: '岗位', width: 14 },
  { header: '行业', width: 14 },
  { header: '人才类别', width: 16 },
  { header: '引进方式', width: 12 },
  { header: '来区日期', width: 12 },
  { header: '状态', width: 10 },
  { header: '标签', width: 18 },
  { header: '已核验', width: 8 },
];

/** A search for an exact ID number or phone is itself personal data: the audit keeps it masked. */
function auditedSearch(q: string | undefined) {
  const text = q?.trim();
  if (!text) return undefined;
  const exact = exactNumberOf(text);
  return exact ? maskedNumber(exact) : text;
}

/**
 * The filtered talent list (the filters of GET /api/talents) within the user's scope as a workbook. ID numbers and
 * phones are masked unless a user who may reveal asks for it with a reason. Audited with the filters and row count.
 */
export async function exportTalents(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, input: TalentExportInput) {
  const { reveal = false, reason, sort, q, lookupReason, ...filters } = input;
  if (reveal && !canReveal(user)) throw forbidden();
  if (reveal && !reason) throw invalid({ reason: { code: 'required' } });
  // a search by full number is an exact look-up, under the list's rule (office only, reason, audited, limited)
  await authorizeExactLookup(db, actor, user, q, lookupReason);
  const [industries, tiers] = await Promise.all([listIndustries(db), listTiers(db)]);
  const industryName = new Map(industries.map((industry) => [industry.code, industry.name]));
  const tierName = new Map(tiers.map((tier) => [tier.code, tier.name]));
  const search = searchFilter(q, secrets);
  const valuesOf = ({ talent, employer }: { talent: TalentRow; employer: string | null }) => [
    talent.name,
    genderLabels[talent.gender],
    reveal ? talent.birthDate : birthYearOf(talent.birthDate),
    reveal ? secrets.decrypt(talent.idNumberCipher) : shownIdNumber(talent, secrets),
    reveal ? (talent.phoneCipher ? secrets.decrypt(talent.phoneCipher) : '') : (talent.phoneMasked ?? ''),
    talent.highestEducation ? educationLabels[talent.highestEducation] : '',
    talent.highestTitle ? titleLabels[talent.highestTitle] : '',
    talent.employerId ? (employer ?? '') : '',
    talent.employerName ?? '',
    talent.post ?? '',
    talent.industry ? (industryName.get(talent.industry) ?? talent.industry) : '',
    talent.tier ? (tierName.get(talent.tier) ?? talent.tier) : '',
    arrivalRouteLabels[talent.arrivalRoute],
    talent.arrivedOn ?? '',
    talentStatusLabels[talent.status],
    talent.tags.join(','),
    talent.verifiedAt ? '是' : '否',
  ];
  async function* rows() {
    for await (const batch of exportedTalents(db, { ...filters, search }, talentReadScope(user), sort ?? (search ? 'relevance' : '-updatedAt'))) yield batch.map(valuesOf);
  }
  const { bytes, count } = await streamedWorkbook('人才名单', exportColumns(reveal), rows());
  await db.transaction(async (tx) => {
    await recordAudit(tx, actor, {
      action: 'talent.export',
      targetType: 'talent',
      changes: { filters: { q: auditedSearch(q), ...filters, sort }, rows: count, unmasked: reveal },
      detail: reveal ? reason : undefined,
    });
  });
  const stamp = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return { bytes, count, fileName: `人才名单-${stamp}.xlsx`, asciiName: `talents-${stamp}.xlsx` };
}
