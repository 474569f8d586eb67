import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCardCode, minuteOf } from '../../../domain/talent-card/card';
import { createSecrets } from '../../security/secrets';
import { buildTalent, buildUser } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { testSecret } from '../../test/template';
import { issueAllCards } from './talent-card.service';
import { systemActor } from '../../plugins/auth';

let t: TestApp;
let office: Agent;
let checker: Agent;
const secrets = createSecrets(testSecret);

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  const staff = await buildUser(t.db, { roles: ['department'] });
  checker = await t.login(staff.username, staff.password);
});
afterAll(async () => t?.close());

const inYears = (years: number) => {
  const day = new Date();
  day.setUTCFullYear(day.getUTCFullYear() + years);
  return day.toISOString().slice(0, 10);
};

/** A talent with a tier and their signed-in account. */
async function talentWithAccount(tier: string | null = 'C') {
  const talent = await buildTalent(t.db, { tier });
  const user = await buildUser(t.db, { roles: ['talent'], talentId: talent.id });
  return { talent, agent: await t.login(user.username, user.password) };
}

async function issue(talentId: string, validUntil = inYears(3)) {
  const response = await office.post('/api/talent-cards', { talentId, validUntil });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; number: string; version: number; status: string }>();
}

const check = async (code: string, servicePoint = '阳泉市第一人民医院') => {
  const response = await checker.post('/api/talent-card/checks', { code, servicePoint });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ outcome: string; holder: { name: string; tierName: string } | null }>();
};

describe('issuing cards', () => {
  // first, before the tests below add talents of their own
  it('the demo has each tier’s privileges and cards for its tiered talents; the demo talent’s card has been used', async () => {
    const tiers = await t.rows<{ tier: string }>(sql`select distinct tier from talent_card_privileges order by tier`);
    expect(tiers.map((row) => row.tier)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const demo = await t.login('talent');
    const response = await demo.get('/api/talent-card');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().checks.length).toBeGreaterThan(0);
    const [{ missing }] = await t.rows<{ missing: number }>(
      sql`select count(*)::int as missing from talents where tier is not null and status = 'inZone' and not exists (select 1 from talent_cards c where c.talent_id = talents.id)`,
    );
    expect(missing).toBe(0);
  });
  it('issues a numbered card to a talent with a tier, once; a second is a 409 naming the first', async () => {
    const { talent } = await talentWithAccount('D');
    const card = await issue(talent.id);
    expect(card).toMatchObject({ status: 'active', number: expect.stringMatching(/^RC\d{4}\d{6}$/) });
    const again = await office.post('/api/talent-cards', { talentId: talent.id, validUntil: inYears(2) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(card.number);
    const audit = await t.rows<{ action: string }>(sql`select action from audit_log where target_type = 'talentCard' and target_id = ${card.id}`);
    expect(audit.map((row) => row.action)).toEqual(['talentCard.issue']);
  });

  it('refuses a talent without a tier, and a validity in the past or beyond five years, naming the field', async () => {
    const untiered = await buildTalent(t.db, { tier: null });
    const noTier = await office.post('/api/talent-cards', { talentId: untiered.id, validUntil: inYears(3) });
    expect(noTier.statusCode).toBe(409);
    expect(noTier.json().error.message).toContain('尚未认定人才类别');
    const tiered = await buildTalent(t.db, { tier: 'E' });
    for (const validUntil of ['2020-01-01', inYears(6)]) {
      const response = await office.post('/api/talent-cards', { talentId: tiered.id, validUntil });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual({ validUntil: '有效期至：须晚于今天，且不超过 5 年' });
    }
    expect(await t.rows(sql`select 1 from talent_cards where talent_id = ${tiered.id}`)).toHaveLength(0);
  });

  it('replaces a lapsed card in the same transaction, and issues to everyone still without one in chunks', async () => {
    const { talent } = await talentWithAccount('E');
    const old = await issue(talent.id);
    await t.db.execute(sql`update talent_cards set valid_until = '2024-12-31' where id = ${old.id}`);
    const renewed = await issue(talent.id);
    const rows = await t.rows<{ id: string; revoked_reason: string | null }>(sql`select id, revoked_reason from talent_cards where talent_id = ${talent.id} order by issued_at`);
    expect(rows).toEqual([{ id: old.id, revoked_reason: 'renewed' }, { id: renewed.id, revoked_reason: null }]);

    const waiting = await Promise.all([buildTalent(t.db, { tier: 'D' }), buildTalent(t.db, { tier: 'E' }), buildTalent(t.db, { tier: 'C' })]);
    const { issued } = await issueAllCards(t.db, systemActor, { validUntil: inYears(3) }, new Date(), 2);
    expect(issued).toBeGreaterThanOrEqual(3);
    for (const talentRow of waiting) expect(await t.rows(sql`select 1 from talent_cards where talent_id = ${talentRow.id} and revoked_at is null`)).toHaveLength(1);
    expect((await issueAllCards(t.db, systemActor, { validUntil: inYears(3) })).issued).toBe(0);
  });
});

describe('showing and checking a card', () => {
  it('shows the talent their card with a QR code of this minute; a service point sees valid, the name and the tier, nothing else', async () => {
    const { talent, agent } = await talentWithAccount('C');
    await issue(talent.id);
    const mine = await agent.get('/api/talent-card');
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json();
    expect(body.code.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(body.code.url).toContain('/card-check?code=');
    const checked = await check(body.code.text);
    expect(checked).toEqual({ outcome: 'valid', holder: { name: talent.name, tierName: 'C 类 高端人才', tierNameEn: 'Tier C — high-end talent' }, checkedAt: expect.any(String) });
    // the holder sees where the card was used
    const after = (await agent.get('/api/talent-card')).json();
    expect(after.checks[0]).toMatchObject({ outcome: 'valid', servicePoint: '阳泉市第一人民医院' });
  });

  it('refuses a tampered code, an expired one and, after revoking, a fresh one — with no name', async () => {
    const { talent, agent } = await talentWithAccount('D');
    const card = await issue(talent.id);
    const code: string = (await agent.get('/api/talent-card')).json().code.text;
    const parts = code.split('.');
    const flipped = parts[3].startsWith('A') ? `B${parts[3].slice(1)}` : `A${parts[3].slice(1)}`;
    expect(await check([...parts.slice(0, 3), flipped].join('.'))).toMatchObject({ outcome: 'invalid', holder: null });
    // another card's id under this code's signature
    expect(await check([parts[0], 'f'.repeat(32), parts[2], parts[3]].join('.'))).toMatchObject({ outcome: 'invalid', holder: null });
    expect(await check('不是人才卡码')).toMatchObject({ outcome: 'invalid', holder: null });
    // a screenshot from three minutes ago
    const stale = formatCardCode(card.id, minuteOf(new Date()) - 3, secrets.cardSignature);
    expect(await check(stale)).toMatchObject({ outcome: 'expired', holder: null });
    // a code from the future (a forged clock) is refused too
    expect(await check(formatCardCode(card.id, minuteOf(new Date()) + 5, secrets.cardSignature))).toMatchObject({ outcome: 'expired', holder: null });

    const revoke = await office.post(`/api/talent-cards/${card.id}/revoke`, { reason: '人才已调离', version: card.version });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(await check(code)).toMatchObject({ outcome: 'revoked', holder: null });
    expect((await agent.get('/api/talent-card')).json()).toMatchObject({ card: { status: 'revoked' }, code: null });
    const again = await office.post(`/api/talent-cards/${card.id}/revoke`, { reason: '重复', version: card.version + 1 });
    expect(again.statusCode).toBe(409);

    const logged = await t.rows<{ outcome: string }>(sql`select outcome from talent_card_checks where card_id = ${card.id} order by id`);
    expect(logged.map((row) => row.outcome)).toEqual(['expired', 'expired', 'revoked']);
    const audit = await t.rows<{ result: string }>(sql`select result from audit_log where action = 'talentCard.check' and target_id = ${card.id}`);
    expect(audit.map((row) => row.result)).toEqual(['denied', 'denied', 'denied']);
  });

  it('a card past its validity is lapsed: no code to show, and a check says so', async () => {
    const { talent, agent } = await talentWithAccount('E');
    const card = await issue(talent.id);
    await t.db.execute(sql`update talent_cards set valid_until = '2025-01-31' where id = ${card.id}`);
    expect((await agent.get('/api/talent-card')).json()).toMatchObject({ card: { status: 'lapsed' }, code: null });
    expect(await check(formatCardCode(card.id, minuteOf(new Date()), secrets.cardSignature))).toMatchObject({ outcome: 'lapsed', holder: null });
  });

  it('a talent without a card is told how to get one (404)', async () => {
    const { agent } = await talentWithAccount(null);
    const response = await agent.get('/api/talent-card');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain('人才办发放');
  });
});

describe('privileges per tier', () => {
  it('the office sets a tier’s privileges; the card shows them; a kind twice is a 400', async () => {
    const privileges = [
      { kind: 'medical', detail: '专家门诊优先', detailEn: 'Priority at specialist clinics' },
      { kind: 'finance', detail: '人才贷绿色通道', detailEn: 'Talent loan green channel' },
    ];
    const saved = await office.put('/api/talent-card/privileges/B', { privileges });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toHaveLength(2);
    const twice = await office.put('/api/talent-card/privileges/B', { privileges: [privileges[0], privileges[0]] });
    expect(twice.statusCode).toBe(400);
    const { talent, agent } = await talentWithAccount('B');
    await issue(talent.id);
    expect((await agent.get('/api/talent-card')).json().privileges.map((row: { kind: string }) => row.kind).sort()).toEqual(['finance', 'medical']);
    expect((await office.put('/api/talent-card/privileges/Z', { privileges })).statusCode).toBe(404);
  });

});
