/**
 * The database templates a test run starts from. The global set-up builds them once per run; each test file
 * copies one (a PGlite data-dir dump, or `CREATE DATABASE … TEMPLATE` on PostgreSQL).
 */
export type TemplateName = 'demo' | 'empty';

export type TestTemplates =
  | { kind: 'pglite'; files: Record<TemplateName, string> }
  /** serverUrl: any database on the server, used for CREATE/DROP DATABASE; databases: the template database names. */
  | { kind: 'postgres'; serverUrl: string; databases: Record<TemplateName, string> };

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting Vitest's interface needs an interface
  export interface ProvidedContext {
    testTemplates: TestTemplates;
  }
}

/** The same server URL with another database name. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Database names are made here only, from [a-z0-9_]: safe to quote as identifiers. */
export const quoteIdentifier = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
};

/** `tz_template_123` → `tz_copy_123_`: the name prefix of the test files' copies in the run that made the template. */
export const copyPrefix = (demoTemplate: string) => `${demoTemplate.replace('tz_template_', 'tz_copy_')}_`;

/** The master secret of every test database: the templates' encrypted values must open in each test app. */
export const testSecret = 'talentzone-test-secret-0123456789abcdef';
