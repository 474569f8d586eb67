import { sql } from 'drizzle-orm';
import type { DestinationStream } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig, secretsFor } from './config';
import type { App } from './http/types';
import { maskNumbers, maskedUrl } from './logging';
import { buildTalent, buildUser, factoryPassword, uniqueIdNumber } from './test/factories';
import { createAgent, createTestApp, testEnv, type Agent, type TestApp } from './test/harness';

describe('maskNumbers', () => {
  it('masks ID numbers (17 or 18 characters) and mobile numbers in any writing, and nothing else', () => {
    expect(maskNumbers('q=11010519491231002X&x=1')).toBe('q=110105************&x=1');
    expect(maskNumbers('11010519491231002x')).toBe('110105************');
    expect(maskNumbers('params: 13812345678,+86 138-1234-5678,0086 13812345678')).toBe('params: 138****5678,138****5678,138****5678');
    expect(maskedUrl('/api/talents?q=138%201234%205678&page=1')).toBe('/api/talents?q=138****5678&page=1');
    // ids, dates, times and amounts stay readable
    const plain = '2026-12-02T07:03:02.123Z 6f1c2a04-1403-4f3e-9b1d-199003071234 ¥3012000 1795870007000';
    expect(maskNumbers(plain)).toBe(plain);
  });
});

describe('the server log of a run', () => {
  let t: TestApp;
  let app: App;
  const lines: string[] = [];
  const idNumber = uniqueIdNumber('male');
  const phone = '13957246813';
  let office: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    // the same database, an app logging at info into memory
    const config = loadConfig({ ...testEnv, LOG_LEVEL: 'info' });
    const stream: DestinationStream = { write: (line: string) => void lines.push(line) };
    app = await buildApp({ config, database: t.database, secrets: secretsFor(config), logStream: stream });
    // a route whose query fails with a number among its parameters, as a failing write would
    app.get('/api/test/failing-query', { config: { access: 'public' } }, async () => {
      await app.db.execute(sql`select ${idNumber}::integer + ${phone}::smallint`);
      return {};
    });
    await buildTalent(t.db, { idNumber, phone });
    const user = await buildUser(t.db, { roles: ['office'] });
    office = createAgent(app);
    const login = await office.post('/api/auth/login', { username: user.username, password: factoryPassword });
    expect(login.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('never holds a full ID number or phone: searches, exports and a failed query are logged masked', async () => {
    const lookupReason = '核对身份';
    for (const q of [idNumber, phone, `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`]) {
      const response = await office.get('/api/talents', { query: { q, lookupReason } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().total).toBe(1);
    }
    expect((await office.get('/api/talents/export', { query: { q: idNumber, lookupReason } })).statusCode).toBe(200);
    const failing = await office.get('/api/test/failing-query');
    expect(failing.statusCode).toBe(500);
    expect(failing.body).not.toContain(idNumber);

    const log = lines.join('');
    // the run was logged: request lines at info and the failed query's error
    expect(log).toContain('incoming request');
    expect(log).toContain(`q=${idNumber.slice(0, 6)}************`);
    expect(log).toContain('q=139****6813');
    expect(log).toContain('unhandled error');
    expect(log).toContain('Failed query');
    // and no full number anywhere, in any writing
    for (const secret of [idNumber, phone, encodeURIComponent(`+86 ${phone.slice(0, 3)}`), `${phone.slice(3, 7)} ${phone.slice(7)}`]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(log).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
  });
});
