import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { PlatformType } from '../../../domain/cooperation';
import type { Executor } from '../../db/client';
import { organisations, platformTalents, platformTenants, platforms, talents } from '../../db/schema';
import { pageOf } from '../../http/pagination';
import { escapeLike } from '../audit/audit.service';

type Paging = { page: number; pageSize: number };
const tenantCount = sql<number>`(select count(*) from ${platformTenants} where ${platformTenants.platformId} = ${platforms.organisationId})`.mapWith(Number);
const talentCount = sql<number>`(select count(*) from ${platformTalents} where ${platformTalents.platformId} = ${platforms.organisationId})`.mapWith(Number);
const listedPlatform = { platform: platforms, name: organisations.name, tenants: tenantCount, talents: talentCount };
export type ListedPlatform = { platform: typeof platforms.$inferSelect; name: string; tenants: number; talents: number };

/** A platform is in an enterprise's scope when the enterprise is one of its tenants. */
export const tenantOf = (enterpriseId: string) =>
  sql`exists (select 1 from ${platformTenants} where ${platformTenants.platformId} = ${platforms.organisationId} and ${platformTenants.enterpriseId} = ${enterpriseId})`;

const platformsFrom = (executor: Executor) => executor.select(listedPlatform).from(platforms).innerJoin(organisations, eq(organisations.id, platforms.organisationId));

export async function listPlatforms(executor: Executor, query: Paging & { q?: string; type?: PlatformType }, scope: SQL | undefined) {
  const where = and(scope, query.q ? ilike(organisations.name, `%${escapeLike(query.q)}%`) : undefined, query.type ? eq(platforms.type, query.type) : undefined);
  const [items, [{ total }]] = await Promise.all([
    platformsFrom(executor).where(where).orderBy(asc(platforms.type), asc(organisations.nameSortKey), asc(platforms.organisationId)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(platforms).innerJoin(organisations, eq(organisations.id, platforms.organisationId)).where(where),
  ]);
  return pageOf<ListedPlatform>(items, total);
}

export async function findPlatform(executor: Executor, id: string, scope: SQL | undefined): Promise<ListedPlatform | null> {
  const [row] = await platformsFrom(executor).where(and(eq(platforms.organisationId, id), scope));
  return row ?? null;
}

/** The platform's tenants; `enterpriseId` narrows to that one tenant (an enterprise sees its own tenancy only). */
export async function tenantsOf(executor: Executor, platformId: string, enterpriseId?: string) {
  return executor
    .select({ id: platformTenants.enterpriseId, name: organisations.name, since: platformTenants.since })
    .from(platformTenants)
    .innerJoin(organisations, eq(organisations.id, platformTenants.enterpriseId))
    .where(and(eq(platformTenants.platformId, platformId), enterpriseId ? eq(platformTenants.enterpriseId, enterpriseId) : undefined))
    .orderBy(asc(organisations.nameSortKey), asc(organisations.id));
}

/** The talents it hosts; `employerId` narrows to that employer's staff. */
export async function hostedTalentsOf(executor: Executor, platformId: string, employerId?: string) {
  return executor
    .select({ id: platformTalents.talentId, name: talents.name, post: talents.post, since: platformTalents.since })
    .from(platformTalents)
    .innerJoin(talents, eq(talents.id, platformTalents.talentId))
    .where(and(eq(platformTalents.platformId, platformId), employerId ? eq(talents.employerId, employerId) : undefined))
    .orderBy(asc(platformTalents.since), asc(platformTalents.talentId));
}

export async function insertPlatform(executor: Executor, values: typeof platforms.$inferInsert) {
  const [row] = await executor.insert(platforms).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function insertTenant(executor: Executor, values: typeof platformTenants.$inferInsert) {
  const [row] = await executor.insert(platformTenants).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function insertHostedTalent(executor: Executor, values: typeof platformTalents.$inferInsert) {
  const [row] = await executor.insert(platformTalents).values(values).onConflictDoNothing().returning();
  return row ?? null;
}
