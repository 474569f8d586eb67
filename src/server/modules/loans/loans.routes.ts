import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { institutionList, loanBody, loanListQuery, loanPage, loanSchema, resubmitBody, stageBody, totalsQuery, totalsSchema, versionBody } from './loans.schemas';
import { applyForLoan, decideLoanStage, listInstitutions, listLoans, loanDetail, loanTotals, resubmitLoan, withdrawLoan } from './loans.service';

const tags = ['loans'];

export async function loansRoutes(app: App) {
  app.get('/api/loans/institutions', { config: { access: 'loans.read' }, schema: { tags, summary: 'Lending banks and guarantors (data)', response: { 200: institutionList, ...errorResponses } } },
    async () => listInstitutions(app.db));
  app.get('/api/loans/totals', { config: { access: 'loans.totals' }, schema: { tags, summary: 'Loans disbursed by year and by bank: count, amount helped, subsidy granted and paid', querystring: totalsQuery, response: { 200: totalsSchema, ...errorResponses } } },
    async (request) => loanTotals(app.db, request.session!.user, request.query));
  app.get('/api/loans', { config: { access: 'loans.read' }, schema: { tags, summary: 'Start-up loans I may see, with filters', querystring: loanListQuery, response: { 200: loanPage, ...errorResponses } } },
    async (request) => listLoans(app.db, request.session!.user, request.query));
  app.get('/api/loans/:id', { config: { access: 'loans.read' }, schema: { tags, summary: 'One loan with its stages, subsidy and history (internal notes for staff only)', params: uuidParam, response: { 200: loanSchema, ...errorResponses } } },
    async (request) => loanDetail(app.db, request.session!.user, request.params.id));
  app.post('/api/loans', { config: { access: 'loans.apply' }, schema: { tags, summary: 'Apply for a start-up guaranteed loan (a talent for themself, enterprise HR for its enterprise)', body: loanBody, response: { 201: loanSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await applyForLoan(app.db, request.actor, request.session!.user, request.body)));
  app.post('/api/loans/:id/stage', { config: { access: 'loans.handle' }, schema: { tags, summary: 'Decide the current stage: approve with its data, return for correction (补正) or refuse', params: uuidParam, body: stageBody, response: { 200: loanSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => decideLoanStage(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/loans/:id/resubmit', { config: { access: 'loans.apply' }, schema: { tags, summary: 'Send a returned loan again, corrected', params: uuidParam, body: resubmitBody, response: { 200: loanSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => resubmitLoan(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/loans/:id/withdraw', { config: { access: 'loans.apply' }, schema: { tags, summary: 'Withdraw an open loan application', params: uuidParam, body: versionBody, response: { 200: loanSchema, ...errorResponses, 409: errorSchema } } },
    async (request) => withdrawLoan(app.db, request.actor, request.session!.user, request.params.id, request.body.version));
}
