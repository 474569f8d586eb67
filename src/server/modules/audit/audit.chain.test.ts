import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecrets } from '../../security/secrets';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { canonicalJson, rowHash } from './audit.chain';
import { recordAudit, verifyAuditChain } from './audit.service';

let t: TestApp;
let auditor: Agent;
beforeAll(async () => {
  t = await createTestApp();
  auditor = await t.login('auditor');
});
afterAll(async () => t?.close());

type Row = { id: number; seq: number; at: Date; action: string; detail: string | null; prev_hash: string; hash: string };
const head = async () => (await t.rows<Row>(sql`select id::int as id, seq::int as seq, at, action, detail, prev_hash, hash from audit_log where seq is not null order by seq desc limit 1`))[0];
const bySeq = async (seq: number) => (await t.rows<Row>(sql`select id::int as id, seq::int as seq, at, action, detail, prev_hash, hash from audit_log where seq = ${seq}`))[0];

/** As the database owner, past the append-only trigger: what someone with database access can do. */
async function asOwner(statement: ReturnType<typeof sql>) {
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  });
}

const actor = { userId: null, username: 'chain_test', role: 'office', ip: '127.0.0.1' };
const verify = async () => {
  const response = await auditor.get('/api/audit/verify');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { checked: number; intact: boolean; legacyRows: number; lastSeq: number; firstBroken: { id: number; seq: number | null; at: string; action: string; problem: string } | null };
};

describe('the audit chain', () => {
  it('links every row written through recordAudit, in seq order without gaps, and verifies intact', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, index) => t.db.transaction((tx) => recordAudit(tx, actor, { action: 'test.concurrent', changes: { index, b: 1, a: { z: 1, y: [2, { x: 3 }] } } }))));
    const [stats] = await t.rows<{ chained: number; total: number; min: number; max: number }>(
      sql`select count(seq)::int as chained, count(*)::int as total, min(seq)::int as min, max(seq)::int as max from audit_log`,
    );
    // the demo data was loaded after migration 0008: every row is chained, 1 … n
    expect(stats).toEqual({ chained: stats.total, total: stats.total, min: 1, max: stats.total });
    const broken = await t.rows(sql`select a.seq from audit_log a join audit_log b on b.seq = a.seq - 1 where a.prev_hash <> b.hash`);
    expect(broken).toEqual([]);
    const report = await verify();
    expect(report).toMatchObject({ intact: true, firstBroken: null, checked: stats.total, legacyRows: 0, lastSeq: stats.total });
    // small chunks read the same chain
    expect(await verifyAuditChain(t.db, { chunk: 7 })).toMatchObject({ intact: true, checked: stats.total });
  });

  it('finds a changed row, even when the changer recomputes a plain or wrongly keyed hash', async () => {
    await recordAudit(t.db, actor, { action: 'test.original', detail: 'before' });
    const target = await head();
    await asOwner(sql`update audit_log set detail = 'planted' where seq = ${target.seq}`);
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.firstBroken).toMatchObject({ id: target.id, seq: target.seq, action: 'test.original', problem: 'content' });
    expect(report.checked).toBe(target.seq - 1);

    // without the key, a recomputed hash does not help
    const other = createSecrets('another-secret-of-at-least-32-characters!');
    const forged = rowHash(other.auditChainHash, { ...(await t.db.query.auditLog.findFirst({ where: (row, { eq }) => eq(row.id, target.id) }))!, seq: target.seq }, target.prev_hash);
    await asOwner(sql`update audit_log set hash = ${forged} where seq = ${target.seq}`);
    expect((await verify()).firstBroken).toMatchObject({ seq: target.seq, problem: 'content' });
    await asOwner(sql`update audit_log set hash = ${createHash('sha256').update(canonicalJson({ detail: 'planted' })).digest('hex')} where seq = ${target.seq}`);
    expect((await verify()).firstBroken).toMatchObject({ seq: target.seq, problem: 'content' });

    await asOwner(sql`update audit_log set detail = 'before', hash = ${target.hash} where seq = ${target.seq}`);
    expect(await verify()).toMatchObject({ intact: true, firstBroken: null });
  });

  it('finds a forged row inserted with an old time outside the chain', async () => {
    const old = new Date('2026-01-05T08:00:00Z');
    const [forged] = await t.rows<{ id: number }>(sql`insert into audit_log (at, actor_username, action, result) values (${old.toISOString()}, 'office', 'talent.reveal', 'success') returning id::int as id`);
    await recordAudit(t.db, actor, { action: 'test.after' });
    const report = await verify();
    expect(report.firstBroken).toMatchObject({ id: forged.id, seq: null, action: 'talent.reveal', problem: 'unsealed' });
    expect(new Date(report.firstBroken!.at)).toEqual(old);
    await asOwner(sql`delete from audit_log where id = ${forged.id}`);
    expect((await verify()).intact).toBe(true);
  });

  it('finds a forged row given the next seq and linked to the head', async () => {
    const last = await head();
    await t.db.execute(
      sql`insert into audit_log (at, actor_username, action, result, seq, prev_hash, hash) values ('2026-01-05T08:00:00Z', 'office', 'talent.reveal', 'success', ${last.seq + 1}, ${last.hash}, ${'0'.repeat(64)})`,
    );
    expect((await verify()).firstBroken).toMatchObject({ seq: last.seq + 1, action: 'talent.reveal', problem: 'content' });
    await asOwner(sql`delete from audit_log where seq = ${last.seq + 1}`);
    expect((await verify()).intact).toBe(true);
  });

  it('finds a removed row (a gap) and a replaced link', async () => {
    await recordAudit(t.db, actor, { action: 'test.first' });
    await recordAudit(t.db, actor, { action: 'test.second' });
    await recordAudit(t.db, actor, { action: 'test.third' });
    const third = await head();
    const second = await bySeq(third.seq - 1);
    await asOwner(sql`delete from audit_log where seq = ${second.seq}`);
    expect((await verify()).firstBroken).toMatchObject({ seq: third.seq, action: 'test.third', problem: 'gap' });
    // renumbering the rest closes the gap but not the link
    await asOwner(sql`update audit_log set seq = seq - 1 where seq = ${third.seq}`);
    expect((await verify()).firstBroken).toMatchObject({ seq: second.seq, action: 'test.third', problem: 'link' });
  });

  it('finds rows slipped in before the chain began', async () => {
    await t.db.execute(sql`insert into audit_log (id, at, action, result) values (-1, '2025-01-01T00:00:00Z', 'user.create', 'success')`);
    expect((await verify()).firstBroken).toMatchObject({ seq: 1, problem: 'legacy' });
  });
});

describe('rows written before the chain (before migration 0008)', () => {
  it('are anchored by the first chained row: verified by their count, a removed or added one is found', async () => {
    const empty = await createTestApp({ template: 'empty' });
    try {
      expect(await empty.rows(sql`select 1 from audit_log`)).toEqual([]);
      // as the log was before the chain: rows without seq or hash
      for (const action of ['auth.login', 'user.create', 'auth.logout']) {
        await empty.db.execute(sql`insert into audit_log (at, actor_username, action, result) values ('2026-03-01T08:00:00Z', 'office', ${action}, 'success')`);
      }
      await recordAudit(empty.db, actor, { action: 'test.firstChained' });
      await recordAudit(empty.db, actor, { action: 'test.secondChained' });
      expect(await verifyAuditChain(empty.db)).toMatchObject({ intact: true, checked: 2, legacyRows: 3, lastSeq: 2 });

      const [legacy] = await empty.rows<{ id: number }>(sql`select id::int as id from audit_log where action = 'user.create'`);
      await empty.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
        await tx.execute(sql`delete from audit_log where id = ${legacy.id}`);
        await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
      });
      expect((await verifyAuditChain(empty.db)).firstBroken).toMatchObject({ seq: 1, action: 'test.firstChained', problem: 'legacy' });
    } finally {
      await empty.close();
    }
  });
});
