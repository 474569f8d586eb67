/**
 * Skills training (订单式培训, 企业订单班, 高级管理人才研修班) and 揭榜挂帅 challenges: the dictionaries both the server and
 * the web app use. Labels live in the locale files (web) and in growth-messages.ts (server).
 */

/** A class answers an enterprise's skill order (order), is a school's enterprise order class (企业订单班) or a management programme (研修班). */
export const trainingClassKinds = ['order', 'enterpriseClass', 'programme'] as const;
export type TrainingClassKind = (typeof trainingClassKinds)[number];

/** open: filed, no provider yet; matched: a provider is chosen (classes may open); closed: the office closed it. */
export const trainingOrderStatuses = ['open', 'matched', 'closed'] as const;
export type TrainingOrderStatus = (typeof trainingOrderStatuses)[number];

export const trainingClassStatuses = ['open', 'finished'] as const;
export type TrainingClassStatus = (typeof trainingClassStatuses)[number];

/** The organisation kinds that provide training: vocational colleges, universities, research institutes. */
export const trainingProviderKinds = ['college', 'university', 'researchInstitute'] as const;

/** open: taking proposals; awarded: one proposal won (揭榜), its milestones are tracked; closed: withdrawn without award. */
export const challengeStatuses = ['open', 'awarded', 'closed'] as const;
export type ChallengeStatus = (typeof challengeStatuses)[number];

export const proposalStatuses = ['submitted', 'awarded', 'notAwarded'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const milestoneStatuses = ['planned', 'inProgress', 'done'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

/** Order fulfilment rate: trainees placed into the ordering enterprise over the headcount ordered, in whole percent (capped at 100). */
export function fulfilmentRate(placed: number, ordered: number): number {
  if (ordered <= 0) return 0;
  return Math.min(100, Math.round((placed / ordered) * 100));
}
