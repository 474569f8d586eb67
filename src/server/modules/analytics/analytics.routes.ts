import { errorResponses, type App } from '../../http/types';
import { industryMapSchema, talentMapSchema } from './analytics.schemas';
import { industryMap, talentMap } from './analytics.service';

const tags = ['analytics'];

export async function analyticsRoutes(app: App) {
  app.get('/api/analytics/industry-map', { config: { access: 'analytics.read' }, schema: { tags, summary: 'The industry map: chains, segments, enterprises, talents, demand, location quotients and the shortage index (an enterprise: its own figures)', response: { 200: industryMapSchema, ...errorResponses } } },
    async (request) => industryMap(app.db, request.session!.user));
  app.get('/api/analytics/talent-map', { config: { access: 'analytics.read' }, schema: { tags, summary: 'The talent map: distributions by industry and chain, flows by year, where leavers went (an enterprise: its own staff)', response: { 200: talentMapSchema, ...errorResponses } } },
    async (request) => talentMap(app.db, request.session!.user));
}
