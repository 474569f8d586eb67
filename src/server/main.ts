import { randomBytes } from 'node:crypto';
import { secretsFor, type Config } from './config';
import { buildApp } from './app';
import { openDatabase, type Database } from './db/client';
import { demoAccounts, demoPassword, isEmpty, loadDemoData } from './db/demo';
import { setupRequired } from './modules/auth/auth.service';
import { purgeDeadSessions } from './modules/auth/sessions.repo';
import { startDailyWork } from './modules/policies/daily';
import { checkMasterKey } from './security/key-check';
import { secretKeyFile, type Secrets } from './security/secrets';

/**
 * Opens and migrates the database, refuses a master key that does not match the data (key check value), loads demo
 * data into an empty one when demo mode is on.
 */
export async function prepareDatabase(config: Config, secrets: Secrets): Promise<{ database: Database; seeded: boolean }> {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    await checkMasterKey(database.db, secrets, config.secret ? 'TZ_SECRET' : secretKeyFile(config.dataDir));
    const seeded = config.demo && (await isEmpty(database.db));
    if (seeded) await loadDemoData(database.db, secrets);
    return { database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Starts TalentZone: database, app, listener; prints where it runs and how to sign in. Returns a stop function. */
export async function startServer(config: Config) {
  const started = performance.now();
  const secrets = secretsFor(config);
  const { database, seeded } = await prepareDatabase(config, secrets);
  const setupToken = !config.demo && (await setupRequired(database.db)) ? randomBytes(18).toString('base64url') : undefined;
  const app = await buildApp({ config, database, setupToken, secrets });
  await app.listen({ host: config.host, port: config.port });
  const sweeper = setInterval(() => void purgeDeadSessions(database.db).catch((error) => app.log.error(error)), 10 * 60 * 1000);
  sweeper.unref();
  const stopDailyWork = startDailyWork(database.db, app.log);

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `TalentZone 已启动 / is running: ${url}  (database: ${database.kind}${database.kind === 'pglite' ? ` in ${config.database.kind === 'pglite' ? config.database.dataDir : ''}` : ''}; ready in ${seconds} s${seeded ? ', demo data loaded' : ''})`,
    `API docs: ${url}/api/docs`,
  ];
  if (config.demo) {
    lines.push(`演示账号 / demo accounts (password 密码: ${demoPassword}):`);
    for (const account of demoAccounts) lines.push(`  ${account.username.padEnd(11)} ${account.description}`);
  }
  if (setupToken) lines.push(`首次运行初始化 / first-run set-up: open ${url}/setup with the set-up token ${setupToken}`);
  console.log(lines.join('\n'));

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(sweeper);
      stopDailyWork();
      await app.close();
      await database.close();
    })());
  return { app, url, stop, database };
}
