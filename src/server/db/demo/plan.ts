import type { OrganisationKind } from '../../../domain/dictionaries';
import type { IndustryCode } from './catalogue';
import { planEnterprises, type PlannedEnterprise } from './enterprises';
import { demoOrganisations, demoParks, demoUnits } from './organisations';
import { idNumberAllocator } from './people';
import { seededRandom, seedOf } from './random';
import { planTalents, type Employer, type GeneratorContext, type PlannedTalent } from './talents';

export type PlannedUnit = (typeof demoUnits)[number] & { id: string };
export type PlannedOrganisation = { id: string; kind: Exclude<OrganisationKind, 'enterprise'>; name: string; industry: string | null; description: string };

/** Everything the demo loader stores, before encryption: a pure function of fixed seeds. */
export type DemoPlan = {
  units: PlannedUnit[];
  /** Platforms, universities, the college, research institutes and teams. */
  organisations: PlannedOrganisation[];
  enterprises: PlannedEnterprise[];
  talents: PlannedTalent[];
  /** The talent the `talent` demo account is bound to. */
  accountTalent: string;
};

/**
 * The demo data set, deterministic: each part draws from its own seeded stream (units and organisations, enterprises,
 * people, record ids), so the same records come out on every machine and a change to one part leaves the others alone.
 */
export function demoPlan(): DemoPlan {
  const organisationIds = seededRandom(seedOf('demo:organisations'));
  const units = demoUnits.map((unit) => ({ ...unit, id: organisationIds.uuid() }));
  const named = demoOrganisations.map((organisation) => ({ ...organisation, id: organisationIds.uuid(), industry: organisation.industry ?? null, description: organisation.description ?? '' }));
  const parkIds = new Map(named.filter((organisation) => (demoParks as readonly string[]).includes(organisation.name)).map((organisation) => [organisation.name, organisation.id]));

  const enterprises = planEnterprises(
    seededRandom(seedOf('demo:enterprises')),
    named.filter((organisation) => organisation.kind === 'enterprise').map((organisation) => ({ ...organisation, industry: organisation.industry ?? 'modernServices' })),
    parkIds,
  );
  const organisations = named.filter((organisation): organisation is PlannedOrganisation & typeof organisation => organisation.kind !== 'enterprise');

  const employer = (organisation: { id: string; name: string; industry: string | null }, foundedOn: string | null = null, size: string | null = null): Employer => ({
    id: organisation.id, name: organisation.name, industry: (organisation.industry ?? 'modernServices') as IndustryCode, foundedOn, size,
  });
  const enterpriseEmployers = enterprises.map((enterprise) => employer(enterprise, enterprise.foundedOn, enterprise.size));
  const ofKind = (kind: OrganisationKind) => organisations.filter((organisation) => organisation.kind === kind).map((organisation) => employer(organisation));
  const teams = ofKind('team');
  const institutes = ofKind('researchInstitute');
  const universities = ofKind('university');
  const [college] = ofKind('college');
  const context: GeneratorContext = {
    random: seededRandom(seedOf('demo:talents')),
    ids: seededRandom(seedOf('demo:talent-ids')),
    propensity: seededRandom(seedOf('demo:propensity')),
    allocateIdNumber: idNumberAllocator(),
  };
  const { talents, accountTalent } = planTalents(context, {
    enterprises: enterpriseEmployers,
    teams,
    institutes,
    universities,
    college,
    byName: new Map([...enterpriseEmployers, ...teams, ...institutes, ...universities, college].map((entry) => [entry.name, entry])),
  });
  return { units, organisations, enterprises, talents, accountTalent };
}
