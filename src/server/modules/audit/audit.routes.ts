import { z } from 'zod';
import { pageQuery, pageSchema } from '../../http/pagination';
import { errorResponses, type App } from '../../http/types';
import { invalid } from '../../errors';
import { listAudit, verifyAuditChain } from './audit.service';

const auditQuery = pageQuery.extend({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().trim().max(60).optional(),
  action: z.string().trim().max(60).optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  targetType: z.string().trim().max(40).optional(),
  targetId: z.string().trim().max(80).optional(),
});

const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  result: z.enum(['success', 'failure', 'denied']),
  detail: z.string().nullable(),
});

export const auditPage = pageSchema(auditEntrySchema);

const chainReportSchema = z.object({
  checked: z.number().int(),
  legacyRows: z.number().int(),
  intact: z.boolean(),
  firstBroken: z
    .object({
      id: z.number().int(),
      seq: z.number().int().nullable(),
      at: z.iso.datetime(),
      action: z.string(),
      actorUsername: z.string().nullable(),
      problem: z.enum(['content', 'link', 'gap', 'unsealed', 'legacy']),
    })
    .nullable(),
  lastSeq: z.number().int().nullable(),
  lastHash: z.string().nullable(),
});

export async function auditRoutes(app: App) {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], summary: 'Browse the audit log (newest first)', querystring: auditQuery, response: { 200: auditPage, ...errorResponses } },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      const range = { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
      if (range.from && range.to && range.from > range.to) throw invalid({ from: { code: 'dateRange.order' } });
      const page = await listAudit(app.db, { ...rest, ...range });
      return { items: page.items.map((entry) => ({ ...entry, at: entry.at.toISOString() })), total: page.total };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the audit log: rows checked and the first broken link',
        response: { 200: chainReportSchema, ...errorResponses },
      },
    },
    async () => {
      const report = await verifyAuditChain(app.db);
      return { ...report, firstBroken: report.firstBroken && { ...report.firstBroken, at: report.firstBroken.at.toISOString() } };
    },
  );
}
