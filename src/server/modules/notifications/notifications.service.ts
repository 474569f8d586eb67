import { and, arrayOverlaps, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notifications, units, users } from '../../db/schema';
import { notFound } from '../../errors';
import type { SessionUser } from '../../plugins/auth';
import { defaultLanguage, type Language } from '../../../domain/i18n';
import { renderNotice, type Notice } from '../../../domain/policies/notices';
import type { AccountNotice } from '../../../domain/account-notices';

export type { Notice };

/**
 * In-app notifications (站内消息): written in the transaction of the event they announce. A row keeps the notice's kind
 * and values (`params`), rendered in the reader's language when listed; the Chinese texts are stored too, so the row
 * reads on its own in the database.
 */
export async function notify(executor: Executor, userIds: Iterable<string>, notice: Notice | AccountNotice) {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  const { title, body } = renderNotice(notice.kind, notice.params, defaultLanguage)!;
  await executor
    .insert(notifications)
    .values(unique.map((userId) => ({ userId, kind: notice.kind, params: notice.params, title, body, link: notice.link ?? null })));
}

const active = eq(users.disabled, false);

/** Department staff of the given units (by code). */
export async function unitStaff(executor: Executor, unitCodes: string[]) {
  if (!unitCodes.length) return [];
  const rows = await executor
    .select({ id: users.id })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(active, inArray(units.code, unitCodes), arrayOverlaps(users.roles, ['department'])));
  return rows.map((row) => row.id);
}

export async function officeStaff(executor: Executor) {
  const rows = await executor.select({ id: users.id }).from(users).where(and(active, arrayOverlaps(users.roles, ['office'])));
  return rows.map((row) => row.id);
}

/** The accounts that speak for a subject: the talent's own account, or the enterprise's HR accounts. */
export async function subjectAccounts(executor: Executor, kind: 'talent' | 'enterprise', subjectId: string) {
  const condition = kind === 'talent' ? eq(users.talentId, subjectId) : and(eq(users.organisationId, subjectId), arrayOverlaps(users.roles, ['enterprise']));
  const rows = await executor.select({ id: users.id }).from(users).where(and(active, condition));
  return rows.map((row) => row.id);
}

/** The reader's notifications in their language; a row written before notifications kept their values shows its stored texts. */
export async function listNotifications(executor: Executor, user: SessionUser, language: Language, page: number, pageSize: number) {
  const mine = eq(notifications.userId, user.id);
  const [items, [{ total, unread }]] = await Promise.all([
    executor.select().from(notifications).where(mine).orderBy(desc(notifications.createdAt)).limit(pageSize).offset((page - 1) * pageSize),
    executor
      .select({ total: sql<number>`count(*)::int`, unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int` })
      .from(notifications)
      .where(mine),
  ]);
  return {
    items: items.map((item) => {
      const { title, body } = renderNotice(item.kind, item.params, language) ?? { title: item.title, body: item.body };
      return { id: item.id, kind: item.kind, title, body, link: item.link, read: item.readAt !== null, createdAt: item.createdAt.toISOString() };
    }),
    total,
    unread,
  };
}

/** Marking one's own notification read is not audited: it changes nothing but the reader's inbox. */
export async function markRead(executor: Executor, user: SessionUser, id: string | 'all') {
  const condition = id === 'all' ? eq(notifications.userId, user.id) : and(eq(notifications.userId, user.id), eq(notifications.id, id));
  const updated = await executor.update(notifications).set({ readAt: new Date() }).where(and(condition, isNull(notifications.readAt))).returning({ id: notifications.id });
  if (id !== 'all' && !updated.length) {
    const [exists] = await executor.select({ id: notifications.id }).from(notifications).where(condition);
    if (!exists) throw notFound();
  }
  return { updated: updated.length };
}
