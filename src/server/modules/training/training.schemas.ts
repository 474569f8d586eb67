import { z } from 'zod';
import { trainingClassKinds, trainingClassStatuses, trainingOrderStatuses } from '../../../domain/growth';
import { talentInput } from '../../../domain/talent';
import { safeText } from '../../../domain/text';
import { pageQuery, pageSchema } from '../../http/pagination';

const isoDate = z.iso.date();
const version = z.number().int().min(1);
const named = z.object({ id: z.uuid(), name: z.string() });

export const orderBody = z
  .object({
    enterpriseId: z.uuid().optional().describe('the office files for an enterprise; an enterprise account files for itself (left out)'),
    skill: safeText(z.string().trim().min(2).max(60)),
    headcount: z.number().int().min(1).max(1000),
    deadline: isoDate,
    demandId: z.uuid().optional().nullable().describe('the enterprise demand (岗位需求) this order answers, if any'),
    note: safeText(z.string().trim().max(1000)).default(''),
  });
export type OrderInput = z.infer<typeof orderBody>;

export const matchBody = z.object({ providerId: z.uuid(), version });

export const orderListQuery = pageQuery.extend({
  status: z.enum(trainingOrderStatuses).optional(),
  enterpriseId: z.uuid().optional(),
});

export const orderItem = z.object({
  id: z.uuid(),
  enterprise: named,
  skill: z.string(),
  headcount: z.number().int(),
  deadline: z.string(),
  demandId: z.uuid().nullable(),
  provider: named.nullable(),
  status: z.enum(trainingOrderStatuses),
  enrolled: z.number().int().describe('trainees in the order’s classes'),
  certified: z.number().int(),
  placed: z.number().int().describe('trainees placed into the ordering enterprise'),
  fulfilmentRate: z.number().int().describe('placed / headcount, whole percent'),
  createdAt: z.iso.datetime(),
});
export const orderPage = pageSchema(orderItem);

export const classBody = z.object({
  kind: z.enum(trainingClassKinds),
  className: safeText(z.string().trim().min(2).max(80)),
  orderId: z.uuid().optional().nullable(),
  providerId: z.uuid(),
  enterpriseId: z.uuid().optional().nullable().describe('企业订单班: the enterprise; an order class takes the order’s'),
  skill: safeText(z.string().trim().min(2).max(60)).optional().describe('the skill or theme; an order class takes the order’s'),
  certificateName: safeText(z.string().trim().min(2).max(80)).optional().nullable(),
  certificateLevel: z.number().int().min(1).max(5).optional().nullable(),
  startsOn: isoDate,
  endsOn: isoDate,
});
export type ClassInput = z.infer<typeof classBody>;

export const classListQuery = pageQuery.extend({ kind: z.enum(trainingClassKinds).optional(), orderId: z.uuid().optional() });

export const classItem = z.object({
  id: z.uuid(),
  kind: z.enum(trainingClassKinds),
  name: z.string(),
  orderId: z.uuid().nullable(),
  provider: named,
  enterprise: named.nullable(),
  skill: z.string(),
  certificateName: z.string().nullable(),
  certificateLevel: z.number().int().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(trainingClassStatuses),
  trainees: z.number().int(),
  certified: z.number().int(),
  placed: z.number().int(),
});
export const classPage = pageSchema(classItem);

export const sessionBody = z.object({
  heldOn: isoDate,
  topic: safeText(z.string().trim().min(2).max(120)),
  lecturer: safeText(z.string().trim().max(60)).default(''),
});

export const enrolBody = z.object({
  talentId: z.uuid().optional().describe('a talent of the registry'),
  newTalent: talentInput.optional().describe('or a new person, registered in the talent registry first (the usual checks: ID number, duplicates)'),
  enrolledOn: isoDate.optional(),
});

export const attendanceBody = z.object({ presentEnrolmentIds: z.array(z.uuid()).max(500) });
export const sessionParams = z.object({ id: z.uuid(), sessionId: z.uuid() });

export const assessmentBody = z.object({ score: z.number().int().min(0).max(100), passed: z.boolean(), assessedOn: isoDate, version });
export const certificateBody = z.object({ issuedOn: isoDate, version });
export const placementBody = z.object({ placedOn: isoDate, version });

export const enrolmentSchema = z.object({
  id: z.uuid(),
  classId: z.uuid(),
  talent: named,
  enrolledOn: z.string(),
  attended: z.number().int().describe('sessions attended'),
  sessions: z.number().int().describe('sessions held'),
  assessmentScore: z.number().int().nullable(),
  assessmentPassed: z.boolean().nullable(),
  assessedOn: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  certificateIssuedOn: z.string().nullable(),
  placedEnterprise: named.nullable(),
  placedOn: z.string().nullable(),
  version: z.number().int(),
});

export const classSchema = classItem.extend({
  order: z.object({ id: z.uuid(), skill: z.string(), headcount: z.number().int() }).nullable(),
  sessions: z.array(z.object({ id: z.uuid(), heldOn: z.string(), topic: z.string(), lecturer: z.string(), present: z.array(z.uuid()).describe('enrolment ids present') })),
  enrolments: z.array(enrolmentSchema),
  version: z.number().int(),
  permissions: z.object({ manage: z.boolean() }),
});

export const orderSchema = orderItem.extend({
  note: z.string(),
  classes: z.array(classItem),
  version: z.number().int(),
  permissions: z.object({ manage: z.boolean() }),
});

export const providerList = z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() }));

export const talentTrainingQuery = z.object({ talentId: z.uuid() });
export const talentTrainingList = z.array(
  z.object({
    enrolmentId: z.uuid(),
    class: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(trainingClassKinds) }),
    provider: z.string(),
    certificateName: z.string().nullable(),
    certificateNumber: z.string().nullable(),
    certificateIssuedOn: z.string().nullable(),
    placedOn: z.string().nullable(),
  }),
);

export const traineeImportResult = z.object({
  enrolled: z.number().int().describe('trainees added to the class'),
  registered: z.number().int().describe('of those, people registered in the talent registry first'),
  skipped: z.number().int().describe('rows whose talent was already in the class'),
});
