import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { attachmentMediaTypes, attachmentSizeLimit, ruleProblemParams } from '../../../domain/policies/policy';
import { validateRule } from '../../../domain/rules';
import { AppError, invalid } from '../../errors';
import { languageOf } from '../../plugins/errors';
import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { pageQuery } from '../../http/pagination';
import { listNotifications, markRead } from '../notifications/notifications.service';
import {
  applicationDetail, listApplications, resubmitApplication, reviewApplication, submitApplication, withdrawApplication,
} from './applications.service';
import { readAttachment, removeStaleUploads, storeAttachment } from './attachments.service';
import { calculate } from './calculator.service';
import { addParameterValue, createPolicy, listPolicies, parameterValuesFor, policyDetail, publishDraft, retirePolicy, saveDraft, updatePolicy } from './catalogue.service';
import { batchDetail, batchWorkbook, confirmEntitlements, createBatch, declineEntitlement, listBatches, listEntitlements, settleBatch } from './ledger.service';
import {
  applicationListQuery, applicationPage, applicationSchema, attachmentQuery, attachmentSchema, batchBody, batchList, batchSchema, calculatorQuery,
  calculatorResponse, confirmBody, createPolicyBody, entitlementPage, entitlementQuery, idempotencyHeaders, matchCountBody, matchCountResponse,
  notificationPage, parameterInput, policyListQuery, policyPage, policySchema, policyVersionInput, resubmitBody, reviewBody, scanBody, scanList,
  scanResponse, settleBody, simulationBody, simulationSchema, submitBody, updatePolicyBody, versionBody,
} from './policies.schemas';
import { matchingSubjects, ruleCondition, listScans, scanPolicy } from './scan.service';
import { listSimulations, runSimulation } from './simulation.service';
import { isEligible } from './decision';
import { xlsxMediaType } from '../imports/imports.workbook';
import { systemActor } from '../../plugins/auth';

const today = () => new Date().toISOString().slice(0, 10);
const tags = ['policies'];

/** A file download: the Chinese name for browsers (RFC 6266 filename*), an ASCII one for the rest. */
const sendFile = (reply: FastifyReply, mediaType: string, fileName: string, asciiName: string, bytes: Buffer) =>
  reply
    .header('content-type', mediaType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(bytes);

export async function policiesRoutes(app: App) {
  // ——— catalogue ———
  app.get('/api/policies', { config: { access: 'policies.read' }, schema: { tags, summary: 'The policy catalogue (office: drafts and retired too)', querystring: policyListQuery, response: { 200: policyPage, ...errorResponses } } },
    async (request) => listPolicies(app.db, request.session!.user, request.query));
  app.get('/api/policies/:id', { config: { access: 'policies.read' }, schema: { tags, summary: 'One policy with its versions, parameters and budget', params: uuidParam, response: { 200: policySchema, ...errorResponses } } },
    async (request) => policyDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/policies', { config: { access: 'policies.manage' }, schema: { tags, summary: 'Create a policy with its first draft version and parameters', body: createPolicyBody, response: { 201: policySchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createPolicy(app.db, request.actor, request.session!.user, request.body)));
  app.put('/api/policies/:id', { config: { access: 'policies.manage' }, schema: { tags, summary: 'Update the catalogue entry (send the version read)', params: uuidParam, body: updatePolicyBody, response: { 200: policySchema, ...errorResponses, 409: errorSchema } } },
    async (request) => updatePolicy(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.put('/api/policies/:id/draft', { config: { access: 'policies.manage' }, schema: { tags, summary: 'Write the draft version (rules, periods, attachments, review steps)', params: uuidParam, body: policyVersionInput, response: { 200: policySchema, ...errorResponses } } },
    async (request) => saveDraft(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/policies/:id/publish', { config: { access: 'policies.manage' }, schema: { tags, summary: 'Publish the draft (frozen from then on)', params: uuidParam, response: { 200: policySchema, ...errorResponses, 409: errorSchema } } },
    async (request) => publishDraft(app.db, request.actor, request.session!.user, request.params.id));
  app.post('/api/policies/:id/retire', { config: { access: 'policies.manage' }, schema: { tags, summary: 'Stop a published policy', params: uuidParam, response: { 200: policySchema, ...errorResponses, 409: errorSchema } } },
    async (request) => retirePolicy(app.db, request.actor, request.session!.user, request.params.id));
  app.post('/api/policies/:id/parameters', { config: { access: 'policies.manage' }, schema: { tags, summary: 'A new dated value of a parameter (or a new parameter)', params: uuidParam, body: parameterInput, response: { 200: policySchema, ...errorResponses } } },
    async (request) => addParameterValue(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/policies/match-count', { config: { access: 'policies.manage' }, schema: { tags, summary: 'How many subjects a rule matches now (the builder’s live count); nothing is written', body: matchCountBody, response: { 200: matchCountResponse, ...errorResponses } } },
    async (request) => {
      const { target, eligibility, params } = request.body;
      const problems = validateRule(eligibility);
      if (problems.length) throw invalid({ eligibility: { code: 'rule.invalid', params: ruleProblemParams(problems[0]) } });
      const asOf = request.body.asOf ?? today();
      const condition = ruleCondition(eligibility, { target }, params);
      const all = await matchingSubjects(app.db, { target }, asOf, null);
      const matched = condition ? (await matchingSubjects(app.db, { target }, asOf, condition)).length : all.filter(({ facts }) => isEligible(eligibility, { ...facts, params })).length;
      return { matched, subjects: all.length, sql: condition !== null };
    });

  // ——— 免申即享 and simulation ———
  app.post('/api/policies/:id/scan', { config: { access: 'ledger.manage' }, schema: { tags, summary: '免申即享: grant the policy to every eligible subject not yet enrolled (pending the office’s confirmation)', params: uuidParam, body: scanBody, response: { 200: scanResponse, ...errorResponses, 409: errorSchema } } },
    async (request) => scanPolicy(app.db, request.actor, request.params.id, request.body.asOf ?? today(), 'manual'));
  app.get('/api/policies/:id/scans', { config: { access: 'ledger.manage' }, schema: { tags, summary: 'The scans of a policy', params: uuidParam, response: { 200: scanList, ...errorResponses } } },
    async (request) => listScans(app.db, request.params.id));
  app.post('/api/policies/:id/simulations', { config: { access: 'policies.simulate' }, schema: { tags, summary: 'Simulate a change of parameters or rules on a snapshot date; the run is saved', params: uuidParam, body: simulationBody, response: { 201: simulationSchema, ...errorResponses } } },
    async (request, reply) => {
      for (const field of ['eligibility', 'amount'] as const) {
        const [problem] = request.body[field] === undefined ? [] : validateRule(request.body[field]);
        if (problem) throw invalid({ [field]: { code: 'rule.invalid', params: ruleProblemParams(problem) } });
      }
      return reply.status(201).send(await runSimulation(app.db, request.actor, request.params.id, request.body));
    });
  app.get('/api/policies/:id/simulations', { config: { access: 'policies.simulate' }, schema: { tags, summary: 'Saved simulations of a policy, newest first', params: uuidParam, response: { 200: z.array(simulationSchema), ...errorResponses } } },
    async (request) => listSimulations(app.db, request.params.id));
  app.get('/api/policies/:id/parameters-on', { config: { access: 'policies.read' }, schema: { tags, summary: 'Parameter values in force on a date (a draft policy only for those who may read drafts, 404 for others)', params: uuidParam, querystring: z.object({ on: z.iso.date() }), response: { 200: z.record(z.string(), z.number()), ...errorResponses } } },
    async (request) => parameterValuesFor(app.db, request.session!.user, request.params.id, request.query.on));

  // ——— calculator and applications ———
  app.get('/api/calculator', { config: { access: 'applications.submit' }, schema: { tags: ['applications'], summary: 'Every published policy for me (or, for enterprise HR, my enterprise or a staff member): eligible or not, and why', querystring: calculatorQuery, response: { 200: calculatorResponse, ...errorResponses } } },
    async (request) => calculate(app.db, request.session!.user, request.query));
  app.get('/api/applications', { config: { access: 'applications.read' }, schema: { tags: ['applications'], summary: 'Applications I may see; inbox=true: waiting for my unit', querystring: applicationListQuery, response: { 200: applicationPage, ...errorResponses } } },
    async (request) => listApplications(app.db, request.session!.user, request.query));
  app.get('/api/applications/:id', { config: { access: 'applications.read' }, schema: { tags: ['applications'], summary: 'One application', params: uuidParam, response: { 200: applicationSchema, ...errorResponses } } },
    async (request) => applicationDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/applications', { config: { access: 'applications.submit' }, schema: { tags: ['applications'], summary: 'Apply: checked against the published rule; one open application per subject, policy and round', body: submitBody, response: { 201: applicationSchema, ...errorResponses, 409: errorSchema } } },
    async (request, reply) => reply.status(201).send(await submitApplication(app.db, request.actor, request.session!.user, request.body)));
  app.post('/api/applications/:id/review', { config: { access: 'applications.review' }, schema: { tags: ['applications'], summary: 'Approve, reject or return for correction (退回补正) on the current step', params: uuidParam, body: reviewBody, response: { 200: applicationSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => reviewApplication(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/applications/:id/resubmit', { config: { access: 'applications.submit' }, schema: { tags: ['applications'], summary: 'Send a returned application again, corrected', params: uuidParam, body: resubmitBody, response: { 200: applicationSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => resubmitApplication(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/applications/:id/withdraw', { config: { access: 'applications.submit' }, schema: { tags: ['applications'], summary: 'Withdraw an open application', params: uuidParam, body: versionBody, response: { 200: applicationSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => withdrawApplication(app.db, request.actor, request.session!.user, request.params.id, request.body.version));

  // uploads never attached to an application are deleted a day later: here at start-up, and in the daily work
  // (a failure is logged, never a reason not to start)
  app.addHook('onReady', async () => {
    try {
      const { removed } = await removeStaleUploads(app.db, app.config.dataDir, systemActor);
      if (removed) app.log.info({ removed }, 'stale uploads removed');
    } catch (error) {
      app.log.error(error, 'removing stale uploads failed');
    }
  });

  // attachments: a raw body (PDF, JPG or PNG; the type is sniffed from the content), in a scope of its own; JSON is
  // no file type, so it falls to the catch-all (415) like any other
  await app.register(async (upload: App) => {
    upload.removeContentTypeParser('application/json');
    for (const type of [...attachmentMediaTypes, 'application/octet-stream']) {
      upload.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: attachmentSizeLimit + 1 }, (_request, body, done) => done(null, body));
    }
    upload.addContentTypeParser('*', (_request, _payload, done) => done(new AppError(415, 'attachmentType'), undefined));
    upload.post('/api/attachments', { bodyLimit: attachmentSizeLimit + 1, config: { access: ['applications.submit', 'serviceRequests.record'] }, schema: { tags: ['applications'], summary: 'Upload an attachment (raw body, at most 10 MB); attach it by id when applying', querystring: attachmentQuery, response: { 201: attachmentSchema, ...errorResponses, 413: errorSchema, 415: errorSchema, 429: errorSchema } } },
      async (request, reply) => reply.status(201).send(await storeAttachment(app.db, app.config.dataDir, request.actor, request.session!.user, { ...request.query, bytes: request.body })));
  });
  app.get('/api/attachments/:id', { config: { access: 'applications.read' }, schema: { tags: ['applications'], summary: 'Download an attachment', params: uuidParam, response: errorResponses } },
    async (request, reply) => {
      const file = await readAttachment(app.db, app.config.dataDir, request.session!.user, request.params.id);
      return sendFile(reply, file.mediaType, file.fileName, 'attachment', file.bytes);
    });

  // ——— ledger and disbursement ———
  app.get('/api/entitlements', { config: { access: 'ledger.read' }, schema: { tags: ['ledger'], summary: 'The entitlement ledger (兑现台账) I may see, with sums', querystring: entitlementQuery, response: { 200: entitlementPage, ...errorResponses } } },
    async (request) => listEntitlements(app.db, request.session!.user, request.query));
  app.post('/api/entitlements/confirm', { config: { access: 'ledger.manage' }, schema: { tags: ['ledger'], summary: 'Confirm entitlements found by a 免申即享 scan', body: confirmBody, response: { 200: z.object({ confirmed: z.number().int() }), ...errorResponses } } },
    async (request) => confirmEntitlements(app.db, request.actor, request.body.ids));
  app.post('/api/entitlements/:id/decline', { config: { access: 'entitlements.decline' }, schema: { tags: ['ledger'], summary: 'Decline an entitlement granted to me (all its unpaid periods)', params: uuidParam, response: { 200: z.object({ declined: z.number().int() }), ...errorResponses, 409: errorSchema } } },
    async (request) => declineEntitlement(app.db, request.actor, request.session!.user, request.params.id));
  app.get('/api/batches', { config: { access: 'ledger.manage' }, schema: { tags: ['ledger'], summary: 'Disbursement batches', querystring: z.object({ policyId: z.uuid().optional() }), response: { 200: batchList, ...errorResponses } } },
    async (request) => listBatches(app.db, request.query.policyId));
  app.post('/api/policies/:id/batches', { config: { access: 'ledger.manage' }, schema: { tags: ['ledger'], summary: 'Create the disbursement batch of a period (Idempotency-Key header required; 409 idempotencyKeyInUse with Retry-After while the first request with the key runs)', params: uuidParam, headers: idempotencyHeaders, body: batchBody, response: { 200: batchSchema, ...errorResponses, 409: errorSchema, 422: errorSchema } } },
    async (request) => createBatch(app.db, request.actor, request.params.id, request.body, request.headers['idempotency-key']));
  app.get('/api/batches/:id', { config: { access: 'ledger.manage' }, schema: { tags: ['ledger'], summary: 'One batch with its payments', params: uuidParam, response: { 200: batchSchema, ...errorResponses } } },
    async (request) => batchDetail(app.db, request.params.id));
  app.get('/api/batches/:id/export', { config: { access: 'ledger.manage' }, schema: { tags: ['ledger'], summary: 'The bank payment spreadsheet of a batch (.xlsx; audited)', params: uuidParam, response: errorResponses } },
    async (request, reply) => {
      const { bytes, fileName } = await batchWorkbook(app.db, app.secrets, request.actor, request.params.id);
      return sendFile(reply, xlsxMediaType, fileName, 'batch.xlsx', bytes);
    });
  app.post('/api/batches/:id/payments', { config: { access: 'ledger.manage' }, schema: { tags: ['ledger'], summary: 'Mark payments paid or failed (with the reason), each entitlement once; the batch closes when every payment is settled. Idempotency-Key header required', params: uuidParam, headers: idempotencyHeaders, body: settleBody, response: { 200: batchSchema, ...errorResponses, 409: errorSchema, 422: errorSchema } } },
    async (request) => settleBatch(app.db, request.actor, request.params.id, request.body, request.headers['idempotency-key']));

  // ——— notifications ———
  app.get('/api/notifications', { config: { access: 'notifications.read' }, schema: { tags: ['notifications'], summary: 'My in-app notifications, newest first', querystring: pageQuery, response: { 200: notificationPage, ...errorResponses } } },
    async (request) => listNotifications(app.db, request.session!.user, languageOf(request), request.query.page, request.query.pageSize));
  app.post('/api/notifications/:id/read', { config: { access: 'notifications.read' }, schema: { tags: ['notifications'], summary: 'Mark a notification read', params: uuidParam, response: { 200: z.object({ updated: z.number().int() }), ...errorResponses } } },
    async (request) => markRead(app.db, request.session!.user, request.params.id));
  app.post('/api/notifications/read-all', { config: { access: 'notifications.read' }, schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: { 200: z.object({ updated: z.number().int() }), ...errorResponses } } },
    async (request) => markRead(app.db, request.session!.user, 'all'));
}
