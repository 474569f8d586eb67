import { describe, expect, it } from 'vitest';
import { educationLevels, titleLevels } from '../../../domain/dictionaries';
import { reasonText } from '../../../domain/demands';
import { buildDictionary, buildProfile, compileQuery, expertSource, explain, indexProfiles, rankAll, rankIndexed, teamSource, textQuery, type DemandQuery, type ProfileSource } from './matching';
import { generatedDemands, generatedSources, matchingDisciplines, matchingSkills, seededStream } from './matching.fixtures';

const dictionary = buildDictionary(matchingDisciplines, matchingSkills);
const year = 2026;

describe('explainable matching (offline)', () => {
  it('ranks planted good matches in the top 5 among 3,000 generated talents, for every demand', () => {
    const random = seededStream(13);
    const sources = generatedSources(3000, random);
    const demands = generatedDemands(20, random);
    // for each demand, five talents that fit it in every factor (discipline, all skills, education, title, years, free)
    const generated = sources.map((source) => buildProfile(source, dictionary, year));
    for (const demand of demands) {
      const planted = Array.from({ length: 5 }, (_, index) => buildProfile(plantedFor(demand, `planted-${demand.id}-${index}`), dictionary, year));
      const profiles = [...generated, ...planted];
      const query = compileQuery(demand, dictionary);
      const top = rankAll(query, profiles, 5).map((entry) => entry.profile.id);
      expect(top.sort(), `demand ${demand.id}`).toEqual(planted.map((profile) => profile.id).sort());
      // the indexed ranking gives the same answer as scoring everyone
      const index = indexProfiles(profiles);
      expect(rankIndexed(query, index, 10).map((entry) => [entry.profile.id, entry.score])).toEqual(rankAll(query, profiles, 10).map((entry) => [entry.profile.id, entry.score]));
    }
  });

  it('ranks a planted fitting expert in the top 5 for a challenge read from its text, among 3,000 talents, 80 experts and 10 teams', () => {
    const random = seededStream(29);
    const talents = generatedSources(3000, random);
    const fields = ['智能制造', '财务审计', '数据治理', '化工安全', '土木结构', '公共卫生应急', '企业战略', '光伏电站运维', '机械设计', '软件架构'];
    const experts = Array.from({ length: 80 }, (_, index) => expertSource({ id: `expert-${index}`, kind: random.pick(['doctor', 'industryAdviser', 'retiredExpert', 'academician'] as const), field: random.pick(fields), linked: random.next() < 0.3 ? random.pick(talents) : null }));
    const teams = Array.from({ length: 10 }, (_, index) => teamSource({ id: `team-${index}`, organisationId: `team-org-${index}`, description: random.pick(fields), project: null, members: [random.pick(talents), random.pick(talents)] }));
    const planted = expertSource({ id: 'planted-expert', kind: 'academician', field: '钠离子电池正极材料', linked: null });
    const challenge = textQuery('challenge', 'poster', '钠离子电池正极材料量产工艺攻关：提高电池材料的一致性', dictionary);
    expect([challenge.discipline, challenge.skills]).toEqual(['newEnergy', ['电池材料', '钠离子电池']]);
    const profiles = [...talents, ...experts, planted].map((source) => buildProfile(source, dictionary, year)).concat(teams.map((source) => buildProfile(source, dictionary, year)));
    const query = compileQuery(challenge, dictionary);
    const top = rankAll(query, profiles, 5);
    expect(top.map((entry) => entry.profile.id)).toContain('planted-expert');
    expect(top.find((entry) => entry.profile.id === 'planted-expert')).toMatchObject({ score: 100, profile: { kind: 'expert' } });
    // every kind is scored by the one scorer and explained in the same terms
    expect(new Set(profiles.map((profile) => profile.kind))).toEqual(new Set(['talent', 'expert', 'team']));
    expect(explain(query, buildProfile(planted, dictionary, year), dictionary, 'zh-CN').map((reason) => reasonText(reason, 'zh-CN'))).toEqual(['学科: 新能源 ✓', '技能: 电池材料 ✓', '技能: 钠离子电池 ✓', '学历: 博士研究生 ✓', '可到岗: 柔性服务中 ✓']);
    // a zone's challenge (no poster) excludes nobody's staff; text without a discipline scores no discipline
    expect(rankAll(compileQuery({ ...challenge, enterpriseId: null }, dictionary), profiles, 5).map((entry) => entry.profile.id)).toContain('planted-expert');
    expect(textQuery('x', null, '提高一致性', dictionary)).toMatchObject({ discipline: null, skills: [] });
  });

  it('explains each factor: a synonym counts for its skill, a lower education is a gap', () => {
    const demand: DemandQuery = { id: 'd', enterpriseId: 'e', discipline: 'newEnergy', skills: ['电池材料', '钠离子电池'], education: 'master', title: null, minYears: 3 };
    const talent: ProfileSource = {
      id: 't', employerId: null, status: 'inZone', post: '锂电材料工程师', tags: [], highestEducation: 'bachelor', highestTitle: null,
      educations: [{ major: '能源与动力工程', graduationYear: 2018 }], titles: [], certificates: [],
    };
    const profile = buildProfile(talent, dictionary, year);
    const query = compileQuery(demand, dictionary);
    const texts = explain(query, profile, dictionary, 'zh-CN').map((reason) => reasonText(reason, 'zh-CN'));
    expect(texts).toEqual(['学科: 新能源 ✓', '技能: 电池材料 ✓', '技能: 钠离子电池 ✗', '学历: 本科 (要求硕士研究生) ≈', '经验: 8 年 ✓', '可到岗: 可到岗 ✓']);
    const english = explain(query, profile, dictionary, 'en-US').map((reason) => reasonText(reason, 'en-US'));
    expect(english[3]).toBe("Education: Bachelor's (wanted Master's) ≈");
  });
});

function plantedFor(demand: DemandQuery, id: string): ProfileSource {
  const discipline = matchingDisciplines.find((entry) => entry.code === demand.discipline)!;
  return {
    id, employerId: null, status: 'flexibleService', post: `${demand.skills.join('')}${discipline.keywords[0]}岗`, tags: [...demand.skills],
    highestEducation: educationLevels[0], highestTitle: titleLevels[titleLevels.length - 1],
    educations: [{ major: `${discipline.keywords[0]}工程`, graduationYear: 1995 }], titles: [], certificates: [],
  };
}
