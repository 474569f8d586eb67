import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client';

/** How far the database is migrated: the number of applied migrations and when the last one was generated. */
export async function migrationLevel(executor: Executor): Promise<{ applied: number; last: number | null }> {
  const [row] = await queryRows<{ applied: number | string; last: number | string | null }>(
    executor,
    sql`select count(*) as applied, max(created_at) as last from drizzle.__drizzle_migrations`,
  );
  return { applied: Number(row.applied), last: row.last === null ? null : Number(row.last) };
}

/** Tables in the app's schemas: a restore target must have none (unless forced). */
export async function tableCount(executor: Executor): Promise<number> {
  const [row] = await queryRows<{ total: number | string }>(executor, sql`select count(*) as total from pg_tables where schemaname in ('public', 'drizzle')`);
  return Number(row.total);
}

/** Empties a PostgreSQL database for a forced restore: the app's schemas and everything in them. */
export async function dropAppSchemas(executor: Executor): Promise<void> {
  await executor.execute(sql`drop schema if exists drizzle cascade`);
  await executor.execute(sql`drop schema if exists public cascade`);
  await executor.execute(sql`create schema public`);
}
