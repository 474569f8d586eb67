import { createHash, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { can } from '../../../domain/permissions';
import type { Language } from '../../../domain/i18n';
import { parseCreditCode } from '../../../domain/validators/credit-code';
import { parseIdNumber } from '../../../domain/validators/id-number';
import { withGeneratedDefaults } from '../../db/bulk';
import type { Db, Executor } from '../../db/client';
import { analyzeTables } from '../../db/statistics';
import { nextTurn } from '../../db/turns';
import { AppError, forbidden, notFound, type FieldProblem } from '../../errors';
import { systemActor, type Actor, type SessionUser } from '../../plugins/auth';
import type { Secrets } from '../../security/secrets';
import { recordAudit, recordAudits, type AuditEntry } from '../audit/audit.service';
import { findEnterpriseClashes, insertEnterprises, type EnterpriseValues } from '../enterprises/enterprises.repo';
import { enterpriseValues } from '../enterprises/enterprises.service';
import { listIndustries, listParks, listTiers } from '../reference/reference.repo';
import { talentBulkRows, type TalentRecord } from '../talents/talents.repo';
import { talentRecord } from '../talents/talents.service';
import { columnsOf, exampleRows, referenceChoiceHeaders, type ImportKind } from './imports.columns';
import {
  claimImport, dropExpiredPreviews, dropStagedRows, employerNames, finishImport, findImport, importScope, importStatus, insertImport, loadImportRows, lockImportRun,
  runningImports, stagedTalentClashes, stageRows, switchInStagedTalents, talentNamesByPhoneHash, talentsByIdNumberHash, tryLockImportRun, type ImportProblem, type ImportRow,
} from './imports.repo';
import { enterpriseRow, renderProblem, talentRow, type Lookups, type TalentRowInput } from './imports.rows';
import { readDataRows, templateWorkbook, type ChoiceValues, type SheetRow } from './imports.workbook';

/** Rows per file (a larger roster is imported in parts). */
export const maxImportRows = 50_000;
/** Problems kept and shown per import. */
export const maxProblems = 1000;
/**
 * Rows per insert statement at commit: talents have ~40 columns and PostgreSQL allows 65,535 parameters per statement.
 * 1,000 measured a little faster than 250 or 500 on PGlite.
 */
const batchSize = 1000;

/** An import of at least this many records analyzes the tables it wrote (see `analyzeTables`). */
const analyzeAfterRows = 1000;
const importedTables: Record<ImportKind, string[]> = {
  talents: ['talents', 'talent_educations', 'talent_titles', 'talent_certificates', 'talent_status_history'],
  enterprises: ['organisations'],
};

/** A preview can be imported for this long; its stored rows are dropped afterwards. */
export const previewLifetimeHours = 24;
const previewCutoff = (now = Date.now()) => new Date(now - previewLifetimeHours * 3_600_000);

export type ImportMode = 'allOrNothing' | 'validOnly';

/** What the imports table keeps between preview and commit: the stored form of each valid row (personal data encrypted). */
type StoredTalent = { row: number; record: TalentRecord };
type StoredEnterprise = { row: number; values: EnterpriseValues };

/**
 * The imports this process runs in the background: progress kept in memory (a PGlite transaction holds the only
 * connection, so progress cannot go through the database while it runs), and the tasks awaited before the app closes.
 */
export type ImportRunner = {
  progress: Map<string, number>;
  run: (id: string, task: () => Promise<void>) => void;
  settle: () => Promise<void>;
};

export function createImportRunner(log: FastifyBaseLogger): ImportRunner {
  const running = new Set<Promise<void>>();
  const progress = new Map<string, number>();
  return {
    progress,
    run(id, task) {
      progress.set(id, 0);
      const promise: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(task)
        .catch((error: unknown) => log.error({ err: error, importId: id }, 'import run failed'))
        .finally(() => {
          progress.delete(id);
          running.delete(promise);
        });
      running.add(promise);
    },
    settle: async () => {
      while (running.size) await Promise.allSettled([...running]);
    },
  };
}

async function loadLookups(executor: Executor): Promise<Lookups> {
  const [industries, tiers, employers, parks] = await Promise.all([listIndustries(executor), listTiers(executor), employerNames(executor), listParks(executor)]);
  const lookups: Lookups = { industries: new Map(), tiers: new Map(), employers: new Map(), parks: new Map() };
  for (const industry of industries.filter((entry) => entry.active)) {
    lookups.industries.set(industry.name, industry.code);
    lookups.industries.set(industry.code, industry.code);
  }
  for (const tier of tiers) {
    lookups.tiers.set(tier.code, tier.code);
    lookups.tiers.set(tier.name, tier.code);
    lookups.tiers.set(tier.name.replace(/\s/g, ''), tier.code);
  }
  for (const employer of employers) if (!lookups.employers.has(employer.name)) lookups.employers.set(employer.name, { id: employer.id, name: employer.name });
  for (const park of parks) lookups.parks.set(park.name, park.id);
  return lookups;
}

/** The template of a kind, its allowed values read from the database. */
export async function importTemplate(executor: Executor, kind: ImportKind) {
  const [industries, tiers, employers, parks] = await Promise.all([listIndustries(executor), listTiers(executor), employerNames(executor), listParks(executor)]);
  const choices: ChoiceValues = {
    industry: industries.filter((industry) => industry.active).map((industry) => industry.name),
    tier: tiers.map((tier) => tier.name),
    employer: [...new Set(employers.map((employer) => employer.name))],
    park: parks.map((park) => park.name),
  };
  const bytes = await templateWorkbook(kind, choices);
  return { bytes, fileName: kind === 'talents' ? '人才信息导入模板.xlsx' : '企业信息导入模板.xlsx' };
}

/** An unchanged example row of the template is not data. */
function isExample(kind: ImportKind, row: SheetRow) {
  const example = exampleRows[kind];
  // the reference columns hold the first value of their list at download time, which may have changed since
  return columnsOf(kind)
    .filter((column) => !(column.choices && referenceChoiceHeaders[column.choices]))
    .every((column) => (row.cells[column.key]?.text ?? '') === (example[column.key] ?? ''));
}

type Found = { row: number; column: string; problem: FieldProblem };

/**
 * `items.map(map)` that lets other requests run every few hundred items: checking and encrypting 10,000 rows is
 * seconds of CPU, which must not stall the server for everyone else.
 */
async function mapInSlices<T, U>(items: readonly T[], map: (item: T) => U, slice = 500): Promise<U[]> {
  const mapped: U[] = [];
  for (let start = 0; start < items.length; start += slice) {
    if (start > 0) await nextTurn();
    for (const item of items.slice(start, start + slice)) mapped.push(map(item));
  }
  return mapped;
}

function render(kind: ImportKind, found: Found[], language: Language): ImportProblem[] {
  const columns = columnsOf(kind);
  const order = new Map(columns.map((column, index) => [column.key, index]));
  const header = new Map(columns.map((column) => [column.key, column.header]));
  return [...found]
    .sort((a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99))
    .slice(0, maxProblems)
    .map(({ row, column, problem }) => ({ row, column: header.get(column) ?? column, message: renderProblem(problem, language) }));
}

type Checked = { total: number; valid: number; found: Found[]; stored: StoredTalent[] | StoredEnterprise[] };

/** Enterprise HR (should it ever import) registers its own staff only, as through the API. */
function ownEmployer(user: SessionUser, checked: TalentRowInput): TalentRowInput {
  if (user.roles.includes('office') || !user.roles.includes('enterprise') || !user.organisationId) return checked;
  return { input: { ...checked.input, employerId: user.organisationId, employerName: null }, employerLabel: null };
}

async function checkTalents(executor: Executor, secrets: Secrets, user: SessionUser, rows: SheetRow[]): Promise<Checked> {
  const lookups = await loadLookups(executor);
  const found: Found[] = [];
  const results = await mapInSlices(rows, (row) => {
    const result = talentRow(row.cells, lookups);
    for (const [column, problem] of result.problems) found.push({ row: row.row, column, problem });
    return { row: row.row, checked: result.input ? ownEmployer(user, result.input) : null, problems: result.problems };
  });
  const invalid = new Set(results.filter((result) => !result.checked).map((result) => result.row));
  const flag = (row: number, column: string, problem: FieldProblem, problems: Map<string, FieldProblem>) => {
    if (problems.has(column)) return;
    problems.set(column, problem);
    found.push({ row, column, problem });
    invalid.add(row);
  };

  // one ID number, one row: later rows repeating a number name the first
  const firstRowOf = new Map<string, number>();
  const hashOf = new Map<number, string>();
  for (const [index, result] of results.entries()) {
    const identity = parseIdNumber(rows[index].cells.idNumber?.text ?? '');
    if (!identity.ok) continue;
    const first = firstRowOf.get(identity.value.idNumber);
    if (first !== undefined) flag(result.row, 'idNumber', { code: 'import.duplicateInFile', params: { row: first } }, result.problems);
    else firstRowOf.set(identity.value.idNumber, result.row);
    hashOf.set(result.row, secrets.lookupHash(identity.value.idNumber));
  }

  // the registry: one ID number, one talent; the same name and phone as a registered talent is a likely duplicate
  const registered = await talentsByIdNumberHash(executor, [...hashOf.values()]);
  const candidates = results.filter((result) => result.checked && !invalid.has(result.row));
  const phoneHashes = new Map<number, string>();
  for (const result of candidates) if (result.checked!.input.phone) phoneHashes.set(result.row, secrets.lookupHash(result.checked!.input.phone));
  const samePhone = await talentNamesByPhoneHash(executor, [...new Set(phoneHashes.values())]);
  for (const result of results) {
    const name = registered.get(hashOf.get(result.row) ?? '');
    if (name !== undefined) flag(result.row, 'idNumber', { code: 'idNumber.duplicate', params: { name } }, result.problems);
    const phoneHash = phoneHashes.get(result.row);
    if (result.checked && phoneHash && samePhone.has(`${result.checked.input.name}\u0000${phoneHash}`)) flag(result.row, 'phone', { code: 'talent.samePhone' }, result.problems);
  }

  const stored: StoredTalent[] = await mapInSlices(
    results.filter((result) => result.checked && !invalid.has(result.row)),
    (result) => ({ row: result.row, record: talentRecord(result.checked!.input, secrets, result.checked!.employerLabel) }),
  );
  return { total: rows.length, valid: stored.length, found, stored };
}

async function checkEnterprises(executor: Executor, secrets: Secrets, rows: SheetRow[]): Promise<Checked> {
  const lookups = await loadLookups(executor);
  const found: Found[] = [];
  const results = await mapInSlices(rows, (row) => {
    const result = enterpriseRow(row.cells, lookups);
    for (const [column, problem] of result.problems) found.push({ row: row.row, column, problem });
    return { row: row.row, input: result.input, problems: result.problems };
  });
  const invalid = new Set(results.filter((result) => !result.input).map((result) => result.row));
  const flag = (row: number, column: string, problem: FieldProblem, problems: Map<string, FieldProblem>) => {
    if (problems.has(column)) return;
    problems.set(column, problem);
    found.push({ row, column, problem });
    invalid.add(row);
  };

  const codeOf = new Map<number, string>();
  const nameOf = new Map<number, string>();
  const firstByCode = new Map<string, number>();
  const firstByName = new Map<string, number>();
  for (const [index, result] of results.entries()) {
    const code = parseCreditCode(rows[index].cells.creditCode?.text ?? '');
    if (code.ok) {
      const first = firstByCode.get(code.value);
      if (first !== undefined) flag(result.row, 'creditCode', { code: 'import.duplicateInFile', params: { row: first } }, result.problems);
      else firstByCode.set(code.value, result.row);
      codeOf.set(result.row, code.value);
    }
    const name = rows[index].cells.name?.text;
    if (name) {
      const first = firstByName.get(name);
      if (first !== undefined) flag(result.row, 'name', { code: 'import.duplicateInFile', params: { row: first } }, result.problems);
      else firstByName.set(name, result.row);
      nameOf.set(result.row, name);
    }
  }

  const holders = new Map<string, string>();
  const takenNames = new Set<string>();
  const codes = [...codeOf.values()];
  const names = [...nameOf.values()];
  for (let start = 0; start < Math.max(codes.length, names.length); start += 1000) {
    for (const clash of await findEnterpriseClashes(executor, codes.slice(start, start + 1000), names.slice(start, start + 1000))) {
      if (clash.creditCode) holders.set(clash.creditCode, clash.name);
      if (clash.kind === 'enterprise') takenNames.add(clash.name);
    }
  }
  for (const result of results) {
    const holder = holders.get(codeOf.get(result.row) ?? '');
    if (holder !== undefined) flag(result.row, 'creditCode', { code: 'creditCode.duplicate', params: { name: holder } }, result.problems);
    if (takenNames.has(nameOf.get(result.row) ?? '')) flag(result.row, 'name', { code: 'enterprise.nameTaken' }, result.problems);
  }

  const stored: StoredEnterprise[] = await mapInSlices(
    results.filter((result) => result.input && !invalid.has(result.row)),
    (result) => ({ row: result.row, values: enterpriseValues(result.input!, secrets) }),
  );
  return { total: rows.length, valid: stored.length, found, stored };
}

export type PreviewInput = { kind: ImportKind; fileName: string; bytes: Buffer };

/**
 * Reads an uploaded workbook and checks every row as the API would (the shared schemas, the reference data, the
 * registry's uniqueness rules, duplicates inside the file). Nothing is written to the registry: the checked rows wait
 * in the imports table for the commit.
 */
export async function previewImport(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, language: Language, { kind, fileName, bytes }: PreviewInput) {
  if (kind === 'enterprises' && !can(user.roles, 'enterprises.create')) throw forbidden();
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const rows = (await readDataRows(bytes, kind, maxImportRows)).filter((row) => !isExample(kind, row));
  const checked = kind === 'talents' ? await checkTalents(db, secrets, user, rows) : await checkEnterprises(db, secrets, rows);
  const problems = render(kind, checked.found, language);
  const counts = { total: checked.total, valid: checked.valid, invalid: checked.total - checked.valid };
  return db.transaction(async (tx) => {
    // a convenient moment to drop what expired previews still hold
    await dropExpiredPreviews(tx, previewCutoff());
    const row = await insertImport(tx, { kind, fileName, fileHash, status: 'previewed', total: counts.total, valid: counts.valid, problems, rows: checked.stored, createdBy: user.id });
    await recordAudit(tx, actor, { action: 'import.preview', targetType: 'import', targetId: row.id, changes: { kind, fileName, fileSha256: fileHash, ...counts } });
    return { id: row.id, kind, fileName, ...counts, problems, status: 'previewed' as const };
  });
}

export function presentImport(row: ImportRow, processed?: number) {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status: row.status,
    mode: row.mode,
    total: row.total,
    valid: row.valid,
    invalid: row.total - row.valid,
    processed: processed ?? row.processed,
    imported: row.imported,
    problems: row.problems,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function importDetail(executor: Executor, runner: ImportRunner, user: SessionUser, id: string) {
  const row = await findImport(executor, id, importScope(user));
  if (!row) throw notFound();
  return presentImport(row, row.status === 'running' ? runner.progress.get(id) : undefined);
}

/**
 * Starts the import of a previewed file in the background and answers at once. All or nothing refuses a file with any
 * invalid row; valid only imports the rows that passed. The run re-checks the registry, writes the rows (talents: staged
 * in short transactions, then switched in by one short transaction; enterprises: in batches in one transaction) and
 * records its outcome.
 */
export async function commitImport(db: Db, runner: ImportRunner, actor: Actor, user: SessionUser, language: Language, id: string, mode: ImportMode) {
  const scope = importScope(user);
  const found = await findImport(db, id, scope);
  if (!found) throw notFound();
  if (found.status !== 'previewed') throw new AppError(409, 'importState');
  if (found.createdAt < previewCutoff()) throw new AppError(410, 'importExpired', { hours: previewLifetimeHours });
  const invalidRows = found.total - found.valid;
  if (mode === 'allOrNothing' && invalidRows > 0) throw new AppError(400, 'importHasInvalidRows', { invalid: invalidRows });
  if (found.valid === 0) throw new AppError(400, 'importNothingToImport');
  const claimed = await claimImport(db, id, mode, scope);
  if (!claimed) throw new AppError(409, 'importState');
  runner.run(id, () => runImport(db, runner, actor, language, claimed, mode));
  return { id, status: 'running' as const };
}

/** Refusal of an all-or-nothing run that found new duplicates: nothing is written. */
class RunRefused extends Error {}
/** A run whose import is no longer `running` (marked interrupted by a starting process): nothing is written. */
class RunAbandoned extends Error {}


/**
 * At start-up: an import left `running` whose run no process holds (its process died mid-run, so its transaction rolled
 * back) is marked failed, its problem saying it was interrupted, and audited; expired previews drop their stored rows.
 * A run in progress in another process holds its lock and is left alone.
 */
export async function recoverImports(db: Db, language: Language = 'zh-CN') {
  let interrupted = 0;
  for (const stuck of await runningImports(db)) {
    await db.transaction(async (tx) => {
      if (!(await tryLockImportRun(tx, stuck.id)) || (await importStatus(tx, stuck.id)) !== 'running') return;
      const problem: Found = { row: 0, column: '', problem: { code: 'import.interrupted' } };
      await dropStagedRows(tx, stuck.id);
      await finishImport(tx, stuck.id, { status: 'failed', processed: 0, imported: 0, problems: [...stuck.problems, ...render(stuck.kind, [problem], language)].slice(0, maxProblems) });
      await recordAudit(tx, systemActor, {
        action: 'import.commit',
        targetType: 'import',
        targetId: stuck.id,
        result: 'failure',
        detail: 'interrupted',
        changes: { kind: stuck.kind, fileName: stuck.fileName, fileSha256: stuck.fileHash, mode: stuck.mode, total: stuck.total, valid: stuck.valid, imported: 0 },
      });
      interrupted += 1;
    });
  }
  const expired = await db.transaction((tx) => dropExpiredPreviews(tx, previewCutoff()));
  return { interrupted, expired };
}

/** Rows staged per short transaction by a talent import's run (the connection is released between chunks). */
const stageChunkSize = 1000;

/** For tests: the rows per staged chunk, and a step after each chunk is staged (a concurrent change, a failure). */
export type RunOptions = { chunkSize?: number; afterChunk?: (staged: number) => Promise<void> };

/** The run of a claimed import (what `commitImport` starts in the background). */
export async function runImport(db: Db, runner: ImportRunner, actor: Actor, language: Language, started: ImportRow, mode: ImportMode, options: RunOptions = {}) {
  const found: Found[] = [];
  // `fileSha256`, not `fileHash`: recordAudit masks keys that look like secrets (…hash…), and a file's digest is not one
  const summary = { kind: started.kind, fileName: started.fileName, fileSha256: started.fileHash, mode, total: started.total, valid: started.valid };
  const progress = { processed: 0 };
  try {
    const imported =
      started.kind === 'talents'
        ? await runTalentImport(db, runner, actor, language, started, mode, found, summary, progress, options)
        : await runEnterpriseImport(db, runner, actor, language, started, mode, found, summary, progress);
    if (imported >= analyzeAfterRows) {
      // a bulk write: the planner's statistics of the tables it filled, one table per statement (PGlite has no
      // autovacuum; PostgreSQL's would come later). Only an optimisation: the start-up and daily runs catch up.
      await analyzeTables(db, { tables: importedTables[started.kind] }).catch(() => undefined);
    }
  } catch (error) {
    if (error instanceof RunAbandoned) {
      await dropStagedRows(db, started.id).catch(() => undefined);
      return;
    }
    const kind = started.kind;
    const refused = error instanceof RunRefused;
    const reason = refused ? render(kind, found, language).map((problem) => `第 ${problem.row} 行 ${problem.column}：${problem.message}`).join('；') : String(error);
    const failure = refused ? found : [{ row: 0, column: '', problem: { code: 'import.failed' as const, params: { reason: language === 'zh-CN' ? '服务器内部错误' : 'internal error' } } }];
    await db.transaction(async (tx) => {
      await dropStagedRows(tx, started.id);
      await finishImport(tx, started.id, { status: 'failed', processed: progress.processed, imported: 0, problems: [...started.problems, ...render(kind, failure, language)].slice(0, maxProblems) });
      await recordAudit(tx, actor, { action: 'import.commit', targetType: 'import', targetId: started.id, result: 'failure', changes: { ...summary, imported: 0 }, detail: reason.slice(0, 2000) });
    });
    if (!refused) throw error;
  }
}

type RunSummary = Record<string, unknown>;

/**
 * A talent import in two phases, so that the embedded database's one connection is never held for long:
 *
 * 1. *staging*: the stored rows, 1,000 at a time, each chunk in a short transaction of its own, become the rows the
 *    registry will hold (ids given here, every table's rows as `insertTalentsInBulk` writes them) in
 *    `import_staged_rows`; other requests run between chunks. Nothing of the registry changes.
 * 2. *switch-in*: one short transaction under the run's lock re-checks the registry (an ID number registered since the
 *    preview, even during staging: all or nothing refuses, valid only leaves that row out), moves the staged rows in
 *    by one `insert … select` per staged chunk and table, writes the audit entries, records the outcome and drops
 *    the staged rows. A failure anywhere rolls it back whole: all or nothing keeps its guarantee.
 */
async function runTalentImport(
  db: Db,
  runner: ImportRunner,
  actor: Actor,
  language: Language,
  started: ImportRow,
  mode: ImportMode,
  found: Found[],
  summary: RunSummary,
  progress: { processed: number },
  { chunkSize = stageChunkSize, afterChunk }: RunOptions,
): Promise<number> {
  const stored = (await loadImportRows(db, started.id)) as StoredTalent[];
  const rowOf = new Map<string, number>();
  // the created records' audit entries, written in the switch-in (the audit chain's lock is held to its end)
  const created: AuditEntry[] = [];
  await dropStagedRows(db, started.id); // what an earlier, interrupted run may have left
  for (let start = 0, chunk = 0; start < stored.length; start += chunkSize, chunk += 1) {
    await nextTurn();
    const batch = stored.slice(start, start + chunkSize);
    const records: TalentRecord[] = batch.map(({ row, record }) => {
      const id = randomUUID();
      rowOf.set(id, row);
      const withId = { values: { ...record.values, id }, children: record.children };
      created.push(importedEntry('talent.create', 'talent', id, started.id, row, talentAuditView(withId)));
      return withId;
    });
    const tables = talentBulkRows(records, actor.userId).map(({ name, table, rows }) => ({ name, ...withGeneratedDefaults(table, rows) }));
    await db.transaction(async (tx) => {
      // an import a starting process marked interrupted meanwhile is not run on
      if ((await importStatus(tx, started.id)) !== 'running') throw new RunAbandoned();
      for (const { name, keys, rows } of tables) await stageRows(tx, started.id, chunk, name, keys, rows);
    });
    progress.processed += batch.length;
    runner.progress.set(started.id, progress.processed);
    await afterChunk?.(progress.processed);
  }
  await nextTurn();
  return db.transaction(async (tx) => {
    await lockImportRun(tx, started.id);
    if ((await importStatus(tx, started.id)) !== 'running') throw new RunAbandoned();
    const clashes = await stagedTalentClashes(tx, started.id);
    for (const [id, name] of clashes) found.push({ row: rowOf.get(id) ?? 0, column: 'idNumber', problem: { code: 'idNumber.duplicate', params: { name } } });
    if (mode === 'allOrNothing' && clashes.size > 0) throw new RunRefused();
    await switchInStagedTalents(tx, started.id, [...clashes.keys()]);
    const entries = created.filter((entry) => !clashes.has(entry.targetId!));
    await recordAudits(tx, actor, entries);
    const imported = entries.length;
    await recordAudit(tx, actor, { action: 'import.commit', targetType: 'import', targetId: started.id, changes: { ...summary, imported, skipped: started.total - imported } });
    await finishImport(tx, started.id, { status: 'done', processed: progress.processed, imported, problems: [...started.problems, ...render('talents', found, language)].slice(0, maxProblems) });
    await dropStagedRows(tx, started.id);
    return imported;
  });
}

/** An enterprise import (a few hundred rows at most): inserted in batches in one transaction, all or nothing. */
async function runEnterpriseImport(
  db: Db,
  runner: ImportRunner,
  actor: Actor,
  language: Language,
  started: ImportRow,
  mode: ImportMode,
  found: Found[],
  summary: RunSummary,
  progress: { processed: number },
): Promise<number> {
  const stored = (await loadImportRows(db, started.id)) as StoredEnterprise[];
  return db.transaction(async (tx) => {
    // the run holds the import's lock until its transaction ends; an import another process marked interrupted
    // meanwhile is not run
    await lockImportRun(tx, started.id);
    if ((await importStatus(tx, started.id)) !== 'running') throw new RunAbandoned();
    let imported = 0;
    // the created records' audit entries are written at the end: appending to the audit chain takes its lock until
    // the transaction ends, so written per batch it would hold every other audited write for the whole run
    const created: AuditEntry[] = [];
    for (let start = 0; start < stored.length; start += batchSize) {
      const batch = stored.slice(start, start + batchSize);
      const kept = await insertEnterpriseBatch(tx, started.id, batch, found, created);
      if (mode === 'allOrNothing' && kept < batch.length) throw new RunRefused();
      imported += kept;
      progress.processed += batch.length;
      runner.progress.set(started.id, progress.processed);
    }
    await recordAudits(tx, actor, created);
    await recordAudit(tx, actor, { action: 'import.commit', targetType: 'import', targetId: started.id, changes: { ...summary, imported, skipped: started.total - imported } });
    await finishImport(tx, started.id, { status: 'done', processed: progress.processed, imported, problems: [...started.problems, ...render('enterprises', found, language)].slice(0, maxProblems) });
    return imported;
  });
}

/** What a created record's audit entry keeps of an imported talent (personal data masked by the audit). */
function talentAuditView({ values, children }: TalentRecord) {
  return {
    name: values.name,
    idNumber: '***', // the audit masks ID numbers whatever they are; no digit of one is stored in clear
    phone: values.phoneMasked ?? null,
    employerId: values.employerId ?? null,
    employerName: values.employerName ?? null,
    post: values.post ?? null,
    industry: values.industry ?? null,
    arrivalRoute: values.arrivalRoute,
    arrivedOn: values.arrivedOn ?? null,
    tier: values.tier ?? null,
    tags: values.tags ?? [],
    status: values.status,
    educations: children.educations,
    titles: children.titles,
    certificates: children.certificates,
  };
}

/**
 * Each created record gets its own `…create` entry, as through the API, marked as imported (`detail: import`, the
 * import's id and the file's row in `changes`), gathered per batch and written with multi-row inserts at the end of the
 * run's transaction.
 */
const importedEntry = (action: string, targetType: string, targetId: string, importId: string, row: number, view: Record<string, unknown>): AuditEntry => ({
  action,
  targetType,
  targetId,
  detail: 'import',
  changes: { importId, row, ...view },
});

async function insertEnterpriseBatch(tx: Executor, importId: string, batch: StoredEnterprise[], found: Found[], created: AuditEntry[]) {
  const clashes = await findEnterpriseClashes(tx, batch.flatMap((entry) => (entry.values.creditCode ? [entry.values.creditCode] : [])), batch.map((entry) => entry.values.name));
  const holders = new Map(clashes.filter((clash) => clash.creditCode).map((clash) => [clash.creditCode!, clash.name]));
  const names = new Set(clashes.filter((clash) => clash.kind === 'enterprise').map((clash) => clash.name));
  const fresh = batch.filter((entry) => {
    const holder = entry.values.creditCode ? holders.get(entry.values.creditCode) : undefined;
    if (holder !== undefined) found.push({ row: entry.row, column: 'creditCode', problem: { code: 'creditCode.duplicate', params: { name: holder } } });
    else if (names.has(entry.values.name)) found.push({ row: entry.row, column: 'name', problem: { code: 'enterprise.nameTaken' } });
    return holder === undefined && !names.has(entry.values.name);
  });
  const rows = await insertEnterprises(tx, fresh.map((entry) => entry.values));
  created.push(
    ...rows.map((row, index) => {
      const { contactPhoneCipher: _cipher, contactPhoneMasked, ...values } = fresh[index].values;
      return importedEntry('enterprise.create', 'enterprise', row.id, importId, fresh[index].row, { ...values, contactPhone: contactPhoneMasked ?? null });
    }),
  );
  return rows.length;
}
