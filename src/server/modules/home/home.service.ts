import type { Executor } from '../../db/client';
import type { SessionUser } from '../../plugins/auth';
import { educationLevels, type EducationLevel } from '../../../domain/dictionaries';
import { accountOverview, auditOverview, benefitsOverview, enterpriseSummary, talentSummary, unitSummary, zoneGlance, zoneOverview } from './home.repo';
import { compactTallies, readTallies, tallyRowsToCompact } from './tallies.repo';

const day = 24 * 60 * 60 * 1000;

/** What each of the user's roles sees first: figures counted from the records (the registry's from its tallies), scoped to the role's binding. */
export async function homeFor(executor: Executor, user: SessionUser) {
  const roles = new Set(user.roles);
  const home: Record<string, unknown> = {};
  // the office works from the zone's tiles; a leader wants the zone at a glance (an office leader sees both)
  // the registry's counts and the zone's money come from the tallies, kept by the writing statements: no scan per request
  const counts = roles.has('office') || roles.has('leader') ? await readTallies(executor) : undefined;
  if (counts) {
    if (roles.has('office')) home.zone = await zoneOverview(executor, counts);
    if (roles.has('leader')) home.glance = presentGlance(await zoneGlance(executor, counts));
    if (counts.rows > tallyRowsToCompact) await compactTallies(executor);
  }
  if (roles.has('talent') && user.talentId) {
    const row = await talentSummary(executor, user.talentId);
    if (row) {
      const { talent, employer } = row;
      home.talent = { id: talent.id, name: talent.name, employer, status: talent.status, arrivalRoute: talent.arrivalRoute, arrivedOn: talent.arrivedOn };
    }
  }
  if (roles.has('enterprise') && user.organisationId) {
    const summary = await enterpriseSummary(executor, user.organisationId);
    if (summary) {
      const { organisation, staff, staffInZone } = summary;
      home.enterprise = { id: organisation.id, name: organisation.name, industry: organisation.industry, staff, staffInZone };
    }
  }
  if (roles.has('department') && user.unitId) {
    const unit = await unitSummary(executor, user.unitId);
    if (unit) home.unit = { id: unit.id, name: unit.name, nameEn: unit.nameEn, duties: unit.duties, isResponsibleUnit: unit.isResponsibleUnit, inServiceTeam: unit.inServiceTeam };
  }
  // policies and money: everyone who applies, reviews, runs or watches them (not the three administrators)
  if ((['office', 'leader', 'department', 'talent', 'enterprise'] as const).some((role) => roles.has(role))) home.benefits = await benefitsOverview(executor, user, counts);
  if (roles.has('sysadmin') || roles.has('secadmin')) home.accounts = await accountOverview(executor);
  if (roles.has('auditor') || roles.has('secadmin')) home.audit = await auditOverview(executor, new Date(Date.now() - day));
  return home;
}

/**
 * The leader's figures in a fixed order: chains largest first (talents outside a key chain last, as `chain: null`),
 * education from the highest level down, every year from the first arrival to the last event, policies by code; money
 * totals summed over the published policies.
 */
function presentGlance({ byChain, byEducation, arrivals, departures, money }: Awaited<ReturnType<typeof zoneGlance>>) {
  const education = new Map(byEducation.map((row) => [row.education, Number(row.total)]));
  const arrived = new Map(arrivals.map((row) => [row.year, Number(row.total)]));
  const left = new Map(departures.map((row) => [row.year, Number(row.total)]));
  const years = [...arrived.keys(), ...left.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const talents = byChain.reduce((sum, row) => sum + Number(row.total), 0);
  return {
    talents,
    byChain: [...byChain.filter((row) => row.chain !== null), ...byChain.filter((row) => row.chain === null)].map((row) => ({ chain: row.chain, total: Number(row.total) })),
    byEducation: educationLevels.filter((level) => education.has(level)).map((level: EducationLevel) => ({ education: level, total: education.get(level)! })),
    byYear: years.length ? Array.from({ length: last - first + 1 }, (_, index) => first + index).map((year) => ({ year, arrived: arrived.get(year) ?? 0, left: left.get(year) ?? 0 })) : [],
    unknownEducation: education.get(null) ?? 0,
    policies: money.map((row) => ({ id: row.id, code: row.code, title: row.title, budget: Number(row.budget), committed: row.committed, paid: row.paid })),
    budget: money.reduce((sum, row) => sum + Number(row.budget), 0),
    committed: money.reduce((sum, row) => sum + row.committed, 0),
    paid: money.reduce((sum, row) => sum + row.paid, 0),
  };
}
