import { describe, expect, it } from 'vitest';
import { talentFacts } from '../policies/facts';
import { toSql } from './index';

const options = { model: talentFacts, column: (fact: string) => `f."${fact}"`, params: { minEducation: 6, maxAge: 35, tiers: ['A', 'B'] } };
const problemsOf = (rule: unknown) => {
  const result = toSql(rule, options);
  return result.ok ? [] : result.problems;
};

describe('toSql', () => {
  it('binds literals and parameters, and decides the NULL case as JavaScript does', () => {
    expect(toSql({ '<': [{ var: 'age' }, 30] }, options)).toEqual({ ok: true, sql: 'coalesce((f."age") < $1::float8, TRUE)', values: [30] });
    expect(toSql({ '>=': [{ var: 'education' }, { var: 'params.minEducation' }] }, options)).toEqual({ ok: true, sql: 'coalesce((f."education") >= $1::float8, FALSE)', values: [6] });
    expect(toSql({ '!=': [{ var: 'tier' }, 'A'] }, options)).toEqual({ ok: true, sql: '(NOT coalesce((f."tier") = $1::text, FALSE))', values: ['A'] });
    expect(toSql({ '==': [{ var: 'tier' }, null] }, options)).toEqual({ ok: true, sql: '((f."tier") IS NULL)', values: [] });
    expect(toSql({ in: [{ var: 'tier' }, { var: 'params.tiers' }] }, options)).toEqual({ ok: true, sql: 'coalesce((f."tier") = ANY($1::text[]), FALSE)', values: ['{"A","B"}'] });
    expect(toSql({ in: ['博士后', { var: 'tags' }] }, options)).toEqual({ ok: true, sql: 'coalesce($1::text = ANY((f."tags")), FALSE)', values: ['博士后'] });
    expect(toSql({ var: 'overseas' }, options)).toEqual({ ok: true, sql: 'coalesce((f."overseas"), FALSE)', values: [] });
  });

  it('folds constants and numbers placeholders after an offset', () => {
    expect(toSql({ and: [{ '<': [1, 2] }, { '>': [{ var: 'yearsInZone' }, { '+': [1, 1] }] }] }, { ...options, offset: 3 })).toEqual({
      ok: true,
      sql: '(TRUE AND coalesce((f."yearsInZone") > $4::float8, FALSE))',
      values: [2],
    });
    expect(toSql({ '==': [{ var: 'params.maxAge' }, 35] }, options)).toEqual({ ok: true, sql: 'TRUE', values: [] });
  });

  it('refuses what has no faithful translation, naming the node in English and Chinese', () => {
    expect(problemsOf({ and: [{ '==': [{ var: 'tier' }, 'A'] }, { '<': [{ var: 'tier' }, 'C'] }] })).toEqual([
      { path: 'and.1.<', message: 'codes have no order: compare "Talent tier" with == or in', messageZh: '代码没有大小顺序：请用 == 或 in 比较"人才类别"' },
    ]);
    expect(problemsOf({ or: [{ some: [{ var: 'tags' }, { '==': [{ var: '' }, '海归'] }] }, { '==': [{ cat: [{ var: 'tier' }, 'x'] }, 'Ax'] }] })).toEqual([
      { path: 'or.0.some', message: '"some" has no SQL translation', messageZh: '"some"无法转换为 SQL' },
      { path: 'or.1.==.0.cat', message: '"cat" has no SQL translation', messageZh: '"cat"无法转换为 SQL' },
    ]);
    expect(problemsOf({ '==': [{ var: 'tier' }, 3] })).toEqual([
      {
        path: '==',
        message: 'comparing text with a number converts the text to a number in JavaScript, which SQL cannot follow',
        messageZh: '文本与数字或是否值比较时，JavaScript 会把文本转成数字，SQL 无法如实转换',
      },
    ]);
    expect(problemsOf({ '==': [{ var: 'tags' }, ['海归']] })[0]).toMatchObject({ path: '==', message: 'a list compares by identity in JavaScript: use "in"' });
    expect(problemsOf({ '>': [{ var: 'salary' }, 3] })[0]).toMatchObject({ path: '>.0.var', message: 'unknown fact "salary"', messageZh: '未知的事实"salary"' });
    expect(problemsOf({ '>': [{ var: ['age', 30] }, 3] })[0]).toMatchObject({ path: '>.0.var', messageZh: '事实总是存在（未知时为空），默认值不会生效' });
    expect(problemsOf({ '<': [{ var: 'age' }] })[0]).toMatchObject({ path: '<', message: '"<" takes 2–3 argument(s), got 1' });
  });
});
