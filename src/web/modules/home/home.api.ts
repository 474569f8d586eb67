import type { ArrivalRoute, EducationLevel, OrganisationKind, TalentStatus } from '../../../domain/dictionaries';
import type { Role } from '../../../domain/roles';
import { api } from '../../app/api';

export type ZoneOverview = {
  talents: number;
  talentsByRoute: Partial<Record<ArrivalRoute, number>>;
  talentsByStatus: Partial<Record<TalentStatus, number>>;
  organisationsByKind: Partial<Record<OrganisationKind, number>>;
  responsibleUnits: number;
  serviceTeamDepartments: number;
};

/** The leader's view: talents by key chain (null: outside the key chains) and education, per year, money per policy. */
export type ZoneGlance = {
  talents: number;
  byChain: { chain: string | null; total: number }[];
  byEducation: { education: EducationLevel; total: number }[];
  unknownEducation: number;
  byYear: { year: number; arrived: number; left: number }[];
  policies: { id: string; code: string; title: string; budget: number; committed: number; paid: number }[];
  budget: number;
  committed: number;
  paid: number;
};

export type TalentSummary = { id: string; name: string; employer: string | null; status: TalentStatus; arrivalRoute: ArrivalRoute; arrivedOn: string | null };
export type EnterpriseSummary = { id: string; name: string; industry: string | null; staff: number; staffInZone: number };
export type UnitSummary = { id: string; name: string; nameEn: string; duties: string; isResponsibleUnit: boolean; inServiceTeam: boolean };
export type AccountOverview = { users: number; byRole: Partial<Record<Role, number>>; disabled: number; passwordPending: number };
export type AuditOverview = {
  events: number;
  failures: number;
  denials: number;
  recent: { id: number; at: string; actorUsername: string | null; action: string; result: string }[];
};

/** Policies and money as the user may see them (null: not for this user's roles). */
export type BenefitsOverview = {
  openApplications: number;
  returnedApplications: number;
  inbox: number | null;
  escalated: number;
  pendingEntitlements: number;
  committed: number;
  paid: number;
  publishedPolicies: number | null;
  budget: number | null;
};

/** The home page of each of the user's roles; a section is present only for the roles that see it. */
export type Home = {
  zone?: ZoneOverview;
  glance?: ZoneGlance;
  talent?: TalentSummary;
  enterprise?: EnterpriseSummary;
  unit?: UnitSummary;
  benefits?: BenefitsOverview;
  accounts?: AccountOverview;
  audit?: AuditOverview;
};

export const fetchHome = () => api.get<Home>('/api/home');
