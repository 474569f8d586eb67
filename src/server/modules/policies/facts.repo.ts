import { sql, type SQL } from 'drizzle-orm';
import { factModels, type Facts, type SubjectKind } from '../../../domain/policies/facts';
import type { Locale } from '../../../domain/rules';
import { queryRows, type Executor } from '../../db/client';

/** The name of a code that is data (an industry, a tier) in a language. */
export type Labeller = (fact: string, code: string, locale: Locale) => string | undefined;

/**
 * The facts of subjects on a snapshot date, from the views `talent_facts` and `enterprise_facts` (migration 0003) plus
 * the date-dependent facts. The result is a subquery `f` with one quoted camelCase column per fact of the model, so a
 * rule's SQL (`toSql`) and the JS engine read the same values.
 */
export function factsSource(kind: SubjectKind, asOf: string): SQL {
  const day = sql`${asOf}::date`;
  const wholeYears = (from: SQL) => sql`extract(year from age(${day}, ${from}))::int`;
  return kind === 'talent'
    ? sql`(select v.*, ${wholeYears(sql`v."birthDate"::date`)} as "age", ${wholeYears(sql`v."arrivedOn"::date`)} as "yearsInZone" from talent_facts v)`
    : sql`(select v.*, ${wholeYears(sql`v."foundedOn"::date`)} as "yearsSinceFounded" from enterprise_facts v)`;
}

/** SQL of one fact, as the rules engine's `toSql` asks for it. */
export const factColumn = (fact: string) => `f."${fact.replaceAll('"', '')}"`;

type FactRow = Record<string, unknown> & { id: string };

/** Every fact of the model present, `null` where the registry has nothing. */
function factsOf(kind: SubjectKind, row: FactRow): Facts {
  const facts: Facts = {};
  for (const name of Object.keys(factModels[kind])) {
    const value = row[name];
    facts[name] = value === undefined ? null : (value as Facts[string]);
  }
  return facts;
}

export async function subjectFacts(executor: Executor, kind: SubjectKind, id: string, asOf: string): Promise<Facts | null> {
  const [row] = await queryRows<FactRow>(executor, sql`select * from ${factsSource(kind, asOf)} f where f.id = ${id}`);
  return row ? factsOf(kind, row) : null;
}

/** A keyset chunk of subjects: the next `limit` after id `after`, in id order. */
export type SubjectChunk = { after: string | null; limit: number };

/**
 * Facts of many subjects: all of a kind, or those a condition selects (e.g. a rule's SQL); with `chunk`, only the next
 * chunk of them in id order (long work reads the registry so, one short statement per chunk).
 */
export async function subjectsFacts(executor: Executor, kind: SubjectKind, asOf: string, where?: SQL, chunk?: SubjectChunk): Promise<{ id: string; facts: Facts }[]> {
  const organisationsOnly = kind === 'enterprise' ? sql`f.id in (select id from organisations where kind in ('enterprise', 'team'))` : sql`true`;
  const after = chunk?.after ? sql`f.id > ${chunk.after}::uuid` : sql`true`;
  const page = chunk ? sql` order by f.id limit ${chunk.limit}` : sql``;
  const rows = await queryRows<FactRow>(executor, sql`select * from ${factsSource(kind, asOf)} f where ${organisationsOnly} and ${after} and ${where ?? sql`true`}${page}`);
  return rows.map((row) => ({ id: row.id, facts: factsOf(kind, row) }));
}

/** Names of the codes that are data (industries, tiers) in each language, for the sentences of `explain`. */
export async function referenceLabels(executor: Executor): Promise<Labeller> {
  type Named = { code: string; name: string; nameEn: string };
  const [industryRows, tierRows] = await Promise.all([
    queryRows<Named>(executor, sql`select code, name, name_en as "nameEn" from industries`),
    queryRows<Named>(executor, sql`select code, name, name_en as "nameEn" from talent_tiers`),
  ]);
  const industries = new Map(industryRows.map((row) => [row.code, row]));
  const tiers = new Map(tierRows.map((row) => [row.code, row]));
  return (fact, code, locale) => {
    const reference = factModels.talent[fact as keyof typeof factModels.talent]?.reference ?? factModels.enterprise[fact as keyof typeof factModels.enterprise]?.reference;
    const row = reference === 'industries' ? industries.get(code) : reference === 'tiers' ? tiers.get(code) : undefined;
    return row && (locale === 'en-US' ? row.nameEn : row.name);
  };
}

/** What the values of data facts are called: industries (and the chain each belongs to) and the employers named. */
export async function factValueNames(executor: Executor, organisationIds: string[]) {
  type Industry = { code: string; name: string; nameEn: string; chain: string | null };
  const ids = [...new Set(organisationIds)];
  const [industryRows, organisationRows] = await Promise.all([
    queryRows<Industry>(executor, sql`select code, name, name_en as "nameEn", chain from industries`),
    ids.length
      ? queryRows<{ id: string; name: string }>(executor, sql`select id, name from organisations where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)
      : Promise.resolve([]),
  ]);
  return { industries: industryRows, organisations: new Map(organisationRows.map((row) => [row.id, row.name])) };
}
