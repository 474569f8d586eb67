import { z } from 'zod';
import {
  arrivalRoutes, chainSegments, degrees, educationLevels, educationRank, enterpriseSizes, ethnicities, genders, politicalStatuses,
  salaryBands, skillLevels, talentStatuses, titleLevels, type EducationLevel, type TitleLevel,
} from './dictionaries';
import { parseCreditCode } from './validators/credit-code';
import { parseIdNumber } from './validators/id-number';
import { parseMobilePhone } from './validators/phone';

/**
 * Talent and enterprise input, shared by the server (request validation) and the web forms (the same
 * checks before sending, the ID number's check character included). Custom issues carry a message code
 * in `params.code`; both sides render it from the bilingual messages.
 */
const custom = (context: z.RefinementCtx, code: string, path: (string | number)[] = []) =>
  context.addIssue({ code: 'custom', message: code, params: { code }, path });

const thisYear = () => new Date().getFullYear();
const year = z.number().int().min(1950).max(2100);
const isoDate = z.iso.date();
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();

export const idNumberField = z.string().transform((value, context) => {
  const result = parseIdNumber(value);
  if (!result.ok) {
    custom(context, `idNumber.${result.problem}`);
    return z.NEVER;
  }
  return result.value.idNumber;
});

export const phoneField = z.string().transform((value, context) => {
  const result = parseMobilePhone(value);
  if (!result.ok) {
    custom(context, 'phone.invalid');
    return z.NEVER;
  }
  return result.value;
});

/** A phone that may be left blank: an empty text is no phone (null), as null is. */
const blankablePhoneField = z.string().transform((value, context) => {
  if (value.trim() === '') return null;
  const result = parseMobilePhone(value);
  if (!result.ok) {
    custom(context, 'phone.invalid');
    return z.NEVER;
  }
  return result.value;
});

export const creditCodeField = z.string().transform((value, context) => {
  const result = parseCreditCode(value);
  if (!result.ok) {
    custom(context, `creditCode.${result.problem}`);
    return z.NEVER;
  }
  return result.value;
});

export const educationInput = z
  .object({
    level: z.enum(educationLevels),
    degree: z.enum(degrees).default('none'),
    school: z.string().trim().min(1).max(80),
    major: z.string().trim().max(80).default(''),
    startYear: year.optional().nullable(),
    graduationYear: year,
    fullTime: z.boolean().default(true),
    overseas: z.boolean().default(false),
  })
  .superRefine((education, context) => {
    if (education.startYear && education.startYear > education.graduationYear) custom(context, 'education.yearOrder', ['graduationYear']);
  });

export const titleInput = z.object({
  level: z.enum(titleLevels),
  series: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(60),
  year: year,
});

export const certificateInput = z.object({
  name: z.string().trim().min(1).max(80),
  level: z.number().int().min(skillLevels[0]).max(skillLevels[skillLevels.length - 1]),
  issuer: z.string().trim().max(80).default(''),
  year: year,
});

/**
 * The fields of a talent without defaults: `talentInput` adds the defaults of a new record, `talentUpdateInput` makes
 * every field optional (a field left out of an update keeps its stored value).
 */
const talentShape = {
  name: z.string().trim().min(1).max(40),
  idNumber: idNumberField,
  gender: z.enum(genders).optional().nullable(),
  birthDate: isoDate.optional().nullable(),
  ethnicity: z.enum(ethnicities).optional().nullable(),
  nativePlace: z.string().regex(/^\d{6}$/).optional().nullable(),
  politicalStatus: z.enum(politicalStatuses).optional().nullable(),
  phone: blankablePhoneField.optional().nullable(),
  email: z.email().max(120).optional().nullable(),
  educations: z.array(educationInput).max(10),
  titles: z.array(titleInput).max(10),
  certificates: z.array(certificateInput).max(20),
  employerId: z.uuid().optional().nullable(),
  employerName: optionalText(120),
  post: optionalText(60),
  industry: z.string().trim().max(40).optional().nullable(),
  salaryBand: z.enum(salaryBands).optional().nullable(),
  arrivalRoute: z.enum(arrivalRoutes),
  arrivedOn: isoDate.optional().nullable(),
  tier: z.string().trim().max(8).optional().nullable(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20),
  status: z.enum(talentStatuses),
};

type TalentChecked = {
  idNumber?: string;
  gender?: string | null;
  birthDate?: string | null;
  employerId?: string | null;
  employerName?: string | null;
  arrivedOn?: string | null;
  educations?: { graduationYear: number }[];
};

/** The checks across fields, for a whole record and for the fields an update sends. */
function checkTalent(talent: TalentChecked, context: z.RefinementCtx) {
  const facts = talent.idNumber === undefined ? null : parseIdNumber(talent.idNumber);
  if (facts?.ok) {
    // Birth date and gender come from the ID number; an entered value that disagrees names both fields.
    if (talent.gender && talent.gender !== facts.value.gender) {
      custom(context, 'idNumber.genderMismatch', ['gender']);
      custom(context, 'idNumber.genderMismatch', ['idNumber']);
    }
    if (talent.birthDate && talent.birthDate !== facts.value.birthDate) {
      custom(context, 'idNumber.birthDateMismatch', ['birthDate']);
      custom(context, 'idNumber.birthDateMismatch', ['idNumber']);
    }
  }
  if (talent.employerId && talent.employerName) custom(context, 'employer.both', ['employerName']);
  // today in the zone (Beijing, UTC+8): an arrival dated today there is not in the future while UTC is still on yesterday
  if (talent.arrivedOn && talent.arrivedOn > new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)) custom(context, 'date.future', ['arrivedOn']);
  for (const [index, education] of (talent.educations ?? []).entries()) {
    if (education.graduationYear > thisYear() + 6) custom(context, 'date.future', ['educations', index, 'graduationYear']);
  }
}

export const talentInput = z
  .object({
    ...talentShape,
    educations: talentShape.educations.default([]),
    titles: talentShape.titles.default([]),
    certificates: talentShape.certificates.default([]),
    tags: talentShape.tags.default([]),
    status: talentShape.status.default('inZone'),
  })
  .superRefine(checkTalent);

/**
 * An update of a talent: every field optional. A field left out keeps its stored value — the client sees the ID number
 * and phone masked only, so it leaves them out unless it replaces them; null (or an empty text for the phone) clears an
 * optional field. The employer is one choice: sending either employerId or employerName sets both (the other empty).
 */
export const talentUpdateInput = z.object(talentShape).partial().superRefine(checkTalent);
export type TalentUpdateInput = z.infer<typeof talentUpdateInput>;
export type TalentInput = z.infer<typeof talentInput>;

/**
 * The full ID number or mobile number a search text is, if it is one. Such a search is an exact look-up: it confirms a
 * guessed number, so it is the office's only, with a reason (the web asks for it; the server audits and limits it).
 */
export function exactNumberOf(q: string | undefined | null): { kind: 'idNumber' | 'phone'; value: string } | null {
  const text = q?.trim();
  if (!text) return null;
  const identity = parseIdNumber(text);
  if (identity.ok) return { kind: 'idNumber', value: identity.value.idNumber };
  const phone = /^[+\d\s-]{11,}$/.test(text) ? parseMobilePhone(text) : null;
  return phone?.ok ? { kind: 'phone', value: phone.value } : null;
}

/** The highest education of a list of records, or null. */
export function highestEducation(educations: readonly { level: EducationLevel }[]): EducationLevel | null {
  return educations.reduce<EducationLevel | null>((best, education) => (best === null || educationRank(education.level) < educationRank(best) ? education.level : best), null);
}

export function highestTitle(titles: readonly { level: TitleLevel }[]): TitleLevel | null {
  return titles.reduce<TitleLevel | null>((best, title) => (best === null || titleLevels.indexOf(title.level) > titleLevels.indexOf(best) ? title.level : best), null);
}

const enterpriseShape = {
  name: z.string().trim().min(1).max(120),
  creditCode: creditCodeField,
  industry: z.string().trim().min(1).max(40),
  chainSegment: z.enum(chainSegments).optional().nullable(),
  parkId: z.uuid().optional().nullable(),
  size: z.enum(enterpriseSizes).optional().nullable(),
  foundedOn: isoDate.optional().nullable(),
  address: optionalText(200),
  contactName: optionalText(40),
  contactPhone: blankablePhoneField.optional().nullable(),
  description: z.string().trim().max(2000),
};

export const enterpriseInput = z.object({ ...enterpriseShape, description: enterpriseShape.description.default('') });
/** An update of an enterprise: a field left out keeps its stored value (the contact phone is shown masked only). */
export const enterpriseUpdateInput = z.object(enterpriseShape).partial();
export type EnterpriseUpdateInput = z.infer<typeof enterpriseUpdateInput>;
export type EnterpriseInput = z.infer<typeof enterpriseInput>;
