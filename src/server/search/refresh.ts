import type { FastifyBaseLogger } from 'fastify';
import type { Db, Executor } from '../db/client';
import { analyzeTables } from '../db/statistics';
import { nextTurn } from '../db/turns';
import { fillNameSortKeyChunk } from '../modules/enterprises/enterprises.repo';
import { refreshTalentSearchChunk, sealNativePlaceChunk } from '../modules/talents/talents.repo';
import type { Secrets } from '../security/secrets';

/** Rows per chunk: each chunk is one short transaction, so requests get the connection between chunks. */
export const refreshChunkSize = 2000;

type Chunk = (executor: Executor, after: string | null, limit: number) => Promise<string | null>;

/** Runs a chunk function over the whole table, one transaction per chunk, until nothing is left or `stopped()`. */
async function inChunks(db: Db, chunk: Chunk, chunkSize: number, stopped: () => boolean) {
  let after: string | null = null;
  let chunks = 0;
  while (!stopped()) {
    const last: string | null = await db.transaction((tx) => chunk(tx, after, chunkSize));
    if (last === null) break;
    after = last;
    chunks += 1;
    await nextTurn();
  }
  return chunks;
}

/**
 * Brings search data that pinyin-pro computes in JavaScript (a migration cannot) up to date: talents written by an
 * older `searchDataVersion` get their name's pinyin words and initials, organisations without a pinyin sort key get
 * one. Idempotent; costs one index look-up per table when nothing is outdated. Returns the chunks done per table.
 */
export async function refreshSearchData(db: Db, options: { chunkSize?: number; stopped?: () => boolean } = {}) {
  const chunkSize = options.chunkSize ?? refreshChunkSize;
  const stopped = options.stopped ?? (() => false);
  const talents = await inChunks(db, refreshTalentSearchChunk, chunkSize, stopped);
  const organisations = await inChunks(db, fillNameSortKeyChunk, chunkSize, stopped);
  return { talents, organisations };
}

/**
 * Seals the native places that rows written before migration 0012 keep in clear (a migration has no key): each chunk
 * encrypts them into `native_place_cipher` and sets `native_place` to null in one statement. Idempotent; one index
 * look-up when nothing is left. Returns the chunks done.
 */
export async function sealNativePlaces(db: Db, secrets: Pick<Secrets, 'encrypt'>, options: { chunkSize?: number; stopped?: () => boolean } = {}) {
  const seal: Chunk = (executor, after, limit) => sealNativePlaceChunk(executor, secrets.encrypt, after, limit);
  return inChunks(db, seal, options.chunkSize ?? refreshChunkSize, options.stopped ?? (() => false));
}

/**
 * The start-up's long work, in order: `sealNativePlaces`, `refreshSearchData`, then `analyzeTables` with VACUUM (the
 * tables due: after a seed, a restore, this refresh, or the writes since the last start; PGlite has no autovacuum).
 * Each step in short chunks (a chunk of rows, or one table), so the server answers meanwhile: a native place not yet
 * sealed is read from its clear column, a talent not yet refreshed is found by everything but its name's pinyin, a
 * table not yet analyzed is planned without statistics. A failing step is logged and the next one still runs.
 */
export async function runStartupWork(db: Db, secrets: Pick<Secrets, 'encrypt'>, log: FastifyBaseLogger, stopped: () => boolean = () => false) {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 1000);
  try {
    const sealed = await sealNativePlaces(db, secrets, { stopped });
    if (sealed) log.info({ chunks: sealed, seconds: seconds() }, 'native places sealed');
  } catch (error) {
    log.error(error, 'sealing native places failed');
  }
  try {
    const chunks = await refreshSearchData(db, { stopped });
    if (chunks.talents || chunks.organisations) log.info({ chunks, seconds: seconds() }, 'search data refreshed');
  } catch (error) {
    log.error(error, 'search data refresh failed');
  }
  try {
    const analyzed = await analyzeTables(db, { vacuum: true, stopped });
    if (analyzed.tables.length) log.info({ tables: analyzed.tables.length, longestMs: analyzed.longestMs, seconds: seconds() }, 'statistics updated');
  } catch (error) {
    log.error(error, 'updating statistics failed');
  }
}

/** Runs `runStartupWork` in the background after start-up. The returned stop function ends it after the current chunk or table. */
export function startSearchRefresh(db: Db, secrets: Pick<Secrets, 'encrypt'>, log: FastifyBaseLogger) {
  let stopping = false;
  const running = runStartupWork(db, secrets, log, () => stopping);
  return async () => {
    stopping = true;
    await running;
  };
}
