import { z } from 'zod';
import { errorResponses, type App } from '../../http/types';
import { calendarDayBody, dateParam, jobRunSchema, overrideSchema, rangeQuery, rangeSchema, yearQuery } from './calendar.schemas';
import { calendarRange, listCalendarOverrides, listJobRuns, removeCalendarDay, saveCalendarDay } from './calendar.service';

const tags = ['calendar'];

export async function calendarRoutes(app: App) {
  app.get(
    '/api/calendar/days',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'How each day of a range counts (working day, weekend, public holiday, make-up working day 调休), with the number of working days; at most 366 days',
        querystring: rangeQuery,
        response: { 200: rangeSchema, ...errorResponses },
      },
    },
    async (request) => calendarRange(request.query.from, request.query.to),
  );

  app.get(
    '/api/calendar/overrides',
    {
      config: { access: 'calendar.manage' },
      schema: { tags, summary: 'The office’s overrides of a year (over the chinese-days arrangement)', querystring: yearQuery, response: { 200: z.object({ year: z.number().int(), items: z.array(overrideSchema) }), ...errorResponses } },
    },
    async (request) => listCalendarOverrides(app.db, request.query.year),
  );

  app.put(
    '/api/calendar/overrides/:date',
    {
      config: { access: 'calendar.manage' },
      schema: { tags, summary: 'Make a day a holiday or a working day, or change that override; deadlines follow at once', params: dateParam, body: calendarDayBody, response: { 200: overrideSchema, ...errorResponses } },
    },
    async (request) => saveCalendarDay(app.db, request.actor, { date: request.params.date, ...request.body }),
  );

  app.delete(
    '/api/calendar/overrides/:date',
    {
      config: { access: 'calendar.manage' },
      schema: { tags, summary: 'Remove an override: the day counts as the package (or the weekday) says again', params: dateParam, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await removeCalendarDay(app.db, request.actor, request.params.date);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/calendar/job-runs',
    {
      config: { access: 'calendar.manage' },
      schema: { tags, summary: 'The last runs of the daily jobs (免申即享 scans, escalation, upload clean-up): one per job and day across app servers', response: { 200: z.object({ items: z.array(jobRunSchema) }), ...errorResponses } },
    },
    async () => ({ items: await listJobRuns(app.db) }),
  );
}
