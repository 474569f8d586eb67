import { pageQuery } from '../../http/pagination';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { listAudit } from '../audit/audit.service';
import { auditPage } from '../audit/audit.routes';
import { createTalent, revealTalent, searchTalents, talentDetail, updateTalent, verifyTalent } from './talents.service';
import { createTalentBody, revealBody, revealResponse, talentDetailSchema, talentListQuery, talentPage, updateTalentBody, verifyBody } from './talents.schemas';

const tags = ['talents'];

export async function talentsRoutes(app: App) {
  app.get(
    '/api/talents',
    {
      config: { access: 'talents.read' },
      schema: {
        tags,
        summary:
          'Search and filter the talent registry (人才库); Chinese full text, pinyin initials; an exact full ID number or phone is the office’s only, ' +
          'with `lookupReason`, audited and limited to 20 an hour per user (then 429 with Retry-After)',
        querystring: talentListQuery,
        response: { 200: talentPage, ...errorResponses, 429: errorSchema },
      },
    },
    async (request) => searchTalents(app.db, app.secrets, request.actor, request.session!.user, request.query),
  );

  app.post(
    '/api/talents',
    {
      config: { access: 'talents.create' },
      schema: { tags, summary: 'Register a talent', body: createTalentBody, response: { 201: talentDetailSchema, ...errorResponses, 409: errorSchema } },
    },
    async (request, reply) => {
      const { confirmPossibleDuplicate, ...input } = request.body;
      return reply.status(201).send(await createTalent(app.db, app.secrets, request.actor, request.session!.user, input, { confirmPossibleDuplicate }));
    },
  );

  app.get(
    '/api/talents/:id',
    { config: { access: 'talents.read' }, schema: { tags, summary: 'One talent (personal data masked)', params: uuidParam, response: { 200: talentDetailSchema, ...errorResponses } } },
    async (request) => talentDetail(app.db, app.secrets, request.session!.user, request.params.id),
  );

  app.put(
    '/api/talents/:id',
    {
      config: { access: 'talents.write' },
      schema: { tags, summary: 'Update a talent (send the version read; 409 when someone else saved first)', params: uuidParam, body: updateTalentBody, response: { 200: talentDetailSchema, ...errorResponses, 409: errorSchema } },
    },
    async (request) => updateTalent(app.db, app.secrets, request.actor, request.session!.user, request.params.id, request.body),
  );

  app.post(
    '/api/talents/:id/reveal',
    {
      config: { access: 'talents.reveal' },
      schema: { tags, summary: 'Show the unmasked ID number, phone and birth date, with a reason (audited)', params: uuidParam, body: revealBody, response: { 200: revealResponse, ...errorResponses } },
    },
    async (request) => revealTalent(app.db, app.secrets, request.actor, request.session!.user, request.params.id, request.body.reason),
  );

  app.post(
    '/api/talents/:id/verify',
    {
      config: { access: 'talents.verify' },
      schema: { tags, summary: 'Mark fields as verified by the talent office', params: uuidParam, body: verifyBody, response: { 200: talentDetailSchema, ...errorResponses } },
    },
    async (request) => verifyTalent(app.db, app.secrets, request.actor, request.session!.user, request.params.id, request.body.fields),
  );

  app.get(
    '/api/talents/:id/audit',
    {
      config: { access: 'talents.auditTrail' },
      schema: { tags, summary: 'The audit trail of one talent', params: uuidParam, querystring: pageQuery, response: { 200: auditPage, ...errorResponses } },
    },
    async (request) => {
      await talentDetail(app.db, app.secrets, request.session!.user, request.params.id); // 404 outside the user's scope
      const page = await listAudit(app.db, { ...request.query, targetType: 'talent', targetId: request.params.id });
      return { items: page.items.map((entry) => ({ ...entry, at: entry.at.toISOString() })), total: page.total };
    },
  );
}
