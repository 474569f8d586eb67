import { z } from 'zod';
import { arrivalRoutes, educationLevels, genders, politicalStatuses, salaryBands, talentStatuses, titleLevels } from '../../../domain/dictionaries';
import { talentInput, talentUpdateInput } from '../../../domain/talent';
import { pageQuery, pageSchema } from '../../http/pagination';
import { searchListLimits, talentSorts } from './talents.repo';
import { verifiableFields } from './talents.service';

export const talentListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  lookupReason: z.string().trim().min(2).max(200).optional().describe('why, when `q` is a full ID number or phone (an exact look-up: office only, audited)'),
  industry: z.string().trim().max(40).optional(),
  education: z.enum(educationLevels).optional(),
  title: z.enum(titleLevels).optional(),
  tier: z.string().trim().max(8).optional(),
  status: z.enum(talentStatuses).optional(),
  employer: z.uuid().optional(),
  arrivalRoute: z.enum(arrivalRoutes).optional(),
  tag: z.string().trim().max(20).optional(),
  arrivedFrom: z.iso.date().optional().describe('arrived on or after this date (the dashboard’s figures link here)'),
  arrivedTo: z.iso.date().optional().describe('arrived on or before this date'),
  statusFrom: z.iso.date().optional().describe('in the current status since this date or later (with status=left: who left in a period)'),
  statusTo: z.iso.date().optional().describe('in the current status since this date or earlier'),
  sort: z.enum(talentSorts).optional(),
});

export const createTalentBody = talentInput.and(z.object({ confirmPossibleDuplicate: z.boolean().optional() }));
/** Fields left out keep their stored values (the ID number and phone are only ever shown masked); null clears. */
export const updateTalentBody = talentUpdateInput.and(
  z.object({ version: z.number().int().min(1), statusSince: z.iso.date().optional().nullable(), statusNote: z.string().trim().max(200).optional().nullable() }),
);

const named = z.object({ id: z.uuid(), name: z.string() });

export const talentSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  gender: z.enum(genders),
  birthYear: z.number().int().describe('the birth date only comes with a reveal'),
  idNumber: z.string().describe('masked, the area code only: 140302************'),
  phone: z.string().nullable().describe('masked: 138****5678'),
  highestEducation: z.enum(educationLevels).nullable(),
  highestTitle: z.enum(titleLevels).nullable(),
  employer: named.nullable(),
  employerName: z.string().nullable(),
  post: z.string().nullable(),
  industry: z.string().nullable(),
  tier: z.string().nullable(),
  arrivalRoute: z.enum(arrivalRoutes),
  arrivedOn: z.string().nullable(),
  status: z.enum(talentStatuses),
  tags: z.array(z.string()),
  verified: z.boolean(),
  updatedAt: z.iso.datetime(),
});

export const talentDetailSchema = talentSummarySchema.extend({
  ethnicity: z.string().nullable(),
  nativePlace: z.string().nullable(),
  nativePlaceName: z.string().nullable(),
  politicalStatus: z.enum(politicalStatuses).nullable(),
  email: z.string().nullable(),
  salaryBand: z.enum(salaryBands).nullable(),
  statusSince: z.string().nullable(),
  educations: z.array(
    z.object({
      level: z.enum(educationLevels),
      degree: z.string(),
      school: z.string(),
      major: z.string(),
      startYear: z.number().int().nullable(),
      graduationYear: z.number().int(),
      fullTime: z.boolean(),
      overseas: z.boolean(),
    }),
  ),
  titles: z.array(z.object({ level: z.enum(titleLevels), series: z.string(), name: z.string(), year: z.number().int() })),
  certificates: z.array(z.object({ name: z.string(), level: z.number().int(), issuer: z.string(), year: z.number().int() })),
  statusHistory: z.array(z.object({ status: z.enum(talentStatuses), since: z.string(), note: z.string(), recordedBy: z.string().nullable() })),
  verification: z.object({ verifiedAt: z.iso.datetime().nullable(), fields: z.array(z.string()) }),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  permissions: z.object({ edit: z.boolean(), reveal: z.boolean(), verify: z.boolean(), lockedFields: z.array(z.string()) }),
});

export const talentPage = pageSchema(talentSummarySchema).extend({
  totalCapped: z
    .boolean()
    .describe(
      `true: a search with more matches than it reads (${searchListLimits.matchLimit}), or a list filtered by more than one of status, arrival route, ` +
        `industry and education (or by another filter, or scoped to one's own records) with more than that: \`total\` is that limit (shown as more than ` +
        `${searchListLimits.matchLimit}), not an exact count; a search's relevance order is then most recently updated first. Without a search, no filter or ` +
        'one of those four is counted exactly (from the summary tallies)',
    ),
});
export const revealBody = z.object({ reason: z.string().trim().min(2).max(200) });
export const revealResponse = z.object({ idNumber: z.string(), phone: z.string().nullable(), birthDate: z.string() });
export const verifyBody = z.object({ fields: z.array(z.enum(verifiableFields)).min(1).default([...verifiableFields]) });
