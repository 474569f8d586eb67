import { z } from 'zod';
import {
  applicantStates, appraisalInput, appraisalOutcomes, campaignInput, campaignPostInput, campaignStages, campaignTypes, demandStatuses, executiveStatuses, executiveTermInput,
} from '../../../domain/demands';
import { degrees, educationLevels, genders } from '../../../domain/dictionaries';
import { idNumberField, phoneField } from '../../../domain/talent';
import { safeText } from '../../../domain/text';
import { pageQuery, pageSchema } from '../../http/pagination';

const named = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
const version = z.number().int().min(1);
const isoDate = z.iso.date();

export const campaignBody = campaignInput;
export const postBody = campaignPostInput;
export const campaignListQuery = pageQuery.extend({ type: z.enum(campaignTypes).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

const planLine = z.object({ discipline: named, planned: z.number().int(), hired: z.number().int() });

export const campaignItem = z.object({
  id: z.uuid(),
  type: z.enum(campaignTypes),
  name: z.string(),
  year: z.number().int(),
  stages: z.array(z.enum(campaignStages)),
  planned: z.number().int(),
  hired: z.number().int(),
  applicants: z.number().int(),
  createdAt: z.iso.datetime(),
});
export const campaignPage = pageSchema(campaignItem);

export const campaignSchema = campaignItem.extend({
  plan: z.array(planLine).describe('plan against hires by discipline (a discipline hired outside the plan shows planned 0)'),
  stageCounts: z.array(z.object({ stage: z.enum(campaignStages), inProgress: z.number().int(), failed: z.number().int() })),
  posts: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      discipline: named,
      headcount: z.number().int(),
      applicants: z.number().int(),
      hired: z.number().int(),
      enterprise: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      demand: z.object({ id: z.uuid(), post: z.string(), status: z.enum(demandStatuses) }).nullable(),
    }),
  ),
  version: z.number().int(),
});

export const applicantBody = z.object({
  postId: z.uuid(),
  name: safeText(z.string().trim().min(1).max(40)),
  idNumber: idNumberField,
  phone: phoneField.nullable().default(null),
  education: z.enum(educationLevels),
  degree: z.enum(degrees).default('none'),
  school: safeText(z.string().trim().min(1).max(80)),
  major: safeText(z.string().trim().max(80)).default(''),
  graduationYear: z.number().int().min(1950).max(2100),
});

export const applicantListQuery = pageQuery.extend({ state: z.enum(applicantStates).optional(), postId: z.uuid().optional() });

export const applicantSchema = z.object({
  id: z.uuid(),
  number: z.number().int().describe('报名号, the key of the score sheet'),
  name: z.string(),
  gender: z.enum(genders),
  birthYear: z.number().int(),
  idNumber: z.string().describe('masked, the area code only'),
  phone: z.string().nullable().describe('masked'),
  education: z.enum(educationLevels),
  school: z.string(),
  major: z.string(),
  graduationYear: z.number().int(),
  post: z.object({ id: z.uuid(), title: z.string() }),
  state: z.enum(applicantStates),
  stage: z.enum(campaignStages).nullable().describe('the stage the applicant is in (inProgress), or stopped at'),
  results: z.array(z.object({ stage: z.enum(campaignStages), passed: z.boolean(), score: z.number().nullable(), at: z.string() })),
  talentId: z.uuid().nullable(),
  hiredOn: z.string().nullable(),
  version: z.number().int(),
});
export const applicantPage = pageSchema(applicantSchema);

export const applicantParams = z.object({ id: z.uuid(), applicantId: z.uuid() });
export const postParams = z.object({ id: z.uuid(), postId: z.uuid() });
export const withdrawBody = z.object({ version });
export const resultBody = z.object({ stage: z.enum(campaignStages), passed: z.boolean(), score: z.number().min(0).max(100).nullable().default(null), version });
export const hireBody = z.object({ hiredOn: isoDate, term: executiveTermInput.nullable().default(null), version });
export const hireResult = z.object({ applicant: applicantSchema, talentId: z.uuid(), talentCreated: z.boolean().describe('false: an existing talent (same ID number) was updated'), executiveId: z.uuid().nullable() });

export const scoreTemplateQuery = z.object({ stage: z.enum(campaignStages).optional() });
export const scoreUploadQuery = z.object({ preview: z.enum(['true', 'false']).default('false').describe('true: check the sheet and answer what would be written, writing nothing') });
export const scoreImportResult = z.object({ preview: z.boolean(), updated: z.number().int(), passed: z.number().int(), failed: z.number().int() });

export const applicantImportResult = z.object({
  preview: z.boolean(),
  created: z.number().int(),
  rows: z.array(z.object({
    row: z.number().int().describe('the sheet row'),
    name: z.string(),
    idNumber: z.string().describe('masked, the area code only'),
    education: z.enum(educationLevels),
    school: z.string(),
    major: z.string(),
    graduationYear: z.number().int(),
    post: z.object({ id: z.uuid(), title: z.string() }),
  })).describe('the applicants registered (or, with ?preview=true, that would be)'),
});
export const applicantExportQuery = z.object({
  reveal: z.enum(['true', 'false']).optional().transform((value) => value === 'true').describe('unmasked ID numbers and phones (office only, with a reason)'),
  reason: z.string().trim().min(2).max(200).optional(),
});

export const executiveListQuery = pageQuery.extend({ status: z.enum(executiveStatuses).optional() });
const appraisalSchema = z.object({
  id: z.uuid(), cycle: z.string(), targets: z.string(), score: z.number(), outcome: z.enum(appraisalOutcomes), newSalary: z.number().int().nullable(), newTermEnd: z.string().nullable(), at: z.iso.datetime(),
});
export const executiveItem = z.object({
  id: z.uuid(),
  talent: z.object({ id: z.uuid(), name: z.string() }),
  enterprise: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  post: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  agreementSalary: z.number().int(),
  status: z.enum(executiveStatuses),
  remindedFor: z.string().nullable().describe('the term end the office and the enterprise were reminded of (termReminderDays ahead)'),
  version: z.number().int(),
});
export const executivePage = pageSchema(executiveItem);
export const executiveSchema = executiveItem.extend({ appraisals: z.array(appraisalSchema) });
export const appraisalBody = appraisalInput;
