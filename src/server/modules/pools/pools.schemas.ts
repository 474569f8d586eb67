import { z } from 'zod';
import { educationLevels, titleLevels } from '../../../domain/dictionaries';
import { poolActions, poolDecisions, poolMemberStatuses, poolNominators } from '../../../domain/pools';
import { safeText } from '../../../domain/text';
import { pageQuery, pageSchema } from '../../http/pagination';

const dateTime = z.iso.datetime({ offset: true });
const day = z.iso.date();
const int = z.number().int();
const version = z.number().int().min(1);

const counts = z.object(Object.fromEntries(poolMemberStatuses.map((status) => [status, int])) as Record<(typeof poolMemberStatuses)[number], typeof int>);

export const poolSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  nominators: z.array(z.enum(poolNominators)),
  reviewMonths: int,
  active: z.boolean(),
  sort: int,
  version: int,
  counts: counts.describe('members per status, within what the reader may see'),
  canNominate: z.boolean().describe('whether the reader may nominate into this pool'),
});
export const poolList = z.array(poolSchema);

const poolFields = {
  name: safeText(z.string().trim().min(2).max(40)),
  nameEn: safeText(z.string().trim().min(2).max(80)),
  description: safeText(z.string().trim().max(500)).default(''),
  descriptionEn: safeText(z.string().trim().max(800)).default(''),
  nominators: z.array(z.enum(poolNominators)).min(1).max(poolNominators.length).refine((list) => new Set(list).size === list.length),
  reviewMonths: z.number().int().min(1).max(60),
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(999).default(0),
};
export const poolCreateBody = z.object({ code: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9]{1,39}$/), ...poolFields });
export const poolUpdateBody = z.object({ ...poolFields, version });

export const memberListQuery = pageQuery.extend({
  pool: z.uuid().optional(),
  status: z.enum(poolMemberStatuses).optional(),
  q: z.string().trim().max(40).optional(),
  reviewDue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('only members whose yearly review is due today or earlier'),
});

export const nominateBody = z.object({ poolId: z.uuid(), talentId: z.uuid(), reason: safeText(z.string().trim().min(2).max(1000)) });
export const decisionBody = z.object({
  decision: z.enum(poolDecisions),
  score: z.number().int().min(0).max(100).nullable().optional(),
  opinion: safeText(z.string().trim().max(1000)).default(''),
  version,
});

const name = z.object({ name: z.string(), nameEn: z.string() });
export const memberItem = z.object({
  id: z.uuid(),
  pool: name.extend({ id: z.uuid() }),
  talent: z.object({
    id: z.uuid(),
    name: z.string(),
    employerName: z.string().nullable(),
    highestEducation: z.enum(educationLevels).nullable(),
    highestTitle: z.enum(titleLevels).nullable(),
    tierName: z.string().nullable(),
    tierNameEn: z.string().nullable(),
  }),
  status: z.enum(poolMemberStatuses),
  nominator: z.object({ kind: z.enum(poolNominators), unitName: z.string().nullable(), unitNameEn: z.string().nullable(), userName: z.string() }),
  nominatedAt: dateTime,
  score: int.nullable(),
  enteredOn: day.nullable(),
  nextReviewOn: day.nullable(),
  leftOn: day.nullable(),
  version: int,
});
export const memberPage = pageSchema(memberItem);
export const memberSchema = memberItem.extend({
  reason: z.string(),
  opinion: z.string().nullable(),
  lastReviewedOn: day.nullable(),
  history: z.array(
    z.object({
      action: z.enum(poolActions),
      fromStatus: z.enum(poolMemberStatuses).nullable(),
      toStatus: z.enum(poolMemberStatuses),
      score: int.nullable(),
      note: z.string(),
      actor: z.string().nullable(),
      at: dateTime,
    }),
  ),
  decisions: z.array(z.enum(poolDecisions)).describe('what the reader may do now'),
});
