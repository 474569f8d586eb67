/**
 * The rules engine of policies: JsonLogic rules over a talent's or an enterprise's facts.
 * `evaluate` is the reference interpreter, `compile` the fast path with the same results, `toSql` the same condition
 * as SQL for scanning a registry, `explain` the reasons in words for one subject.
 */
export { evaluate } from './evaluate';
export { compile, type Compiled } from './compile';
export { toSql, sqlArrayLiteral, type SqlCondition, type ToSqlOptions } from './to-sql';
export { explain, type ExplainNode, type ExplainOptions, type ExplainStatus, type Explanation, type Locale, type Text } from './explain';
export { isConstant, truthy, wholeYearsBetween, type Rule, type Data } from './operators';
export { ruleLimits, validateRule, type RuleProblem } from './validate';
