/**
 * Explainable matching (人岗匹配): a transparent score of a talent against a demand, over six factors with fixed
 * weights, each listed as a reason (met) or a gap (not met). Pure: profiles and the dictionaries come in, no queries.
 *
 * - discipline 25: one of the talent's disciplines (a discipline's keywords found in a major or the post) is the demand's;
 * - skills 30: the share of the demand's skills the talent has. A skill is had when the talent's words (jieba-cut
 *   post, majors, titles, certificates, tags) hold every word of the skill or of one of its synonyms (the skill
 *   dictionary, data), so 锂电材料 in a major gives 电池材料;
 * - education 15 (one level short: 7, partly), title 10 (one level short: 5), experience 10 (years since the first
 *   graduation; half the years wanted: 5), availability 10 (in flexible service or without employer: 10; employed: 5).
 * Talents who left the zone, and the demand's own staff, are no candidates.
 *
 * The same scorer ranks flexible experts and resident teams (a challenge's suggestions): each kind is turned into the
 * one profile — an expert's field and kind with its registry record when linked (`expertSource`), a team's
 * description and project with its members' majors, titles and certificates (`teamSource`). A query can come from a
 * demand or from free text (`textQuery`: the discipline whose keywords the text names most, the dictionary skills it
 * names — a challenge without a demand, a campaign post).
 */
import {
  availabilityNames, educationMeets, educationName, titleMeets, titleName, yearsText, type Availability, type Language, type MatchReason,
} from '../../../domain/demands';
import type { ExpertKind } from '../../../domain/cooperation';
import { educationLevels, titleLevels, type EducationLevel, type TitleLevel } from '../../../domain/dictionaries';
import { cutWords } from '../../search/segment';

export const matchWeights = { discipline: 25, skills: 30, education: 15, title: 10, experience: 10, availability: 10 } as const;

export type DisciplineEntry = { code: string; name: string; nameEn: string; keywords: string[] };
export type SkillEntry = { name: string; nameEn: string; synonyms: string[] };

/** The dictionaries prepared once per request (or once per benchmark): each skill's forms as word lists. */
export type MatchDictionary = {
  disciplines: DisciplineEntry[];
  disciplineByCode: Map<string, DisciplineEntry>;
  /** skill name → its forms (the name and each synonym), each form as its words */
  skillForms: Map<string, string[][]>;
  /** a word or phrase (lower case) → the skill it names */
  skillOf: Map<string, string>;
  /** word → skills one of whose forms contains it (to test only the skills a talent's words can reach) */
  skillsByWord: Map<string, Set<string>>;
};

const lower = (text: string) => text.trim().toLowerCase();

export function buildDictionary(disciplines: DisciplineEntry[], skills: SkillEntry[]): MatchDictionary {
  const skillForms = new Map<string, string[][]>();
  const skillOf = new Map<string, string>();
  const skillsByWord = new Map<string, Set<string>>();
  for (const skill of skills) {
    const forms = [skill.name, ...skill.synonyms].map((form) => {
      skillOf.set(lower(form), skill.name);
      const words = cutWords(form);
      return words.length ? words : [lower(form)];
    });
    skillForms.set(skill.name, forms);
    for (const word of forms.flat()) {
      if (!skillsByWord.has(word)) skillsByWord.set(word, new Set());
      skillsByWord.get(word)!.add(skill.name);
    }
  }
  return { disciplines, disciplineByCode: new Map(disciplines.map((entry) => [entry.code, entry])), skillForms, skillOf, skillsByWord };
}

export const candidateKinds = ['talent', 'expert', 'team'] as const;
export type CandidateKind = (typeof candidateKinds)[number];

/** What the matcher knows of a talent (or of an expert or team, in the same terms). */
export type TalentProfile = {
  id: string;
  kind: CandidateKind;
  employerId: string | null;
  words: Set<string>;
  /** dictionary skills the talent has */
  skills: Set<string>;
  disciplines: Set<string>;
  education: EducationLevel | null;
  title: TitleLevel | null;
  experienceYears: number;
  availability: Availability;
};

export type ProfileSource = {
  id: string;
  /** a talent when left out */
  kind?: CandidateKind;
  employerId: string | null;
  status: 'inZone' | 'flexibleService' | 'left';
  post: string | null;
  tags: string[];
  highestEducation: EducationLevel | null;
  highestTitle: TitleLevel | null;
  educations: { major: string; school?: string; graduationYear: number }[];
  titles: { series: string; name: string }[];
  certificates: { name: string }[];
};

const hasAll = (words: Set<string>, form: string[]) => form.every((word) => words.has(word));

export function buildProfile(source: ProfileSource, dictionary: MatchDictionary, year: number): TalentProfile {
  const texts = [source.post ?? '', ...source.tags, ...source.educations.map((education) => education.major), ...source.titles.flatMap((title) => [title.series, title.name]), ...source.certificates.map((certificate) => certificate.name)].filter(Boolean);
  const words = new Set<string>();
  for (const text of texts) {
    words.add(lower(text));
    for (const word of cutWords(text)) words.add(word);
  }
  const skills = new Set<string>();
  const reachable = new Set<string>();
  for (const word of words) {
    const direct = dictionary.skillOf.get(word);
    if (direct) skills.add(direct);
    for (const skill of dictionary.skillsByWord.get(word) ?? []) reachable.add(skill);
  }
  for (const skill of reachable) if (!skills.has(skill) && dictionary.skillForms.get(skill)!.some((form) => hasAll(words, form))) skills.add(skill);
  const disciplineTexts = [source.post ?? '', ...source.educations.map((education) => education.major)].filter(Boolean);
  const disciplines = new Set(dictionary.disciplines.filter((entry) => entry.keywords.some((keyword) => disciplineTexts.some((text) => text.includes(keyword)))).map((entry) => entry.code));
  const firstGraduation = Math.min(...source.educations.map((education) => education.graduationYear), year);
  const availability: Availability = source.status === 'left' ? 'left' : source.status === 'flexibleService' ? 'flexible' : source.employerId ? 'employed' : 'free';
  return {
    id: source.id, kind: source.kind ?? 'talent', employerId: source.employerId, words, skills, disciplines, education: source.highestEducation, title: source.highestTitle,
    experienceYears: Math.max(0, year - firstGraduation), availability,
  };
}

/** What the matcher knows of a demand (or of a challenge or a campaign post, in the same terms). */
export type DemandQuery = {
  id: string;
  /** whose own staff are no candidates (none: a zone's challenge) */
  enterpriseId: string | null;
  /** none: the text named no discipline */
  discipline: string | null;
  skills: string[];
  education: EducationLevel | null;
  title: TitleLevel | null;
  minYears: number;
};

/** A demand's skills resolved once: each as the dictionary skill it names (if any) and its own words. */
export type CompiledQuery = DemandQuery & { terms: { label: string; skill: string | null; words: string[] }[] };

export function compileQuery(query: DemandQuery, dictionary: MatchDictionary): CompiledQuery {
  return {
    ...query,
    terms: query.skills.map((label) => {
      const words = cutWords(label);
      return { label, skill: dictionary.skillOf.get(lower(label)) ?? null, words: words.length ? words : [lower(label)] };
    }),
  };
}

const hasTerm = (profile: TalentProfile, term: CompiledQuery['terms'][number]) => (term.skill !== null && profile.skills.has(term.skill)) || hasAll(profile.words, term.words);

/** Whether a talent may be suggested at all for the demand. */
export const eligible = (query: DemandQuery, profile: TalentProfile) => profile.availability !== 'left' && (query.enterpriseId === null || profile.employerId !== query.enterpriseId);

/** The score alone (0–100), the hot path of a ranking. */
export function scoreOf(query: CompiledQuery, profile: TalentProfile): number {
  let score = query.discipline !== null && profile.disciplines.has(query.discipline) ? matchWeights.discipline : 0;
  if (query.terms.length === 0) score += matchWeights.skills;
  else {
    let had = 0;
    for (const term of query.terms) if (hasTerm(profile, term)) had += 1;
    score += (matchWeights.skills * had) / query.terms.length;
  }
  score += educationMeets(profile.education, query.education) ? matchWeights.education : oneShort(educationLevels, profile.education, query.education, true) ? 7 : 0;
  score += titleMeets(profile.title, query.title) ? matchWeights.title : oneShort(titleLevels, profile.title, query.title, false) ? 5 : 0;
  score += profile.experienceYears >= query.minYears ? matchWeights.experience : profile.experienceYears * 2 >= query.minYears ? 5 : 0;
  score += profile.availability === 'employed' ? 5 : matchWeights.availability;
  return Math.round(score * 10) / 10;
}

/** One level below what is wanted (education lists the highest first, titles the lowest first). */
function oneShort<T extends string>(levels: readonly T[], has: T | null, wanted: T | null, highestFirst: boolean) {
  if (has === null || wanted === null) return false;
  const gap = levels.indexOf(has) - levels.indexOf(wanted);
  return highestFirst ? gap === 1 : gap === -1;
}

/** The reasons and gaps, in the reader's language ("技能: 电池材料 ✓", "学历: 本科 (要求硕士研究生) ✗"). */
export function explain(query: CompiledQuery, profile: TalentProfile, dictionary: MatchDictionary, language: Language): MatchReason[] {
  const reasons: MatchReason[] = [];
  const disciplineName = (code: string) => {
    const entry = dictionary.disciplineByCode.get(code);
    return entry ? (language === 'zh-CN' ? entry.name : entry.nameEn) : code;
  };
  const own = [...profile.disciplines].map(disciplineName).join('、') || null;
  if (query.discipline !== null) {
    const wanted = disciplineName(query.discipline);
    reasons.push(profile.disciplines.has(query.discipline) ? { factor: 'discipline', met: 'yes', value: wanted, required: wanted } : { factor: 'discipline', met: 'no', value: own, required: wanted });
  }
  for (const term of query.terms) reasons.push({ factor: 'skill', met: hasTerm(profile, term) ? 'yes' : 'no', value: term.label, required: null });
  if (query.education || profile.education) {
    const met = educationMeets(profile.education, query.education) ? 'yes' : oneShort(educationLevels, profile.education, query.education, true) ? 'partly' : 'no';
    reasons.push({ factor: 'education', met, value: profile.education ? educationName(profile.education, language) : null, required: query.education ? educationName(query.education, language) : null });
  }
  if (query.title) {
    const met = titleMeets(profile.title, query.title) ? 'yes' : oneShort(titleLevels, profile.title, query.title, false) ? 'partly' : 'no';
    reasons.push({ factor: 'title', met, value: profile.title ? titleName(profile.title, language) : null, required: titleName(query.title, language) });
  }
  if (query.minYears > 0) {
    const met = profile.experienceYears >= query.minYears ? 'yes' : profile.experienceYears * 2 >= query.minYears ? 'partly' : 'no';
    reasons.push({ factor: 'experience', met, value: yearsText(profile.experienceYears, language), required: yearsText(query.minYears, language) });
  }
  reasons.push({ factor: 'availability', met: profile.availability === 'employed' ? 'partly' : 'yes', value: availabilityNames[profile.availability][language], required: null });
  return reasons;
}

export type Ranked = { profile: TalentProfile; score: number };

const byScore = (a: Ranked, b: Ranked) => b.score - a.score || (a.profile.id < b.profile.id ? -1 : a.profile.id > b.profile.id ? 1 : 0);

/** The baseline: every eligible profile scored, the best `limit` kept. */
export function rankAll(query: CompiledQuery, profiles: readonly TalentProfile[], limit: number): Ranked[] {
  const ranked: Ranked[] = [];
  for (const profile of profiles) if (eligible(query, profile)) ranked.push({ profile, score: scoreOf(query, profile) });
  return ranked.sort(byScore).slice(0, limit);
}

/**
 * An index of profiles by discipline and by dictionary skill and word, for ranking many demands against many talents:
 * only talents sharing the demand's discipline or one of its skills are scored. A talent sharing neither scores at most
 * `outsiderCeiling` (education, title, experience and availability in full); when the best `limit` found score above
 * it the answer is exact, otherwise the ranking falls back to scoring everyone.
 */
export type ProfileIndex = { profiles: readonly TalentProfile[]; byKey: Map<string, number[]> };

export function indexProfiles(profiles: readonly TalentProfile[]): ProfileIndex {
  const byKey = new Map<string, number[]>();
  const add = (key: string, position: number) => {
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    if (list[list.length - 1] !== position) list.push(position);
  };
  profiles.forEach((profile, position) => {
    for (const discipline of profile.disciplines) add(`d:${discipline}`, position);
    for (const skill of profile.skills) add(`s:${skill}`, position);
    for (const word of profile.words) add(`w:${word}`, position);
  });
  return { profiles, byKey };
}

export const outsiderCeiling = matchWeights.education + matchWeights.title + matchWeights.experience + matchWeights.availability;

export function rankIndexed(query: CompiledQuery, index: ProfileIndex, limit: number): Ranked[] {
  const positions = new Set<number>(index.byKey.get(`d:${query.discipline}`) ?? []);
  for (const term of query.terms) {
    if (term.skill) for (const position of index.byKey.get(`s:${term.skill}`) ?? []) positions.add(position);
    // a term outside the dictionary: the talents having its rarest word hold every talent having the term
    const lists = term.words.map((word) => index.byKey.get(`w:${word}`) ?? []);
    const rarest = lists.reduce((best, list) => (list.length < best.length ? list : best), lists[0] ?? []);
    for (const position of rarest) positions.add(position);
  }
  const ranked: Ranked[] = [];
  for (const position of positions) {
    const profile = index.profiles[position];
    if (eligible(query, profile)) ranked.push({ profile, score: scoreOf(query, profile) });
  }
  ranked.sort(byScore);
  const top = ranked.slice(0, limit);
  const ceiling = outsiderCeiling + (query.terms.length === 0 ? matchWeights.skills : 0);
  if (top.length === limit && top[limit - 1].score > ceiling) return top;
  return rankAll(query, index.profiles, limit);
}

/**
 * A query from free text (a challenge's title, problem and requirements; a campaign post's title): the discipline
 * whose keywords the text names most (ties: the dictionary's order; none named: `fallbackDiscipline`), and every
 * dictionary skill the text names (all the words of the skill or of one of its synonyms).
 */
export function textQuery(id: string, enterpriseId: string | null, text: string, dictionary: MatchDictionary, fallbackDiscipline: string | null = null): DemandQuery {
  let discipline = fallbackDiscipline;
  let best = 0;
  for (const entry of dictionary.disciplines) {
    const hits = entry.keywords.filter((keyword) => text.includes(keyword)).length;
    if (hits > best) [discipline, best] = [entry.code, hits];
  }
  const words = new Set(cutWords(text));
  for (const word of [...words]) words.add(lower(word));
  const skills = [...dictionary.skillForms].filter(([, forms]) => forms.some((form) => hasAll(words, form))).map(([name]) => name);
  return { id, enterpriseId, discipline, skills, education: null, title: null, minYears: 0 };
}

/** What the matcher reads of a flexible expert: the field and kind, and the registry record when linked. */
export type ExpertSource = {
  id: string;
  kind: ExpertKind;
  field: string;
  linked: ProfileSource | null;
};

/** An expert as a profile: the field stands for the post; an academician or doctor has a doctorate at least; in service. */
export function expertSource(expert: ExpertSource): ProfileSource {
  const linked = expert.linked;
  const doctorate = expert.kind === 'doctor' || expert.kind === 'academician';
  return {
    id: expert.id,
    kind: 'expert',
    employerId: null,
    status: 'flexibleService',
    post: expert.field,
    tags: linked ? [...linked.tags, ...(linked.post ? [linked.post] : [])] : [],
    highestEducation: linked?.highestEducation ?? (doctorate ? 'doctorate' : null),
    highestTitle: linked?.highestTitle ?? (expert.kind === 'academician' ? 'senior' : null),
    educations: linked?.educations ?? [],
    titles: linked?.titles ?? [],
    certificates: linked?.certificates ?? [],
  };
}

/** A resident team as a profile: its description and project for the post, its members' studies, titles and certificates. */
export function teamSource(team: { id: string; organisationId: string; description: string; project: string | null; members: ProfileSource[] }): ProfileSource {
  const best = <T extends string>(levels: readonly T[], values: (T | null)[], highestFirst: boolean) => {
    const ranks = values.filter((value): value is T => value !== null).map((value) => levels.indexOf(value));
    if (ranks.length === 0) return null;
    return levels[highestFirst ? Math.min(...ranks) : Math.max(...ranks)];
  };
  return {
    id: team.id,
    kind: 'team',
    employerId: team.organisationId,
    status: 'flexibleService',
    post: [team.description, team.project ?? ''].filter(Boolean).join(' '),
    tags: team.members.flatMap((member) => [...member.tags, ...(member.post ? [member.post] : [])]),
    highestEducation: best(educationLevels, team.members.map((member) => member.highestEducation), true),
    highestTitle: best(titleLevels, team.members.map((member) => member.highestTitle), false),
    educations: team.members.flatMap((member) => member.educations),
    titles: team.members.flatMap((member) => member.titles),
    certificates: team.members.flatMap((member) => member.certificates),
  };
}
