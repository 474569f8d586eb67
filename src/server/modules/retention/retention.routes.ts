import { z } from 'zod';
import { applicationStatuses } from '../../../domain/policies/policy';
import {
  contactForms, departureKinds, departureReasons, destinationKinds, flowDimensions, riskSignals, talentEventKinds,
} from '../../../domain/retention';
import { safeText } from '../../../domain/text';
import { pageQuery, pageSchema } from '../../http/pagination';
import { errorResponses, type App } from '../../http/types';
import { recordDeparture, departureDetail, flows, listDepartures } from './departures.service';
import { createPair, endPair, leaders, listPairs, logContact, pairByTier, pairDetail } from './liaison.service';
import { backtest, riskList, routeHighRisk, saveWeights, talentHistory, visitOutcomes, weightsView } from './retention.service';
import { listPairRows, pairScope } from './retention.repo';

const day = z.iso.date();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const riskSchema = z.object({
  score: z.number().int(),
  highRisk: z.boolean(),
  contributions: z.array(z.object({ signal: z.enum(riskSignals), points: z.number().int(), text: z.string(), textEn: z.string() })),
});
const pairSchema = z.object({
  id: z.uuid(),
  talent: z.object({ id: z.uuid(), name: z.string(), employer: z.string().nullable(), post: z.string().nullable(), tier: z.string().nullable(), status: z.string() }),
  leader: z.object({ id: z.uuid(), name: z.string() }),
  basis: z.enum(['tier', 'office']),
  planMonths: z.number().int(),
  pairedOn: day,
  lastContact: day.nullable(),
  nextContact: day,
  overdue: z.boolean(),
  openProblems: z.number().int(),
  risk: riskSchema,
  version: z.number().int(),
});
const taskSchema = riskSchema.extend({ id: z.uuid(), createdOn: day, status: z.enum(['open', 'done']), outcome: z.string().nullable(), assigned: z.boolean() });
const pairDetailSchema = pairSchema.extend({
  contacts: z.array(z.object({
    id: z.uuid(), contactedOn: day, form: z.enum(contactForms), topics: z.string(),
    problems: z.array(z.object({ title: z.string(), caseId: z.uuid(), status: z.enum(applicationStatuses) })),
  })),
  tasks: z.array(taskSchema),
});
const departureSchema = z.object({
  id: z.uuid(),
  talent: z.object({ id: z.uuid(), name: z.string() }),
  employer: z.string().nullable(),
  leftOn: day,
  kind: z.enum(departureKinds),
  destinationRegion: z.string(),
  destinationKind: z.enum(destinationKinds),
  reasons: z.array(z.enum(departureReasons)),
  exitInterview: z.string(),
  recordedAt: z.iso.datetime(),
});
const metrics = z.object({ topDecileCapture: z.number(), precisionAt50: z.number() });
const monthMetrics = z.object({ topDecileCaptured: z.number().int(), topDecileCapture: z.number(), top50Leavers: z.number().int(), precisionAt50: z.number() });
const text = (max: number) => safeText(z.string().trim().max(max));

export async function retentionRoutes(app: App) {
  const actorOf = (request: { actor: Parameters<typeof saveWeights>[1]; session?: { user: { id: string } } | null }) => ({ ...request.actor, userId: request.session!.user.id });

  // ——— pairing and visits ———
  app.get('/api/liaison/pairs', {
    config: { access: 'liaison.read' },
    schema: { tags: ['retention'], summary: '我联系的人才 (a leader’s own pairs) or every pair (the office): card, last and next contact, open problems, risk', response: { 200: z.array(pairSchema), ...errorResponses } },
  }, async (request) => listPairs(app.db, request.session!.user));

  app.get('/api/liaison/pairs/:id', {
    config: { access: 'liaison.read' },
    schema: { tags: ['retention'], summary: 'A pair’s page: contacts, the problems raised and their requests’ status, visit tasks (another leader’s pair: 404)', params: z.object({ id: z.uuid() }), response: { 200: pairDetailSchema, ...errorResponses } },
  }, async (request) => pairDetail(app.db, request.session!.user, request.params.id));

  app.post('/api/liaison/pairs', {
    config: { access: 'liaison.manage' },
    schema: {
      tags: ['retention'], summary: 'Pair a leader with a talent (the office’s choice), with a contact plan',
      body: z.object({ leaderId: z.uuid(), talentId: z.uuid(), planMonths: z.number().int().min(1).max(12).default(3) }),
      response: { 201: pairDetailSchema, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await createPair(app.db, actorOf(request), request.session!.user, request.body)));

  app.post('/api/liaison/pairs/by-tier', {
    config: { access: 'liaison.manage' },
    schema: {
      tags: ['retention'], summary: 'Pair every unpaired talent of the tiers with the leaders, in turn',
      body: z.object({ tiers: z.array(z.string().max(10)).min(1).max(10), leaderIds: z.array(z.uuid()).min(1).max(50), planMonths: z.number().int().min(1).max(12).default(3) }),
      response: { 200: z.object({ paired: z.number().int() }), ...errorResponses },
    },
  }, async (request) => pairByTier(app.db, actorOf(request), request.body));

  app.post('/api/liaison/pairs/:id/end', {
    config: { access: 'liaison.manage' },
    schema: { tags: ['retention'], summary: 'End a pair', params: z.object({ id: z.uuid() }), body: z.object({ version: z.number().int().min(1).max(2_000_000_000) }), response: { 200: z.object({ id: z.uuid(), endedOn: day.nullable() }), ...errorResponses } },
  }, async (request) => endPair(app.db, actorOf(request), request.params.id, request.body.version));

  app.post('/api/liaison/pairs/:id/contacts', {
    config: { access: 'liaison.contact' },
    schema: {
      tags: ['retention'],
      summary: 'Log a visit, symposium, 联谊 or call; each problem raised becomes a service request on the talent’s behalf; an open visit task is closed with the outcome',
      params: z.object({ id: z.uuid() }),
      body: z.object({
        contactedOn: day,
        contactForm: z.enum(contactForms),
        topics: text(2000).default(''),
        problems: z.array(z.object({ requestCategory: z.string().max(40), requestTitle: text(100).pipe(z.string().min(1)), requestText: text(2000).default('') })).max(10).default([]),
        outcome: text(500).optional(),
      }),
      response: { 201: pairDetailSchema, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await logContact(app.db, actorOf(request), request.session!.user, request.params.id, request.body)));

  app.get('/api/liaison/leaders', {
    config: { access: 'liaison.manage' },
    schema: { tags: ['retention'], summary: 'Leader accounts, for pairing', response: { 200: z.array(z.object({ id: z.uuid(), name: z.string() })), ...errorResponses } },
  }, async () => leaders(app.db));

  // ——— departures ———
  app.get('/api/departures', {
    config: { access: 'departures.read' },
    schema: { tags: ['retention'], summary: 'Departures, newest first (enterprise HR: its own staff’s)', querystring: pageQuery, response: { 200: pageSchema(departureSchema), ...errorResponses } },
  }, async (request) => listDepartures(app.db, request.session!.user, request.query.page, request.query.pageSize));

  app.get('/api/departures/flows', {
    config: { access: 'departures.read' },
    schema: {
      tags: ['retention'], summary: 'Monthly inflow vs outflow with the net figure, by chain, education, age band or employer',
      querystring: z.object({ from: month.optional(), to: month.optional(), dimension: z.enum(flowDimensions).default('chain') }),
      response: {
        200: z.object({
          from: month, to: month, dimension: z.enum(flowDimensions),
          monthly: z.array(z.object({ month, inflow: z.number().int(), outflow: z.number().int(), net: z.number().int() })),
          groups: z.array(z.object({ key: z.string(), label: z.string().nullable(), inflow: z.number().int(), outflow: z.number().int(), net: z.number().int() })),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => flows(app.db, request.session!.user, request.query));

  app.get('/api/departures/:id', {
    config: { access: 'departures.read' },
    schema: { tags: ['retention'], summary: 'A departure (another enterprise’s staff: 404)', params: z.object({ id: z.uuid() }), response: { 200: departureSchema, ...errorResponses } },
  }, async (request) => departureDetail(app.db, request.session!.user, request.params.id));

  app.post('/api/departures', {
    config: { access: 'departures.record' },
    schema: {
      tags: ['retention'],
      summary: 'Record a departure: the registry status becomes 已离区, the pair ends, continuing entitlements are re-checked (paused)',
      body: z.object({
        talentId: z.uuid(),
        leftOn: day,
        kind: z.enum(departureKinds),
        destinationRegion: text(60).default(''),
        destinationKind: z.enum(destinationKinds),
        reasons: z.array(z.enum(departureReasons)).min(1).max(departureReasons.length).refine((items) => new Set(items).size === items.length),
        exitInterview: text(4000).default(''),
      }),
      response: { 201: departureSchema.extend({ pausedEntitlements: z.number().int() }), ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await recordDeparture(app.db, actorOf(request), request.session!.user, request.body)));

  // ——— early warning ———
  app.get('/api/retention/risks', {
    config: { access: 'retention.read' },
    schema: {
      tags: ['retention'], summary: 'The highest risk scores with their reasons in words (a leader: their paired talents only)',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: {
        200: z.object({
          items: z.array(riskSchema.extend({ talentId: z.uuid(), name: z.string(), employer: z.string().nullable(), tier: z.string().nullable(), status: z.string() })),
          highRiskScore: z.number().int(),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => {
    const user = request.session!.user;
    const paired = user.roles.includes('office') ? null : (await listPairRows(app.db, pairScope(user))).map((row) => row.pair.talentId);
    const { items, highRiskScore } = await riskList(app.db, user, request.query.limit, paired);
    return { items, highRiskScore };
  });

  app.get('/api/retention/weights', {
    config: { access: 'retention.read' },
    schema: {
      tags: ['retention'], summary: 'The signals’ weights and thresholds (data the office tunes)',
      response: { 200: z.object({ weights: z.array(z.object({ signal: z.enum(riskSignals), weight: z.number().int(), threshold: z.number().int() })), version: z.number().int(), highRiskScore: z.number().int() }), ...errorResponses },
    },
  }, async () => weightsView(app.db));

  app.put('/api/retention/weights', {
    config: { access: 'retention.manage' },
    schema: {
      tags: ['retention'], summary: 'Tune the weights (with the version read)',
      body: z.object({ weights: z.array(z.object({ signal: z.enum(riskSignals), weight: z.number().int().min(0).max(100), threshold: z.number().int().min(0).max(60) })).min(1).max(riskSignals.length), version: z.number().int() }),
      response: { 200: z.object({ weights: z.array(z.object({ signal: z.enum(riskSignals), weight: z.number().int(), threshold: z.number().int() })), version: z.number().int(), highRiskScore: z.number().int() }), ...errorResponses },
    },
  }, async (request) => saveWeights(app.db, actorOf(request), request.body));

  app.post('/api/retention/routing', {
    config: { access: 'retention.manage' },
    schema: { tags: ['retention'], summary: 'Route every high-risk talent without an open task to its paired leader (or the office) as a visit task', response: { 200: z.object({ routed: z.number().int() }), ...errorResponses } },
  }, async (request) => routeHighRisk(app.db, actorOf(request)));

  app.get('/api/retention/visit-outcomes', {
    config: { access: 'retention.read' },
    schema: {
      tags: ['retention'], summary: 'Visit tasks of high-risk talents and whether the talents stayed',
      response: {
        200: z.object({
          routed: z.number().int(), visited: z.number().int(), visitedStayed: z.number().int(), notVisited: z.number().int(), notVisitedStayed: z.number().int(),
          items: z.array(z.object({
            id: z.string(), talent: z.object({ id: z.string(), name: z.string() }), createdOn: z.string(), leader: z.string().nullable(),
            score: z.number().int(), highRisk: z.boolean(), contributions: z.array(z.object({ signal: z.enum(riskSignals), points: z.number().int(), text: z.string(), textEn: z.string() })),
            visited: z.boolean(), visitedOn: z.string().nullable(), visitForm: z.enum(contactForms).nullable(), outcome: z.string().nullable(), stayed: z.boolean(), leftOn: z.string().nullable(),
          })),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => visitOutcomes(app.db, request.session!.user));

  app.get('/api/retention/backtest', {
    config: { access: 'retention.manage' },
    schema: {
      tags: ['retention'], summary: 'Back-test: each month scored with only what was known then, against who left in the next 6 months; with a naive baseline (fewest years in the zone)',
      response: {
        200: z.object({
          from: month, to: month, horizonMonths: z.number().int(), talents: z.number().int(), events: z.number().int(), loadMs: z.number(), replayMs: z.number(),
          model: metrics, baseline: metrics,
          months: z.array(z.object({ month, population: z.number().int(), leavers: z.number().int(), model: monthMetrics, baseline: monthMetrics })),
        }),
        ...errorResponses,
      },
    },
  }, async () => backtest(app.db));

  app.get('/api/talents/:id/history', {
    config: { access: 'retention.read' },
    schema: {
      tags: ['retention'], summary: 'A talent’s dated history (arrival, employer and title changes, subsidies, leases, requests, leader contacts, departure)',
      params: z.object({ id: z.uuid() }),
      response: { 200: z.array(z.object({ id: z.number().int(), kind: z.enum(talentEventKinds), occurredOn: day, detail: z.record(z.string(), z.unknown()), source: z.string() })), ...errorResponses },
    },
  }, async (request) => talentHistory(app.db, request.session!.user, request.params.id));
}
