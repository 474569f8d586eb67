import type { ChainSegment, EnterpriseSize } from '../../../domain/dictionaries';
import { enterpriseInput, type EnterpriseInput } from '../../../domain/talent';
import { creditCodeCheckCharacter, organisationCodeCheckCharacter } from '../../../domain/validators/credit-code';
import { brandCharacters, companyPrefixes, companySuffixes, industryWords, roads, type IndustryCode } from './catalogue';
import { demoParks, namedEnterpriseDetails } from './organisations';
import { dateBetween, isoDate, mobilePhone, personName } from './people';
import type { Random } from './random';
import { latestDemoDate } from './reference';

/**
 * The zone's enterprises: the six the source names plus generated ones, 153 in all (the source's title-evaluation
 * service reached 153 enterprises), each with a valid unified social credit code, industry, chain segment, park, size,
 * founding date, address in 阳泉高新区 and a contact.
 */
export const demoEnterpriseCount = 153;

/** How many generated enterprises each industry gets (the six named ones come on top). */
const generatedPerIndustry: [IndustryCode, number][] = [
  ['digitalEconomy', 24], ['newEnergyBattery', 14], ['pumpsValves', 20], ['newMaterials', 22], ['chemicals', 14], ['equipment', 18],
  ['informationTechnology', 16], ['modernServices', 10], ['financeEconomics', 3], ['construction', 4], ['publicHealth', 2],
];

export type PlannedEnterprise = EnterpriseInput & { id: string; kind: 'enterprise'; industry: string; size: EnterpriseSize; foundedOn: string };

const creditCharacters = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const areaCodes = ['140300', '140300', '140302', '140303', '140311', '140321', '140322'];

/**
 * A fictitious unified social credit code (GB 32100): 9 (market regulation) 1 (enterprise), a Yangquan area code,
 * a GB 11714 organisation code with its check character, and the code's own check character.
 */
export function syntheticCreditCode(random: Random, foundedYear: number) {
  // before the 2015 reform the body is the old 8-digit organisation code; later codes start with MA
  const body = foundedYear < 2016
    ? Array.from({ length: 8 }, () => random.integer(0, 9)).join('')
    : `MA${Array.from({ length: 6 }, () => random.pick([...creditCharacters])).join('')}`;
  const first17 = `91${random.pick(areaCodes)}${body}${organisationCodeCheckCharacter(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const parkShares: Partial<Record<IndustryCode, [string | null, number][]>> = {
  digitalEconomy: [['百度(阳泉)创新中心', 4], ['山西智创城7号', 3], ['高新技术创业园', 2], [null, 1]],
  informationTechnology: [['山西智创城7号', 4], ['百度(阳泉)创新中心', 3], ['高新技术创业园', 2], [null, 1]],
  modernServices: [['人力资源产业园', 3], ['山西智创城7号', 2], ['高新技术创业园', 2], [null, 3]],
  financeEconomics: [['山西智创城7号', 2], [null, 1]],
};
const sizeShares: [EnterpriseSize, number][] = [['large', 6], ['medium', 22], ['small', 45], ['micro', 27]];
const foundedRange: Record<EnterpriseSize, [number, number]> = { large: [1996, 2014], medium: [2002, 2020], small: [2009, 2023], micro: [2015, 2025] };

function companyName(random: Random, industry: IndustryCode) {
  const brand = random.pick(brandCharacters) + random.pick(brandCharacters);
  return `${random.weighted(companyPrefixes)}${brand}${random.pick(industryWords[industry].companyWords)}${random.weighted(companySuffixes)}`;
}

function address(random: Random, park: string | null) {
  if (park) return `山西省阳泉市阳泉高新区${park} ${random.integer(1, 9)}号楼${random.integer(1, 12)}${String(random.integer(1, 20)).padStart(2, '0')}室`;
  return `山西省阳泉市阳泉高新区${random.pick(roads)}${random.integer(1, 299)}号`;
}

type NamedEnterprise = { id: string; name: string; industry: string; description: string };

/** The 153 enterprises, validated by the same rules as the API's enterprise input. */
export function planEnterprises(random: Random, named: NamedEnterprise[], parkIds: Map<string, string>): PlannedEnterprise[] {
  const names = new Set(named.map((enterprise) => enterprise.name));
  const creditCodes = new Set<string>();
  const enterprise = (id: string, name: string, industry: string, size: EnterpriseSize, founded: [number, number], park: string | null, chainSegment: ChainSegment | null, description: string): PlannedEnterprise => {
    const foundedOn = dateBetween(random, isoDate(founded[0], 1, 1), isoDate(founded[1], 12, 31) < latestDemoDate ? isoDate(founded[1], 12, 31) : latestDemoDate);
    let creditCode: string;
    do creditCode = syntheticCreditCode(random, Number(foundedOn.slice(0, 4)));
    while (creditCodes.has(creditCode));
    creditCodes.add(creditCode);
    const gender = random.chance(0.5) ? 'male' : 'female';
    const input = enterpriseInput.parse({
      name,
      creditCode,
      industry,
      chainSegment,
      parkId: park ? parkIds.get(park)! : null,
      size,
      foundedOn,
      address: address(random, park),
      contactName: personName(random, gender),
      contactPhone: mobilePhone(random),
      description,
    });
    return { ...input, id, kind: 'enterprise', industry, size, foundedOn };
  };

  const result = named.map((organisation) => {
    const details = namedEnterpriseDetails[organisation.name];
    return enterprise(organisation.id, organisation.name, organisation.industry, details.size, details.founded, details.park, details.chainSegment, organisation.description);
  });
  for (const [industry, total] of generatedPerIndustry) {
    for (let index = 0; index < total; index += 1) {
      let name: string;
      do name = companyName(random, industry);
      while (names.has(name));
      names.add(name);
      const size = random.weighted(sizeShares);
      const park = random.weighted(parkShares[industry] ?? [['高新技术创业园', 3], [null, 7]]);
      const product = random.pick(industryWords[industry].products);
      const segment = industry === 'financeEconomics' || industry === 'modernServices' ? null : random.weighted<ChainSegment>([['upstream', 3], ['midstream', 4], ['downstream', 3]]);
      result.push(enterprise(random.uuid(), name, industry, size, foundedRange[size], park, segment, `主营${product}`));
    }
  }
  if (result.length !== demoEnterpriseCount) throw new Error(`expected ${demoEnterpriseCount} enterprises, planned ${result.length}`);
  if (demoParks.some((park) => !parkIds.has(park))) throw new Error('a demo park is missing from the organisations');
  return result;
}
