import { z } from 'zod';
import { arrivalRoutes, educationLevels, talentStatuses } from '../../../domain/dictionaries';
import { errorResponses, type App } from '../../http/types';
import { homeFor } from './home.service';

const counts = z.record(z.string(), z.number().int());

const homeSchema = z.object({
  zone: z
    .object({
      talents: z.number().int(),
      talentsByRoute: counts,
      talentsByStatus: counts,
      organisationsByKind: counts,
      responsibleUnits: z.number().int(),
      serviceTeamDepartments: z.number().int(),
    })
    .optional(),
  glance: z
    .object({
      talents: z.number().int(),
      byChain: z.array(z.object({ chain: z.string().nullable(), total: z.number().int() })),
      byEducation: z.array(z.object({ education: z.enum(educationLevels), total: z.number().int() })),
      unknownEducation: z.number().int(),
      byYear: z.array(z.object({ year: z.number().int(), arrived: z.number().int(), left: z.number().int() })),
      policies: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string(), budget: z.number().int(), committed: z.number().int(), paid: z.number().int() })),
      budget: z.number().int(),
      committed: z.number().int(),
      paid: z.number().int(),
    })
    .optional(),
  talent: z
    .object({
      id: z.uuid(),
      name: z.string(),
      employer: z.string().nullable(),
      status: z.enum(talentStatuses),
      arrivalRoute: z.enum(arrivalRoutes),
      arrivedOn: z.string().nullable(),
    })
    .optional(),
  enterprise: z.object({ id: z.uuid(), name: z.string(), industry: z.string().nullable(), staff: z.number().int(), staffInZone: z.number().int() }).optional(),
  unit: z
    .object({ id: z.uuid(), name: z.string(), nameEn: z.string(), duties: z.string(), isResponsibleUnit: z.boolean(), inServiceTeam: z.boolean() })
    .optional(),
  benefits: z
    .object({
      openApplications: z.number().int(),
      returnedApplications: z.number().int(),
      inbox: z.number().int().nullable(),
      escalated: z.number().int(),
      pendingEntitlements: z.number().int(),
      committed: z.number().int(),
      paid: z.number().int(),
      publishedPolicies: z.number().int().nullable(),
      budget: z.number().int().nullable(),
    })
    .optional(),
  accounts: z.object({ users: z.number().int(), byRole: counts, disabled: z.number().int(), passwordPending: z.number().int().describe('accounts that must still set their own password (a one-time password is pending)') }).optional(),
  audit: z
    .object({
      events: z.number().int(),
      failures: z.number().int(),
      denials: z.number().int(),
      recent: z.array(z.object({ id: z.number().int(), at: z.iso.datetime(), actorUsername: z.string().nullable(), action: z.string(), result: z.enum(['success', 'failure', 'denied']) })),
    })
    .optional(),
});

export async function homeRoutes(app: App) {
  app.get(
    '/api/home',
    { config: { access: 'home.read' }, schema: { tags: ['home'], summary: 'The home page of each of the user’s roles', response: { 200: homeSchema, ...errorResponses } } },
    async (request) => homeFor(app.db, request.session!.user),
  );
}
