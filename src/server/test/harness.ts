import { randomBytes } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { SQL } from 'drizzle-orm';
import { buildApp } from '../app';
import { loadConfig, secretsFor, type Config } from '../config';
import { openDatabase, type Database, type Db, type Executor } from '../db/client';
import { demoPassword, demoTotpSecret } from '../db/demo';
import { totpCode } from '../modules/auth/second-factor';
import type { App } from '../http/types';
import type { SessionUser } from '../plugins/auth';
import { waitForConnectionsToClose } from './postgres';
import { copyPrefix, databaseUrl, quoteIdentifier, testSecret, type TemplateName } from './template';

export { demoPassword };

/**
 * The environment every test app starts from: quiet, no web bundle, a fixed secret (nothing generated into a data
 * directory), the rest as in development.
 */
export const testEnv: NodeJS.ProcessEnv = {
  LOG_LEVEL: 'silent',
  TZ_WEB_DIR: '.tz-test/no-web-bundle',
  TZ_DATA_DIR: '.tz-test/data',
  TZ_SECRET: testSecret,
};

export type RequestOptions = { headers?: Record<string, string>; query?: Record<string, string>; ip?: string };

/**
 * A client of the app that remembers its session like a browser: the `tz_session` cookie from Set-Cookie and the CSRF
 * token from the last body that carried one, which it sends as `X-CSRF-Token` on state-changing requests.
 */
export type Agent = {
  readonly ip: string;
  user: SessionUser | null;
  cookie: string | null;
  csrfToken: string | null;
  request: (method: InjectOptions['method'], url: string, body?: unknown, options?: RequestOptions) => Promise<Response>;
  get: (url: string, options?: RequestOptions) => Promise<Response>;
  post: (url: string, body?: unknown, options?: RequestOptions) => Promise<Response>;
  put: (url: string, body?: unknown, options?: RequestOptions) => Promise<Response>;
  patch: (url: string, body?: unknown, options?: RequestOptions) => Promise<Response>;
  delete: (url: string, body?: unknown, options?: RequestOptions) => Promise<Response>;
};

/** A route as registered (method, URL with `:params`), collected by an onRoute hook added when Fastify is created. */
export type RegisteredRoute = { method: string; url: string; config: { access?: unknown } };

export type TestApp = {
  app: App;
  /** Every route the app registered, HEAD twins of GET routes included. */
  routes: RegisteredRoute[];
  database: Database;
  db: Db;
  config: Config;
  /** A client without a session. Each agent has its own client address, so sign-in throttling never leaks between tests. */
  anonymous: (options?: { ip?: string }) => Agent;
  /** Signs in (throws unless the answer is 200) and returns the signed-in agent. */
  login: (username: string, password?: string, options?: { ip?: string }) => Promise<Agent>;
  /** Rows of a raw SQL query, on either driver. */
  rows: <T = Record<string, unknown>>(query: SQL) => Promise<T[]>;
  /** Another app (other configuration, other set-up token) on the same database; closed with this one. */
  withConfig: (options: { env?: NodeJS.ProcessEnv; setupToken?: string }) => Promise<App>;
  close: () => Promise<void>;
};

export type TestAppOptions = {
  /** 'demo' (default): migrated with the demo data; 'empty': migrated only. */
  template?: TemplateName;
  /** Environment over `testEnv`, read by `loadConfig`. */
  env?: NodeJS.ProcessEnv;
  setupToken?: string;
};

let addressCounter = 0;
/** A distinct client address per agent in this file (10.<worker>.x.y). */
export function nextAddress() {
  addressCounter += 1;
  const worker = Number(process.env.VITEST_POOL_ID ?? 0) % 250;
  return `10.${worker}.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

export async function rowsOf<T = Record<string, unknown>>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A fresh database copied from a template: a loaded PGlite dump, or a PostgreSQL database created from the template. */
async function openTestDatabase(template: TemplateName): Promise<Database> {
  const templates = inject('testTemplates');
  if (!templates) throw new Error('no test database templates: run the tests through vitest (globalSetup)');
  if (templates.kind === 'pglite') {
    // zlib unpacks the gzip dump several times faster than PGlite's own DecompressionStream path.
    const dump = new Blob([gunzipSync(readFileSync(templates.files[template]))], { type: 'application/x-tar' });
    return openDatabase({ kind: 'pglite', loadDataDir: dump });
  }
  // Copies carry the run's process id, so the run's teardown also drops copies whose worker was killed.
  const name = `${copyPrefix(templates.databases.demo)}${randomBytes(8).toString('hex')}`;
  const admin = new pg.Client({ connectionString: templates.serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${quoteIdentifier(name)} template ${quoteIdentifier(templates.databases[template])}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl(templates.serverUrl, name), poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: templates.serverUrl });
      await dropper.connect();
      try {
        // the pool's connections end asynchronously: forcing the drop under one that is closing is an unhandled error
        await waitForConnectionsToClose(dropper, name);
        await dropper.query(`drop database if exists ${quoteIdentifier(name)} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

const sessionCookiePattern = /^tz_session=([^;]*)/;

export function createAgent(app: App, ip = nextAddress()): Agent {
  const agent: Agent = {
    ip,
    user: null,
    cookie: null,
    csrfToken: null,
    request: async (method, url, body, options = {}) => {
      const headers: Record<string, string> = {};
      if (agent.cookie) headers.cookie = `tz_session=${agent.cookie}`;
      if (agent.csrfToken && method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = agent.csrfToken;
      Object.assign(headers, options.headers);
      const response = await app.inject({
        method,
        url,
        headers,
        query: options.query,
        remoteAddress: options.ip ?? agent.ip,
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      });
      for (const setCookie of [response.headers['set-cookie'] ?? []].flat()) {
        const match = sessionCookiePattern.exec(setCookie);
        if (match) agent.cookie = match[1] || null;
      }
      if (response.body && String(response.headers['content-type'] ?? '').startsWith('application/json')) {
        const json = response.json() as { csrfToken?: unknown; user?: unknown };
        if (typeof json?.csrfToken === 'string') {
          agent.csrfToken = json.csrfToken;
          agent.user = json.user as SessionUser;
        }
      }
      return response;
    },
    get: (url, options) => agent.request('GET', url, undefined, options),
    post: (url, body, options) => agent.request('POST', url, body, options),
    put: (url, body, options) => agent.request('PUT', url, body, options),
    patch: (url, body, options) => agent.request('PATCH', url, body, options),
    delete: (url, body, options) => agent.request('DELETE', url, body, options),
  };
  return agent;
}

/**
 * Runs `create` while listening on Fastify's `fastify.initialization` diagnostics channel, which fires as an instance is
 * created: the onRoute hook added there sees every route the app registers, those of plugins included.
 */
async function collectingRoutes<T>(create: () => Promise<T>): Promise<{ value: T; routes: RegisteredRoute[] }> {
  const routes: RegisteredRoute[] = [];
  let instances = 0;
  const onInitialization = (message: unknown) => {
    instances += 1;
    const { fastify } = message as { fastify: App };
    fastify.addHook('onRoute', (route) => {
      // The options object itself: hooks that run later (default access for plugin routes) still show through.
      for (const method of [route.method].flat()) routes.push({ method, url: route.url, get config() { return route.config ?? {}; } });
    });
  };
  diagnostics.subscribe('fastify.initialization', onInitialization);
  try {
    const value = await create();
    if (instances !== 1) throw new Error(`expected one Fastify instance, saw ${instances}`);
    return { value, routes };
  } finally {
    diagnostics.unsubscribe('fastify.initialization', onInitialization);
  }
}

/** A fresh database from the template and the app built on it (no listener: requests go through `app.inject`). */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(options.template ?? 'demo');
  const apps: App[] = [];
  const build = async (env: NodeJS.ProcessEnv | undefined, setupToken: string | undefined) => {
    const config = loadConfig({ ...testEnv, ...env });
    const { value: app, routes } = await collectingRoutes(() => buildApp({ config, database, setupToken, secrets: secretsFor(config) }));
    apps.push(app);
    await app.ready();
    return { app, config, routes };
  };
  try {
    const { app, config, routes } = await build(options.env, options.setupToken);
    const testApp: TestApp = {
      app,
      routes,
      database,
      db: database.db,
      config,
      anonymous: ({ ip } = {}) => createAgent(app, ip),
      login: async (username, password = demoPassword, { ip } = {}) => {
        const agent = createAgent(app, ip);
        let response = await agent.post('/api/auth/login', { username, password });
        // administrators (demo and factory ones) have TOTP with the demo secret: the second step with its current code
        const challengeToken = response.statusCode === 200 ? (response.json() as { challengeToken?: string }).challengeToken : undefined;
        if (challengeToken) response = await agent.post('/api/auth/login/second-factor', { challengeToken, code: await totpCode(demoTotpSecret) });
        if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
        return agent;
      },
      rows: (query) => rowsOf(database.db, query),
      withConfig: async ({ env, setupToken }) => (await build(env, setupToken)).app,
      close: async () => {
        for (const each of apps) await each.close();
        await database.close();
      },
    };
    return testApp;
  } catch (error) {
    await database.close();
    throw error;
  }
}
