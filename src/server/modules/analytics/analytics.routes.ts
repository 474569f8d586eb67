import { errorResponses, type App } from '../../http/types';
import { askAnswerSchema, askQuery, askResultSchema, askTalentsQuery, industryMapSchema, talentMapSchema } from './analytics.schemas';
import { askQuestion, askResult, industryMap, talentMap } from './analytics.service';

const tags = ['analytics'];

export async function analyticsRoutes(app: App) {
  app.get('/api/analytics/industry-map', { config: { access: 'analytics.read' }, schema: { tags, summary: 'The industry map: chains, segments, enterprises, talents, demand, location quotients and the shortage index (an enterprise: its own figures)', response: { 200: industryMapSchema, ...errorResponses } } },
    async (request) => industryMap(app.db, request.session!.user));
  app.get('/api/analytics/talent-map', { config: { access: 'analytics.read' }, schema: { tags, summary: 'The talent map: distributions by industry and chain, flows by year, where leavers went (an enterprise: its own staff)', response: { 200: talentMapSchema, ...errorResponses } } },
    async (request) => talentMap(app.db, request.session!.user));
  app.get('/api/analytics/ask', { config: { access: 'analytics.read' }, schema: { tags, summary: 'Ask in words: the filters understood (rule-based: dictionaries and jieba), words not understood, and the talents selected', querystring: askQuery, response: { 200: askAnswerSchema, ...errorResponses } } },
    async (request) => askQuestion(app.db, request.session!.user, request.query.q, request.query.page));
  app.get('/api/analytics/ask/talents', { config: { access: 'analytics.read' }, schema: { tags, summary: 'The talents the (edited) filters select: count up to 5,000 and a page of 20', querystring: askTalentsQuery, response: { 200: askResultSchema, ...errorResponses } } },
    async (request) => askResult(app.db, request.session!.user, request.query));
}
