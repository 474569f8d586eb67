import { z } from 'zod';
import { apartmentLayouts, apartmentUnitStatuses, leaseStatuses, manualUnitStatuses } from '../../../domain/apartments';
import { caseActions } from '../../../domain/cases';
import { applicationStatuses, reviewDecisions } from '../../../domain/policies/policy';
import { safeText } from '../../../domain/text';
import { pageQuery, pageSchema } from '../../http/pagination';
import { explanationSchema } from '../policies/policies.schemas';

const dateTime = z.iso.datetime({ offset: true });
const day = z.iso.date().refine((date) => date >= '2000-01-01' && date <= '2099-12-31', { params: { code: 'invalidValue' }, message: 'out of range' });
const int = z.number().int();
const version = z.number().int().min(1);
const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

// ——— buildings ———
export const buildingBody = z.object({
  buildingName: safeText(z.string().trim().min(1).max(60)),
  buildingAddress: safeText(z.string().trim().min(1).max(200)),
  buildingPark: safeText(z.string().trim().max(60)).default(''),
});
export const buildingUpdateBody = buildingBody.extend({ version });
export const buildingSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  park: z.string(),
  units: int,
  vacant: int,
  reserved: int,
  occupied: int,
  maintenance: int,
  occupancyRate: z.number().describe('units with an active lease ÷ all units, 0–1, from the leases'),
  version: int,
});
export const buildingList = z.object({ items: z.array(buildingSchema), totals: buildingSchema.pick({ units: true, vacant: true, reserved: true, occupied: true, maintenance: true, occupancyRate: true }) });

// ——— units ———
export const unitBody = z.object({
  buildingId: z.uuid(),
  unitNumber: safeText(z.string().trim().min(1).max(20)),
  layout: z.enum(apartmentLayouts),
  area: z.number().min(10).max(500).multipleOf(0.1),
  furnished: z.boolean().default(true),
  monthlyRent: z.number().int().min(0).max(100_000),
  unitStatus: z.enum(manualUnitStatuses).default('vacant'),
});
export const unitUpdateBody = unitBody.omit({ buildingId: true }).extend({ unitStatus: z.enum(manualUnitStatuses).optional(), version });
export const unitListQuery = pageQuery.extend({
  buildingId: z.uuid().optional(),
  unitStatus: z.enum(apartmentUnitStatuses).optional(),
  layout: z.enum(apartmentLayouts).optional(),
  furnished: booleanQuery.optional(),
  unitNumber: z.string().trim().max(20).optional(),
});
export const unitItem = z.object({
  id: z.uuid(),
  buildingId: z.uuid(),
  buildingName: z.string(),
  number: z.string(),
  layout: z.enum(apartmentLayouts),
  area: z.number(),
  furnished: z.boolean(),
  monthlyRent: int,
  status: z.enum(apartmentUnitStatuses),
  tenant: z.string().nullable().describe('the talent of the open lease'),
  version: int,
});
export const unitPage = pageSchema(unitItem);

// ——— leases ———
export const leaseItem = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitNumber: z.string(),
  buildingName: z.string(),
  layout: z.enum(apartmentLayouts),
  monthlyRent: int,
  applicationId: z.uuid(),
  talent: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(leaseStatuses),
  startDate: z.string(),
  endDate: z.string(),
  moveInDate: z.string().nullable(),
  moveOutDate: z.string().nullable(),
  renewals: int,
  allocatedAt: dateTime,
  version: int,
});
export const leasePage = pageSchema(leaseItem);
export const leaseListQuery = pageQuery.extend({ apartmentId: z.uuid().optional(), talentId: z.uuid().optional(), leaseStatus: z.enum(leaseStatuses).optional() });
export const unitDetail = unitItem.extend({ history: z.array(leaseItem).describe('occupancy history, newest first') });

export const allocationBody = z.object({ applicationId: z.uuid(), apartmentId: z.uuid(), startDate: day, endDate: day });
export const moveInBody = z.object({ moveInDate: day, version });
export const renewalBody = z.object({ endDate: day, version });
export const moveOutBody = z.object({ moveOutDate: day, unitStatusAfter: z.enum(manualUnitStatuses).default('vacant'), version });

// ——— applications ———
export const applicationBody = z.object({
  preferredLayout: z.enum(apartmentLayouts).nullable().default(null),
  preferredBuildingId: z.uuid().nullable().default(null),
  familySize: z.number().int().min(1).max(8),
  applicationNote: safeText(z.string().trim().max(500)).default(''),
});
export const resubmitBody = applicationBody.extend({ version });
export const decisionBody = z.object({
  decision: z.enum(reviewDecisions),
  comment: safeText(z.string().trim().max(1000)).default(''),
  internalNote: safeText(z.string().trim().max(1000)).default(''),
  version,
});
export const versionBody = z.object({ version });
export const applicationListQuery = pageQuery.extend({ status: z.enum(applicationStatuses).optional() });

const preferences = z.object({ layout: z.enum(apartmentLayouts).nullable(), buildingId: z.uuid().nullable(), buildingName: z.string().nullable(), familySize: int, note: z.string() });
export const applicationItem = z.object({
  id: z.uuid(),
  talent: z.object({ id: z.uuid(), name: z.string(), tier: z.string().nullable() }),
  status: z.enum(applicationStatuses),
  preferences,
  position: int.nullable().describe('place on the waiting list (approved, not yet allocated), 1 first'),
  leaseId: z.uuid().nullable(),
  dueAt: dateTime.nullable(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  submittedAt: dateTime,
  decidedAt: dateTime.nullable(),
});
export const applicationPage = pageSchema(applicationItem);
export const applicationSchema = applicationItem.extend({
  eligibility: explanationSchema.nullable().describe('the housing policy’s rule on the applicant’s facts when applying, as the calculator says it'),
  policy: z.object({ code: z.string(), title: z.string(), asOf: z.string() }),
  history: z.array(z.object({ action: z.enum(caseActions), unit: z.string().nullable(), unitEn: z.string().nullable(), actor: z.string().nullable(), comment: z.string(), internalNote: z.string().nullable(), at: dateTime })),
  lease: leaseItem.nullable(),
  waitingCount: int,
  version: int,
  permissions: z.object({ decide: z.boolean(), resubmit: z.boolean(), withdraw: z.boolean(), allocate: z.boolean(), manage: z.boolean().describe('may allocate, move in, renew, move out') }),
});

export const eligibilitySchema = z.object({
  policy: z.object({ code: z.string(), title: z.string() }),
  status: z.enum(['eligible', 'notEligible', 'needsData']),
  explanation: explanationSchema,
  asOf: z.string(),
});

export const waitingItem = applicationItem.extend({ position: int });
export const waitingList = z.object({ items: z.array(waitingItem) });

export const mineSchema = z.object({
  applications: z.array(applicationItem),
  leases: z.array(leaseItem),
  waitingCount: int.describe('how many are waiting in all'),
});
