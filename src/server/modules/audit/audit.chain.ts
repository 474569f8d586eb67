import type { AuditResult } from '../../db/schema';
import type { Secrets } from '../../security/secrets';

/**
 * The audit log's hash chain. Every row written by `recordAudit`/`recordAudits` carries `seq` (1, 2, 3 … in the order
 * the rows were appended), `prev_hash` (the previous row's hash) and `hash` = HMAC-SHA-256 under a key derived from
 * the master secret over the row's canonical content and `prev_hash`. Someone with database access alone cannot
 * recompute the chain after changing, inserting or removing a row: `verifyAuditChain` finds the first broken link.
 */

/** What the hash covers: every column but the surrogate `id`, `at` as an ISO string, `changes` with sorted keys. */
export type ChainContent = {
  seq: number;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
  result: AuditResult;
  detail: string | null;
};

export type ChainHasher = (content: string) => string;

let chainHasher: ChainHasher | undefined;

/**
 * Gives the audit writers the chain key. Called once where the secrets are made for a database: `buildApp`, and
 * `loadDemoData` (which runs before any app, in the CLI and the tests' global set-up). Every process that appends to
 * the log has exactly one master secret, so a module-level key keeps the signatures of recordAudit/recordAudits.
 */
export function useAuditChain(secrets: Pick<Secrets, 'auditChainHash'>): void {
  chainHasher = secrets.auditChainHash;
}

export function currentChainHasher(): ChainHasher {
  if (!chainHasher) throw new Error('audit chain key not set: call useAuditChain(secrets) before writing the audit log');
  return chainHasher;
}

/** JSON with object keys sorted at every depth: the same text for the same value, whatever the key order jsonb returns. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A row's hash: over its content and the previous row's hash. */
export function rowHash(hasher: ChainHasher, row: ChainContent, prevHash: string): string {
  return hasher(
    canonicalJson({
      seq: row.seq,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorUsername: row.actorUsername,
      actorRole: row.actorRole,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      // as stored: jsonb keeps what JSON keeps (no undefined, dates as strings)
      changes: row.changes === null ? null : (JSON.parse(JSON.stringify(row.changes)) as unknown),
      ip: row.ip,
      result: row.result,
      detail: row.detail,
      prevHash,
    }),
  );
}

/** Rows written before the chain began (migration 0008): not hashed one by one, counted into the first row's link. */
export type LegacyRows = { count: number; maxId: number };

/** The `prev_hash` of seq 1: a keyed hash of how many rows preceded the chain and the last of their ids. */
export function genesisHash(hasher: ChainHasher, legacy: LegacyRows): string {
  return hasher(canonicalJson({ chain: 'talentzone audit chain v1', legacyRows: legacy.count, legacyMaxId: legacy.maxId }));
}
