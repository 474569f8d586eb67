import { z } from 'zod';
import { talentListQuery } from '../talents/talents.schemas';
import { importKinds } from './imports.columns';

export const kindParam = z.object({ kind: z.enum(importKinds) });

export const uploadQuery = z.object({
  fileName: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((name) => (name ? (name.split(/[\\/]/).pop() ?? name) : 'upload.xlsx')),
});

/** `{ mode }`; all or nothing when left out, the body included. */
export const commitBody = z
  .object({ mode: z.enum(['allOrNothing', 'validOnly']).default('allOrNothing') })
  .nullish()
  .transform((body) => ({ mode: body?.mode ?? 'allOrNothing' }));

const problem = z.object({ row: z.number().int().describe('row number as Excel shows it (0: the file as a whole)'), column: z.string().describe('column header'), message: z.string() });

export const previewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  problems: z.array(problem).describe('at most 1000, by row and column'),
  status: z.literal('previewed'),
});

export const importSchema = z.object({
  id: z.uuid(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  status: z.enum(['previewed', 'running', 'done', 'failed']),
  mode: z.enum(['allOrNothing', 'validOnly']).nullable(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  processed: z.number().int(),
  imported: z.number().int(),
  problems: z.array(problem),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const commitResponse = z.object({ id: z.uuid(), status: z.literal('running') });

export const exportQuery = talentListQuery.omit({ page: true, pageSize: true }).extend({
  reveal: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe('unmasked ID numbers and phones (office only, with a reason)'),
  reason: z.string().trim().min(2).max(200).optional(),
});
