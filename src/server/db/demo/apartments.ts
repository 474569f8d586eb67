import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { ApartmentLayout, ApartmentUnitStatus } from '../../../domain/apartments';
import { decide } from '../../modules/policies/decision';
import { referenceLabels, subjectFacts } from '../../modules/policies/facts.repo';
import { parameterValuesOn } from '../../modules/policies/policies.repo';
import type { Tx } from '../client';
import { apartmentBuildings, apartmentLeases, apartmentUnits, caseActions, cases, policies, policyVersions, talents } from '../schema';
import { beijingDay, calendarWorkingDay } from './policies';
import { seededRandom, seedOf } from './random';

type Ids = { accountTalentId: string; housingUserId: string; housingUnitId: string; today: Date };

/** Layout, area range (m²) and monthly rent (yuan) of each kind of apartment. */
const kinds: Record<ApartmentLayout, { area: [number, number]; rent: number }> = {
  studio: { area: [32, 36], rent: 700 },
  oneBedroom: { area: [45, 52], rent: 950 },
  twoBedroom: { area: [68, 78], rent: 1300 },
  threeBedroom: { area: [92, 98], rent: 1700 },
};

/** 28 apartments in two buildings; the mix by floor. */
const buildings = [
  { name: '人才公寓 2 号楼', address: '阳泉高新区桃林沟路 18 号', park: '高新区科创城', layouts: ['studio', 'studio', 'studio', 'studio', 'oneBedroom', 'oneBedroom', 'oneBedroom', 'oneBedroom', 'oneBedroom', 'oneBedroom', 'twoBedroom', 'twoBedroom', 'twoBedroom', 'threeBedroom'] },
  { name: '人才公寓 3 号楼', address: '阳泉高新区桃林沟路 20 号', park: '高新区科创城', layouts: ['studio', 'studio', 'studio', 'studio', 'oneBedroom', 'oneBedroom', 'oneBedroom', 'oneBedroom', 'oneBedroom', 'oneBedroom', 'twoBedroom', 'twoBedroom', 'twoBedroom', 'threeBedroom'] },
] as const satisfies readonly { name: string; address: string; park: string; layouts: readonly ApartmentLayout[] }[];

/** Of the 28: 23 let (most of them), 1 allocated awaiting move-in, 1 under maintenance, 3 vacant to allocate. */
const occupiedCount = 23;
const reservedCount = 1;
const maintenanceCount = 1;
const waitingCount = 4;
const inReviewCount = 2;

/**
 * The source's 28 furnished talent apartments (拎包入住) in two buildings, most of them let: tenants are demo talents the
 * housing policy admits, each with an approved apartment application (a case of the engine) and a lease since 2024–26;
 * four approved applicants on the waiting list (tiers mixed, so the ordering rule shows), two applications waiting for
 * 规划建设局 in 待办. The `talent` account has none, so it can apply. Deterministic (seeded); the open ones dated back
 * from the load day in working days.
 */
export async function storeApartments(tx: Tx, ids: Ids) {
  const random = seededRandom(seedOf('demo:apartments'));
  const today = beijingDay(ids.today);
  const [policy] = await tx
    .select({ id: policies.id, title: policies.title, code: policies.code, version: policyVersions })
    .from(policies)
    .innerJoin(policyVersions, eq(policyVersions.id, policies.publishedVersionId))
    .where(eq(policies.code, 'APARTMENT'));
  const labels = await referenceLabels(tx);
  const params = await parameterValuesOn(tx, policy.id, today);

  // applicants: in-zone talents the housing rule admits today, in a seeded order
  const candidates = await tx
    .select({ id: talents.id })
    .from(talents)
    .where(and(eq(talents.status, 'inZone'), inArray(talents.highestEducation, ['bachelor', 'master', 'doctorate']), ne(talents.id, ids.accountTalentId)))
    .orderBy(asc(talents.id))
    .limit(400);
  const needed = occupiedCount + reservedCount + waitingCount + inReviewCount;
  const applicants: { id: string; decision: ReturnType<typeof decide> }[] = [];
  for (const candidate of random.shuffle(candidates)) {
    if (applicants.length === needed) break;
    const facts = await subjectFacts(tx, 'talent', candidate.id, today);
    if (!facts) continue;
    const decision = decide('talent', policy.version, facts, params, today, labels);
    if (decision.eligible) applicants.push({ id: candidate.id, decision });
  }
  if (applicants.length < needed) throw new Error(`demo: only ${applicants.length} talents qualify for an apartment`);

  const buildingRows = await tx
    .insert(apartmentBuildings)
    .values(buildings.map((building) => ({ id: random.uuid(), name: building.name, address: building.address, park: building.park })))
    .returning();
  const unitValues: (typeof apartmentUnits.$inferInsert)[] = [];
  for (const [index, building] of buildings.entries()) {
    for (const [position, layout] of building.layouts.entries()) {
      const floor = Math.floor(position / 4) + 1;
      const { area, rent } = kinds[layout];
      unitValues.push({
        id: random.uuid(), buildingId: buildingRows[index].id, number: `${floor}0${(position % 4) + 1}`, layout, area: random.integer(area[0] * 10, area[1] * 10) / 10, furnished: true,
        monthlyRent: rent, status: 'vacant',
      });
    }
  }
  // which units are let, allocated, under maintenance: a seeded choice, the vacant ones left over
  const order = random.shuffle(unitValues.map((_, index) => index));
  const statusOf = new Map<number, ApartmentUnitStatus>();
  order.forEach((unitIndex, rank) =>
    statusOf.set(unitIndex, rank < occupiedCount ? 'occupied' : rank < occupiedCount + reservedCount ? 'reserved' : rank < occupiedCount + reservedCount + maintenanceCount ? 'maintenance' : 'vacant'),
  );
  unitValues.forEach((unit, index) => (unit.status = statusOf.get(index)!));
  await tx.insert(apartmentUnits).values(unitValues);
  const letUnits = order.slice(0, occupiedCount + reservedCount).map((index) => unitValues[index]);

  const steps = policy.version.steps;
  const caseValues: (typeof cases.$inferInsert)[] = [];
  const actionValues: (typeof caseActions.$inferInsert)[] = [];
  const leaseValues: (typeof apartmentLeases.$inferInsert)[] = [];
  const layoutsWanted: ApartmentLayout[] = ['studio', 'oneBedroom', 'oneBedroom', 'twoBedroom', 'threeBedroom'];
  for (const [index, applicant] of applicants.entries()) {
    const housed = index < occupiedCount + reservedCount;
    const waiting = !housed && index < occupiedCount + reservedCount + waitingCount;
    // housed: applied 2024-01 … 2026-08; waiting: applied in the last months; in review: this week
    const submittedDay = housed
      ? `${2024 + Math.floor(index / 10)}-${String(1 + ((index * 7) % 8)).padStart(2, '0')}-${String(3 + (index % 20)).padStart(2, '0')}`
      : waiting
        ? calendarWorkingDay(today, -(60 - (index - occupiedCount - reservedCount) * 12))
        : calendarWorkingDay(today, -(index - needed + inReviewCount + 1));
    const submittedAt = new Date(`${calendarWorkingDay(submittedDay)}T09:30:00+08:00`);
    const decidedAt = new Date(`${calendarWorkingDay(submittedDay, 3)}T15:00:00+08:00`);
    const caseId = random.uuid();
    const open = !housed && !waiting;
    const unit = housed ? letUnits[index] : undefined;
    const layout = unit?.layout ?? random.pick(layoutsWanted);
    caseValues.push({
      id: caseId, type: 'apartment', subjectKind: 'talent', subjectId: applicant.id, round: 'once', status: open ? 'inReview' : 'approved',
      form: { title: '人才公寓入住申请', layout, buildingId: null, familySize: layout === 'studio' ? 1 : random.integer(1, layout === 'oneBedroom' ? 2 : 4), note: '' },
      decision: { ...applicant.decision, policyCode: policy.code, policyTitle: policy.title } as unknown as Record<string, unknown>, steps,
      submittedBy: ids.housingUserId, channel: 'window', submittedAt, stepStartedAt: submittedAt, decidedAt: open ? null : decidedAt, version: open ? 1 : 2, createdAt: submittedAt, updatedAt: open ? submittedAt : decidedAt,
    });
    actionValues.push({ caseId, stepIndex: 0, actorId: ids.housingUserId, action: 'submit', comment: '窗口代办', at: submittedAt });
    if (!open) actionValues.push({ caseId, stepIndex: 0, unitId: ids.housingUnitId, actorId: ids.housingUserId, action: 'approve', comment: '符合人才公寓租住保障条件，进入轮候。', at: decidedAt });
    if (unit) {
      const startDate = calendarWorkingDay(submittedDay, 10 + random.integer(0, 20));
      const reserved = index >= occupiedCount;
      const start = reserved ? calendarWorkingDay(today, 3) : startDate;
      const years = Number(today.slice(0, 4)) - Number(start.slice(0, 4));
      const renewals = reserved ? 0 : Math.max(0, years - (today.slice(5) >= start.slice(5) ? 0 : 1));
      const endDate = `${Number(start.slice(0, 4)) + 1 + renewals}${start.slice(4).replace('-02-29', '-02-28')}`;
      leaseValues.push({
        id: random.uuid(), unitId: unit.id!, caseId, talentId: applicant.id, status: reserved ? 'reserved' : 'active', startDate: start, endDate, moveInDate: reserved ? null : start,
        renewals, allocatedBy: ids.housingUserId, allocatedAt: reserved ? new Date(`${calendarWorkingDay(today, -1)}T10:00:00+08:00`) : new Date(`${start}T09:00:00+08:00`),
      });
    }
  }
  await tx.insert(cases).values(caseValues);
  await tx.insert(caseActions).values(actionValues);
  await tx.insert(apartmentLeases).values(leaseValues);
  return { apartments: unitValues.length, leases: leaseValues.length };
}
