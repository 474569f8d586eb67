import { z } from 'zod';
import { challengeStatuses, milestoneStatuses, proposalStatuses } from '../../../domain/growth';
import { safeText } from '../../../domain/text';
import { pageQuery, pageSchema } from '../../http/pagination';

const isoDate = z.iso.date();
const version = z.number().int().min(1);
const money = z.number().int().min(0).max(10_000_000_000);

export const challengeBody = z.object({
  posterId: z.uuid().optional().nullable().describe('the office may post for an enterprise, or for the zone (left out); an enterprise posts for itself'),
  title: safeText(z.string().trim().min(2).max(80)),
  problem: safeText(z.string().trim().min(2).max(4000)),
  requirements: safeText(z.string().trim().max(2000)).default(''),
  budget: money,
  deadline: isoDate,
  demandId: z.uuid().optional().nullable(),
});
export type ChallengeInput = z.infer<typeof challengeBody>;

export const challengeListQuery = pageQuery.extend({ status: z.enum(challengeStatuses).optional() });

const poster = z.object({ id: z.uuid(), name: z.string() }).nullable().describe('null: posted by the office for the zone');

export const challengeItem = z.object({
  id: z.uuid(),
  title: z.string(),
  poster,
  budget: z.number().int(),
  deadline: z.string(),
  status: z.enum(challengeStatuses),
  proposals: z.number().int(),
  createdAt: z.iso.datetime(),
});
export const challengePage = pageSchema(challengeItem);

export const boardItem = z.object({
  id: z.uuid(),
  title: z.string(),
  poster,
  problem: z.string(),
  requirements: z.string(),
  budget: z.number().int(),
  deadline: z.string(),
});
export const boardList = z.array(boardItem);

const member = z.object({ name: safeText(z.string().trim().min(1).max(40)), role: safeText(z.string().trim().max(40)).default('') });

export const proposalBody = z.object({
  teamName: safeText(z.string().trim().min(2).max(80)),
  organisationName: safeText(z.string().trim().min(2).max(120)).optional().describe('a talent names their organisation; an enterprise account proposes as its enterprise'),
  members: z.array(member).min(1).max(50),
  plan: safeText(z.string().trim().min(2).max(4000)),
  budget: money,
});
export type ProposalInput = z.infer<typeof proposalBody>;

export const reviewerBody = z.object({ username: z.string().trim().min(1).max(64) });
export const scoreBody = z.object({ score: z.number().int().min(0).max(100), comment: safeText(z.string().trim().max(1000)).default('') });
export const awardBody = z.object({ proposalId: z.uuid(), version });
export const milestoneBody = z.object({ title: safeText(z.string().trim().min(2).max(120)), dueOn: isoDate });
export const milestoneUpdateBody = z.object({ status: z.enum(milestoneStatuses), doneOn: isoDate.optional().nullable(), version });
export const proposalParams = z.object({ id: z.uuid(), proposalId: z.uuid() });
export const milestoneParams = z.object({ id: z.uuid(), milestoneId: z.uuid() });

export const proposalSchema = z.object({
  id: z.uuid(),
  teamName: z.string(),
  organisationName: z.string(),
  members: z.array(z.object({ name: z.string(), role: z.string() })),
  plan: z.string(),
  budget: z.number().int(),
  status: z.enum(proposalStatuses),
  averageScore: z.number().nullable(),
  scoreCount: z.number().int(),
  myScore: z.number().int().nullable().describe('the caller’s own score, when a reviewer'),
  conflictOfInterest: z.boolean().describe('the caller is of the same organisation as the team (cannot score it)'),
  scores: z.array(z.object({ reviewer: z.string(), score: z.number().int(), comment: z.string() })).nullable().describe('each reviewer’s score: the office only'),
  submittedAt: z.iso.datetime(),
});

export const challengeSchema = challengeItem.extend({
  problem: z.string(),
  requirements: z.string(),
  demandId: z.uuid().nullable(),
  awardedProposalId: z.uuid().nullable(),
  awardedOn: z.string().nullable(),
  reviewers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  proposalList: z.array(proposalSchema),
  milestones: z.array(z.object({ id: z.uuid(), title: z.string(), dueOn: z.string(), doneOn: z.string().nullable(), status: z.enum(milestoneStatuses), overdue: z.boolean(), version: z.number().int() })),
  version: z.number().int(),
  permissions: z.object({ manage: z.boolean(), review: z.boolean() }),
});

export const myProposalList = z.array(
  z.object({
    id: z.uuid(),
    challenge: z.object({ id: z.uuid(), title: z.string(), status: z.enum(challengeStatuses), deadline: z.string() }),
    teamName: z.string(),
    organisationName: z.string(),
    budget: z.number().int(),
    status: z.enum(proposalStatuses),
    submittedAt: z.iso.datetime(),
  }),
);
