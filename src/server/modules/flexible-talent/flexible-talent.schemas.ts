import { z } from 'zod';
import { expertKinds, followUpStatuses, projectStatuses } from '../../../domain/cooperation';
import { pageQuery, pageSchema } from '../../http/pagination';

const reference = z.object({ id: z.uuid(), name: z.string() }).nullable();
const searchText = z.string().trim().max(100).optional();

export const projectListQuery = pageQuery.extend({ q: searchText });
export const projectSchema = z.object({
  id: z.uuid(), name: z.string(), investor: z.string(), industry: z.string(), amount: z.number().int().describe('万元'), status: z.enum(projectStatuses),
  signedOn: z.string().nullable(), description: z.string(), teams: z.number().int(), experts: z.number().int(),
});
export const projectPage = pageSchema(projectSchema);

export const teamListQuery = pageQuery.extend({ q: searchText, projectId: z.uuid().optional() });
export const teamSchema = z.object({
  id: z.uuid(), organisationId: z.uuid(), name: z.string(), industry: z.string().nullable(), leader: reference, project: reference,
  serviceFrom: z.string(), serviceTo: z.string().nullable(), description: z.string(), members: z.number().int(), experts: z.number().int(),
});
export const teamPage = pageSchema(teamSchema);

export const expertSchema = z.object({
  id: z.uuid(), name: z.string(), kind: z.enum(expertKinds), field: z.string(), affiliation: z.string(), talentId: z.uuid().nullable(),
  team: reference, project: reference, engagementTerms: z.string(), engagedFrom: z.string(), engagedTo: z.string().nullable(),
  serviceDays: z.number().int(), outputs: z.string(), version: z.number().int(),
});
export const expertPage = pageSchema(expertSchema);
export const expertListQuery = pageQuery.extend({
  q: searchText, kind: z.enum(expertKinds).optional(), teamId: z.uuid().optional(), projectId: z.uuid().optional(),
});
export const expertExportQuery = expertListQuery.omit({ page: true, pageSize: true });

export const teamDetailSchema = teamSchema.extend({
  memberList: z.array(z.object({ talentId: z.uuid(), name: z.string(), memberRole: z.string(), post: z.string().nullable() })),
  expertList: z.array(expertSchema),
});

export const consultationListQuery = pageQuery.extend({ enterpriseId: z.uuid().optional(), expertId: z.uuid().optional() });
export const consultationSchema = z.object({
  id: z.uuid(), topic: z.string(), enterprise: z.object({ id: z.uuid(), name: z.string() }), heldOn: z.string(),
  experts: z.array(z.object({ id: z.uuid(), name: z.string() })), recommendations: z.string(), followUpStatus: z.enum(followUpStatuses), followUpNote: z.string(),
});
export const consultationPage = pageSchema(consultationSchema);

export const importResultSchema = z.object({ created: z.number().int() });
