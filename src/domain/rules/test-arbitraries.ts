/**
 * fast-check generators for the rules engine's tests (not used by the app): talents' facts from the fact model, with
 * NULL and edge values on purpose, parameters, and rules over them — mostly what `toSql` translates (typed
 * comparisons, `in`, arithmetic, dates, and/or/!/if), with loosely typed literals so JavaScript's coercions are
 * exercised, and a few operators it refuses.
 */
import fc from 'fast-check';
import { talentFacts, type Fact, type Facts } from '../policies/facts';

const factNames = Object.keys(talentFacts) as (keyof typeof talentFacts)[];
const model: Record<string, Fact> = talentFacts;
const namesOfType = (...types: Fact['type'][]) => factNames.filter((name) => types.includes(model[name].type));

/** Codes of the facts whose codes are data, and the tags. */
const sampleCodes: Record<string, string[]> = {
  tier: ['A', 'B', 'C', 'D', 'E'],
  industry: ['digitalEconomy', 'pumpsValves', 'newMaterials'],
  employerIndustry: ['digitalEconomy', 'pumpsValves'],
  chain: ['valves', 'chips'],
  employerId: ['e1', 'e2', 'e3'],
  tags: ['海归', '博士后', '省级人才', '青年英才'],
};
const codesOf = (name: string): readonly string[] => model[name].codes ?? sampleCodes[name] ?? ['x', 'y'];
const maxRank = (name: string) => Math.max(...Object.keys(model[name].ranks ?? { 1: 0 }).map(Number));

/** ISO dates 1960–2026, leap days included. */
export const isoDate = fc
  .tuple(fc.integer({ min: 1960, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 }))
  .map(([year, month, day]) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

const orNull = <T>(value: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });

function factValue(name: string): fc.Arbitrary<Facts[string]> {
  const fact = model[name];
  switch (fact.type) {
    case 'number':
      return orNull(fc.integer({ min: 0, max: 70 }));
    case 'ordinal':
      return orNull(fc.integer({ min: 1, max: maxRank(name) }));
    case 'code':
      // '' is not a code, but JsonLogic treats it unlike null (truthiness, missing): worth generating
      return orNull(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...codesOf(name)) }, { weight: 1, arbitrary: fc.constant('') }));
    case 'codes':
      return orNull(fc.subarray([...codesOf(name)]));
    case 'date':
      return orNull(isoDate);
    case 'boolean':
      return orNull(fc.boolean());
  }
}

/** A talent's facts: every fact of the model present, null when unknown. */
export const talentSubject: fc.Arbitrary<Facts> = fc.record(Object.fromEntries(factNames.map((name) => [name, factValue(name)])) as Record<string, fc.Arbitrary<Facts[string]>>);

export const params = fc.record({
  minEducation: fc.integer({ min: 1, max: 7 }),
  maxAge: fc.integer({ min: 20, max: 60 }),
  tiers: fc.subarray(['A', 'B', 'C']),
  tag: fc.constantFrom('海归', '博士后'),
  since: isoDate,
  flag: fc.boolean(),
  nothing: fc.constant(null),
  text: fc.constantFrom('3', '', 'A', '2020-01-01'),
});
const paramNames = ['minEducation', 'maxAge', 'tiers', 'tag', 'since', 'flag', 'nothing', 'text', 'undefinedOne'];

const variable = (name: string) => ({ var: name });
const param = fc.constantFrom(...paramNames).map((name) => variable(`params.${name}`));

/** Loosely typed literals: the values JavaScript coerces in surprising ways. */
const wildLiteral = fc.oneof(
  fc.integer({ min: -3, max: 80 }),
  fc.constantFrom('3', '0', '', 'A', 'abc', '海归', 'null', '2020-01-01', '2000-02-29', ' 7 ', null, true, false, 0.5, -0, ['A'], ['3'], []),
);

/** A literal of the fact's own kind, mostly, so comparisons are meaningful and often translatable. */
function literalFor(name: string): fc.Arbitrary<unknown> {
  const fact = model[name];
  const typed = (() => {
    switch (fact.type) {
      case 'number':
        return fc.integer({ min: -1, max: 71 });
      case 'ordinal':
        return fc.integer({ min: 0, max: maxRank(name) + 1 });
      case 'code':
      case 'codes':
        return fc.constantFrom(...codesOf(name), '');
      case 'date':
        return isoDate;
      case 'boolean':
        return fc.boolean();
    }
  })();
  return fc.oneof({ weight: 5, arbitrary: typed }, { weight: 1, arbitrary: wildLiteral }, { weight: 1, arbitrary: param });
}

const comparisonOperators = ['==', '===', '!=', '!==', '<', '<=', '>', '>='] as const;
const numberFacts = namesOfType('number', 'ordinal');
const dateFacts = namesOfType('date');
const codeFacts = namesOfType('code');
const codesFacts = namesOfType('codes');

/** Numbers: facts, literals, arithmetic, whole years between dates. */
const numberValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...numberFacts).map(variable) },
  { weight: 2, arbitrary: fc.integer({ min: -2, max: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(variable('params.minEducation'), variable('params.maxAge'), variable('params.nothing')) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('+', '-', '*'), fc.constantFrom(...numberFacts), fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(...numberFacts).map(variable), wildLiteral))
      .map(([operator, fact, other]) => ({ [operator]: [variable(fact), other] })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...numberFacts).map((fact) => ({ '-': [variable(fact)] })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('age_at', 'years_between'), fc.constantFrom(...dateFacts), fc.oneof(isoDate, fc.constant(variable('params.since')), fc.constantFrom(...dateFacts).map(variable), fc.constant('nope')))
      .map(([operator, from, to]) => ({ [operator]: [variable(from), to] })),
  },
);

/** Comparisons of one fact with a literal of its type (mostly), of two facts, of numbers, and three-way ranges. */
const comparison: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom(...comparisonOperators), fc.constantFrom(...factNames), fc.boolean())
      .chain(([operator, fact, factFirst]) => literalFor(fact).map((literal) => ({ [operator]: factFirst ? [variable(fact), literal] : [literal, variable(fact)] }))),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...comparisonOperators), numberValue, numberValue).map(([operator, a, b]) => ({ [operator]: [a, b] })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...comparisonOperators), fc.constantFrom(...factNames), fc.constantFrom(...factNames))
      .map(([operator, a, b]) => ({ [operator]: [variable(a), variable(b)] })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('<', '<='), fc.integer({ min: 0, max: 40 }), numberValue, fc.oneof(fc.integer({ min: 20, max: 70 }), fc.constant(variable('params.maxAge'))))
      .map(([operator, low, value, high]) => ({ [operator]: [low, value, high] })),
  },
);

/** in: a fact in a literal list, a literal in a codes fact, substrings, and the odd mixes. */
const membership: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(fc.constantFrom(...codeFacts, ...numberFacts, 'overseas'), fc.array(wildLiteral, { maxLength: 3 })).chain(([fact, extra]) =>
    fc.subarray([...(model[fact].type === 'code' ? codesOf(fact) : [1, 2, 3, 5, 30]), ...extra]).map((list) => ({ in: [variable(fact), list] })),
  ),
  fc.constantFrom(...codeFacts).map((fact) => ({ in: [variable(fact), variable('params.tiers')] })),
  fc.tuple(fc.constantFrom(...codesFacts), fc.oneof(fc.constantFrom(...sampleCodes.tags, 'c985', 'c211'), wildLiteral, fc.constant(variable('params.tag')))).map(([fact, needle]) => ({ in: [needle, variable(fact)] })),
  fc.tuple(fc.constantFrom(...codeFacts), fc.constantFrom(...codesFacts)).map(([needle, haystack]) => ({ in: [variable(needle), variable(haystack)] })),
  fc.tuple(fc.constantFrom(...codeFacts, ...dateFacts), fc.constantFrom('A', '', 'null', '-0', 'valve', '20')).map(([fact, needle]) => ({ in: [needle, variable(fact)] })),
  fc.tuple(fc.constantFrom(...codeFacts), fc.constantFrom('ABC', '', 'nullable', 'digitalEconomy,pumpsValves')).map(([fact, text]) => ({ in: [variable(fact), text] })),
);

/** Operators `toSql` refuses, so refusals are exercised too. */
const refused = fc.constantFrom(
  { cat: [{ var: 'tier' }, 'x'] },
  { substr: [{ var: 'industry' }, 1] },
  { map: [{ var: 'tags' }, { '==': [{ var: '' }, '海归'] }] },
  { some: [{ var: 'tags' }, { '==': [{ var: '' }, '博士后'] }] },
  { '/': [{ var: 'age' }, 2] },
  { '<': [{ var: 'tier' }, 'C'] },
  { '==': [{ var: 'tags' }, ['海归']] },
);

const missing = fc.subarray(factNames, { minLength: 1, maxLength: 3 }).chain((names) =>
  fc.oneof(fc.constant({ missing: names }), fc.integer({ min: 0, max: 3 }).map((needed) => ({ missing_some: [needed, names] }))),
);

/** Eligibility-like rules over a talent's facts, nested a few levels. */
export const { rule: talentRule } = fc.letrec<{ rule: unknown }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: comparison },
    { weight: 2, arbitrary: membership },
    { weight: 1, arbitrary: fc.constantFrom(...namesOfType('boolean', 'number', 'code', 'codes')).map(variable) },
    { weight: 1, arbitrary: numberValue.map((value) => ({ '!!': [value] })) },
    { weight: 1, arbitrary: missing },
    { weight: 1, arbitrary: refused },
    { weight: 1, arbitrary: fc.constantFrom(true, false, 0, 'x', [], null) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('and', 'or'), fc.array(tie('rule'), { minLength: 1, maxLength: 3 })).map(([operator, items]) => ({ [operator]: items })) },
    { weight: 1, arbitrary: tie('rule').map((inner) => ({ '!': [inner] })) },
    { weight: 1, arbitrary: fc.tuple(tie('rule'), tie('rule'), fc.option(tie('rule'), { nil: undefined })).map(([a, b, c]) => ({ if: c === undefined ? [a, b] : [a, b, c] })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('==', '!='), tie('rule'), fc.boolean()).map(([operator, inner, value]) => ({ [operator]: [inner, value] })) },
  ),
}));
