import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { talentCardChecks, talentCardPrivileges, talentCards, talents, talentTiers } from '../../db/schema';
import { pageOf, type Page } from '../../http/pagination';
import { escapeLike } from '../audit/audit.service';
import { cardPrivilegeKinds } from '../../../domain/talent-card/card';

export type CardRow = typeof talentCards.$inferSelect;
export type CardListRow = { card: CardRow; talentName: string; tierName: string; tierNameEn: string };

/** A card with its holder's name and its tier's names. */
const cardWithHolder = (executor: Executor) =>
  executor
    .select({ card: talentCards, talentName: talents.name, tierName: talentTiers.name, tierNameEn: talentTiers.nameEn })
    .from(talentCards)
    .innerJoin(talents, eq(talents.id, talentCards.talentId))
    .innerJoin(talentTiers, eq(talentTiers.code, talentCards.tier));

export async function findCard(executor: Executor, id: string, lock = false): Promise<CardListRow | undefined> {
  const query = cardWithHolder(executor).where(eq(talentCards.id, id));
  const [row] = await (lock ? query.for('update', { of: talentCards }) : query);
  return row;
}

/** The talent's card not revoked (at most one: a partial unique index), locked when the caller will replace it. */
export async function findCurrentCard(executor: Executor, talentId: string, lock = false): Promise<CardListRow | undefined> {
  const query = cardWithHolder(executor).where(and(eq(talentCards.talentId, talentId), isNull(talentCards.revokedAt)));
  const [row] = await (lock ? query.for('update', { of: talentCards }) : query);
  return row;
}

/** The talent's most recently issued card, revoked or not (what 我的人才卡 shows). */
export async function findLatestCard(executor: Executor, talentId: string): Promise<CardListRow | undefined> {
  const [row] = await cardWithHolder(executor).where(eq(talentCards.talentId, talentId)).orderBy(desc(talentCards.issuedAt), desc(talentCards.id)).limit(1);
  return row;
}

export async function insertCard(executor: Executor, values: Omit<typeof talentCards.$inferInsert, 'number'>): Promise<CardRow> {
  const number = sql<string>`'RC' || to_char(now() at time zone 'Asia/Shanghai', 'YYYY') || lpad(nextval('talent_card_number_seq')::text, 6, '0')`;
  const [row] = await executor.insert(talentCards).values({ ...values, number }).returning();
  return row;
}

export async function markRevoked(executor: Executor, id: string, by: string | null, reason: string): Promise<CardRow> {
  const [row] = await executor
    .update(talentCards)
    .set({ revokedAt: sql`now()`, revokedBy: by, revokedReason: reason, version: sql`${talentCards.version} + 1` })
    .where(eq(talentCards.id, id))
    .returning();
  return row;
}

export type CardQuery = { page: number; pageSize: number; status?: 'active' | 'lapsed' | 'revoked'; q?: string; today: string };

export async function listCards(executor: Executor, query: CardQuery): Promise<Page<CardListRow>> {
  const conditions: SQL[] = [];
  if (query.status === 'revoked') conditions.push(isNotNull(talentCards.revokedAt));
  if (query.status === 'active') conditions.push(isNull(talentCards.revokedAt), sql`${talentCards.validUntil} >= ${query.today}`);
  if (query.status === 'lapsed') conditions.push(isNull(talentCards.revokedAt), sql`${talentCards.validUntil} < ${query.today}`);
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(talents.name, pattern), ilike(talentCards.number, pattern))!);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, [{ total }]] = await Promise.all([
    cardWithHolder(executor)
      .where(where)
      .orderBy(desc(talentCards.issuedAt), desc(talentCards.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(talentCards).innerJoin(talents, eq(talents.id, talentCards.talentId)).where(where),
  ]);
  return pageOf(items, total);
}

/** Talents with a recognised tier and no card that is not revoked, a chunk at a time (keyset on id). */
export async function talentsWithoutCard(executor: Executor, after: string | null, limit: number) {
  return executor
    .select({ id: talents.id, tier: talents.tier })
    .from(talents)
    .where(
      and(
        isNotNull(talents.tier),
        eq(talents.status, 'inZone'),
        after ? sql`${talents.id} > ${after}` : undefined,
        sql`not exists (select 1 from ${talentCards} where ${talentCards.talentId} = ${talents.id} and ${talentCards.revokedAt} is null)`,
      ),
    )
    .orderBy(asc(talents.id))
    .limit(limit);
}

export async function findTalentForCard(executor: Executor, talentId: string) {
  const [row] = await executor.select({ id: talents.id, name: talents.name, tier: talents.tier, status: talents.status }).from(talents).where(eq(talents.id, talentId));
  return row;
}

export async function listPrivileges(executor: Executor, tier?: string) {
  return executor
    .select()
    .from(talentCardPrivileges)
    .where(tier ? eq(talentCardPrivileges.tier, tier) : undefined)
    .orderBy(asc(talentCardPrivileges.tier), sql`array_position(${sql.raw(`array[${cardPrivilegeKinds.map((kind) => `'${kind}'`).join(', ')}]`)}::text[], ${talentCardPrivileges.kind})`);
}

export async function replacePrivileges(executor: Executor, tier: string, rows: { kind: (typeof talentCardPrivileges.$inferInsert)['kind']; detail: string; detailEn: string }[]) {
  await executor.delete(talentCardPrivileges).where(eq(talentCardPrivileges.tier, tier));
  if (rows.length) await executor.insert(talentCardPrivileges).values(rows.map((row) => ({ ...row, tier })));
}

export async function findTier(executor: Executor, code: string) {
  const [row] = await executor.select().from(talentTiers).where(eq(talentTiers.code, code));
  return row;
}

export async function insertCheck(executor: Executor, values: typeof talentCardChecks.$inferInsert) {
  const [row] = await executor.insert(talentCardChecks).values(values).returning();
  return row;
}

/** A card's latest checks: when and where it was used (shown to its holder). */
export async function recentChecks(executor: Executor, cardId: string, limit = 10) {
  return executor
    .select({ outcome: talentCardChecks.outcome, servicePoint: talentCardChecks.servicePoint, checkedAt: talentCardChecks.checkedAt })
    .from(talentCardChecks)
    .where(eq(talentCardChecks.cardId, cardId))
    .orderBy(desc(talentCardChecks.checkedAt), desc(talentCardChecks.id))
    .limit(limit);
}
