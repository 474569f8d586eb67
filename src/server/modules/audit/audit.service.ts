import { and, count, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditLog, type AuditResult } from '../../db/schema';
import type { Actor } from '../../plugins/auth';
import { pageOf, type Page } from '../../http/pagination';
import { nextTurn } from '../../db/turns';
import { currentChainHasher, genesisHash, rowHash, type ChainContent } from './audit.chain';
import { chainChunk, chainHead, databaseNow, firstChainedRow, firstUnsealedRow, legacyRows, lockAuditChain } from './audit.repo';

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
function auditRow(actor: Actor, entry: AuditEntry): Omit<ChainContent, 'seq' | 'at'> {
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
  await appendChained(executor, [auditRow(actor, entry)]);
}

/**
 * Entries per statement of `recordAudits`: 14 parameters a row, far below PostgreSQL's 65,535; 1,000 keeps the
 * statement text a few hundred kilobytes.
 */
const auditChunk = 1000;

/**
 * Many entries of one actor at once (a bulk import's one entry per record), as multi-row inserts, in the transaction
 * that makes the changes; the same rows `recordAudit` writes one by one.
 */
export async function recordAudits(executor: Executor, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  await appendChained(
    executor,
    entries.map((entry) => auditRow(actor, entry)),
  );
}

/**
 * Appends rows to the chain: under the chain's advisory lock (held until the caller's transaction ends, so the seq
 * order is the commit order even with several connections or app servers), reads the last row's seq and hash, and
 * writes each row with the next seq, the previous hash and its own. A savepoint when called inside a transaction.
 */
async function appendChained(executor: Executor, rows: Omit<ChainContent, 'seq' | 'at'>[]): Promise<void> {
  if (rows.length === 0) return;
  const hasher = currentChainHasher();
  await executor.transaction(async (tx) => {
    await lockAuditChain(tx);
    const head = await chainHead(tx);
    let seq = head?.seq ?? 0;
    let prevHash = head ? (head.hash ?? '') : genesisHash(hasher, await legacyRows(tx));
    const at = await databaseNow(tx);
    const chained = rows.map((row) => {
      seq += 1;
      const content: ChainContent = { ...row, seq, at };
      const hash = rowHash(hasher, content, prevHash);
      const stored = { ...content, prevHash, hash };
      prevHash = hash;
      return stored;
    });
    for (let start = 0; start < chained.length; start += auditChunk) {
      await tx.insert(auditLog).values(chained.slice(start, start + auditChunk));
    }
  });
}

/** What broke the chain at a row: its content changed, its link, a gap in seq, a row outside the chain, the rows before it. */
export type ChainProblem = 'content' | 'link' | 'gap' | 'unsealed' | 'legacy';

export type ChainBreak = { id: number; seq: number | null; at: Date; action: string; actorUsername: string | null; problem: ChainProblem };

export type ChainReport = {
  /** Chained rows whose hash was recomputed. */
  checked: number;
  /** Rows written before the chain began (covered as a count by the first row's link). */
  legacyRows: number;
  intact: boolean;
  firstBroken: ChainBreak | null;
  /** The head: note it elsewhere (a printed report) to detect later removal of the newest rows. */
  lastSeq: number | null;
  lastHash: string | null;
};

/** Rows per query of `verifyAuditChain`: each read is short, so the embedded database's one connection is never held long. */
export const verifyChunk = 2000;

/**
 * Recomputes the chain from seq 1 and reports the first broken link: a row whose content or hash changed, whose
 * `prev_hash` is not the previous row's hash (a row inserted or replaced), a gap in seq (rows removed), a count of
 * pre-chain rows that no longer matches the genesis value, or a row written outside the chain after it began.
 */
export async function verifyAuditChain(executor: Executor, options: { chunk?: number } = {}): Promise<ChainReport> {
  const hasher = currentChainHasher();
  const chunk = options.chunk ?? verifyChunk;
  const first = await firstChainedRow(executor);
  if (!first) {
    const legacy = await legacyRows(executor);
    return { checked: 0, legacyRows: legacy.count, intact: true, firstBroken: null, lastSeq: null, lastHash: null };
  }
  const legacy = await legacyRows(executor, first.id);
  const breakAt = (row: typeof auditLog.$inferSelect, problem: ChainProblem): ChainBreak => ({
    id: row.id,
    seq: row.seq,
    at: row.at,
    action: row.action,
    actorUsername: row.actorUsername,
    problem,
  });
  let checked = 0;
  let previous: { seq: number; hash: string } = { seq: 0, hash: genesisHash(hasher, legacy) };
  let firstBroken: ChainBreak | null = null;
  for (;;) {
    const rows = await chainChunk(executor, previous.seq, chunk);
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== previous.seq + 1) firstBroken = breakAt(row, 'gap');
      else if (row.prevHash !== previous.hash) firstBroken = breakAt(row, seq === 1 ? 'legacy' : 'link');
      else if (row.hash !== rowHash(hasher, { ...row, seq }, row.prevHash ?? '')) firstBroken = breakAt(row, 'content');
      if (firstBroken) break;
      checked += 1;
      previous = { seq, hash: row.hash ?? '' };
    }
    if (firstBroken || rows.length < chunk) break;
    // PGlite answers through promises alone: without a turn of the event loop no other request gets in until the end
    await nextTurn();
  }
  if (!firstBroken) {
    const unsealed = await firstUnsealedRow(executor, first.id);
    if (unsealed) firstBroken = breakAt(unsealed, 'unsealed');
  }
  return {
    checked,
    legacyRows: legacy.count,
    intact: firstBroken === null,
    firstBroken,
    lastSeq: checked ? previous.seq : null,
    lastHash: checked ? previous.hash : null,
  };
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
