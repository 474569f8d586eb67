import { alias } from 'drizzle-orm/pg-core';
import { and, asc, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { challenges, industries, organisations, policies, policyVersions, selections, talentPools, trainingClasses } from '../../db/schema';

/** The enterprise a board is for, with its industry and chain (reference data). */
export async function boardEnterprise(executor: Executor, id: string) {
  const [row] = await executor
    .select({ id: organisations.id, name: organisations.name, industryCode: organisations.industry, industry: industries.name, industryEn: industries.nameEn, chain: industries.chain })
    .from(organisations)
    .leftJoin(industries, eq(industries.code, organisations.industry))
    .where(and(eq(organisations.id, id), inArray(organisations.kind, ['enterprise', 'team'])));
  return row;
}

const posters = alias(organisations, 'poster');
const posterIndustries = alias(industries, 'poster_industry');

/** Challenges (揭榜挂帅) open for proposals today, with the poster's industry and chain. */
export async function openChallenges(executor: Executor, today: string) {
  return executor
    .select({
      id: challenges.id, title: challenges.title, deadline: challenges.deadline, createdAt: challenges.createdAt, posterId: challenges.posterId, posterName: posters.name,
      industryCode: posters.industry, industry: posterIndustries.name, industryEn: posterIndustries.nameEn, chain: posterIndustries.chain,
    })
    .from(challenges)
    .leftJoin(posters, eq(posters.id, challenges.posterId))
    .leftJoin(posterIndustries, eq(posterIndustries.code, posters.industry))
    .where(and(eq(challenges.status, 'open'), gte(challenges.deadline, today)))
    .orderBy(asc(challenges.deadline), asc(challenges.id));
}

/** Training classes still open (not finished, not yet over). */
export async function openTrainingClasses(executor: Executor, today: string) {
  return executor
    .select({ id: trainingClasses.id, kind: trainingClasses.kind, name: trainingClasses.name, enterpriseId: trainingClasses.enterpriseId, startsOn: trainingClasses.startsOn, endsOn: trainingClasses.endsOn })
    .from(trainingClasses)
    .where(and(eq(trainingClasses.status, 'open'), gte(trainingClasses.endsOn, today)))
    .orderBy(asc(trainingClasses.startsOn), asc(trainingClasses.id));
}

/** Policies in force whose published version was published since a moment, with that version's rule. */
export async function recentlyPublishedPolicies(executor: Executor, since: Date, today: string) {
  return executor
    .select({ id: policies.id, title: policies.title, target: policies.target, versionId: policyVersions.id, eligibility: policyVersions.eligibility, publishedAt: policyVersions.publishedAt })
    .from(policies)
    .innerJoin(policyVersions, eq(policyVersions.id, policies.publishedVersionId))
    .where(
      and(
        eq(policies.status, 'published'),
        isNotNull(policyVersions.publishedAt),
        gte(policyVersions.publishedAt, since),
        sql`(${policies.effectiveTo} is null or ${policies.effectiveTo} >= ${today})`,
      ),
    )
    .orderBy(desc(policyVersions.publishedAt), asc(policies.id));
}

/** Reserve pools in use that enterprises may nominate into. */
export async function poolsOpenToEnterprises(executor: Executor) {
  return executor
    .select({ id: talentPools.id, name: talentPools.name, nameEn: talentPools.nameEn, updatedAt: talentPools.updatedAt })
    .from(talentPools)
    .where(and(eq(talentPools.active, true), sql`'enterprise' = any(${talentPools.nominators})`))
    .orderBy(asc(talentPools.sort), asc(talentPools.code));
}

/** Selections (评选) taking nominations today (status 推荐中 and today inside the nomination window). */
export async function openSelections(executor: Executor, today: string) {
  return executor
    .select({ id: selections.id, title: selections.title, nominateTo: selections.nominateTo })
    .from(selections)
    .where(and(eq(selections.status, 'nominating'), sql`${selections.nominateFrom} <= ${today}`, sql`${selections.nominateTo} >= ${today}`))
    .orderBy(asc(selections.nominateTo), asc(selections.id));
}
