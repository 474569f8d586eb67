import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { idempotent, requestHashOf } from './idempotency';

let t: TestApp;
let office: Agent;
let living: string;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  [{ id: living }] = await t.rows<{ id: string }>(sql`select id from policies where code = 'LIVING'`);
});
afterAll(async () => t?.close());

type Payment = { entitlementId: string; amount: number; status: string };
type Batch = { id: string; status: string; period: string; control: { count: number; total: number }; settled: { paid: number; failed: number; pending: number }; payments: Payment[] };

const usedPeriods = new Set<string>();
/** A period of the living subsidy with at least `minimum` scheduled entitlements, not used by another test of this file. */
async function duePeriod(minimum: number) {
  const periods = await t.rows<{ period: string }>(sql`
    select period from entitlements where policy_id = ${living} and status = 'scheduled' group by period having count(*) >= ${minimum} order by period`);
  const period = periods.map((row) => row.period).find((candidate) => !usedPeriods.has(candidate));
  if (!period) throw new Error(`no period with ${minimum} scheduled entitlements left`);
  usedPeriods.add(period);
  return period;
}

let keyCounter = 0;
const newKey = (name: string) => `${name}-${Date.now()}-${(keyCounter += 1)}`;
const withKey = (key: string, language?: string) => ({ headers: { 'idempotency-key': key, ...(language ? { 'accept-language': language } : {}) } });

async function createBatch(minimum = 3): Promise<Batch> {
  const response = await office.post(`/api/policies/${living}/batches`, { period: await duePeriod(minimum) }, withKey(newKey('batch')));
  expect(response.statusCode).toBe(200);
  const batch = response.json() as Batch;
  expect(batch.payments.length).toBeGreaterThanOrEqual(2);
  return batch;
}

const settle = (batch: Batch, results: unknown[], key = newKey('settle'), language?: string) => office.post(`/api/batches/${batch.id}/payments`, { results }, withKey(key, language));

/** What a settlement may change: the payments and entitlements of the batch, the batch row, notifications, the audit. */
async function ledgerState(batch: Batch) {
  const [state] = await t.rows<Record<string, unknown>>(sql`
    select
      (select json_agg(json_build_object('id', entitlement_id, 'status', status, 'reason', reason) order by entitlement_id) from payments where batch_id = ${batch.id}) as payments,
      (select json_agg(json_build_object('id', id, 'status', status, 'version', version) order by id) from entitlements where batch_id = ${batch.id}) as entitlements,
      (select status from disbursement_batches where id = ${batch.id}) as batch,
      (select count(*)::int from notifications) as notifications,
      (select count(*)::int from audit_log where action = 'batch.settle') as audits`);
  return state;
}

describe('settling a batch', () => {
  it('refuses an entitlement listed twice (400 naming the later entry), and saves nothing', async () => {
    const batch = await createBatch();
    const [first, second] = batch.payments;
    const before = await ledgerState(batch);
    const response = await settle(batch, [
      { entitlementId: first.entitlementId, status: 'paid' },
      { entitlementId: second.entitlementId, status: 'paid' },
      { entitlementId: first.entitlementId, status: 'failed', reason: '账户已销户' },
    ]);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fields)).toEqual(['results.2.entitlementId']);
    expect(error.fields['results.2.entitlementId']).toContain('与第 1 条重复');
    expect(await ledgerState(batch)).toEqual(before);
  });

  it('refuses a duplicate that hides an omission ([X paid, X failed] for a batch of X and Y): the batch stays open, Y stays settleable', async () => {
    const batch = await createBatch();
    const [x, ...others] = batch.payments;
    const before = await ledgerState(batch);
    const refused = await settle(batch, [
      { entitlementId: x.entitlementId, status: 'paid' },
      { entitlementId: x.entitlementId, status: 'failed', reason: '账户已销户' },
      ...others.slice(1).map((payment) => ({ entitlementId: payment.entitlementId, status: 'paid' })),
    ], newKey('settle'), 'en-US');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields['results.1.entitlementId']).toMatch(/listed once/);
    expect(await ledgerState(batch)).toEqual(before);
    const all = await settle(batch, batch.payments.map((payment) => ({ entitlementId: payment.entitlementId, status: 'paid' })));
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ status: 'closed', settled: { paid: batch.control.total, failed: 0, pending: 0 } });
  });

  it('a partial settlement leaves the batch open with the rest pending; a later settlement completes and closes it', async () => {
    const batch = await createBatch();
    const [first, second, ...rest] = batch.payments;
    const partial = await settle(batch, [{ entitlementId: first.entitlementId, status: 'paid' }, { entitlementId: second.entitlementId, status: 'failed', reason: '账户已销户' }]);
    expect(partial.statusCode).toBe(200);
    const restTotal = rest.reduce((sum, payment) => sum + payment.amount, 0);
    expect(partial.json()).toMatchObject({ status: 'open', settled: { paid: first.amount, failed: second.amount, pending: restTotal } });
    expect((await office.get(`/api/batches/${batch.id}`)).json().status).toBe('open');
    // a settled payment cannot be settled again; the omitted ones can
    const again = await settle(batch, [{ entitlementId: first.entitlementId, status: 'failed', reason: '重复' }]);
    expect(again.statusCode).toBe(400);
    expect(Object.keys(again.json().error.fields)).toEqual(['results.0.entitlementId']);
    const completed = await settle(batch, rest.map((payment) => ({ entitlementId: payment.entitlementId, status: 'paid' })));
    expect(completed.statusCode).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'closed', settled: { paid: first.amount + restTotal, failed: second.amount, pending: 0 } });
    expect(completed.json().settled.paid + completed.json().settled.failed).toBe(batch.control.total);
    const statuses = await t.rows<{ status: string; count: number }>(sql`
      select status, count(*)::int as count from entitlements where batch_id = ${batch.id} group by status order by status`);
    expect(statuses).toEqual([{ status: 'failed', count: 1 }, { status: 'paid', count: 1 + rest.length }]);
  });

  it('migration 0010 reopens a batch an earlier settlement closed with a payment still pending', async () => {
    const batch = await createBatch(2);
    const [first] = batch.payments;
    expect((await settle(batch, [{ entitlementId: first.entitlementId, status: 'paid' }])).json().status).toBe('open');
    // as the old code left it: closed, with payments pending
    await t.db.execute(sql`update disbursement_batches set status = 'closed' where id = ${batch.id}`);
    const migration = readFileSync(new URL('../../db/migrations/0010_money_edges.sql', import.meta.url), 'utf8').split('--> statement-breakpoint');
    await t.db.execute(sql.raw(migration.at(-1)!));
    expect((await office.get(`/api/batches/${batch.id}`)).json().status).toBe('open');
    const rest = batch.payments.slice(1).map((payment) => ({ entitlementId: payment.entitlementId, status: 'paid' }));
    expect((await settle(batch, rest)).json()).toMatchObject({ status: 'closed', settled: { pending: 0 } });
  });
});

describe('idempotency keys', () => {
  it('twenty concurrent requests with one key: each is the stored answer or 409 idempotencyKeyInUse with Retry-After; one batch', async () => {
    const period = await duePeriod(2);
    const key = newKey('concurrent');
    const responses = await Promise.all(Array.from({ length: 20 }, () => office.post(`/api/policies/${living}/batches`, { period }, withKey(key))));
    const ok = responses.filter((response) => response.statusCode === 200);
    const busy = responses.filter((response) => response.statusCode !== 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const response of busy) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('idempotencyKeyInUse');
      expect(response.headers['retry-after']).toBe('1');
    }
    const [{ batches }] = await t.rows<{ batches: number }>(sql`select count(*)::int as batches from disbursement_batches where policy_id = ${living} and period = ${period}`);
    expect(batches).toBe(1);
    for (const response of ok) expect(response.json()).toEqual(ok[0].json());
    // once done, the key answers the stored response
    const later = await office.post(`/api/policies/${living}/batches`, { period }, withKey(key));
    expect(later.statusCode).toBe(200);
    expect(later.json()).toEqual(ok[0].json());

    // the same for twenty concurrent settlements of that batch: settled once
    const batch = ok[0].json() as Batch;
    const settleKey = newKey('concurrent-settle');
    const results = batch.payments.map((payment) => ({ entitlementId: payment.entitlementId, status: 'paid' }));
    const settlements = await Promise.all(Array.from({ length: 20 }, () => settle(batch, results, settleKey)));
    const settled = settlements.filter((response) => response.statusCode === 200);
    expect(settled.length).toBeGreaterThanOrEqual(1);
    for (const response of settled) expect(response.json()).toMatchObject({ id: batch.id, status: 'closed' });
    for (const response of settlements.filter((candidate) => candidate.statusCode !== 200)) {
      expect([response.statusCode, response.json().error.code, response.headers['retry-after']]).toEqual([409, 'idempotencyKeyInUse', '1']);
    }
    const [{ audits }] = await t.rows<{ audits: number }>(sql`select count(*)::int as audits from audit_log where action = 'batch.settle' and target_id = ${batch.id}`);
    expect(audits).toBe(1);
  });

  it('while the first request with a key runs, another answers 409 with Retry-After; a claim left by a stopped process expires after five minutes', async () => {
    const period = await duePeriod(2);
    const key = newKey('held');
    const scope = `batch:${living}`;
    // a request holding the key (claimed, its work not done): as a process that stopped mid-request leaves it
    await t.db.execute(sql`insert into idempotency_keys (key, scope, request_hash, status) values (${key}, ${scope}, ${requestHashOf({ scope, key, body: { period } })}, 'running')`);
    const busy = await office.post(`/api/policies/${living}/batches`, { period }, withKey(key, 'en-US'));
    expect(busy.statusCode).toBe(409);
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.json().error).toMatchObject({ code: 'idempotencyKeyInUse', message: expect.stringMatching(/still being processed/) });
    // another body with the key is refused whatever the key's state
    expect((await office.post(`/api/policies/${living}/batches`, { period: '2099-01' }, withKey(key))).statusCode).toBe(422);
    const [{ batches }] = await t.rows<{ batches: number }>(sql`select count(*)::int as batches from disbursement_batches where policy_id = ${living} and period = ${period}`);
    expect(batches).toBe(0);
    await t.db.execute(sql`update idempotency_keys set claimed_at = now() - interval '6 minutes' where key = ${key}`);
    const taken = await office.post(`/api/policies/${living}/batches`, { period }, withKey(key));
    expect(taken.statusCode).toBe(200);
    expect(taken.json().period).toBe(period);
    const [row] = await t.rows<{ status: string; status_code: number }>(sql`select status, status_code from idempotency_keys where key = ${key}`);
    expect(row).toEqual({ status: 'done', status_code: 200 });
  });

  it('a refusal is stored with the key: a retry gets the same answer (in its own language), without running the work again', async () => {
    const batch = await createBatch(2);
    const [first] = batch.payments;
    const key = newKey('refused');
    const body = [{ entitlementId: first.entitlementId, status: 'paid' }, { entitlementId: first.entitlementId, status: 'paid' }];
    const refused = await settle(batch, body, key);
    expect(refused.statusCode).toBe(400);
    // the duplicate is gone from the data now, yet the key answers what it answered
    const retried = await settle(batch, body, key, 'en-US');
    expect(retried.statusCode).toBe(400);
    expect(Object.keys(retried.json().error.fields)).toEqual(['results.1.entitlementId']);
    expect(retried.json().error.fields['results.1.entitlementId']).toMatch(/entry 1/);
    const [row] = await t.rows<{ status: string; status_code: number }>(sql`select status, status_code from idempotency_keys where key = ${key}`);
    expect(row).toEqual({ status: 'done', status_code: 400 });
  });

  it('a failure of the server releases the key, so a retry runs the work; a 4xx is kept', async () => {
    const request = { scope: 'test:release', key: newKey('release'), body: { n: 1 } };
    await expect(idempotent(t.db, request, async () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
    expect(await t.rows(sql`select key from idempotency_keys where key = ${request.key}`)).toEqual([]);
    expect(await idempotent(t.db, request, async () => ({ done: true }))).toEqual({ done: true });
    expect(await idempotent(t.db, request, async () => ({ done: false }))).toEqual({ done: true });

    const refusal = { scope: 'test:refusal', key: newKey('refusal'), body: { n: 2 } };
    await expect(idempotent(t.db, refusal, async () => { throw new AppError(409, 'batchEmpty'); })).rejects.toMatchObject({ statusCode: 409, code: 'batchEmpty' });
    let ran = false;
    await expect(idempotent(t.db, refusal, async () => { ran = true; return {}; })).rejects.toMatchObject({ statusCode: 409, code: 'batchEmpty' });
    expect(ran).toBe(false);
  });
});
