import { argumentsOf, eagerOperators, isLogic, lazyOperators, operatorOf, type Rule } from './operators';

export type RuleProblem = { path: string; message: string };

const arity: Record<string, [number, number]> = {
  var: [0, 2], '==': [2, 2], '===': [2, 2], '!=': [2, 2], '!==': [2, 2], '>': [2, 2], '>=': [2, 2], '<': [2, 3], '<=': [2, 3],
  '!': [1, 1], '!!': [1, 1], '%': [2, 2], '/': [2, 2], '-': [1, 2], in: [2, 2], substr: [2, 3], missing_some: [2, 2],
  map: [2, 2], filter: [2, 2], all: [2, 2], none: [2, 2], some: [2, 2], reduce: [2, 3], age_at: [2, 2], years_between: [2, 2],
};

const known = new Set<string>([...Object.keys(eagerOperators), ...lazyOperators]);

/**
 * Finds what is wrong with a rule before it is saved: unknown operators, wrong numbers of arguments, objects that
 * are neither a value nor an operation. Each problem names the path of the bad node (`and.1.<.0`), so an editor can
 * point at it; a rule that passes never throws when evaluated.
 */
export function validateRule(rule: Rule, path = ''): RuleProblem[] {
  const at = (segment: string | number) => (path ? `${path}.${segment}` : String(segment));
  if (Array.isArray(rule)) return rule.flatMap((item, index) => validateRule(item, at(index)));
  if (rule === null || typeof rule !== 'object') {
    return typeof rule === 'number' && !Number.isFinite(rule) ? [{ path: path || '$', message: 'not a finite number' }] : [];
  }
  if (!isLogic(rule)) return [{ path: path || '$', message: 'an operation is an object with exactly one operator key' }];
  const operator = operatorOf(rule);
  const here = at(operator);
  if (!known.has(operator)) return [{ path: here, message: `unknown operator "${operator}"` }];
  const values = argumentsOf(rule);
  const [minimum, maximum] = arity[operator] ?? [0, Infinity];
  if (values.length < minimum || values.length > maximum) {
    return [{ path: here, message: `"${operator}" takes ${minimum === maximum ? minimum : `${minimum}–${maximum}`} argument(s), got ${values.length}` }];
  }
  return values.flatMap((value, index) => validateRule(value, `${here}.${index}`));
}
