import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { poolMemberEvents, poolMembers, talentPools, talents } from '../schema';
import { nextReviewOn, type PoolMemberStatus } from '../../../domain/pools';
import { seededRandom, seedOf } from './random';

type Context = { today: Date; officeUserId: string; enterpriseId: string; enterpriseUserId: string; unitNominators: { unitId: string; userId: string }[] };

const dayMs = 24 * 3600 * 1000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

const reasons = {
  villageReserve: ['扎根基层，群众基础好，参与村(社区)治理工作积极', '返乡创业带头人，带动村民就业', '熟悉社区事务，组织协调能力强'],
  youngCadres: ['政治素质好，工作实绩突出，年度考核优秀', '专业能力强，牵头完成重点项目', '担当作为，在招商引资工作中表现突出'],
  enterpriseBackbone: ['技术骨干，主持关键工艺改进', '管理能力突出，带领团队完成年度目标', '获得省级技能竞赛奖项，传帮带作用明显'],
} as const;
const uses = ['提任部门副职', '选派到村(社区)任职', '挂职锻炼一年', '列入重点项目攻坚团队'];
const exits = ['调离本区', '年龄超过入库条件', '本人申请退出'];

/**
 * The reserve pools' members (后备人才库) over the last three years: village and community reserves and young cadres
 * nominated by the demo units, key staff nominated by 泵阀集团; each assessed by the office, most in the pool, some used,
 * a few out or not admitted, a few nominations waiting, and some yearly reviews due now — with each step's history.
 */
export async function storeReservePools(tx: Tx, context: Context) {
  const random = seededRandom(seedOf('demo:pools'));
  const pools = new Map((await tx.select({ id: talentPools.id, code: talentPools.code, reviewMonths: talentPools.reviewMonths }).from(talentPools)).map((pool) => [pool.code, pool]));
  const inZone = await tx.select({ id: talents.id, employerId: talents.employerId }).from(talents).where(eq(talents.status, 'inZone')).orderBy(asc(talents.id));
  const staff = inZone.filter((talent) => talent.employerId === context.enterpriseId);
  const others = random.shuffle(inZone.filter((talent) => talent.employerId !== context.enterpriseId));
  const plan: { code: keyof typeof reasons; talents: { id: string }[]; byEnterprise: boolean }[] = [
    { code: 'villageReserve', talents: others.slice(0, 36), byEnterprise: false },
    { code: 'youngCadres', talents: others.slice(36, 64), byEnterprise: false },
    { code: 'enterpriseBackbone', talents: staff.slice(0, 24), byEnterprise: true },
  ];
  const members: (typeof poolMembers.$inferInsert)[] = [];
  const events: (typeof poolMemberEvents.$inferInsert)[] = [];
  for (const { code, talents: chosen, byEnterprise } of plan) {
    const pool = pools.get(code)!;
    for (const [index, talent] of chosen.entries()) {
      const nominator = byEnterprise ? { userId: context.enterpriseUserId, unitId: null } : context.unitNominators[index % context.unitNominators.length];
      const id = random.uuid();
      const nominatedAt = new Date(context.today.getTime() - random.integer(20, 1000) * dayMs);
      // the last few nominations still wait for the office
      const waiting = index >= chosen.length - 3;
      const roll = random.integer(1, 100);
      const declined = !waiting && roll <= 8;
      const decidedAt = new Date(nominatedAt.getTime() + random.integer(7, 30) * dayMs);
      const enteredOn = isoDay(decidedAt);
      let status: PoolMemberStatus = waiting ? 'nominated' : declined ? 'declined' : 'inPool';
      const score = waiting ? null : declined ? random.integer(55, 69) : random.integer(75, 96);
      const history: (typeof poolMemberEvents.$inferInsert)[] = [
        { memberId: id, action: 'nominate', fromStatus: null, toStatus: 'nominated', note: random.pick(reasons[code]), actorId: nominator.userId, at: nominatedAt },
      ];
      let lastReviewedOn: string | null = null;
      let next: string | null = null;
      let leftOn: string | null = null;
      if (declined) history.push({ memberId: id, action: 'decline', fromStatus: 'nominated', toStatus: 'declined', score, note: '考察未达到入库条件', actorId: context.officeUserId, at: decidedAt });
      if (status === 'inPool') {
        history.push({ memberId: id, action: 'admit', fromStatus: 'nominated', toStatus: 'inPool', score, note: '考察合格，同意入库', actorId: context.officeUserId, at: decidedAt });
        // used or out of the pool on a day before today, decided first so the reviews fall where they belong
        const usedAt = roll > 80 ? new Date(decidedAt.getTime() + random.integer(60, 300) * dayMs) : null;
        const leftAt = roll > 74 && roll <= 80 ? new Date(decidedAt.getTime() + random.integer(90, 400) * dayMs) : null;
        const happened = (at: Date | null) => (at && at.getTime() < context.today.getTime() - dayMs ? at : null);
        const used = happened(usedAt);
        const left = happened(leftAt);
        // yearly reviews held so far (before leaving); a review falling due in the last month is left for the office to do now
        next = nextReviewOn(enteredOn, pool.reviewMonths);
        const until = Math.min(context.today.getTime() - 30 * dayMs, left?.getTime() ?? Infinity);
        while (new Date(`${next}T02:00:00Z`).getTime() < until) {
          const at = new Date(`${next}T02:00:00Z`);
          const held: PoolMemberStatus = used && used.getTime() < at.getTime() ? 'used' : 'inPool';
          lastReviewedOn = next;
          history.push({ memberId: id, action: 'review', fromStatus: held, toStatus: held, score: null, note: '年度复核合格', actorId: context.officeUserId, at });
          next = nextReviewOn(next, pool.reviewMonths);
        }
        if (used) {
          history.push({ memberId: id, action: 'use', fromStatus: 'inPool', toStatus: 'used', score: null, note: random.pick(uses), actorId: context.officeUserId, at: used });
          status = 'used';
        }
        if (left) {
          history.push({ memberId: id, action: 'exit', fromStatus: 'inPool', toStatus: 'exited', score: null, note: random.pick(exits), actorId: context.officeUserId, at: left });
          status = 'exited';
          leftOn = isoDay(left);
          next = null;
        }
      }
      history.sort((a, b) => a.at!.getTime() - b.at!.getTime());
      members.push({
        id, poolId: pool.id, talentId: talent.id, status, reason: history[0].note!, nominatedBy: nominator.userId, nominatorKind: byEnterprise ? 'enterprise' : 'department',
        nominatingUnitId: nominator.unitId, nominatingOrgId: byEnterprise ? context.enterpriseId : null, nominatedAt, score,
        opinion: waiting ? null : declined ? '考察未达到入库条件' : '考察合格，同意入库', decidedAt: waiting ? null : decidedAt,
        enteredOn: status === 'declined' || waiting ? null : enteredOn, lastReviewedOn, nextReviewOn: next, leftOn, updatedAt: history[history.length - 1].at!,
      });
      events.push(...history);
    }
  }
  if (members.length) await tx.insert(poolMembers).values(members);
  for (let start = 0; start < events.length; start += 500) await tx.insert(poolMemberEvents).values(events.slice(start, start + 500));
  const [{ due }] = await tx
    .select({ due: sql<number>`count(*)::int` })
    .from(poolMembers)
    .where(and(sql`${poolMembers.status} in ('inPool', 'used')`, sql`${poolMembers.nextReviewOn} <= ${isoDay(new Date(context.today.getTime() + 30 * dayMs))}`));
  return { poolMembers: members.length, poolReviewsDueSoon: due };
}
