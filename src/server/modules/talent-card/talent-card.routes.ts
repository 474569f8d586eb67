import { z } from 'zod';
import { cardCheckOutcomes, cardPrivilegeKinds } from '../../../domain/talent-card/card';
import { safeText } from '../../../domain/text';
import { pageQuery, pageSchema } from '../../http/pagination';
import { errorResponses, type App } from '../../http/types';
import { checkCardCode, issueAllCards, issueCard, listCardViews, myCard, privilegesByTier, revokeCard, savePrivileges } from './talent-card.service';

const cardSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  talentId: z.uuid(),
  talentName: z.string(),
  tier: z.string(),
  tierName: z.string(),
  tierNameEn: z.string(),
  validUntil: z.iso.date(),
  issuedAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  revokedReason: z.string().nullable(),
  status: z.enum(['active', 'lapsed', 'revoked']),
  version: z.number().int(),
});
const privilegeSchema = z.object({ kind: z.enum(cardPrivilegeKinds), detail: z.string(), detailEn: z.string() });
const tierPrivilegeSchema = privilegeSchema.extend({ tier: z.string() });
const myCardSchema = z.object({
  card: cardSchema,
  privileges: z.array(privilegeSchema),
  checks: z.array(z.object({ outcome: z.enum(cardCheckOutcomes), servicePoint: z.string().nullable(), checkedAt: z.iso.datetime() })),
  code: z
    .object({
      text: z.string(),
      url: z.string(),
      qrCode: z.string().describe('the code as a QR image (PNG data URL) of the check page'),
      expiresAt: z.iso.datetime().describe('when a check stops accepting this code'),
      refreshAt: z.iso.datetime().describe('when the next minute’s code is ready'),
    })
    .nullable()
    .describe('present while the card is active'),
});
const checkSchema = z.object({
  outcome: z.enum(cardCheckOutcomes),
  holder: z.object({ name: z.string(), tierName: z.string(), tierNameEn: z.string() }).nullable().describe('only for a valid code'),
  checkedAt: z.iso.datetime(),
});
const validUntil = z.iso.date();

export async function talentCardRoutes(app: App) {
  app.get(
    '/api/talent-card',
    {
      config: { access: 'talentCard.show' },
      schema: { tags: ['talent card'], summary: 'My talent card (人才卡): tier, validity, privileges, latest checks and this minute’s QR code', response: { 200: myCardSchema, ...errorResponses } },
    },
    async (request) => myCard(app.db, app.secrets, request.session!.user, `${request.protocol}://${request.host}`),
  );

  app.post(
    '/api/talent-card/checks',
    {
      config: { access: 'talentCard.verify' },
      schema: {
        tags: ['talent card'],
        summary: 'Check a card’s code at a service point (绿色通道): valid with name and tier, or expired, revoked, lapsed, invalid',
        body: z.object({ code: z.string().trim().min(1).max(200), servicePoint: safeText(z.string().trim().max(60)).optional() }),
        response: { 200: checkSchema, ...errorResponses },
      },
    },
    async (request) => checkCardCode(app.db, app.secrets, { ...request.actor, userId: request.session!.user.id }, request.body),
  );

  app.get(
    '/api/talent-card/privileges',
    {
      config: { access: 'talentCard.read' },
      schema: { tags: ['talent card'], summary: 'Each tier’s card privileges', response: { 200: z.array(tierPrivilegeSchema), ...errorResponses } },
    },
    async () => privilegesByTier(app.db),
  );

  app.put(
    '/api/talent-card/privileges/:tier',
    {
      config: { access: 'talentCard.manage' },
      schema: {
        tags: ['talent card'],
        summary: 'Set a tier’s card privileges (the whole set)',
        params: z.object({ tier: z.string().min(1).max(20) }),
        body: z.object({
          privileges: z
            .array(z.object({ kind: z.enum(cardPrivilegeKinds), detail: safeText(z.string().trim().min(1).max(200)), detailEn: safeText(z.string().trim().min(1).max(300)) }))
            .max(cardPrivilegeKinds.length),
        }),
        response: { 200: z.array(tierPrivilegeSchema), ...errorResponses },
      },
    },
    async (request) => savePrivileges(app.db, request.actor, request.params.tier, request.body.privileges),
  );

  app.get(
    '/api/talent-cards',
    {
      config: { access: 'talentCard.read' },
      schema: {
        tags: ['talent card'],
        summary: 'The zone’s talent cards, newest first',
        querystring: pageQuery.extend({ status: z.enum(['active', 'lapsed', 'revoked']).optional(), q: safeText(z.string().trim().max(60)).optional() }),
        response: { 200: pageSchema(cardSchema), ...errorResponses },
      },
    },
    async (request) => listCardViews(app.db, request.query),
  );

  app.post(
    '/api/talent-cards',
    {
      config: { access: 'talentCard.manage' },
      schema: {
        tags: ['talent card'],
        summary: 'Issue a card to a talent with a recognised tier (a lapsed card is replaced)',
        body: z.object({ talentId: z.uuid(), validUntil }),
        response: { 201: cardSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await issueCard(app.db, request.actor, request.body)),
  );

  app.post(
    '/api/talent-cards/issue-all',
    {
      config: { access: 'talentCard.manage' },
      schema: {
        tags: ['talent card'],
        summary: 'Issue cards to every in-zone talent with a tier and no current card',
        body: z.object({ validUntil }),
        response: { 200: z.object({ issued: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => issueAllCards(app.db, request.actor, request.body),
  );

  app.post(
    '/api/talent-cards/:id/revoke',
    {
      config: { access: 'talentCard.manage' },
      schema: {
        tags: ['talent card'],
        summary: 'Revoke a card: its codes stop at once',
        params: z.object({ id: z.uuid() }),
        body: z.object({ reason: safeText(z.string().trim().min(1).max(200)), version: z.number().int().min(1) }),
        response: { 200: cardSchema, ...errorResponses },
      },
    },
    async (request) => revokeCard(app.db, request.actor, request.params.id, request.body),
  );
}
