import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../../db/client';
import { organisations, talents } from '../../db/schema';
import { nextTurn } from '../../db/turns';
import { talentConditions, type TalentFilters, type TalentRow, type TalentSort } from '../talents/talents.repo';

/** Rows per chunk of an export: each chunk is one short statement, so other requests get the connection in between. */
export const exportChunkSize = 2000;

export type ExportedRow = { talent: TalentRow; employer: string | null };

const exportedColumns = { talent: talents, employer: organisations.name };

/**
 * The records of the given ids in that order, still within `where` (a talent changed meanwhile so that it left the
 * reader's scope or a filter is left out).
 */
async function talentsByIds(executor: Executor, ids: string[], where: SQL | undefined): Promise<ExportedRow[]> {
  if (ids.length === 0) return [];
  const rows = await executor
    .select(exportedColumns)
    .from(talents)
    .leftJoin(organisations, eq(organisations.id, talents.employerId))
    .where(and(inArray(talents.id, ids), where));
  const byId = new Map(rows.map((row) => [row.talent.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

type Ranked = { id: string; rank: number };

/**
 * One chunk of the ranking pass: the next `limit` matches after id `after`, in id order, with their rank. The ids are
 * chosen first and ranked after, so only the chunk's rows are ranked (ranked in the same select, a plan that sorts
 * the matches by id would rank every match for every chunk).
 */
async function rankChunk(executor: Executor, where: SQL | undefined, rank: SQL, after: string | null, limit: number): Promise<Ranked[]> {
  const chunk = executor
    .select({ id: talents.id })
    .from(talents)
    .where(and(where, after ? gt(talents.id, after) : undefined))
    .orderBy(asc(talents.id))
    .limit(limit)
    .as('chunk');
  const rows = await queryRows<{ id: string; rank: number | string }>(
    executor,
    sql`select ${talents.id} as id, ${rank} as rank from ${chunk} join ${talents} on ${talents.id} = ${chunk.id}`,
  );
  return rows.map((row) => ({ id: row.id, rank: Number(row.rank) }));
}

/**
 * Relevance order (rank descending, then id, as the list orders ranked matches), computed once: every match is ranked
 * in chunks along the primary key, and the ids sorted here. ts_rank is a float4 read as its shortest exact decimal,
 * so comparing the numbers keeps the database's order; a uuid's text compares as its bytes do.
 */
async function rankedIds(db: Db, where: SQL | undefined, rank: SQL, chunkSize: number): Promise<string[]> {
  const ranked: Ranked[] = [];
  let after: string | null = null;
  for (;;) {
    const chunk = await rankChunk(db, where, rank, after, chunkSize);
    ranked.push(...chunk);
    await nextTurn();
    if (chunk.length < chunkSize) break;
    after = chunk.reduce((last, row) => (row.id > last ? row.id : last), chunk[0].id);
  }
  ranked.sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ranked.map((row) => row.id);
}

/** Where a keyset chunk stopped: the last row's sort values (as the database wrote them, text) and id. */
type Cursor = { keys: (string | null)[]; id: string };

/** A column order the export reads by keyset: the order, the sort values a cursor keeps, and the rows after a cursor. */
type KeysetOrder = { order: SQL[]; keys: SQL[]; after: (cursor: Cursor) => SQL };

/**
 * The list's column orders (`orderOf` in talents.repo.ts, the same columns and directions, id last so the order is
 * total), each with its keyset condition. Timestamps are carried as text and cast back, so no microsecond is lost.
 */
function keysetOrder(sort: Exclude<TalentSort, 'relevance'>): KeysetOrder {
  const id = talents.id;
  switch (sort) {
    case 'name':
    case '-name': {
      const direction = sort === 'name' ? asc : desc;
      const comparison = sort === 'name' ? sql`>` : sql`<`;
      return {
        order: [direction(talents.nameInitials), direction(talents.name), direction(id)],
        keys: [sql`${talents.nameInitials}`, sql`${talents.name}`],
        after: ({ keys: [initials, name], id: last }) => sql`(${talents.nameInitials}, ${talents.name}, ${id}) ${comparison} (${initials}, ${name}, ${last}::uuid)`,
      };
    }
    case 'arrivedOn':
    case '-arrivedOn': {
      const comparison = sort === 'arrivedOn' ? sql`>` : sql`<`;
      return {
        order: [sort === 'arrivedOn' ? sql`${talents.arrivedOn} asc nulls last` : sql`${talents.arrivedOn} desc nulls last`, asc(id)],
        keys: [sql`${talents.arrivedOn}::text`],
        // nulls come last: after a dated row come the rest of its date, the dates beyond it and every undated row
        after: ({ keys: [arrived], id: last }) =>
          arrived === null
            ? sql`(${talents.arrivedOn} is null and ${id} > ${last}::uuid)`
            : sql`(${talents.arrivedOn} ${comparison} ${arrived}::date or (${talents.arrivedOn} = ${arrived}::date and ${id} > ${last}::uuid) or ${talents.arrivedOn} is null)`,
      };
    }
    case 'updatedAt':
      return {
        order: [asc(talents.updatedAt), desc(id)],
        keys: [sql`${talents.updatedAt}::text`],
        after: ({ keys: [updated], id: last }) => sql`(${talents.updatedAt} > ${updated}::timestamptz or (${talents.updatedAt} = ${updated}::timestamptz and ${id} < ${last}::uuid))`,
      };
    case '-updatedAt':
      return {
        order: [desc(talents.updatedAt), asc(id)],
        keys: [sql`${talents.updatedAt}::text`],
        after: ({ keys: [updated], id: last }) => sql`(${talents.updatedAt} < ${updated}::timestamptz or (${talents.updatedAt} = ${updated}::timestamptz and ${id} > ${last}::uuid))`,
      };
  }
}

/** One keyset chunk: the next `limit` rows after the cursor, with the cursor of the last one. */
async function keysetChunk(executor: Executor, where: SQL | undefined, keyset: KeysetOrder, cursor: Cursor | null, limit: number) {
  const keys = Object.fromEntries(keyset.keys.map((key, index) => [`key${index}`, key.mapWith(String)]));
  const rows = await executor
    .select({ ...exportedColumns, ...keys })
    .from(talents)
    .leftJoin(organisations, eq(organisations.id, talents.employerId))
    .where(and(where, cursor ? keyset.after(cursor) : undefined))
    .orderBy(...keyset.order)
    .limit(limit);
  const last = rows.at(-1) as Record<string, unknown> | undefined;
  const next: Cursor | null = last ? { keys: keyset.keys.map((_, index) => (last[`key${index}`] as string | null) ?? null), id: rows.at(-1)!.talent.id } : null;
  return { rows: rows.map(({ talent, employer }) => ({ talent, employer })), next };
}

/**
 * Every talent of a filtered list in the list's order, in chunks of `chunkSize` rows, for exports. Each chunk is one
 * short statement followed by a turn of the event loop (`nextTurn`: on PGlite the one connection is then free and
 * other requests interleave):
 * - relevance (a search with a rank): the matches are ranked once, in chunks along the primary key, then read by id
 *   in that order (not `OFFSET`, which re-reads and re-ranks every match for every batch);
 * - any other order: keyset pagination over the order's columns and the id (an index such as talents_updated_idx
 *   makes each chunk read about `chunkSize` rows).
 * A talent changed between chunks may move (a keyset reads it at its new place, or not again); each is read once.
 */
export async function* exportedTalents(db: Db, filters: TalentFilters, scope: SQL | undefined, sort: TalentSort, chunkSize = exportChunkSize): AsyncGenerator<ExportedRow[]> {
  const where = talentConditions(filters, scope);
  const rank = filters.search?.rank;
  if (sort === 'relevance' && rank) {
    const ids = await rankedIds(db, where, rank, chunkSize);
    // read by primary key within the scope and the other filters; the search condition is not asked again (it matched
    // when ranked), so no plan reads every match through the text index for each chunk
    const within = talentConditions({ ...filters, search: undefined }, scope);
    for (let start = 0; start < ids.length; start += chunkSize) {
      const rows = await talentsByIds(db, ids.slice(start, start + chunkSize), within);
      await nextTurn();
      if (rows.length) yield rows;
    }
    return;
  }
  const keyset = keysetOrder(sort === 'relevance' ? '-updatedAt' : sort);
  let cursor: Cursor | null = null;
  for (;;) {
    const { rows, next } = await keysetChunk(db, where, keyset, cursor, chunkSize);
    await nextTurn();
    if (rows.length) yield rows;
    if (rows.length < chunkSize || !next) return;
    cursor = next;
  }
}
