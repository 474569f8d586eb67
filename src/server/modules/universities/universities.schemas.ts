import { z } from 'zod';
import { cooperationKinds, cooperationStatuses, internEvaluations, transferStages } from '../../../domain/cooperation';
import { pageQuery, pageSchema } from '../../http/pagination';

const named = z.object({ id: z.uuid(), name: z.string() });
const searchText = z.string().trim().max(100).optional();

export const universityListQuery = pageQuery.extend({ q: searchText });
export const universitySchema = z.object({
  id: z.uuid(), name: z.string(),
  agreement: z.object({ signedOn: z.string(), scope: z.string(), contacts: z.string(), version: z.number().int() }).nullable(),
  items: z.number().int(), bases: z.number().int(), interns: z.number().int(),
});
export const universityPage = pageSchema(universitySchema);
export const universityDetailSchema = universitySchema.extend({
  itemList: z.array(z.object({
    id: z.uuid(), kind: z.enum(cooperationKinds), title: z.string(), status: z.enum(cooperationStatuses), startedOn: z.string().nullable(), enterprise: named.nullable(),
  })),
});

export const baseListQuery = pageQuery.extend({ universityId: z.uuid().optional() });
export const baseSchema = z.object({
  id: z.uuid(), enterprise: named, university: named, establishedOn: z.string(), capacity: z.number().int(), interns: z.number().int(), hired: z.number().int(),
});
export const basePage = pageSchema(baseSchema);

export const internshipListQuery = pageQuery.extend({
  q: searchText, baseId: z.uuid().optional(), universityId: z.uuid().optional(), enterpriseId: z.uuid().optional(),
  converted: z.enum(['true', 'false']).optional().transform((value) => (value === undefined ? undefined : value === 'true')),
});
export const internshipExportQuery = internshipListQuery.omit({ page: true, pageSize: true });
export const internshipSchema = z.object({
  id: z.uuid(), baseId: z.uuid(), enterprise: named, university: named, studentName: z.string(), major: z.string(), periodFrom: z.string(), periodTo: z.string(),
  mentor: z.string(), evaluation: z.enum(internEvaluations).nullable(), evaluationNote: z.string(),
  hired: z.object({ talentId: z.uuid(), name: z.string(), hiredOn: z.string().nullable() }).nullable(), version: z.number().int(),
});
export const internshipPage = pageSchema(internshipSchema);

export const transferListQuery = pageQuery.extend({ q: searchText, stage: z.enum(transferStages).optional(), sourceId: z.uuid().optional() });
export const transferSchema = z.object({
  id: z.uuid(), technology: z.string(), source: named, enterprise: named, stage: z.enum(transferStages), investment: z.number().int(), startedOn: z.string(), outputs: z.string(),
});
export const transferPage = pageSchema(transferSchema);
