/**
 * The rules engine of policies: JsonLogic rules over a talent's or an enterprise's facts.
 * `evaluate` is the reference interpreter, `compile` the fast path with the same results.
 */
export { evaluate } from './evaluate';
export { compile, type Compiled } from './compile';
export { truthy, wholeYearsBetween, type Rule, type Data } from './operators';
export { validateRule, type RuleProblem } from './validate';
