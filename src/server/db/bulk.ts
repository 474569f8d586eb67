import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * Inserts many rows of a table in one statement whose one parameter is the rows as JSON, read back by
 * `json_to_recordset` with the columns' own types: what bulk loads use (the demo data, generated talents), where
 * building a parameter per value through the query builder costs more than the database's work. Keys are the table's
 * property names; a column absent from the first row gets its default (the database's, or drizzle's `$defaultFn`). Values go as JSON: dates as ISO text, arrays as
 * arrays, JSON columns as they are. `computed` turns a column's JSON value into SQL (`to_tsvector(…)` of a document).
 * Rows go in chunks of `chunkSize`.
 */
export async function insertJsonRows<T extends PgTable>(
  executor: Executor,
  table: T,
  rows: Record<string, unknown>[],
  computed: Record<string, (value: SQL) => SQL> = {},
  chunkSize = 5000,
): Promise<void> {
  if (rows.length === 0) return;
  const prepared = withGeneratedDefaults(table, rows);
  rows = prepared.rows;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const json = JSON.stringify(rows.slice(start, start + chunkSize));
    await insertFromRecordset(executor, table, prepared.keys, sql`${json}::json`, computed);
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The columns an insert of these rows names (the first row's keys, and the columns with a default made in JavaScript);
 * and the rows with those defaults given (random ids …), as drizzle's insert gives them.
 */
export function withGeneratedDefaults<T extends PgTable>(table: T, rows: Record<string, unknown>[]): { keys: string[]; rows: Record<string, unknown>[] } {
  if (rows.length === 0) return { keys: [], rows };
  const columns = Object.entries(getTableColumns(table)).filter(([key, column]) => key in rows[0] || column.defaultFn);
  const generated = columns.filter(([key, column]) => !(key in rows[0]) && column.defaultFn);
  const withDefaults = generated.length ? rows.map((row) => ({ ...row, ...Object.fromEntries(generated.map(([key, column]) => [key, column.defaultFn!()])) })) : rows;
  return { keys: columns.map(([key]) => key), rows: withDefaults };
}

/**
 * `insert into <table> (…) select … from json_to_recordset(<source>) as r(…) [where …]`: the rows of a JSON array that
 * `source` yields (a parameter, or a column read by a subquery), with the columns' own types, the keys `keys` (the
 * table's property names). `where` filters them, given a reference to a key of `r`.
 */
export async function insertFromRecordset<T extends PgTable>(
  executor: Executor,
  table: T,
  keys: readonly string[],
  source: SQL,
  computed: Record<string, (value: SQL) => SQL> = {},
  where?: (column: (key: string) => SQL) => SQL,
): Promise<void> {
  const all = getTableColumns(table);
  const columns = keys.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return [key, column] as const;
  });
  const names = sql.raw(columns.map(([, column]) => quote(column.name)).join(', '));
  const definitions = sql.raw(columns.map(([key, column]) => `${quote(key)} ${key in computed ? 'text' : column.getSQLType()}`).join(', '));
  const ref = (key: string) => sql.raw(`r.${quote(key)}`);
  const selected = sql.join(
    columns.map(([key]) => (key in computed ? computed[key](ref(key)) : ref(key))),
    sql`, `,
  );
  const filter = where ? sql` where ${where(ref)}` : sql``;
  await executor.execute(sql`insert into ${sql.raw(quote(getTableName(table)))} (${names}) select ${selected} from json_to_recordset(${source}) as r(${definitions})${filter}`);
}
