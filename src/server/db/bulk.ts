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
  // columns with a default made in JavaScript ($defaultFn, e.g. random ids) get it here, as drizzle's insert does
  const columns = Object.entries(getTableColumns(table)).filter(([key, column]) => key in rows[0] || column.defaultFn);
  const generated = columns.filter(([key, column]) => !(key in rows[0]) && column.defaultFn);
  if (generated.length) rows = rows.map((row) => ({ ...row, ...Object.fromEntries(generated.map(([key, column]) => [key, column.defaultFn!()])) }));
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const names = sql.raw(columns.map(([, column]) => quote(column.name)).join(', '));
  const definitions = sql.raw(columns.map(([key, column]) => `${quote(key)} ${key in computed ? 'text' : column.getSQLType()}`).join(', '));
  const selected = sql.join(
    columns.map(([key]) => (key in computed ? computed[key](sql.raw(`r.${quote(key)}`)) : sql.raw(`r.${quote(key)}`))),
    sql`, `,
  );
  for (let start = 0; start < rows.length; start += chunkSize) {
    const json = JSON.stringify(rows.slice(start, start + chunkSize));
    await executor.execute(sql`insert into ${sql.raw(quote(getTableName(table)))} (${names}) select ${selected} from json_to_recordset(${json}::json) as r(${definitions})`);
  }
}
