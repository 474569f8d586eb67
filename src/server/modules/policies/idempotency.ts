import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { ErrorCode } from '../../../domain/i18n';
import type { Db, Executor } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';
import { AppError, type FieldProblem } from '../../errors';

/** A claim older than this was left by a process that stopped mid-request: another request may take the key over. */
export const idempotencyClaimExpiry = '5 minutes';

/** How long a client should wait before asking again while the key's first request is still running (seconds). */
export const idempotencyRetryAfterSeconds = 1;

type StoredRefusal = { error: { code: ErrorCode; params: Record<string, string | number>; fields: Record<string, FieldProblem> } };

export type IdempotentRequest = { scope: string; key: string; body: unknown };

/** What identifies a request under its key: its scope (operation and target) and its body. */
export const requestHashOf = ({ scope, body }: IdempotentRequest) => createHash('sha256').update(JSON.stringify({ scope, body })).digest('hex');

const keyInUse = () => new AppError(409, 'idempotencyKeyInUse', {}, {}, { 'retry-after': String(idempotencyRetryAfterSeconds) });

/**
 * Claims the key for this request in a statement of its own (committed at once, so concurrent requests see it):
 * `null` when this request holds the key now; the stored row when the key's request is done. A key another request
 * holds answers 409 `idempotencyKeyInUse` with Retry-After; a key used with another body answers 422.
 */
async function claimKey(db: Db, key: string, scope: string, requestHash: string) {
  // a claim released between the insert and the read (its work failed on the server) is claimed again
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [claimed] = await db.insert(idempotencyKeys).values({ key, scope, requestHash, status: 'running' }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
    if (claimed) return null;
    const [existing] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    if (!existing) continue;
    if (existing.requestHash !== requestHash) throw new AppError(422, 'idempotencyMismatch');
    if (existing.status === 'done') return existing;
    const [takenOver] = await db
      .update(idempotencyKeys)
      .set({ claimedAt: sql`now()` })
      .where(and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.status, 'running'), sql`${idempotencyKeys.claimedAt} < now() - ${idempotencyClaimExpiry}::interval`))
      .returning({ key: idempotencyKeys.key });
    if (takenOver) return null;
    throw keyInUse();
  }
  throw keyInUse();
}

async function storeRefusal(db: Db, key: string, refusal: AppError) {
  const response: StoredRefusal = { error: { code: refusal.code, params: refusal.params, fields: refusal.fields } };
  await db.update(idempotencyKeys).set({ status: 'done', statusCode: refusal.statusCode, response }).where(eq(idempotencyKeys.key, key));
}

async function releaseKey(db: Db, key: string) {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.status, 'running')));
}

/**
 * Runs a money-moving request once per key. The key is claimed first (its own short statement), the work then runs
 * in its own transaction, which stores the response with the key as it commits. The same key and body then give the
 * stored answer — a success, or the refusal (4xx) the work answered, re-rendered in the asking request's language —;
 * while the first request still runs, 409 `idempotencyKeyInUse` with Retry-After; another body 422. A failure of the
 * server (5xx) releases the claim, so a retry runs the work again.
 */
export async function idempotent<T extends object>(db: Db, request: IdempotentRequest, work: (tx: Executor) => Promise<T>): Promise<T> {
  const { scope, key } = request;
  const stored = await claimKey(db, key, scope, requestHashOf(request));
  if (stored) {
    if (stored.statusCode === 200) return stored.response as T;
    const { error } = stored.response as StoredRefusal;
    throw new AppError(stored.statusCode ?? 400, error.code, error.params, error.fields);
  }
  try {
    return await db.transaction(async (tx) => {
      const response = await work(tx);
      await tx.update(idempotencyKeys).set({ status: 'done', statusCode: 200, response }).where(eq(idempotencyKeys.key, key));
      return response;
    });
  } catch (error) {
    const refusal = error instanceof AppError && error.statusCode >= 400 && error.statusCode < 500 ? error : null;
    // the caller gets the work's own error; a key that cannot be updated now keeps its claim, which expires
    await (refusal ? storeRefusal(db, key, refusal) : releaseKey(db, key)).catch(() => undefined);
    throw error;
  }
}
