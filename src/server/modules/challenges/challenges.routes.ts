import { errorResponses, errorSchema, uuidParam, type App } from '../../http/types';
import { languageOf } from '../../plugins/errors';
import { candidatesQuery, suggestionList } from '../demands/demands.schemas';
import {
  awardBody, boardList, challengeBody, challengeListQuery, challengePage, challengeSchema, milestoneBody, milestoneParams, milestoneUpdateBody, myProposalList, proposalBody,
  proposalParams, reviewerBody, scoreBody,
} from './challenges.schemas';
import {
  addMilestone, appointReviewer, awardChallenge, challengeBoard, challengeCandidates, challengeDetail, listChallengeSummaries, myProposals, postChallenge, scoreProposal, submitProposal,
  updateMilestoneStatus,
} from './challenges.service';

const tags = ['challenges'];
const withConflict = { ...errorResponses, 409: errorSchema };

export async function challengesRoutes(app: App) {
  app.get('/api/challenges', { config: { access: 'challenges.read' }, schema: { tags, summary: '揭榜挂帅 challenges I may see (an enterprise: its own; a reviewer: those appointed to)', querystring: challengeListQuery, response: { 200: challengePage, ...errorResponses } } },
    async (request) => listChallengeSummaries(app.db, request.session!.user, request.query));
  app.get('/api/challenges/board', { config: { access: ['challenges.propose', 'challenges.read'] }, schema: { tags, summary: 'The board (榜单): open challenges taking proposals', response: { 200: boardList, ...errorResponses } } },
    async () => challengeBoard(app.db));
  app.get('/api/challenges/proposals/mine', { config: { access: 'challenges.propose' }, schema: { tags, summary: 'My proposals (an enterprise: its own)', response: { 200: myProposalList, ...errorResponses } } },
    async (request) => myProposals(app.db, request.session!.user));
  app.get('/api/challenges/:id', { config: { access: 'challenges.read' }, schema: { tags, summary: 'One challenge with its reviewers, proposals, scores and milestones', params: uuidParam, response: { 200: challengeSchema, ...errorResponses } } },
    async (request) => challengeDetail(app.db, request.session!.user, request.params.id));
  app.get('/api/challenges/:id/candidates', { config: { access: 'demands.match' }, schema: { tags, summary: '推荐人选: talents, flexible experts and resident teams ranked for the challenge (its demand, or its text), with reasons and gaps', params: uuidParam, querystring: candidatesQuery, response: { 200: suggestionList, ...errorResponses } } },
    async (request) => challengeCandidates(app.db, request.session!.user, request.params.id, languageOf(request), request.query.limit));
  app.post('/api/challenges', { config: { access: 'challenges.post' }, schema: { tags, summary: 'Post a challenge (an enterprise for itself; the office for an enterprise or the zone)', body: challengeBody, response: { 201: challengeSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await postChallenge(app.db, request.actor, request.session!.user, request.body)));
  app.post('/api/challenges/:id/reviewers', { config: { access: 'challenges.manage' }, schema: { tags, summary: 'Appoint a reviewer (by username)', params: uuidParam, body: reviewerBody, response: { 200: challengeSchema, ...withConflict } } },
    async (request) => appointReviewer(app.db, request.actor, request.session!.user, request.params.id, request.body.username));
  app.post('/api/challenges/:id/proposals', { config: { access: 'challenges.propose' }, schema: { tags, summary: 'Submit a team’s proposal for an open challenge', params: uuidParam, body: proposalBody, response: { 201: myProposalList, ...withConflict } } },
    async (request, reply) => reply.status(201).send(await submitProposal(app.db, request.actor, request.session!.user, request.params.id, request.body)));
  app.put('/api/challenges/:id/proposals/:proposalId/score', { config: { access: 'challenges.review' }, schema: { tags, summary: 'Score a proposal (appointed reviewers; not one of the team’s organisation: 409)', params: proposalParams, body: scoreBody, response: { 200: challengeSchema, ...withConflict } } },
    async (request) => scoreProposal(app.db, request.actor, request.session!.user, request.params.id, request.params.proposalId, request.body));
  app.post('/api/challenges/:id/award', { config: { access: 'challenges.manage' }, schema: { tags, summary: 'Award one proposal (揭榜)', params: uuidParam, body: awardBody, response: { 200: challengeSchema, ...withConflict } } },
    async (request) => awardChallenge(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.post('/api/challenges/:id/milestones', { config: { access: 'challenges.manage' }, schema: { tags, summary: 'Add a milestone of the awarded work', params: uuidParam, body: milestoneBody, response: { 200: challengeSchema, ...withConflict } } },
    async (request) => addMilestone(app.db, request.actor, request.session!.user, request.params.id, request.body));
  app.put('/api/challenges/:id/milestones/:milestoneId', { config: { access: 'challenges.manage' }, schema: { tags, summary: 'Update a milestone’s status', params: milestoneParams, body: milestoneUpdateBody, response: { 200: challengeSchema, ...withConflict } } },
    async (request) => updateMilestoneStatus(app.db, request.actor, request.session!.user, request.params.id, request.params.milestoneId, request.body));
}
