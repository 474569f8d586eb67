import { and, count, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditLog, type AuditResult } from '../../db/schema';
import type { Actor } from '../../plugins/auth';
import { pageOf, type Page } from '../../http/pagination';

export type AuditEntry = {
  action: string;
  targetType?: string;
  targetId?: string | null;
  changes?: Record<string, unknown>;
  result?: AuditResult;
  detail?: string;
  /** For events without a signed-in actor (a failed login names the username tried). */
  actorUsername?: string;
};

const sensitiveKey = /password|token|secret|hash|idnumber|phone|bank/i;
/** A birth date is kept as its year only: the auditor, like every reader, must not learn the ID number's date digits. */
const birthDateKey = /^birthdate$/i;

/** A birth date as its year; a `{ from, to }` change of one, each side so. */
function yearOnly(value: unknown): unknown {
  if (value == null) return value;
  if (typeof value === 'string' && /^\d{4}-/.test(value)) return `${value.slice(0, 4)}-**-**`;
  if (typeof value === 'object' && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, yearOnly(inner)]));
  return '***';
}

function maskedValue(key: string, inner: unknown): unknown {
  if (inner == null) return inner;
  if (sensitiveKey.test(key)) return '***';
  if (birthDateKey.test(key)) return yearOnly(inner);
  return maskChanges(inner);
}

/**
 * Masks values of sensitive keys, at any depth, so the audit log never holds a secret or raw personal data; a
 * `birthDate` keeps its year (`1990-**-**`).
 */
export function maskChanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskChanges);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskedValue(key, inner)]));
  }
  return value;
}

/** An entry as its row: the actor's name and acting role, the changes masked. */
function auditRow(actor: Actor, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    actorId: actor.userId,
    actorUsername: actor.username ?? entry.actorUsername ?? null,
    actorRole: actor.role,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    changes: entry.changes ? (maskChanges(entry.changes) as Record<string, unknown>) : null,
    ip: actor.ip,
    result: entry.result ?? 'success',
    detail: entry.detail ?? null,
  };
}

/** The one way to write the audit log: call it with the transaction that makes the change. */
export async function recordAudit(executor: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values(auditRow(actor, entry));
}

/**
 * Entries per statement of `recordAudits`: 11 parameters a row, far below PostgreSQL's 65,535; 1,000 keeps the
 * statement text a few hundred kilobytes.
 */
const auditChunk = 1000;

/**
 * Many entries of one actor at once (a bulk import's one entry per record), as multi-row inserts, in the transaction
 * that makes the changes; the same rows `recordAudit` writes one by one.
 */
export async function recordAudits(executor: Executor, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += auditChunk) {
    await executor.insert(auditLog).values(entries.slice(start, start + auditChunk).map((entry) => auditRow(actor, entry)));
  }
}

/** Field-by-field difference of two records, for the `changes` column: { field: { from, to } }. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = { from: before[key], to: value };
  }
  return changes;
}

export type AuditQuery = {
  page: number;
  pageSize: number;
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  result?: AuditResult;
  targetType?: string;
  targetId?: string;
};

export async function listAudit(executor: Executor, query: AuditQuery): Promise<Page<typeof auditLog.$inferSelect>> {
  const conditions: SQL[] = [];
  if (query.from) conditions.push(gte(auditLog.at, query.from));
  if (query.to) conditions.push(lte(auditLog.at, query.to));
  if (query.actor) conditions.push(ilike(auditLog.actorUsername, `%${escapeLike(query.actor)}%`));
  if (query.action) conditions.push(or(eq(auditLog.action, query.action), ilike(auditLog.action, `${escapeLike(query.action)}.%`))!);
  if (query.result) conditions.push(eq(auditLog.result, query.result));
  if (query.targetType) conditions.push(eq(auditLog.targetType, query.targetType));
  if (query.targetId) conditions.push(eq(auditLog.targetId, query.targetId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, [{ total }]] = await Promise.all([
    executor.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(auditLog).where(where),
  ]);
  return pageOf(items, total);
}

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
