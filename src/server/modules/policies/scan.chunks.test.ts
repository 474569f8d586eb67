import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../../domain/validators/id-number';
import { systemActor } from '../../plugins/auth';
import { buildTalent } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';
import { scanPolicy } from './scan.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Fictitious ID numbers (Beijing area code, born 1991: the demo data uses Yangquan's). */
const idNumberOf = (n: number) => {
  const first17 = `110101199103${String(1 + n).padStart(2, '0')}${String(200 + n).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
};

const grantAudits = async (policyId: string) =>
  (await t.rows<{ count: number }>(sql`select count(*)::int as count from audit_log where action = 'entitlement.grant' and target_id = ${policyId}`))[0].count;

describe('long work in chunks', () => {
  it('a scan in chunks of two grants exactly the eligible talents not yet enrolled, one transaction per chunk', async () => {
    const [{ id: postdoc }] = await t.rows<{ id: string }>(sql`select id from policies where code = 'POSTDOC'`);
    for (let n = 0; n < 5; n += 1) await buildTalent(t.db, { idNumber: idNumberOf(n), tags: ['博士后'] });
    const [expected] = await t.rows<{ count: number }>(sql`select count(*)::int as count from talents where '博士后' = any(tags) and status <> 'left'
      and id not in (select subject_id from entitlements where policy_id = ${postdoc})`);
    expect(expected.count).toBeGreaterThanOrEqual(5);
    await t.db.execute(sql`update policies set budget_total = (select coalesce(sum(amount), 0) from entitlements where policy_id = ${postdoc}) + ${50_000 * expected.count} where id = ${postdoc}`);
    const auditsBefore = await grantAudits(postdoc);

    const scan = await scanPolicy(t.db, systemActor, postdoc, '2026-11-20', 'manual', 2);
    expect(scan).toMatchObject({ eligible: expected.count, granted: expected.count, entitlements: expected.count });
    // each chunk granted in a transaction of its own, audited there
    expect((await grantAudits(postdoc)) - auditsBefore).toBeGreaterThanOrEqual(Math.ceil(expected.count / 2) - 1);
    const [{ pending }] = await t.rows<{ pending: number }>(sql`select count(distinct subject_id)::int as pending from entitlements where policy_id = ${postdoc} and source = 'automatic' and subject_id in (select id from talents where '博士后' = any(tags))`);
    expect(pending).toBeGreaterThanOrEqual(expected.count);
    // the scan is recorded once, and a second scan finds no one new
    const [{ scans }] = await t.rows<{ scans: number }>(sql`select count(*)::int as scans from policy_scans where policy_id = ${postdoc} and as_of = '2026-11-20'`);
    expect(scans).toBe(1);
    expect(await scanPolicy(t.db, systemActor, postdoc, '2026-11-20', 'manual', 2)).toMatchObject({ eligible: 0, granted: 0 });
  });

  it('a simulation reads every subject of the registry across its chunks', async () => {
    const office = await t.login('office');
    const [{ id: living }] = await t.rows<{ id: string }>(sql`select id from policies where code = 'LIVING'`);
    const [{ registered }] = await t.rows<{ registered: number }>(sql`select count(*)::int as registered from talents`);
    expect(registered).toBeGreaterThan(1000);
    const run = await office.post(`/api/policies/${living}/simulations`, { name: '全部人才', asOf: '2026-11-01', params: {} });
    expect(run.statusCode).toBe(201);
    expect(run.json().result.subjects).toBe(registered);
  });
});
