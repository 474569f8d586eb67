import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, explain, ruleLimits, truthy, validateRule, wholeYearsBetween, type Rule } from './index';
import { talentFacts } from '../policies/facts';
import { params, talentRule, talentSubject } from './test-arbitraries';

// json-logic-js learns the two domain operators, so every rule over the fact model has a second reference
jsonLogic.add_operation('age_at', wholeYearsBetween);
jsonLogic.add_operation('years_between', wholeYearsBetween);

/** Facts shaped like a talent's, with NULL and missing values on purpose. */
const facts = fc.record(
  {
    education: fc.constantFrom('doctorate', 'master', 'bachelor', null, ''),
    age: fc.oneof(fc.integer({ min: 18, max: 70 }), fc.constant(null)),
    yearsInZone: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(null)),
    tier: fc.constantFrom('A', 'B', 'C', 'D', 'E', null),
    tags: fc.oneof(fc.subarray(['海归', '博士后', '省级人才']), fc.constant(null)),
    salary: fc.oneof(fc.double({ min: 0, max: 100000, noNaN: true }), fc.constant(null)),
    industry: fc.constantFrom('digitalEconomy', 'pumpsValves', 'newMaterials', null),
    employer: fc.oneof(fc.record({ size: fc.constantFrom('small', 'large', null), staff: fc.integer({ min: 0, max: 500 }) }), fc.constant(null)),
  },
  { requiredKeys: [] },
);

const paths = ['education', 'age', 'yearsInZone', 'tier', 'tags', 'salary', 'industry', 'employer.size', 'employer.staff', 'missing.key'];
const literal = fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constantFrom('master', 'A', '海归', 'digitalEconomy', '', null, true, false, '3'));

/** Random rules over the standard operators (those json-logic-js knows), nested a few levels. */
const { rule } = fc.letrec<{ rule: unknown; value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    literal,
    fc.constantFrom(...paths).map((path) => ({ var: path })),
    fc.tuple(fc.constantFrom(...paths), literal).map(([path, fallback]) => ({ var: [path, fallback] })),
    fc.tuple(fc.constantFrom('+', '-', '*', '/', '%', 'max', 'min', 'cat'), tie('value'), tie('value')).map(([operator, a, b]) => ({ [operator]: [a, b] })),
    fc.tuple(tie('value'), tie('value'), tie('value')).map(([a, b, c]) => ({ if: [a, b, c] })),
    fc.tuple(tie('value'), fc.integer({ min: 0, max: 3 }), fc.integer({ min: -2, max: 3 })).map(([a, b, c]) => ({ substr: [a, b, c] })),
    fc.constant({ merge: [{ var: 'tags' }, ['x']] }),
    fc.constant({ missing: ['education', 'age', 'tier'] }),
    fc.constant({ missing_some: [1, ['education', 'age']] }),
    fc.constant({ map: [{ var: 'tags' }, { cat: [{ var: '' }, '!'] }] }),
    fc.constant({ reduce: [{ var: 'tags' }, { '+': [{ var: 'accumulator' }, 1] }, 0] }),
  ),
  rule: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(fc.constantFrom('==', '===', '!=', '!==', '<', '<=', '>', '>='), tie('value'), tie('value')).map(([operator, a, b]) => ({ [operator]: [a, b] })),
    fc.tuple(fc.constantFrom('<', '<='), tie('value'), tie('value'), tie('value')).map(([operator, a, b, c]) => ({ [operator]: [a, b, c] })),
    fc.tuple(fc.constantFrom('and', 'or'), fc.array(tie('rule'), { minLength: 1, maxLength: 3 })).map(([operator, items]) => ({ [operator]: items })),
    tie('rule').map((inner) => ({ '!': [inner] })),
    tie('value').map((inner) => ({ '!!': [inner] })),
    fc.tuple(literal, fc.constantFrom({ var: 'tags' }, ['master', 'doctorate'], { var: 'education' })).map(([needle, haystack]) => ({ in: [needle, haystack] })),
    fc.tuple(fc.constantFrom('all', 'some', 'none', 'filter'), fc.constantFrom('海归', '博士后')).map(([operator, tag]) => ({ [operator]: [{ var: 'tags' }, { '==': [{ var: '' }, tag] }] })),
    fc.tuple(tie('rule'), tie('rule'), tie('rule')).map(([a, b, c]) => ({ '?:': [a, b, c] })),
    tie('value'),
  ),
}));

/** NaN is not equal to itself; compare results as JSON with NaN spelled out. */
const same = (value: unknown) => JSON.stringify(value, (_, inner) => (typeof inner === 'number' && Number.isNaN(inner) ? 'NaN' : inner));

describe('rules engine', () => {
  it('evaluate agrees with json-logic-js, and compile with evaluate, on random rules and facts', () => {
    fc.assert(
      fc.property(rule, facts, (generated, subject) => {
        const reference = jsonLogic.apply(generated as jsonLogic.RulesLogic, subject);
        expect(same(evaluate(generated, subject))).toBe(same(reference));
        expect(same(compile(generated)(subject))).toBe(same(reference));
      }),
      { numRuns: 3000 },
    );
  });

  it('evaluate, compile, explain and json-logic-js agree on rules over the talent fact model', () => {
    fc.assert(
      fc.property(talentRule, talentSubject, params, (generated, subject, values) => {
        const data = { ...subject, params: values };
        const reference = jsonLogic.apply(generated as jsonLogic.RulesLogic, data);
        expect(same(evaluate(generated, data))).toBe(same(reference));
        expect(same(compile(generated)(data))).toBe(same(reference));
        const explanation = explain(generated, data, { model: talentFacts });
        expect(explanation.eligible).toBe(truthy(reference));
        expect(explanation.trace.status === 'met').toBe(truthy(reference));
      }),
      { numRuns: 3000 },
    );
  });

  it('computes ages and years between ISO dates, null for missing dates', () => {
    expect(evaluate({ age_at: ['1990-03-07', '2026-03-06'] }, {})).toBe(35);
    expect(evaluate({ age_at: ['1990-03-07', '2026-03-07'] }, {})).toBe(36);
    expect(compile({ years_between: [{ var: 'arrivedOn' }, '2026-11-28'] })({ arrivedOn: '2021-12-01' })).toBe(4);
    expect(evaluate({ age_at: [{ var: 'birthDate' }, '2026-01-01'] }, {})).toBeNull();
  });

  it('reads the standard examples of jsonlogic.com the same way', () => {
    const rule = { and: [{ '<': [{ var: 'temp' }, 110] }, { '==': [{ var: 'pie.filling' }, 'apple'] }] };
    expect(evaluate(rule, { temp: 100, pie: { filling: 'apple' } })).toBe(true);
    expect(compile({ '<=': [1, { var: 'x' }, 3] })({ x: 3 })).toBe(true);
    expect(compile({ '<': [1, { var: 'x' }, 3] })({ x: 3 })).toBe(false);
    expect(evaluate({ missing_some: [1, ['a', 'b', 'c']] }, { a: 'apple' })).toEqual([]);
    expect(evaluate({ if: [{ '<': [{ var: 'temp' }, 0] }, 'freezing', { '<': [{ var: 'temp' }, 100] }, 'liquid', 'gas'] }, { temp: 55 })).toBe('liquid');
  });
});

describe('rule validation', () => {
  it('names the path of an unknown operator or a wrong number of arguments', () => {
    expect(validateRule({ and: [{ '==': [1, 1] }, { '<': [{ var: 'age' }] }] })).toEqual([
      { path: 'and.1.<', message: '"<" takes 2–3 argument(s), got 1', messageZh: '"<"需要 2–3 个参数，实际为 1 个' },
    ]);
    expect(validateRule({ or: [{ frobnicate: [1] }] })).toEqual([{ path: 'or.0.frobnicate', message: 'unknown operator "frobnicate"', messageZh: '未知的运算符"frobnicate"' }]);
    expect(validateRule({ a: 1, b: 2 })).toEqual([{ path: '$', message: 'an operation is an object with exactly one operator key', messageZh: '运算须是只有一个运算符键的对象' }]);
  });

  it('accepts every rule the generator makes, and those never throw', () => {
    fc.assert(
      fc.property(rule, facts, (generated, subject) => {
        expect(validateRule(generated)).toEqual([]);
        expect(() => compile(generated)(subject)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('validateRule limits', () => {
  it('refuses a rule 10,000 levels deep without overflowing the stack, naming where the limit is passed', () => {
    let deep: Rule = true;
    for (let level = 0; level < 10_000; level += 1) deep = { '!': [deep] };
    const problems = validateRule(deep);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe(`the rule nests deeper than ${ruleLimits.depth} levels`);
    expect(problems[0].messageZh).toBe(`规则嵌套超过 ${ruleLimits.depth} 层`);
    expect(problems[0].path.startsWith('!.0.!.0.')).toBe(true);
  });

  it('refuses a rule of more than 2,000 values; accepts one just within both limits', () => {
    expect(validateRule({ in: [{ var: 'talent.tier' }, Array.from({ length: 2_500 }, (_, index) => `T${index}`)] })[0].message).toBe('the rule holds more than 2000 values');
    let within: Rule = true;
    for (let level = 0; level < ruleLimits.depth / 2 - 1; level += 1) within = { '!': [within] };
    expect(validateRule(within)).toEqual([]);
    expect(validateRule({ in: [{ var: 'talent.tier' }, Array.from({ length: 1_000 }, (_, index) => `T${index}`)] })).toEqual([]);
  });
});
