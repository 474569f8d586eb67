import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { Config } from '../config';
import { checkMasterKey } from '../security/key-check';
import { secretKeyFile, type Secrets } from '../security/secrets';
import { openDatabase, type Database, type Db } from './client';
import { users } from './schema';

/** True when the database holds no records yet (demo data is loaded once, on an empty database). */
export async function isEmpty(db: Db) {
  const [{ total }] = await db.select({ total: count() }).from(users);
  return total === 0;
}

/**
 * Opens and migrates the database, refuses a master key that does not match the data (key check value), loads demo
 * data into an empty one when demo mode is on. A new embedded database starts from `config.database.loadDataDir` when
 * given (the migrated template, db/demo-template.ts) instead of running initdb. The demo loader is imported only when
 * it runs: a start on existing data never loads it.
 */
export async function prepareDatabase(config: Config, secrets: Secrets, progress: (step: string) => void = () => {}): Promise<{ database: Database; seeded: boolean }> {
  const options = config.database;
  const fresh = options.kind === 'pglite' && !!options.dataDir && !existsSync(join(options.dataDir, 'PG_VERSION'));
  if (options.kind === 'pglite' && fresh) {
    progress(
      options.loadDataDir
        ? `正在从已迁移的模板创建数据库 / creating the database in ${options.dataDir} from the migrated template …`
        : `正在创建数据库 / creating the database in ${options.dataDir} …`,
    );
  } else progress('正在打开数据库 / opening the database …');
  const database = await openDatabase(options);
  try {
    progress('正在检查数据库结构 / applying migrations …');
    await database.migrate();
    await checkMasterKey(database.db, secrets, config.secret ? 'TZ_SECRET' : secretKeyFile(config.dataDir));
    const seeded = config.demo && (await isEmpty(database.db));
    if (seeded) {
      progress('正在载入演示数据（约 2,000 名人才、153 家企业、9 项政策）/ loading the demo data (about 2,000 talents, 153 enterprises, 9 policies) …');
      const { loadDemoData } = await import('./demo');
      await loadDemoData(database.db, secrets);
    }
    return { database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
