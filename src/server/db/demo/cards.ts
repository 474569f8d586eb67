import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { talentCardChecks, talentCardPrivileges, talentCards, talents } from '../schema';
import type { CardPrivilegeKind } from '../../../domain/talent-card/card';
import { seededRandom, seedOf } from './random';

type Privilege = { kind: CardPrivilegeKind; detail: string; detailEn: string };

const medical = (level: string, levelEn: string): Privilege => ({
  kind: 'medical',
  detail: `${level}：市内三甲医院专人导诊、优先挂号，每年一次免费健康体检`,
  detailEn: `${levelEn}: a guide and priority appointments at the city's top hospitals, one free health check a year`,
});
const schooling: Privilege = { kind: 'schooling', detail: '子女就近入学由教育部门统筹安排，可按意愿选择区内公办学校', detailEn: 'Children placed at a public school of the zone by choice, arranged by the education bureau' };
const transport: Privilege = { kind: 'transport', detail: '阳泉北站、机场专线贵宾通道；市内公交免费乘车', detailEn: 'VIP lanes at Yangquan North station and the airport shuttle; free city buses' };
const culture: Privilege = { kind: 'cultureTourism', detail: '市内 A 级景区、图书馆、体育场馆免费或优惠', detailEn: 'Free or reduced entry to the city’s rated scenic sites, libraries and sports venues' };
const finance = (limit: string, limitEn: string): Privilege => ({
  kind: 'finance',
  detail: `合作银行“人才贷”绿色通道，信用贷款额度最高 ${limit}`,
  detailEn: `Green channel for partner banks' talent loans, unsecured credit up to ${limitEn}`,
});

/** Each tier's green channel (绿色通道): the higher the tier, the more it carries. Data the office edits. */
export const demoCardPrivileges: Record<string, Privilege[]> = {
  A: [medical('一级保健', 'First-level care'), schooling, transport, culture, finance('500 万元', '¥5 million')],
  B: [medical('一级保健', 'First-level care'), schooling, transport, culture, finance('300 万元', '¥3 million')],
  C: [medical('二级保健', 'Second-level care'), schooling, transport, finance('100 万元', '¥1 million')],
  D: [medical('绿色通道', 'Green channel'), schooling, culture],
  E: [culture, transport],
};

const servicePoints = ['阳泉市第一人民医院', '高新区政务服务中心', '阳泉北站', '娘子关景区', '阳泉市图书馆', '建设银行高新区支行'];

/**
 * Cards for the demo's in-zone talents with a tier (issued over the last two years, valid three years), the privileges
 * of each tier, and a few checks of the `talent` account's card at service points, so 我的人才卡 shows where it was used.
 */
export async function storeTalentCards(tx: Tx, context: { today: Date; officeUserId: string; checkerUserId: string; accountTalentId: string }) {
  const random = seededRandom(seedOf('demo:cards'));
  await tx.insert(talentCardPrivileges).values(Object.entries(demoCardPrivileges).flatMap(([tier, privileges]) => privileges.map((privilege) => ({ tier, ...privilege }))));
  const holders = await tx
    .select({ id: talents.id, tier: talents.tier })
    .from(talents)
    .where(and(isNotNull(talents.tier), eq(talents.status, 'inZone')))
    .orderBy(asc(talents.id));
  const day = 24 * 3600 * 1000;
  const cards = holders.map((holder, index) => {
    const issuedAt = new Date(context.today.getTime() - random.integer(20, 700) * day);
    const validUntil = new Date(issuedAt.getTime() + 3 * 365 * day).toISOString().slice(0, 10);
    return { id: random.uuid(), number: `RC${issuedAt.getUTCFullYear()}${String(index + 1).padStart(6, '0')}`, talentId: holder.id, tier: holder.tier!, validUntil, issuedAt, issuedBy: context.officeUserId };
  });
  for (let start = 0; start < cards.length; start += 500) await tx.insert(talentCards).values(cards.slice(start, start + 500));
  // later cards continue the numbering
  await tx.execute(sql`select setval('talent_card_number_seq', ${cards.length + 1}, false)`);
  const accountCard = cards.find((card) => card.talentId === context.accountTalentId);
  if (accountCard) {
    const checks = Array.from({ length: 4 }, (_, index) => ({
      cardId: accountCard.id,
      outcome: 'valid' as const,
      servicePoint: servicePoints[index % servicePoints.length],
      checkedBy: context.checkerUserId,
      // a working hour in zone time (UTC+8): 09:00–17:59
      checkedAt: new Date(Math.floor(context.today.getTime() / day) * day - (index * 23 + 3) * day + (random.integer(9, 17) - 8) * 3600 * 1000 + random.integer(0, 59) * 60 * 1000),
    }));
    await tx.insert(talentCardChecks).values(checks);
  }
  return { cards: cards.length };
}
