import { describe, expect, it } from 'vitest';
import { averageScore, missingScorers, mustAbstain, publicityRunning, publicityWindow, rankByScore, sameOrganisation } from './panels';

describe('the expert panel', () => {
  it('refuses a member of the candidate’s organisation, by id or by the name as written', () => {
    expect(mustAbstain({ id: 'a' }, [{ id: 'b' }, { id: 'a' }])).toBe(true);
    expect(mustAbstain({ id: null }, [{ id: null }])).toBe(false);
    expect(mustAbstain({ id: null, name: '泵阀 集团（有限）' }, [{ id: null, name: '泵阀集团(有限)' }])).toBe(true);
    expect(sameOrganisation({ id: 'a', name: '甲' }, { id: 'b', name: '乙' })).toBe(false);
  });

  it('waits only for the members who may score and have not', () => {
    const members = [{ id: 'x' }, { id: 'y' }, { id: 'z' }];
    expect(missingScorers(members, (member) => member.id === 'z', ['x']).map((member) => member.id)).toEqual(['y']);
  });

  it('ranks by the average, ties sharing a rank and unscored candidates last', () => {
    expect(averageScore([80, 85, 91])).toBe(85.3);
    expect(averageScore([])).toBeNull();
    const ranked = rankByScore([
      { id: 'c', average: 80 }, { id: 'a', average: 90 }, { id: 'b', average: 80 }, { id: 'd', average: null },
    ]);
    expect(ranked.map((candidate) => [candidate.id, candidate.rank])).toEqual([['a', 1], ['b', 2], ['c', 2], ['d', null]]);
  });

  it('runs the 公示 on working days: 5 days from 29 September 2026 end on 12 October (国庆 off, the make-up Saturday worked)', () => {
    const start = new Date('2026-09-29T02:00:00Z');
    const { until } = publicityWindow(start, 5);
    expect(publicityRunning(until, start)).toBe('2026-10-12');
    expect(publicityRunning(until, until)).toBeNull();
  });
});
