import { and, asc, eq, getTableColumns, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { insertFromRecordset } from '../../db/bulk';
import { queryRows, type Executor } from '../../db/client';
import { importStagedRows, imports, organisations, talents } from '../../db/schema';
import { talentBulkComputed, talentBulkTables, type TalentBulkTable } from '../talents/talents.repo';
import type { SessionUser } from '../../plugins/auth';

export type ImportRow = Omit<typeof imports.$inferSelect, 'rows'>;
export type ImportProblem = { row: number; column: string; message: string };

/** The previewer sees and runs their import; the office sees and runs every import. Others: 404. */
export const importScope = (user: SessionUser): SQL | undefined => (user.roles.includes('office') ? undefined : eq(imports.createdBy, user.id));

const { rows: _rows, ...withoutRows } = getTableColumns(imports);

export async function insertImport(executor: Executor, values: typeof imports.$inferInsert): Promise<ImportRow> {
  const [row] = await executor.insert(imports).values(values).returning(withoutRows);
  return row;
}

/** An import within a scope, without its stored rows. */
export async function findImport(executor: Executor, id: string, scope: SQL | undefined): Promise<ImportRow | null> {
  const [row] = await executor.select(withoutRows).from(imports).where(and(eq(imports.id, id), scope));
  return row ?? null;
}

export async function loadImportRows(executor: Executor, id: string): Promise<unknown[]> {
  const [row] = await executor.select({ rows: imports.rows }).from(imports).where(eq(imports.id, id));
  return row?.rows ?? [];
}

/** Moves a previewed import to running (once: a second commit finds nothing to claim). */
export async function claimImport(executor: Executor, id: string, mode: 'allOrNothing' | 'validOnly', scope: SQL | undefined): Promise<ImportRow | null> {
  const [row] = await executor
    .update(imports)
    .set({ status: 'running', mode, processed: 0 })
    .where(and(eq(imports.id, id), eq(imports.status, 'previewed'), scope))
    .returning(withoutRows);
  return row ?? null;
}

/** Records the end of a run; the stored rows (encrypted personal data) are dropped. */
export async function finishImport(
  executor: Executor,
  id: string,
  values: { status: 'done' | 'failed'; processed: number; imported: number; problems: ImportProblem[] },
): Promise<void> {
  await executor
    .update(imports)
    .set({ ...values, rows: null, finishedAt: new Date() })
    .where(eq(imports.id, id));
}

/** The talents already holding any of the ID-number hashes: hash → name. */
export async function talentsByIdNumberHash(executor: Executor, hashes: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let start = 0; start < hashes.length; start += 1000) {
    const rows = await executor
      .select({ hash: talents.idNumberHash, name: talents.name })
      .from(talents)
      .where(inArray(talents.idNumberHash, hashes.slice(start, start + 1000)));
    for (const row of rows) found.set(row.hash, row.name);
  }
  return found;
}

/** Names of the talents holding any of the phone hashes: `${name}\u0000${hash}` keys, for the same-name-same-phone rule. */
export async function talentNamesByPhoneHash(executor: Executor, hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < hashes.length; start += 1000) {
    const rows = await executor
      .select({ hash: talents.phoneHash, name: talents.name })
      .from(talents)
      .where(inArray(talents.phoneHash, hashes.slice(start, start + 1000)));
    for (const row of rows) found.add(`${row.name}\u0000${row.hash}`);
  }
  return found;
}

/** Every organisation a talent can name as employer (an enterprise wins over another kind of the same name). */
export async function employerNames(executor: Executor) {
  return executor
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .orderBy(sql`${organisations.kind} = 'enterprise' desc`, asc(organisations.name));
}

/**
 * Holds, for the rest of the transaction, the lock that says "this import is being run" (a transaction-scoped advisory
 * lock, so it goes with the run's transaction however that ends). True when it was free.
 */
export async function tryLockImportRun(executor: Executor, id: string): Promise<boolean> {
  const [row] = await queryRows<{ free: boolean }>(executor, sql`select pg_try_advisory_xact_lock(hashtext(${`import:${id}`})) as free`);
  return Boolean(row?.free);
}

/** Waits for the run lock (the run's own transaction takes it first thing). */
export async function lockImportRun(executor: Executor, id: string): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(hashtext(${`import:${id}`}))`);
}

/** The status of an import, read under the run lock. */
export async function importStatus(executor: Executor, id: string): Promise<ImportRow['status'] | null> {
  const [row] = await executor.select({ status: imports.status }).from(imports).where(eq(imports.id, id));
  return row?.status ?? null;
}

/** Imports left `running`. */
export async function runningImports(executor: Executor): Promise<ImportRow[]> {
  return executor.select(withoutRows).from(imports).where(eq(imports.status, 'running'));
}

/** Drops the stored rows (encrypted personal data) of previews older than `cutoff`; they can no longer be imported. */
export async function dropExpiredPreviews(executor: Executor, cutoff: Date): Promise<number> {
  const dropped = await executor
    .update(imports)
    .set({ rows: null })
    .where(and(eq(imports.status, 'previewed'), lt(imports.createdAt, cutoff), isNotNull(imports.rows)))
    .returning({ id: imports.id });
  return dropped.length;
}

/** One staged chunk of a table's rows (the keys of its rows in `columns`). */
export async function stageRows(executor: Executor, importId: string, chunk: number, target: TalentBulkTable, columns: string[], rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await executor.insert(importStagedRows).values({ importId, chunk, target, columns, rows });
}

/** Drops an import's staged rows (its run ended, failed or was interrupted). */
export async function dropStagedRows(executor: Executor, importId: string): Promise<void> {
  await executor.delete(importStagedRows).where(eq(importStagedRows.importId, importId));
}

/** Staged talents whose ID number the registry holds by now: staged id → the registered talent's name. */
export async function stagedTalentClashes(executor: Executor, importId: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; name: string }>(
    executor,
    sql`select r.id, t.name
        from import_staged_rows s
        cross join lateral json_to_recordset(s.rows) as r(id uuid, "idNumberHash" text)
        join talents t on t.id_number_hash = r."idNumberHash"
        where s.import_id = ${importId} and s.target = 'talents'`,
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Switches an import's staged talents into the registry: each staged chunk of each table by one `insert … select`
 * from the staging table (the talents before what refers to them), leaving out the talents in `skipped` and their
 * rows. Runs inside the switch-in transaction.
 */
export async function switchInStagedTalents(executor: Executor, importId: string, skipped: readonly string[]): Promise<void> {
  const chunks = await executor
    .select({ chunk: importStagedRows.chunk, target: importStagedRows.target, columns: importStagedRows.columns })
    .from(importStagedRows)
    .where(eq(importStagedRows.importId, importId));
  const order = Object.keys(talentBulkTables);
  chunks.sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target) || a.chunk - b.chunk);
  const skippedIds = sql`${`{${skipped.join(',')}}`}::uuid[]`;
  for (const { chunk, target, columns } of chunks) {
    const table = talentBulkTables[target as TalentBulkTable];
    if (!table) throw new Error(`unknown staged target ${target}`);
    const source = sql`(select s.rows from import_staged_rows s where s.import_id = ${importId} and s.chunk = ${chunk} and s.target = ${target})`;
    const key = target === 'talents' ? 'id' : 'talentId';
    await insertFromRecordset(executor, table, columns, source, talentBulkComputed, skipped.length ? (column) => sql`not (${column(key)} = any(${skippedIds}))` : undefined);
  }
}
