import { sql, type SQL } from 'drizzle-orm';
import type { PlatformInput, PlatformType } from '../../../domain/cooperation';
import type { Db, Executor } from '../../db/client';
import { invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { findTalentsByIds, organisationOfKind } from '../flexible-talent/flexible-talent.repo';
import {
  findPlatform, hostedTalentsOf, insertHostedTalent, insertPlatform, insertTenant, listPlatforms, tenantOf, tenantsOf, type ListedPlatform,
} from './platforms.repo';

type Paging = { page: number; pageSize: number };

/**
 * Record scoping of platforms: the office, leaders and departments read every platform with its tenants and hosted
 * talents; enterprise HR reads the platforms it is a tenant of (any other: 404), and there only its own tenancy and its
 * own staff among the hosted talents.
 */
function platformScope(user: SessionUser): { where: SQL | undefined; enterpriseId?: string } {
  if (user.roles.some((role) => role === 'office' || role === 'leader' || role === 'department')) return { where: undefined };
  if (user.roles.includes('enterprise') && user.organisationId) return { where: tenantOf(user.organisationId), enterpriseId: user.organisationId };
  return { where: sql`false` };
}

const presentPlatform = (listed: ListedPlatform) => ({
  id: listed.platform.organisationId, name: listed.name, type: listed.platform.type, level: listed.platform.level, host: listed.platform.host,
  capacity: listed.platform.capacity, establishedOn: listed.platform.establishedOn, tenants: Number(listed.tenants), talents: Number(listed.talents),
});

export async function platformList(executor: Executor, user: SessionUser, query: Paging & { q?: string; type?: PlatformType }) {
  const page = await listPlatforms(executor, query, platformScope(user).where);
  return { items: page.items.map(presentPlatform), total: page.total };
}

export async function platformDetail(executor: Executor, user: SessionUser, id: string) {
  const scope = platformScope(user);
  const found = await findPlatform(executor, id, scope.where);
  if (!found) throw notFound();
  const [tenantList, talentList] = await Promise.all([tenantsOf(executor, id, scope.enterpriseId), hostedTalentsOf(executor, id, scope.enterpriseId)]);
  return { ...presentPlatform(found), tenantList, talentList };
}

export async function createPlatform(db: Db, actor: Actor, user: SessionUser, input: PlatformInput) {
  if (!(await organisationOfKind(db, input.organisationId, ['platform']))) throw invalid({ organisationId: { code: 'cooperation.notPlatform' } });
  return db.transaction(async (tx) => {
    const row = await insertPlatform(tx, { ...input, establishedOn: input.establishedOn ?? null });
    if (!row) throw invalid({ organisationId: { code: 'cooperation.duplicate' } });
    await recordAudit(tx, actor, { action: 'platform.create', targetType: 'platform', targetId: row.organisationId, changes: { ...input } });
    return platformDetail(tx, user, row.organisationId);
  });
}

export async function addTenant(db: Db, actor: Actor, user: SessionUser, platformId: string, input: { enterpriseId: string; since: string }) {
  return db.transaction(async (tx) => {
    if (!(await findPlatform(tx, platformId, undefined))) throw notFound();
    if (!(await organisationOfKind(tx, input.enterpriseId, ['enterprise']))) throw invalid({ enterpriseId: { code: 'cooperation.notEnterprise' } });
    if (!(await insertTenant(tx, { platformId, ...input }))) throw invalid({ enterpriseId: { code: 'cooperation.duplicate' } });
    await recordAudit(tx, actor, { action: 'platform.addTenant', targetType: 'platform', targetId: platformId, changes: { ...input } });
    return platformDetail(tx, user, platformId);
  });
}

export async function addHostedTalent(db: Db, actor: Actor, user: SessionUser, platformId: string, input: { talentId: string; since: string }) {
  return db.transaction(async (tx) => {
    if (!(await findPlatform(tx, platformId, undefined))) throw notFound();
    if ((await findTalentsByIds(tx, [input.talentId])).length === 0) throw invalid({ talentId: { code: 'reference.unknown' } });
    if (!(await insertHostedTalent(tx, { platformId, ...input }))) throw invalid({ talentId: { code: 'cooperation.duplicate' } });
    await recordAudit(tx, actor, { action: 'platform.addTalent', targetType: 'platform', targetId: platformId, changes: { ...input } });
    return platformDetail(tx, user, platformId);
  });
}
