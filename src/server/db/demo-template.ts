import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { secretsFor, type Config } from '../config';
import { projectRoot } from '../paths';
import { secretKeyFile } from '../security/secrets';
import { openDatabase, pgliteOf, secureDataDirectory } from './client';
import { prepareDatabase } from './prepare';

/*
 * Start-up templates of the embedded database, kept in `config.templateDir` (TZ_TEMPLATE_DIR, by default
 * ~/.cache/talentzone), so that a first start neither runs initdb in WebAssembly nor loads the demo data:
 *
 * - `migrated-<version>.tar`: an empty database with every migration applied (PGlite's dumpDataDir). It holds no key
 *   and no data, so it serves any number of new data directories: a new database is loaded from it (loadDataDir)
 *   instead of initdb + migrations.
 * - `demo-<version>-<day>/`: a spare data directory prepared exactly as a first start in demo mode prepares one
 *   (prepareDatabase: migrations, key check value, demo data) with a master key of its own (`secret.key`). It is used
 *   once: a first start moves it into its data directory (a rename), so no two installations share a key and no copy of
 *   the key stays behind. The demo data dates applications under way back from the load day (review time limits run
 *   on the clock), so a spare serves only on the day (Beijing time) it was made; one from another day or version is
 *   removed. `talentzone prepare` makes one, and `talentzone start` makes the next one in the background (a separate,
 *   low-priority process) after a first start.
 *
 * <version> is a hash of the server and domain sources (migrations, demo generator, how records are stored) and the
 * PGlite version: any change to what a fresh start would produce makes new templates.
 */

let cachedVersion: string | undefined;
/** What the templates depend on: every server and domain source but the tests, and PGlite's version. */
export function templateVersion(): string {
  if (cachedVersion) return cachedVersion;
  const hash = createHash('sha256');
  hash.update(readFileSync(join(projectRoot, 'node_modules/@electric-sql/pglite/package.json')));
  for (const folder of ['src/server', 'src/domain']) {
    const files = readdirSync(join(projectRoot, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(file.slice(projectRoot.length)).update(readFileSync(file));
  }
  return (cachedVersion = hash.digest('hex').slice(0, 16));
}

/** The demo data's day: the day in Beijing (as the demo loader counts working days). */
export const templateDay = (moment: Date) => new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const migratedFile = (templateDir: string) => join(templateDir, `migrated-${templateVersion()}.tar`);
const spareFolder = (templateDir: string, day: string) => join(templateDir, `demo-${templateVersion()}-${day}`);

/** The migrated empty database of this version, to start a new embedded database from; undefined when not made yet. */
export function migratedTemplate(templateDir: string): Blob | undefined {
  const file = migratedFile(templateDir);
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** Makes the migrated template (in memory: initdb and every migration, then a dump) unless there is one. */
export async function makeMigratedTemplate(templateDir: string): Promise<void> {
  const file = migratedFile(templateDir);
  if (existsSync(file)) return;
  secureDataDirectory(templateDir);
  const database = await openDatabase({ kind: 'pglite' });
  try {
    await database.migrate();
    const dump = await pgliteOf(database)!.dumpDataDir('none');
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    renameSync(partial, file);
  } finally {
    await database.close();
  }
}

/** Moves a file or folder, copying when the two places are on different file systems. */
function move(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true, preserveTimestamps: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Removes templates of other versions and spares of other days (and leftovers of interrupted runs). */
export function removeStaleTemplates(templateDir: string, today = new Date()) {
  if (!existsSync(templateDir)) return;
  const keep = new Set([migratedFile(templateDir), spareFolder(templateDir, templateDay(today))].map((path) => path.slice(templateDir.length + 1)));
  for (const name of readdirSync(templateDir)) {
    const ours = /^(migrated-|demo-|making-|claimed-)/.test(name);
    const inProgress = /^(making|claimed)-(\d+)/.exec(name);
    if (!ours || keep.has(name) || (inProgress && processAlive(Number(inProgress[2])))) continue;
    rmSync(join(templateDir, name), { recursive: true, force: true });
  }
}

const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A first start in demo mode on the embedded database with a generated key: takes today's spare demo database, if there
 * is one, into `config.dataDir` (its `pglite` folder and its `secret.key`). False when there is none or the data
 * directory is not new. Safe against two starts at once: the spare is first renamed to a name of this process's own.
 */
export function claimSpareDemo(config: Config, today = new Date()): boolean {
  const { templateDir, database } = config;
  if (!templateDir || !config.demo || config.secret || database.kind !== 'pglite' || !database.dataDir) return false;
  if (existsSync(join(database.dataDir, 'PG_VERSION')) || existsSync(secretKeyFile(config.dataDir))) return false;
  const spare = spareFolder(templateDir, templateDay(today));
  const claimed = join(templateDir, `claimed-${process.pid}-${Date.now()}`);
  try {
    renameSync(spare, claimed);
  } catch {
    return false;
  }
  try {
    secureDataDirectory(config.dataDir);
    // an empty pglite folder (made by an earlier attempt) would stop the rename
    if (existsSync(database.dataDir) && readdirSync(database.dataDir).length === 0) rmSync(database.dataDir, { recursive: true });
    // the key first: a data directory left with the key and no database (a failure in between) starts as a new one
    move(join(claimed, 'secret.key'), secretKeyFile(config.dataDir));
    move(join(claimed, 'pglite'), database.dataDir);
  } finally {
    rmSync(claimed, { recursive: true, force: true });
  }
  return true;
}

/** Whether today's spare demo database is there. */
export const hasSpareDemo = (templateDir: string, today = new Date()) => existsSync(join(spareFolder(templateDir, templateDay(today)), 'spare.json'));

/**
 * Makes today's spare demo database: a new data directory with a generated key, prepared by `prepareDatabase` as a first
 * start prepares one (from the migrated template, made first when missing), then closed and renamed into place.
 * 'present' when there is one already; 'late' when the day changed while it was made (thrown away).
 */
export async function makeSpareDemo(config: Config, progress: (step: string) => void = () => {}): Promise<'made' | 'present' | 'late'> {
  const templateDir = config.templateDir;
  if (!templateDir) throw new Error('TZ_TEMPLATE_DIR is off');
  const day = templateDay(new Date());
  const target = spareFolder(templateDir, day);
  if (existsSync(target)) return 'present';
  secureDataDirectory(templateDir);
  removeStaleTemplates(templateDir);
  await makeMigratedTemplate(templateDir);
  mkdirSync(templateDir, { recursive: true });
  const work = mkdtempSync(join(templateDir, `making-${process.pid}-`));
  try {
    const spareConfig: Config = {
      ...config,
      dataDir: work,
      database: { kind: 'pglite', dataDir: join(work, 'pglite'), loadDataDir: migratedTemplate(templateDir) },
      demo: true,
      secret: undefined,
    };
    const { database } = await prepareDatabase(spareConfig, secretsFor(spareConfig), progress);
    await database.close();
    if (templateDay(new Date()) !== day) return 'late';
    writeFileSync(join(work, 'spare.json'), JSON.stringify({ version: templateVersion(), day, made: new Date().toISOString() }));
    try {
      renameSync(work, target);
    } catch {
      return 'present';
    }
    return 'made';
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
