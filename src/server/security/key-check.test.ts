import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';
import { testSecret } from '../test/template';
import { checkMasterKey, KeyMismatchError } from './key-check';
import { createSecrets } from './secrets';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const otherSecret = 'a-different-master-secret-0123456789abcdef';

describe('the key check value', () => {
  it('refuses, on a database written before the check existed, a key that cannot open its data', async () => {
    await expect(checkMasterKey(t.db, createSecrets(otherSecret), '/data/secret.key')).rejects.toThrow(KeyMismatchError);
    expect(await t.rows(sql`select 1 from system_settings`)).toEqual([]);
  });

  it('is stored at the first start (audited), matches the same key later and refuses another one', async () => {
    expect(await checkMasterKey(t.db, createSecrets(testSecret), '/data/secret.key')).toBe('stored');
    const [stored] = await t.rows<{ value: string }>(sql`select value from system_settings where key = 'keyCheck'`);
    expect(stored.value).toBe(createSecrets(testSecret).keyCheck);
    expect(stored.value).not.toContain(testSecret);
    expect(await t.rows(sql`select action from audit_log where action = 'system.keyCheck'`)).toHaveLength(1);
    expect(await checkMasterKey(t.db, createSecrets(testSecret), '/data/secret.key')).toBe('matched');

    const refusal = await checkMasterKey(t.db, createSecrets(otherSecret), '/data/secret.key').catch((error: Error) => error);
    expect(refusal).toBeInstanceOf(KeyMismatchError);
    expect((refusal as Error).message).toContain('拒绝启动');
    expect((refusal as Error).message).toContain('Refusing to start');
    expect((refusal as Error).message).toContain('/data/secret.key');
    expect((refusal as Error).message).toContain('TZ_SECRET');
  });
});
