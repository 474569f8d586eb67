import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DatabaseOptions } from './db/client';
import { createSecrets, loadMasterSecret, type Secrets } from './security/secrets';

export type Config = {
  host: string;
  port: number;
  /** Where PGlite keeps its files (and the generated secrets). */
  dataDir: string;
  database: DatabaseOptions;
  /** Load demo data and demo accounts on an empty database. */
  demo: boolean;
  production: boolean;
  /** Serve the built web bundle from here when it exists. */
  webDir: string;
  logLevel: string;
  /** Mark cookies Secure even without https seen on the request (behind a TLS-terminating proxy). */
  forceSecureCookies: boolean;
  trustProxy: boolean;
  /**
   * TZ_TEMPLATE_DIR: where the embedded database's start-up templates are kept (a migrated empty database, a demo
   * database prepared in advance: see db/demo-template.ts); undefined (`off`) for none.
   */
  templateDir: string | undefined;
  /** TZ_SECRET: the master secret for personal-data encryption; the embedded setup keeps a generated one in the data dir. */
  secret: string | undefined;
};

const flag = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.TZ_DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, ownerUrl: env.DATABASE_OWNER_URL || undefined }
      : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') },
    demo: flag(env.TZ_DEMO, !production),
    production,
    webDir: resolve(env.TZ_WEB_DIR ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'warn'),
    forceSecureCookies: flag(env.TZ_SECURE_COOKIES, false),
    trustProxy: flag(env.TZ_TRUST_PROXY, false),
    templateDir: env.TZ_TEMPLATE_DIR === 'off' ? undefined : resolve(env.TZ_TEMPLATE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'talentzone')),
    secret: env.TZ_SECRET || undefined,
  };
}

/**
 * The secrets for personal data: from TZ_SECRET, or (embedded database only) a secret generated into the data dir.
 * Several servers on one PostgreSQL must share TZ_SECRET, so production on PostgreSQL refuses to start without it.
 */
export function secretsFor(config: Config): Secrets {
  if (config.secret) return createSecrets(config.secret);
  if (config.production && config.database.kind === 'postgres') throw new Error('TZ_SECRET must be set in production on PostgreSQL (at least 32 characters)');
  return createSecrets(loadMasterSecret(config.dataDir));
}
