import { z } from 'zod';
import { organisationKinds } from '../../../domain/dictionaries';
import { pageQuery, pageSchema } from '../../http/pagination';
import { errorResponses, type App } from '../../http/types';
import { listOrganisations, listUnits } from './organisations.repo';

const organisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(organisationKinds),
  name: z.string(),
  industry: z.string().nullable(),
  description: z.string(),
  staff: z.number().int(),
});

const unitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  duties: z.string(),
  isResponsibleUnit: z.boolean(),
  inServiceTeam: z.boolean(),
});

export async function organisationsRoutes(app: App) {
  app.get(
    '/api/organisations',
    {
      config: { access: 'organisations.read' },
      schema: {
        tags: ['organisations'],
        summary: 'Enterprises, platforms, universities, research institutes and teams',
        querystring: pageQuery.extend({ kind: z.enum(organisationKinds).optional(), q: z.string().trim().max(60).optional() }),
        response: { 200: pageSchema(organisationSchema), ...errorResponses },
      },
    },
    async (request) => {
      const page = await listOrganisations(app.db, request.query);
      const items = page.items.map(({ organisation, staff }) => ({
        id: organisation.id,
        kind: organisation.kind,
        name: organisation.name,
        industry: organisation.industry,
        description: organisation.description,
        staff: Number(staff ?? 0),
      }));
      return { items, total: page.total };
    },
  );

  app.get(
    '/api/units',
    {
      config: { access: 'units.read' },
      schema: { tags: ['organisations'], summary: 'Responsible units (责任单位) and service-team departments (人才服务小组)', response: { 200: z.array(unitSchema), ...errorResponses } },
    },
    async () => (await listUnits(app.db)).map(({ createdAt: _createdAt, ...unit }) => unit),
  );
}
