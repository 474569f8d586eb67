/**
 * Reserve talent pools (后备人才库) as data shared by server and web: a pool (村(社区)后备人才库, 优秀年轻干部库,
 * 企业后备骨干库 …) is a record the office keeps; a member is a talent nominated into a pool, assessed, and then in the
 * pool (在库), used (使用: appointed, sent, promoted), or out of it (退出), reviewed once a review cycle.
 */

/** Who may nominate into a pool: enterprise HR (their own staff), a unit's staff, the office. */
export const poolNominators = ['enterprise', 'department', 'office'] as const;
export type PoolNominator = (typeof poolNominators)[number];

/** nominated: 待审核; inPool: 在库; used: 已使用; exited: 已退出; declined: 未入库. */
export const poolMemberStatuses = ['nominated', 'inPool', 'used', 'exited', 'declined'] as const;
export type PoolMemberStatus = (typeof poolMemberStatuses)[number];

/** A member counts against the one-membership-per-pool rule while in these statuses. */
export const activePoolStatuses: readonly PoolMemberStatus[] = ['nominated', 'inPool', 'used'];

/** What the history of a member records. review: the yearly review (年度复核), the status kept. */
export const poolActions = ['nominate', 'admit', 'decline', 'use', 'review', 'exit'] as const;
export type PoolAction = (typeof poolActions)[number];
/** The actions the office takes on a member (nominate is how a member starts). */
export const poolDecisions = ['admit', 'decline', 'use', 'review', 'exit'] as const;
export type PoolDecision = (typeof poolDecisions)[number];

/** The statuses each decision may be taken from, and the status it leaves (review keeps the status). */
export const poolTransitions: Record<PoolDecision, { from: readonly PoolMemberStatus[]; to: PoolMemberStatus | null }> = {
  admit: { from: ['nominated'], to: 'inPool' },
  decline: { from: ['nominated'], to: 'declined' },
  use: { from: ['inPool'], to: 'used' },
  review: { from: ['inPool', 'used'], to: null },
  exit: { from: ['inPool', 'used'], to: 'exited' },
};

export const canDecide = (decision: PoolDecision, status: PoolMemberStatus) => poolTransitions[decision].from.includes(status);

/** The next yearly review: `months` after `from` (an ISO date), the same day of the month or the month's last day. */
export function nextReviewOn(from: string, months: number): string {
  const [year, month, day] = from.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
