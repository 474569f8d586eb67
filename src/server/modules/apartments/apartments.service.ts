/**
 * Talent apartments (人才公寓): the inventory (buildings, units), applications as cases of the engine (type
 * `apartment`, one step at the housing unit U10, eligibility by the demo housing policy's rule through the policy
 * engine), the waiting list and its ordering rule, allocation (never two tenants in one unit), leases (move-in,
 * renewal, move-out) and the occupancy history. The office and the housing unit manage; leaders read; a talent applies
 * and follows their own application, position and lease.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import { apartmentPolicyCode, housingUnitCode, type ApartmentLayout, type LeaseStatus } from '../../../domain/apartments';
import { caseLink } from '../../../domain/cases';
import type { Language } from '../../../domain/i18n';
import { factModels } from '../../../domain/policies/facts';
import { leaseStatusLabels } from '../../../domain/apartment-messages';
import { inBothLanguages } from '../../../domain/policies/messages';
import type { ApplicationStatus, ReviewDecision } from '../../../domain/policies/policy';
import type { Db, Executor } from '../../db/client';
import { cases } from '../../db/schema';
import { AppError, forbidden, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { notify, subjectAccounts, unitStaff } from '../notifications/notifications.service';
import { canActNow, decideStep, resubmitCase, stepDeadline, withdrawCase } from '../cases/cases.engine';
import { caseHistory, caseScope, findCase, insertAction, insertCase, listCaseRows, lockCase, unitById, type CaseRow } from '../cases/cases.repo';
import { decide, withoutBirthDate, type Decision } from '../policies/decision';
import { referenceLabels, subjectFacts } from '../policies/facts.repo';
import { findPolicyByCode, findVersion, parameterValuesOn } from '../policies/policies.repo';
import {
  buildingNamed, findBuilding, findUnit, insertBuilding, insertLease, insertUnit, leaseOfCase, listBuildingRows, listLeaseRows, listUnitRows, lockBuilding, lockLease, lockUnit,
  openApartmentOf, reserveVacantUnit, talentTier, unitNumbered, updateBuilding, updateLease, updateUnit, waitingRows, type LeaseFilters, type UnitFilters,
} from './apartments.repo';

const title = '人才公寓入住申请';
const today = () => new Date().toISOString().slice(0, 10);
const isApartment = eq(cases.type, 'apartment');
const link = (id: string) => caseLink('apartment', id);

// ——— who may do what ———

/**
 * Staff who may read (office, leaders, the housing unit) or manage (office, the housing unit) the apartments. Another
 * unit's staff are refused (403, as without the permission); its cases are outside its scope (404).
 */
async function requireHousingStaff(executor: Executor, user: SessionUser, write: boolean) {
  if (user.roles.includes('office')) return;
  if (!write && user.roles.includes('leader')) return;
  if (user.roles.includes('department') && user.unitId) {
    const unit = await unitById(executor, user.unitId);
    if (unit?.code === housingUnitCode) return;
  }
  throw forbidden();
}

const isHousingStaff = async (executor: Executor, user: SessionUser) =>
  requireHousingStaff(executor, user, false).then(
    () => true,
    () => false,
  );

/** Apartment applications the user may see: the engine's scope (the applicant; the unit named in the steps; office and leaders). */
const applicationScope = (user: SessionUser): SQL => and(isApartment, caseScope(user))!;

// ——— buildings ———

const rate = (occupied: number, units: number) => (units ? Math.round((occupied / units) * 1000) / 1000 : 0);

export async function listBuildings(executor: Executor, user: SessionUser) {
  await requireHousingStaff(executor, user, false);
  const rows = await listBuildingRows(executor);
  const items = rows.map(({ building, units, vacant, reserved, occupied, maintenance }) => ({
    id: building.id, name: building.name, address: building.address, park: building.park, units, vacant, reserved, occupied, maintenance,
    occupancyRate: rate(occupied, units), version: building.version,
  }));
  const sum = (key: 'units' | 'vacant' | 'reserved' | 'occupied' | 'maintenance') => items.reduce((total, item) => total + item[key], 0);
  const totals = { units: sum('units'), vacant: sum('vacant'), reserved: sum('reserved'), occupied: sum('occupied'), maintenance: sum('maintenance') };
  return { items, totals: { ...totals, occupancyRate: rate(totals.occupied, totals.units) } };
}

type BuildingInput = { buildingName: string; buildingAddress: string; buildingPark: string };

async function buildingView(executor: Executor, id: string) {
  return (await listBuildingRows(executor))
    .filter(({ building }) => building.id === id)
    .map(({ building, units, vacant, reserved, occupied, maintenance }) => ({
      id: building.id, name: building.name, address: building.address, park: building.park, units, vacant, reserved, occupied, maintenance, occupancyRate: rate(occupied, units), version: building.version,
    }))[0];
}

export async function createBuilding(db: Db, actor: Actor, user: SessionUser, input: BuildingInput) {
  return db.transaction(async (tx) => {
    await requireHousingStaff(tx, user, true);
    if (await buildingNamed(tx, input.buildingName)) throw new AppError(409, 'apartmentBuildingNameTaken');
    const row = await insertBuilding(tx, { name: input.buildingName, address: input.buildingAddress, park: input.buildingPark });
    await recordAudit(tx, actor, { action: 'apartmentBuilding.create', targetType: 'apartmentBuilding', targetId: row.id, changes: { name: row.name, address: row.address, park: row.park } });
    return (await buildingView(tx, row.id))!;
  });
}

export async function changeBuilding(db: Db, actor: Actor, user: SessionUser, id: string, input: BuildingInput & { version: number }) {
  return db.transaction(async (tx) => {
    await requireHousingStaff(tx, user, true);
    const row = await lockBuilding(tx, id);
    if (!row) throw notFound();
    if (row.version !== input.version) throw new AppError(409, 'apartmentStale');
    const clash = await buildingNamed(tx, input.buildingName);
    if (clash && clash.id !== id) throw new AppError(409, 'apartmentBuildingNameTaken');
    await updateBuilding(tx, id, { name: input.buildingName, address: input.buildingAddress, park: input.buildingPark, version: row.version + 1 });
    await recordAudit(tx, actor, { action: 'apartmentBuilding.update', targetType: 'apartmentBuilding', targetId: id, changes: { name: [row.name, input.buildingName], address: [row.address, input.buildingAddress], park: [row.park, input.buildingPark] } });
    return (await buildingView(tx, id))!;
  });
}

// ——— units ———

type UnitListed = Awaited<ReturnType<typeof listUnitRows>>['rows'][number];
const presentUnit = ({ unit, buildingName, tenant }: UnitListed) => ({
  id: unit.id, buildingId: unit.buildingId, buildingName, number: unit.number, layout: unit.layout, area: Number(unit.area), furnished: unit.furnished,
  monthlyRent: unit.monthlyRent, status: unit.status, tenant, version: unit.version,
});

export type UnitListQuery = { page: number; pageSize: number; buildingId?: string; unitStatus?: UnitFilters['status']; layout?: ApartmentLayout; furnished?: boolean; unitNumber?: string };

export async function listUnits(executor: Executor, user: SessionUser, query: UnitListQuery) {
  await requireHousingStaff(executor, user, false);
  const filters: UnitFilters = { buildingId: query.buildingId, status: query.unitStatus, layout: query.layout, furnished: query.furnished, number: query.unitNumber };
  const { rows, total } = await listUnitRows(executor, filters, query.page, query.pageSize);
  return { items: rows.map(presentUnit), total };
}

export async function unitDetail(executor: Executor, user: SessionUser, id: string) {
  await requireHousingStaff(executor, user, false);
  const row = await findUnit(executor, id);
  if (!row) throw notFound();
  const { rows } = await listLeaseRows(executor, { unitId: id }, 1, 200);
  return { ...presentUnit(row), history: rows.map(presentLease) };
}

type UnitInput = { unitNumber: string; layout: ApartmentLayout; area: number; furnished: boolean; monthlyRent: number; unitStatus?: 'vacant' | 'maintenance' };

export async function createUnit(db: Db, actor: Actor, user: SessionUser, input: UnitInput & { buildingId: string }) {
  return db.transaction(async (tx) => {
    await requireHousingStaff(tx, user, true);
    if (!(await findBuilding(tx, input.buildingId))) throw invalid({ buildingId: { code: 'apartment.buildingUnknown' } });
    if (await unitNumbered(tx, input.buildingId, input.unitNumber)) throw new AppError(409, 'apartmentUnitNumberTaken');
    const row = await insertUnit(tx, {
      buildingId: input.buildingId, number: input.unitNumber, layout: input.layout, area: input.area, furnished: input.furnished, monthlyRent: input.monthlyRent, status: input.unitStatus ?? 'vacant',
    });
    await recordAudit(tx, actor, { action: 'apartmentUnit.create', targetType: 'apartmentUnit', targetId: row.id, changes: { building: input.buildingId, number: row.number, layout: row.layout, area: input.area, monthlyRent: row.monthlyRent, status: row.status } });
    return presentUnit((await findUnit(tx, row.id))!);
  });
}

/** Edits a unit; its status only between vacant and maintenance (reserved and occupied follow the leases: 409). */
export async function changeUnit(db: Db, actor: Actor, user: SessionUser, id: string, input: UnitInput & { version: number }) {
  return db.transaction(async (tx) => {
    await requireHousingStaff(tx, user, true);
    const row = await lockUnit(tx, id);
    if (!row) throw notFound();
    if (row.version !== input.version) throw new AppError(409, 'apartmentStale');
    const leased = row.status === 'reserved' || row.status === 'occupied';
    if (input.unitStatus && input.unitStatus !== row.status && leased) throw new AppError(409, 'apartmentUnitOccupied');
    if (input.unitNumber !== row.number && (await unitNumbered(tx, row.buildingId, input.unitNumber))) throw new AppError(409, 'apartmentUnitNumberTaken');
    const status = leased ? row.status : (input.unitStatus ?? row.status);
    await updateUnit(tx, id, { number: input.unitNumber, layout: input.layout, area: input.area, furnished: input.furnished, monthlyRent: input.monthlyRent, status, version: row.version + 1 });
    await recordAudit(tx, actor, {
      action: 'apartmentUnit.update', targetType: 'apartmentUnit', targetId: id,
      changes: { number: [row.number, input.unitNumber], layout: [row.layout, input.layout], area: [Number(row.area), input.area], monthlyRent: [row.monthlyRent, input.monthlyRent], furnished: [row.furnished, input.furnished], status: [row.status, status] },
    });
    return presentUnit((await findUnit(tx, id))!);
  });
}

// ——— eligibility and applications ———

/** The housing policy's published rule on the talent's facts today, through the policy engine (as the calculator does). */
async function apartmentDecision(executor: Executor, talentId: string): Promise<{ decision: Decision; policy: { code: string; title: string }; steps: CaseRow['steps'] }> {
  const policy = await findPolicyByCode(executor, apartmentPolicyCode);
  if (!policy || policy.status !== 'published' || !policy.publishedVersionId) throw new AppError(409, 'apartmentPolicyMissing');
  const version = (await findVersion(executor, policy.publishedVersionId))!;
  const asOf = today();
  const facts = await subjectFacts(executor, 'talent', talentId, asOf);
  if (!facts) throw notFound();
  const params = await parameterValuesOn(executor, policy.id, asOf);
  const decision = decide('talent', version, facts, params, asOf, await referenceLabels(executor));
  return { decision, policy: { code: policy.code, title: policy.title }, steps: version.steps };
}

const explanationOf = (decision: Decision) => withoutBirthDate(decision.explanation, decision.facts.birthDate);

function ownTalent(user: SessionUser) {
  if (!user.talentId) throw new AppError(403, 'apartmentNotTalent');
  return user.talentId;
}

/** The talent's eligibility for an apartment today, each condition met or missed in words. */
export async function apartmentEligibility(executor: Executor, user: SessionUser) {
  const { decision, policy } = await apartmentDecision(executor, ownTalent(user));
  return { policy, status: decision.status, explanation: explanationOf(decision), asOf: decision.asOf };
}

/** Refuses an ineligible applicant with the conditions missed (or the facts missing), in both languages. */
function requireEligible(decision: Decision) {
  if (decision.eligible) return;
  const separator = (language: Language) => (language === 'zh-CN' ? '；' : '; ');
  if (decision.status === 'needsData') {
    const facts = (language: Language) => decision.explanation.missing.map((fact) => factModels.talent[fact]?.label[language] ?? fact).join(separator(language));
    throw new AppError(400, 'apartmentMissingData', inBothLanguages('facts', facts));
  }
  const reasons = (language: Language) => withoutBirthDate(decision.explanation.unmet.map((item) => item.text[language]).join(separator(language)), decision.facts.birthDate);
  throw new AppError(400, 'apartmentNotEligible', inBothLanguages('reasons', reasons));
}

type Preferences = { preferredLayout: ApartmentLayout | null; preferredBuildingId: string | null; familySize: number; applicationNote: string };
type Form = { title?: string; layout?: ApartmentLayout | null; buildingId?: string | null; familySize?: number; note?: string };

async function formOf(executor: Executor, input: Preferences): Promise<Form> {
  if (input.preferredBuildingId && !(await findBuilding(executor, input.preferredBuildingId))) throw invalid({ preferredBuildingId: { code: 'apartment.buildingUnknown' } });
  return { title, layout: input.preferredLayout, buildingId: input.preferredBuildingId, familySize: input.familySize, note: input.applicationNote };
}

/**
 * A talent applies: one open, waiting or housed application at a time (409); the housing policy's rule decides (400
 * with the reasons when not eligible); the case gets the policy's review steps (one step at U10) and is audited.
 */
export async function applyForApartment(db: Db, actor: Actor, user: SessionUser, input: Preferences) {
  return db.transaction(async (tx) => {
    const talentId = ownTalent(user);
    if (await openApartmentOf(tx, talentId)) throw new AppError(409, 'apartmentApplicationOpen');
    const form = await formOf(tx, input);
    const { decision, policy, steps } = await apartmentDecision(tx, talentId);
    requireEligible(decision);
    const row = await insertCase(tx, {
      type: 'apartment', subjectKind: 'talent', subjectId: talentId, round: 'once', status: 'inReview', form, decision: { ...decision, policyCode: policy.code, policyTitle: policy.title },
      steps, submittedBy: user.id,
    });
    await insertAction(tx, { caseId: row.id, stepIndex: 0, actorId: user.id, action: 'submit' });
    await recordAudit(tx, actor, { action: 'apartmentApplication.submit', targetType: 'apartmentApplication', targetId: row.id, changes: { talent: talentId, layout: form.layout, building: form.buildingId, familySize: form.familySize } });
    const talent = await talentTier(tx, talentId);
    await notify(tx, await unitStaff(tx, steps[0]?.units ?? []), { kind: 'review', params: { policy: title, subject: talent?.name ?? '', event: 'submitted' }, link: link(row.id) });
    return applicationDetail(tx, user, row.id);
  });
}

type Listed = { row: CaseRow; talentName: string; tier: string | null };

function presentApplication({ row, talentName, tier }: Listed, positions: Map<string, number>, leaseId: string | null, buildingNames: Map<string, string>) {
  const form = row.form as Form;
  return {
    id: row.id,
    talent: { id: row.subjectId, name: talentName, tier },
    status: row.status,
    preferences: { layout: form.layout ?? null, buildingId: form.buildingId ?? null, buildingName: form.buildingId ? (buildingNames.get(form.buildingId) ?? null) : null, familySize: form.familySize ?? 1, note: form.note ?? '' },
    position: positions.get(row.id) ?? null,
    leaseId,
    ...stepDeadline(row),
    escalated: row.escalatedAt !== null,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

async function buildingNameMap(executor: Executor) {
  return new Map((await listBuildingRows(executor)).map(({ building }) => [building.id, building.name]));
}

async function waitingPositions(executor: Executor) {
  const rows = await waitingRows(executor);
  return { rows, positions: new Map(rows.map(({ row }, index) => [row.id, index + 1])) };
}

async function leaseIdsOf(executor: Executor, caseIds: string[]) {
  const { rows } = await listLeaseRows(executor, { caseIds }, 1, 200);
  return new Map(rows.map(({ lease }) => [lease.caseId, lease.id]));
}

export type ApplicationListQuery = { page: number; pageSize: number; status?: ApplicationStatus };

/** Applications the user may see: staff of the housing unit, the office and leaders all; a talent their own. */
export async function listApplications(executor: Executor, user: SessionUser, query: ApplicationListQuery) {
  if (!user.talentId || user.roles.some((role) => role !== 'talent')) await requireHousingStaff(executor, user, false);
  const where = and(applicationScope(user), query.status ? eq(cases.status, query.status) : undefined);
  const { rows, total } = await listCaseRows(executor, where, query.page, query.pageSize);
  const [{ positions }, names] = await Promise.all([waitingPositions(executor), buildingNameMap(executor)]);
  const leases = await leaseIdsOf(executor, rows.map(({ row }) => row.id));
  const tiers = new Map<string, string | null>();
  for (const { row } of rows) if (!tiers.has(row.subjectId)) tiers.set(row.subjectId, (await talentTier(executor, row.subjectId))?.tier ?? null);
  const items = rows.map(({ row, subjectName }) => presentApplication({ row, talentName: subjectName, tier: tiers.get(row.subjectId) ?? null }, positions, leases.get(row.id) ?? null, names));
  return { items, total };
}

const isStaff = (user: SessionUser) => user.roles.some((role) => role === 'office' || role === 'department' || role === 'leader');

/** One application: preferences, the eligibility as the calculator says it, history (internal notes for staff), position, lease. */
export async function applicationDetail(executor: Executor, user: SessionUser, id: string) {
  const row = await findCase(executor, id, applicationScope(user));
  if (!row) throw notFound();
  const [talent, history, { rows: waiting, positions }, names, lease] = await Promise.all([
    talentTier(executor, row.subjectId), caseHistory(executor, id), waitingPositions(executor), buildingNameMap(executor), leaseOfCase(executor, id),
  ]);
  const internal = isStaff(user);
  const mine = row.submittedBy === user.id || (await subjectAccounts(executor, 'talent', row.subjectId)).includes(user.id);
  const decision = row.decision as unknown as Decision & { policyCode?: string; policyTitle?: string };
  const manage = await isManager(executor, user);
  const leaseView = lease ? (await listLeaseRows(executor, { caseIds: [id] }, 1, 1)).rows.map(presentLease)[0] ?? null : null;
  return {
    ...presentApplication({ row, talentName: talent?.name ?? '', tier: talent?.tier ?? null }, positions, lease?.id ?? null, names),
    eligibility: decision.explanation ? explanationOf(decision) : null,
    policy: { code: decision.policyCode ?? apartmentPolicyCode, title: decision.policyTitle ?? '', asOf: decision.asOf ?? '' },
    history: history.map(({ action, unitName, unitNameEn, actorName }) => ({
      action: action.action, unit: unitName, unitEn: unitNameEn, actor: internal ? actorName : null, comment: action.comment, internalNote: internal ? action.internalNote : null, at: action.at.toISOString(),
    })),
    lease: leaseView,
    waitingCount: waiting.length,
    version: row.version,
    permissions: {
      decide: await canActNow(executor, user, row),
      resubmit: row.status === 'returned' && mine,
      withdraw: (row.status === 'inReview' || row.status === 'returned') && mine,
      allocate: row.status === 'approved' && !lease && positions.has(id) && manage,
      manage,
    },
  };
}

const isManager = async (executor: Executor, user: SessionUser) =>
  requireHousingStaff(executor, user, true).then(
    () => true,
    () => false,
  );

/** The housing unit decides (approve: onto the waiting list; return for 补正; reject) through the engine. */
export async function decideApplication(db: Db, actor: Actor, user: SessionUser, id: string, input: { decision: ReviewDecision; comment: string; internalNote: string; version: number }) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, id, applicationScope(user));
    if (!row) throw notFound();
    const outcome = await decideStep(tx, user, row, input);
    const applicants = [row.submittedBy, ...(await subjectAccounts(tx, 'talent', row.subjectId))];
    if (outcome.kind === 'returned') await notify(tx, applicants, { kind: 'returned', params: { policy: title, comment: input.comment }, link: link(id) });
    if (outcome.kind === 'rejected') await notify(tx, applicants, { kind: 'rejected', params: { policy: title, comment: input.comment }, link: link(id) });
    await recordAudit(tx, actor, { action: `apartmentApplication.${input.decision}`, targetType: 'apartmentApplication', targetId: id, changes: { step: row.stepIndex, unit: outcome.unitCode, comment: input.comment } });
    return applicationDetail(tx, user, id);
  });
}

async function lockOwn(tx: Executor, user: SessionUser, id: string) {
  const row = await lockCase(tx, id, applicationScope(user));
  if (!row || !(row.submittedBy === user.id || row.subjectId === user.talentId)) throw notFound();
  return row;
}

/** 补正: the applicant corrects a returned application (preferences); eligibility is checked again. */
export async function resubmitApplication(db: Db, actor: Actor, user: SessionUser, id: string, input: Preferences & { version: number }) {
  return db.transaction(async (tx) => {
    const row = await lockOwn(tx, user, id);
    const form = await formOf(tx, input);
    if (row.status === 'returned') {
      const { decision, policy } = await apartmentDecision(tx, row.subjectId);
      requireEligible(decision);
      await resubmitCase(tx, user, row, input.version, { form, decision: { ...decision, policyCode: policy.code, policyTitle: policy.title } });
    } else {
      await resubmitCase(tx, user, row, input.version, { form });
    }
    await recordAudit(tx, actor, { action: 'apartmentApplication.resubmit', targetType: 'apartmentApplication', targetId: id, changes: { layout: form.layout, building: form.buildingId, familySize: form.familySize } });
    return applicationDetail(tx, user, id);
  });
}

export async function withdrawApplication(db: Db, actor: Actor, user: SessionUser, id: string, version: number) {
  return db.transaction(async (tx) => {
    const row = await lockOwn(tx, user, id);
    await withdrawCase(tx, user, row, version);
    await recordAudit(tx, actor, { action: 'apartmentApplication.withdraw', targetType: 'apartmentApplication', targetId: id });
    return applicationDetail(tx, user, id);
  });
}

// ——— waiting list and allocation ———

/** The waiting list in the order of the rule (tier, then date applied), with positions. Staff only. */
export async function waitingList(executor: Executor, user: SessionUser) {
  await requireHousingStaff(executor, user, false);
  const [{ rows, positions }, names] = await Promise.all([waitingPositions(executor), buildingNameMap(executor)]);
  return { items: rows.map((row) => ({ ...presentApplication(row, positions, null, names), position: positions.get(row.row.id)! })) };
}

/**
 * Staff allocate a vacant unit to an approved, waiting application: the application is locked, then the unit is
 * reserved by one conditional update. Two allocations of the last unit at once: one wins, the other gets 409
 * `apartmentUnitTaken` (the partial unique index on open leases backs it up).
 */
export async function allocateApartment(db: Db, actor: Actor, user: SessionUser, input: { applicationId: string; apartmentId: string; startDate: string; endDate: string }) {
  return db.transaction(async (tx) => {
    await requireHousingStaff(tx, user, true);
    if (input.endDate <= input.startDate) throw invalid({ endDate: { code: 'apartment.endBeforeStart' } });
    const application = await lockCase(tx, input.applicationId, applicationScope(user));
    if (!application) throw invalid({ applicationId: { code: 'apartment.applicationUnknown' } });
    if (application.status !== 'approved' || (await leaseOfCase(tx, application.id))) throw new AppError(409, 'apartmentNotWaiting');
    if (!(await findUnit(tx, input.apartmentId))) throw invalid({ apartmentId: { code: 'apartment.unitUnknown' } });
    const unit = await reserveVacantUnit(tx, input.apartmentId);
    if (!unit) throw new AppError(409, 'apartmentUnitTaken');
    const lease = await insertLease(tx, {
      unitId: unit.id, caseId: application.id, talentId: application.subjectId, status: 'reserved', startDate: input.startDate, endDate: input.endDate, allocatedBy: user.id,
    });
    await recordAudit(tx, actor, { action: 'apartment.allocate', targetType: 'apartmentLease', targetId: lease.id, changes: { application: application.id, unit: unit.id, talent: application.subjectId, startDate: input.startDate, endDate: input.endDate } });
    return leaseView(tx, lease.id);
  });
}

// ——— leases ———

type LeaseListed = Awaited<ReturnType<typeof listLeaseRows>>['rows'][number];
function presentLease({ lease, unitNumber, layout, monthlyRent, buildingName, talentName }: LeaseListed) {
  return {
    id: lease.id, unitId: lease.unitId, unitNumber, buildingName, layout, monthlyRent, applicationId: lease.caseId, talent: { id: lease.talentId, name: talentName },
    status: lease.status, startDate: lease.startDate, endDate: lease.endDate, moveInDate: lease.moveInDate, moveOutDate: lease.moveOutDate, renewals: lease.renewals,
    allocatedAt: lease.allocatedAt.toISOString(), version: lease.version,
  };
}

async function leaseView(executor: Executor, id: string) {
  const { rows } = await listLeaseRows(executor, { id }, 1, 1);
  return presentLease(rows[0]);
}

export type LeaseListQuery = { page: number; pageSize: number; apartmentId?: string; talentId?: string; leaseStatus?: LeaseStatus };

/** Occupancy history: staff any unit's or talent's; a talent only their own. */
export async function listLeases(executor: Executor, user: SessionUser, query: LeaseListQuery) {
  const filters: LeaseFilters = { unitId: query.apartmentId, talentId: query.talentId, status: query.leaseStatus };
  if (!(await isHousingStaff(executor, user))) {
    if (!user.talentId) throw forbidden();
    filters.talentId = user.talentId;
    if (query.talentId && query.talentId !== user.talentId) return { items: [], total: 0 };
  }
  const { rows, total } = await listLeaseRows(executor, filters, query.page, query.pageSize);
  return { items: rows.map(presentLease), total };
}

const leaseStateRefusal = (status: LeaseStatus) => new AppError(409, 'apartmentLeaseState', inBothLanguages('status', (language) => leaseStatusLabels[status][language]));

async function lockManagedLease(tx: Executor, user: SessionUser, id: string, version: number) {
  await requireHousingStaff(tx, user, true);
  const lease = await lockLease(tx, id);
  if (!lease) throw notFound();
  if (lease.version !== version) throw new AppError(409, 'apartmentStale');
  return lease;
}

/** Move-in: a reserved lease becomes active, its unit occupied. */
export async function moveIn(db: Db, actor: Actor, user: SessionUser, id: string, input: { moveInDate: string; version: number }) {
  return db.transaction(async (tx) => {
    const lease = await lockManagedLease(tx, user, id, input.version);
    if (lease.status !== 'reserved') throw leaseStateRefusal(lease.status);
    if (input.moveInDate < lease.startDate) throw invalid({ moveInDate: { code: 'apartment.beforeStart' } });
    await updateLease(tx, id, { status: 'active', moveInDate: input.moveInDate, version: lease.version + 1 });
    await updateUnit(tx, lease.unitId, { status: 'occupied' });
    await recordAudit(tx, actor, { action: 'apartment.moveIn', targetType: 'apartmentLease', targetId: id, changes: { unit: lease.unitId, talent: lease.talentId, moveInDate: input.moveInDate } });
    return leaseView(tx, id);
  });
}

/** Renewal (续租): an active lease gets a later end date. */
export async function renewLease(db: Db, actor: Actor, user: SessionUser, id: string, input: { endDate: string; version: number }) {
  return db.transaction(async (tx) => {
    const lease = await lockManagedLease(tx, user, id, input.version);
    if (lease.status !== 'active') throw leaseStateRefusal(lease.status);
    if (input.endDate <= lease.endDate) throw invalid({ endDate: { code: 'apartment.endNotLater' } });
    await updateLease(tx, id, { endDate: input.endDate, renewals: lease.renewals + 1, version: lease.version + 1 });
    await recordAudit(tx, actor, { action: 'apartment.renew', targetType: 'apartmentLease', targetId: id, changes: { endDate: [lease.endDate, input.endDate] } });
    return leaseView(tx, id);
  });
}

/** Move-out: an active lease ends; its unit goes back to vacant or to maintenance. */
export async function moveOut(db: Db, actor: Actor, user: SessionUser, id: string, input: { moveOutDate: string; unitStatusAfter: 'vacant' | 'maintenance'; version: number }) {
  return db.transaction(async (tx) => {
    const lease = await lockManagedLease(tx, user, id, input.version);
    if (lease.status !== 'active') throw leaseStateRefusal(lease.status);
    if (lease.moveInDate && input.moveOutDate < lease.moveInDate) throw invalid({ moveOutDate: { code: 'apartment.beforeMoveIn' } });
    await updateLease(tx, id, { status: 'ended', moveOutDate: input.moveOutDate, version: lease.version + 1 });
    await updateUnit(tx, lease.unitId, { status: input.unitStatusAfter });
    await recordAudit(tx, actor, { action: 'apartment.moveOut', targetType: 'apartmentLease', targetId: id, changes: { unit: lease.unitId, talent: lease.talentId, moveOutDate: input.moveOutDate, unitStatus: input.unitStatusAfter } });
    return leaseView(tx, id);
  });
}

/** A talent's own: applications with their positions, leases, and how many wait in all. */
export async function myApartment(executor: Executor, user: SessionUser) {
  const talentId = ownTalent(user);
  const { items } = await listApplications(executor, user, { page: 1, pageSize: 50 });
  const { rows } = await listLeaseRows(executor, { talentId }, 1, 50);
  const { rows: waiting } = await waitingPositions(executor);
  return { applications: items, leases: rows.map(presentLease), waitingCount: waiting.length };
}
