import { errorResponses, type App } from '../../http/types';
import { inboxPage, inboxQuery, mineQuery, minePage } from './cases.schemas';
import { caseInbox, myCases } from './cases.service';

const tags = ['cases'];

export async function casesRoutes(app: App) {
  app.get('/api/cases/inbox', { config: { access: 'cases.inbox' }, schema: { tags, summary: '待办 (tab=todo) / 已办 (tab=done): cases of every type for my unit', querystring: inboxQuery, response: { 200: inboxPage, ...errorResponses } } },
    async (request) => caseInbox(app.db, request.session!.user, request.query));
  app.get('/api/cases/mine', { config: { access: 'cases.mine' }, schema: { tags, summary: '我的办件: my cases of every type, each with its status timeline', querystring: mineQuery, response: { 200: minePage, ...errorResponses } } },
    async (request) => myCases(app.db, request.session!.user, request.query));
}
