import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { imports, organisations, talents } from '../../db/schema';
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
