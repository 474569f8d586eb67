/**
 * The expert panel (评审专家组) shared by title evaluation (职称评聘), 揭榜挂帅 and selections (评选): who must abstain
 * (回避, a conflict of interest), which panel members a candidate still waits for, the average score and the ranking, and
 * the 公示 window on the working-day calendar. Pure: each module keeps its own tables, refusal codes and consequences.
 */
import { addWorkingDays, beijingDate } from './calendar';

/** An organisation as a panel compares it: its registry id when it has one, and its name as written. */
export type PanelOrganisation = { id: string | null; name?: string | null };

/** Organisation names compared as people write them: spaces and the width of brackets do not matter. */
export function sameOrganisationName(left: string, right: string) {
  const normal = (text: string) => text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
  return normal(left) === normal(right);
}

/** Whether two organisations are the same one: the same registered organisation, or (when names are known) the same name. */
export function sameOrganisation(left: PanelOrganisation | null | undefined, right: PanelOrganisation | null | undefined) {
  if (!left || !right) return false;
  if (left.id && right.id && left.id === right.id) return true;
  return Boolean(left.name && right.name && sameOrganisationName(left.name, right.name));
}

/**
 * 回避: a panel member must abstain from a candidate when the member's organisation is one of the candidate's (the
 * declaring enterprise, the team's organisation, the nominee's employer or the nominating organisation).
 */
export function mustAbstain(member: PanelOrganisation | null | undefined, candidate: readonly (PanelOrganisation | null | undefined)[]) {
  return candidate.some((organisation) => sameOrganisation(member, organisation));
}

/** The panel members a candidate still waits for: those who may score (not abstaining) and have not scored. */
export function missingScorers<M extends { id: string }>(members: readonly M[], abstains: (member: M) => boolean, scoredBy: readonly string[]) {
  return members.filter((member) => !abstains(member) && !scoredBy.includes(member.id));
}

/** The average of the scores to one decimal, or null without a score. */
export function averageScore(scores: readonly number[]): number | null {
  if (!scores.length) return null;
  return Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10) / 10;
}

/**
 * The ranking: by average score, highest first (candidates without a score last), ties sharing a rank (1, 2, 2, 4);
 * the order of equal candidates is by `id` so that it never changes between readings.
 */
export function rankByScore<C extends { id: string; average: number | null }>(candidates: readonly C[]): (C & { rank: number | null })[] {
  const sorted = [...candidates].sort((a, b) => (b.average ?? -1) - (a.average ?? -1) || a.id.localeCompare(b.id));
  return sorted.map((candidate, index) => {
    if (candidate.average === null) return { ...candidate, rank: null };
    const first = sorted.findIndex((other) => other.average === candidate.average);
    return { ...candidate, rank: first === -1 ? index + 1 : first + 1 };
  });
}

/** The 公示 window: from now for `days` working days on the Chinese calendar (holidays and 调休 as the State Council says). */
export function publicityWindow(now: Date, days: number) {
  return { from: now, until: addWorkingDays(now, days) };
}

/** Whether the 公示 is still running at `now`; when it is, the Beijing day it ends (for the refusal's message). */
export function publicityRunning(until: Date | null, now: Date): string | null {
  return until && now < until ? beijingDate(until) : null;
}
