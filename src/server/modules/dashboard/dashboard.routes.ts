import { z } from 'zod';
import { errorResponses, type App } from '../../http/types';
import { languageOf } from '../../plugins/errors';
import { sendWorkbook } from '../flexible-talent/flexible-talent.routes';
import { dashboardSchema, periodQuery, planBody, planParams, planSchema, plansSchema, planYearParams, screenSchema } from './dashboard.schemas';
import { dashboardOf, plansOf, removePlan, savePlan, screenOf } from './dashboard.service';
import { reportWorkbook } from './report.sheet';

const tags = ['dashboard'];
const read = { access: 'dashboard.read' } as const;

/** The zone dashboard (工作台 figures), the 数据大屏 in one request, the monthly/quarterly report, the year's plans. */
export async function dashboardRoutes(app: App) {
  app.get('/api/dashboard', { config: read, schema: { tags, summary: 'Every indicator of a period against the previous period and the year’s plan (an enterprise: its own)', querystring: periodQuery, response: { 200: dashboardSchema, ...errorResponses } } },
    async (request) => dashboardOf(app.db, request.session!.user, request.query.period));
  app.get('/api/dashboard/screen', { config: read, schema: { tags, summary: 'The 数据大屏 in one answer: this month, this year, the trend, the platforms', response: { 200: screenSchema, ...errorResponses } } },
    async (request) => screenOf(app.db, request.session!.user));
  app.get('/api/dashboard/report', { config: read, schema: { tags, summary: 'The talent-work report of a period as .xlsx: one sheet per section (引才 育才 用才 留才) and the problems', querystring: periodQuery, response: errorResponses } },
    async (request, reply) => {
      const language = languageOf(request);
      const { bytes, period } = await reportWorkbook(app.db, request.actor, request.session!.user, request.query.period, language);
      return sendWorkbook(reply, language === 'zh-CN' ? `人才工作报告-${period}.xlsx` : `talent-work-report-${period}.xlsx`, `talent-work-report-${period}.xlsx`, bytes);
    });
  app.get('/api/dashboard/plans/:year', { config: read, schema: { tags, summary: 'The year’s plans (targets) of the indicators', params: planYearParams, response: { 200: plansSchema, ...errorResponses } } },
    async (request) => plansOf(app.db, request.params.year));
  app.put('/api/dashboard/plans/:year/:indicator', { config: { access: 'dashboard.plan' }, schema: { tags, summary: 'Set one indicator’s target for a year (version 0 creates it)', params: planParams, body: planBody, response: { 200: planSchema, ...errorResponses } } },
    async (request) => savePlan(app.db, request.actor, request.params.year, request.params.indicator, request.body));
  app.delete('/api/dashboard/plans/:year/:indicator', { config: { access: 'dashboard.plan' }, schema: { tags, summary: 'Remove one indicator’s target for a year', params: planParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await removePlan(app.db, request.actor, request.params.year, request.params.indicator);
      return reply.status(204).send(null);
    });
}
