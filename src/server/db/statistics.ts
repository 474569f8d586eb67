import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client';
import { nextTurn } from './turns';

/**
 * Planner statistics. PostgreSQL's autovacuum analyzes a table once enough of it changed; PGlite has no autovacuum, so
 * without this a database never gets statistics (nor the visibility map index-only scans need, nor its dead rows
 * pruned): after `VACUUM ANALYZE` a search fell from 132 to 21 ms at 100,000 talents. The same rule as autovacuum's
 * defaults decides which tables are due: never analyzed, or more rows changed since the last analysis than
 * 50 + 10 % of the table (`autovacuum_analyze_threshold`, `autovacuum_analyze_scale_factor`).
 */
const threshold = { rows: 50, fraction: 0.1 };

export type TableStatistics = { table: string; rows: number; changed: number; analyzed: boolean };

/**
 * The tables of the public schema this role may analyze (it owns them, or is a superuser, as on PGlite; the app role of
 * a PostgreSQL server owns none and leaves them to autovacuum), with their row estimate and rows changed since the last
 * analysis. `reltuples` is -1 until a table is first vacuumed or analyzed.
 */
export async function tableStatistics(db: Db): Promise<TableStatistics[]> {
  const rows = await queryRows<{ table: string; rows: number | string; changed: number | string | null }>(
    db,
    sql`select c.relname as table, c.reltuples as rows, s.n_mod_since_analyze as changed
      from pg_class c join pg_namespace n on n.oid = c.relnamespace left join pg_stat_user_tables s on s.relid = c.oid
      where n.nspname = 'public' and c.relkind in ('r', 'p') and pg_has_role(c.relowner, 'USAGE')
      order by c.relname`,
  );
  return rows.map((row) => ({ table: row.table, rows: Number(row.rows), changed: Number(row.changed ?? 0), analyzed: Number(row.rows) >= 0 }));
}

const isDue = ({ rows, changed, analyzed }: TableStatistics) => !analyzed || changed > threshold.rows + threshold.fraction * rows;

export type AnalyzeOptions = {
  /** These tables (that this role may analyze), due or not: after a bulk write the writer knows what it changed. */
  tables?: string[];
  /** VACUUM (ANALYZE) instead of ANALYZE: prunes dead rows and sets the visibility map (PGlite has no autovacuum). */
  vacuum?: boolean;
  /** Checked between tables: the work stops after the current one. */
  stopped?: () => boolean;
};

/**
 * Brings planner statistics up to date, one table per statement: the connection (PGlite's only one) is free between
 * tables, so requests interleave; the longest statement is the largest table's (talents: its search vectors are
 * sampled). Without `tables`, the tables due (see `threshold`). Returns the tables done and the longest one's time.
 * Call it after bulk writes (demo seed, import, search refresh, restore) and periodically (the daily work).
 */
export async function analyzeTables(db: Db, options: AnalyzeOptions = {}) {
  const known = await tableStatistics(db);
  const wanted = options.tables ? new Set(options.tables) : undefined;
  const due = known.filter((table) => (wanted ? wanted.has(table.table) : isDue(table)));
  const done: string[] = [];
  let longest = 0;
  for (const { table } of due) {
    if (options.stopped?.()) break;
    const started = performance.now();
    await db.execute(options.vacuum ? sql`vacuum (analyze) ${sql.identifier(table)}` : sql`analyze ${sql.identifier(table)}`);
    longest = Math.max(longest, performance.now() - started);
    done.push(table);
    await nextTurn();
  }
  return { tables: done, longestMs: Math.round(longest) };
}
