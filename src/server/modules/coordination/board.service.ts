import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invalid, notFound } from '../../errors';
import type { SessionUser } from '../../plugins/auth';
import { beijingDate, shiftDate } from '../../../domain/calendar';
import type { BoardItemKind } from '../../../domain/coordination';
import { isEligible } from '../policies/decision';
import { subjectFacts, subjectsFacts } from '../policies/facts.repo';
import { parameterValuesOn } from '../policies/policies.repo';
import { boardEnterprise, openChallenges, openSelections, openTrainingClasses, poolsOpenToEnterprises, recentlyPublishedPolicies } from './board.repo';

type Reason = { text: string; textEn: string };
type BoardItem = { kind: BoardItemKind; id: string; title: string; link: string; deadline: string | null; since: string | null; reasons: Reason[] };

/** Policies count as newly published for this many days. */
export const boardPolicyDays = 180;

const dayOf = (moment: Date | null) => (moment ? beijingDate(moment) : null);

/** The selections taking nominations: the enterprise may nominate its staff until the window closes. */
async function openSelectionItems(db: Db, today: string): Promise<BoardItem[]> {
  const rows = await openSelections(db, today);
  return rows.map((row) => ({
    kind: 'selection' as const,
    id: row.id,
    title: row.title,
    link: `/selections/${row.id}`,
    deadline: row.nominateTo,
    since: null,
    reasons: [{ text: '评选正在征集推荐，贵企业可推荐本企业人选', textEn: 'Nominations are open; your enterprise may nominate its staff' }],
  }));
}

/**
 * 政企对接: the zone's open calls that concern one enterprise, each with why, in words — open challenges of its chain or
 * industry or posted by the zone; training classes opened for it and programmes open to all; policies published in the
 * last 180 days that its rule makes it (or some of its staff, counted by the policy's own rule on today's facts)
 * eligible for; reserve pools it may nominate into; open selections. Enterprise HR sees its own; the office names one.
 */
export async function enterpriseBoard(db: Db, user: SessionUser, query: { enterpriseId?: string }, now = new Date()) {
  const own = user.roles.includes('enterprise') ? user.organisationId : null;
  const readsAny = user.roles.includes('office');
  const enterpriseId = readsAny ? (query.enterpriseId ?? own) : own;
  if (!enterpriseId) throw invalid({ enterpriseId: { code: 'required' } });
  if (!readsAny && query.enterpriseId && query.enterpriseId !== own) throw notFound();
  const enterprise = await boardEnterprise(db, enterpriseId);
  if (!enterprise) throw notFound();
  const today = beijingDate(now);
  const items: BoardItem[] = [];

  for (const challenge of await openChallenges(db, today)) {
    if (challenge.posterId === enterprise.id) continue;
    const reasons: Reason[] = [];
    if (!challenge.posterId) reasons.push({ text: '高新区面向全区企业和人才公开发榜', textEn: 'Posted by the zone for every enterprise and talent' });
    else if (enterprise.chain && challenge.chain === enterprise.chain) reasons.push({ text: `面向您所在的${enterprise.chain}`, textEn: `From your industry chain (${enterprise.chain})` });
    else if (enterprise.industryCode && challenge.industryCode === enterprise.industryCode) {
      reasons.push({ text: `发榜企业与您同属${enterprise.industry}行业`, textEn: `The poster is in your industry (${enterprise.industryEn})` });
    }
    if (!reasons.length) continue;
    items.push({ kind: 'challenge', id: challenge.id, title: challenge.title, link: '/challenges?tab=board', deadline: challenge.deadline, since: dayOf(challenge.createdAt), reasons });
  }

  for (const entry of await openTrainingClasses(db, today)) {
    if (entry.enterpriseId === enterprise.id) {
      items.push({
        kind: 'training', id: entry.id, title: entry.name, link: `/training/classes/${entry.id}`, deadline: entry.startsOn >= today ? entry.startsOn : null, since: null,
        reasons: [{ text: '为贵企业开设的订单班，可安排员工参训', textEn: 'A class opened for your enterprise: send your staff' }],
      });
    } else if (entry.kind === 'programme') {
      items.push({
        kind: 'training', id: entry.id, title: entry.name, link: '/training', deadline: entry.startsOn >= today ? entry.startsOn : null, since: null,
        reasons: [{ text: '面向全区企业管理人员开放的研修班', textEn: 'A programme open to managers of every enterprise in the zone' }],
      });
    }
  }

  const since = new Date(Date.parse(`${shiftDate(today, -boardPolicyDays)}T00:00:00+08:00`));
  const recent = await recentlyPublishedPolicies(db, since, today);
  const enterpriseFacts = recent.some((policy) => policy.target === 'enterprise') ? await subjectFacts(db, 'enterprise', enterprise.id, today) : null;
  const staffFacts = recent.some((policy) => policy.target === 'talent')
    ? await subjectsFacts(db, 'talent', today, sql`f.id in (select id from talents where employer_id = ${enterprise.id} and status = 'inZone')`)
    : [];
  for (const policy of recent) {
    const params = await parameterValuesOn(db, policy.id, today);
    const base = { kind: 'policy' as const, id: policy.id, title: policy.title, link: `/policies/${policy.id}`, deadline: null, since: dayOf(policy.publishedAt) };
    if (policy.target === 'enterprise' && enterpriseFacts && isEligible(policy.eligibility, { ...enterpriseFacts, params })) {
      items.push({ ...base, reasons: [{ text: '新发布政策，贵企业目前符合申报条件', textEn: 'Newly published; your enterprise meets its conditions now' }] });
    }
    if (policy.target === 'talent') {
      const eligible = staffFacts.filter((staff) => isEligible(policy.eligibility, { ...staff.facts, params })).length;
      if (eligible) items.push({ ...base, reasons: [{ text: `新发布政策，贵企业有 ${eligible} 名员工符合条件`, textEn: `Newly published; ${eligible} of your staff meet its conditions` }] });
    }
  }

  for (const pool of await poolsOpenToEnterprises(db)) {
    items.push({
      kind: 'pool', id: pool.id, title: pool.name, link: '/pools', deadline: null, since: null,
      reasons: [{ text: '接受企业推荐，可推荐本企业骨干人才入库', textEn: 'Open to enterprises: nominate your key staff' }],
    });
  }

  items.push(...(await openSelectionItems(db, today)));

  return {
    enterprise: { id: enterprise.id, name: enterprise.name, industry: enterprise.industry, industryEn: enterprise.industryEn, chain: enterprise.chain },
    items,
  };
}
