/**
 * Suggested candidates beyond a demand (推荐人选): for a 揭榜挂帅 challenge — talents, flexible experts and resident
 * teams — and for a campaign post — talents. One scorer (`matching.ts`) ranks every kind: experts and teams become
 * profiles in the same terms (`expertSource`, `teamSource`). The query is the tied demand's when there is one,
 * otherwise it is read from the subject's text (`textQuery`). The caller has checked the parent record's scope; talents
 * come from the reader's registry scope, experts and teams only for readers of the flexible-talent registers.
 */
import { can } from '../../../domain/permissions';
import type { ExpertKind } from '../../../domain/cooperation';
import type { Language } from '../../../domain/demands';
import type { Executor } from '../../db/client';
import type { SessionUser } from '../../plugins/auth';
import { talentReadScope } from '../talents/talents.policies';
import { candidatePool, candidateQuery, matchDictionary, withText } from './demands.service';
import { candidateTalentIds, engagedExperts, findDemand, profileSources, residentTeams, talentRowsByIds } from './demands.repo';
import { buildProfile, compileQuery, expertSource, explain, rankAll, teamSource, textQuery, type CandidateKind, type DemandQuery } from './matching';

/** What suggestions are made for: its own text, its enterprise (whose staff are no candidates), a tied demand. */
export type SuggestionSubject = { id: string; enterpriseId: string | null; demandId: string | null; text: string; discipline?: string | null };

export type Suggestion = {
  kind: CandidateKind; id: string; name: string; post: string | null; organisation: string | null; expertKind: ExpertKind | null; members: number | null; score: number;
  reasons: ReturnType<typeof withText>;
};

export async function suggestCandidates(executor: Executor, user: SessionUser, subject: SuggestionSubject, kinds: readonly CandidateKind[], language: Language, limit: number) {
  const dictionary = await matchDictionary(executor);
  const demand = subject.demandId ? await findDemand(executor, subject.demandId, undefined) : undefined;
  const plain: DemandQuery = demand
    ? { id: subject.id, enterpriseId: demand.demand.enterpriseId, discipline: demand.demand.discipline, skills: demand.demand.skills, education: demand.demand.education, title: demand.demand.title, minYears: demand.demand.minYears }
    : { ...textQuery(subject.id, subject.enterpriseId, subject.text, dictionary), ...(subject.discipline ? { discipline: subject.discipline } : {}) };
  const query = compileQuery(plain, dictionary);
  const year = new Date().getFullYear();
  const flexible = can(user.roles, 'flexibleTalent.read');
  const [expertRows, teamRows] = await Promise.all([
    flexible && kinds.includes('expert') ? engagedExperts(executor) : [],
    flexible && kinds.includes('team') ? residentTeams(executor) : [],
  ]);
  // a talent who is an engaged expert is suggested as the expert
  const asExperts = new Set(expertRows.flatMap((expert) => (expert.talentId ? [expert.talentId] : [])));
  const tsquery = kinds.includes('talent') ? candidateQuery(plain, dictionary) : null;
  const scope = talentReadScope(user);
  const talentIds = tsquery ? (await candidateTalentIds(executor, tsquery, plain.enterpriseId, scope, candidatePool)).filter((id) => !asExperts.has(id)) : [];
  const linkedIds = [...asExperts, ...teamRows.flatMap((team) => team.memberIds)];
  const sources = new Map((await profileSources(executor, [...new Set([...talentIds, ...linkedIds])])).map((source) => [source.id, source]));
  const profiles = [
    ...talentIds.flatMap((id) => (sources.has(id) ? [buildProfile(sources.get(id)!, dictionary, year)] : [])),
    ...expertRows.map((expert) => buildProfile(expertSource({ ...expert, linked: expert.talentId ? (sources.get(expert.talentId) ?? null) : null }), dictionary, year)),
    ...teamRows.map((team) => buildProfile(teamSource({ ...team, members: team.memberIds.flatMap((id) => (sources.has(id) ? [sources.get(id)!] : [])) }), dictionary, year)),
  ];
  const ranked = rankAll(query, profiles, limit);
  const talentRows = new Map((await talentRowsByIds(executor, ranked.filter((entry) => entry.profile.kind === 'talent').map((entry) => entry.profile.id), scope)).map((entry) => [entry.talent.id, entry]));
  const expertsById = new Map(expertRows.map((expert) => [expert.id, expert]));
  const teamsById = new Map(teamRows.map((team) => [team.id, team]));
  return {
    considered: profiles.length,
    items: ranked.flatMap(({ profile, score }): Suggestion[] => {
      const reasons = withText(explain(query, profile, dictionary, language), language);
      if (profile.kind === 'expert') {
        const expert = expertsById.get(profile.id)!;
        return [{ kind: 'expert', id: expert.id, name: expert.name, post: expert.field, organisation: expert.affiliation, expertKind: expert.kind, members: null, score, reasons }];
      }
      if (profile.kind === 'team') {
        const team = teamsById.get(profile.id)!;
        return [{ kind: 'team', id: team.id, name: team.name, post: team.project, organisation: null, expertKind: null, members: team.memberIds.length, score, reasons }];
      }
      const found = talentRows.get(profile.id);
      return found ? [{ kind: 'talent', id: found.talent.id, name: found.talent.name, post: found.talent.post, organisation: found.talent.employerId ? found.employer : found.talent.employerName, expertKind: null, members: null, score, reasons }] : [];
    }),
  };
}
