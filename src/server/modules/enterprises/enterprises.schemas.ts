import { z } from 'zod';
import { chainSegments, enterpriseSizes } from '../../../domain/dictionaries';
import { enterpriseUpdateInput } from '../../../domain/talent';
import { pageQuery, pageSchema } from '../../http/pagination';
import { enterpriseSorts } from './enterprises.repo';

export const enterpriseListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional().describe('part of the name, or the start of the credit code'),
  industry: z.string().trim().max(40).optional(),
  chainSegment: z.enum(chainSegments).optional(),
  parkId: z.uuid().optional(),
  sort: z.enum(enterpriseSorts).optional(),
});

/** Fields left out keep their stored values (the contact phone is only ever shown masked); null clears. */
export const updateEnterpriseBody = enterpriseUpdateInput.extend({ version: z.number().int().min(1) });

export const enterpriseSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  industry: z.string().nullable(),
  chainSegment: z.enum(chainSegments).nullable(),
  park: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  size: z.enum(enterpriseSizes).nullable(),
  foundedOn: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable().describe('masked: 138****5678'),
  staff: z.number().int().describe('talents whose employer it is'),
  staffInZone: z.number().int().describe('of those, talents with status inZone'),
});

export const enterpriseDetailSchema = enterpriseSummarySchema.extend({
  description: z.string(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  permissions: z.object({ edit: z.boolean() }),
});

export const enterprisePage = pageSchema(enterpriseSummarySchema);
