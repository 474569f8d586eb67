import type { Executor } from '../../db/client';
import type { SessionUser } from '../../plugins/auth';
import { accountOverview, auditOverview, benefitsOverview, enterpriseSummary, talentSummary, unitSummary, zoneOverview } from './home.repo';

const day = 24 * 60 * 60 * 1000;

/** What each of the user's roles sees first: figures counted from the records, scoped to the role's binding. */
export async function homeFor(executor: Executor, user: SessionUser) {
  const roles = new Set(user.roles);
  const home: Record<string, unknown> = {};
  if (roles.has('office') || roles.has('leader')) home.zone = await zoneOverview(executor);
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
  if ((['office', 'leader', 'department', 'talent', 'enterprise'] as const).some((role) => roles.has(role))) home.benefits = await benefitsOverview(executor, user);
  if (roles.has('sysadmin') || roles.has('secadmin')) home.accounts = await accountOverview(executor);
  if (roles.has('auditor') || roles.has('secadmin')) home.audit = await auditOverview(executor, new Date(Date.now() - day));
  return home;
}
