import type { ChallengeStatus, MilestoneStatus, ProposalStatus } from '../../../domain/growth';
import { api, type Page } from '../../app/api';

type Named = { id: string; name: string };

export type ChallengeItem = { id: string; title: string; poster: Named | null; budget: number; deadline: string; status: ChallengeStatus; proposals: number; createdAt: string };
export type BoardItem = { id: string; title: string; poster: Named | null; problem: string; requirements: string; budget: number; deadline: string };
export type Proposal = {
  id: string;
  teamName: string;
  organisationName: string;
  members: { name: string; role: string }[];
  plan: string;
  budget: number;
  status: ProposalStatus;
  averageScore: number | null;
  scoreCount: number;
  myScore: number | null;
  conflictOfInterest: boolean;
  scores: { reviewer: string; score: number; comment: string }[] | null;
  submittedAt: string;
};
export type Milestone = { id: string; title: string; dueOn: string; doneOn: string | null; status: MilestoneStatus; overdue: boolean; version: number };
export type ChallengeDetail = ChallengeItem & {
  problem: string;
  requirements: string;
  demandId: string | null;
  awardedProposalId: string | null;
  awardedOn: string | null;
  reviewers: Named[];
  proposalList: Proposal[];
  milestones: Milestone[];
  version: number;
  permissions: { manage: boolean; review: boolean };
};
export type MyProposal = {
  id: string;
  challenge: { id: string; title: string; status: ChallengeStatus; deadline: string };
  teamName: string;
  organisationName: string;
  budget: number;
  status: ProposalStatus;
  submittedAt: string;
};
export type ChallengeInput = { title: string; problem: string; requirements: string; budget: number; deadline: string; posterId?: string | null };
export type ProposalInput = { teamName: string; organisationName?: string; members: { name: string; role: string }[]; plan: string; budget: number };

export const fetchChallenges = (query: { status?: ChallengeStatus; page: number; pageSize: number }) => api.get<Page<ChallengeItem>>('/api/challenges', query);
export const fetchBoard = () => api.get<BoardItem[]>('/api/challenges/board');
export const fetchMyProposals = () => api.get<MyProposal[]>('/api/challenges/proposals/mine');
export const fetchChallenge = (id: string) => api.get<ChallengeDetail>(`/api/challenges/${id}`);
export const postChallenge = (input: ChallengeInput) => api.post<ChallengeDetail>('/api/challenges', input);
export const appointReviewer = (id: string, username: string) => api.post<ChallengeDetail>(`/api/challenges/${id}/reviewers`, { username });
export const submitProposal = (id: string, input: ProposalInput) => api.post<MyProposal[]>(`/api/challenges/${id}/proposals`, input);
export const scoreProposal = (id: string, proposalId: string, input: { score: number; comment: string }) => api.put<ChallengeDetail>(`/api/challenges/${id}/proposals/${proposalId}/score`, input);
export const awardChallenge = (id: string, input: { proposalId: string; version: number }) => api.post<ChallengeDetail>(`/api/challenges/${id}/award`, input);
export const addMilestone = (id: string, input: { title: string; dueOn: string }) => api.post<ChallengeDetail>(`/api/challenges/${id}/milestones`, input);
export const updateMilestone = (id: string, milestoneId: string, input: { status: MilestoneStatus; doneOn?: string | null; version: number }) =>
  api.put<ChallengeDetail>(`/api/challenges/${id}/milestones/${milestoneId}`, input);
