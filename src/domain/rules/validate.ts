import { argumentsOf, eagerOperators, isLogic, lazyOperators, operatorOf, type Rule } from './operators';

/**
 * What is wrong with a rule, at the node that is wrong: `path` names it (`and.1.<`), `message` says why in English
 * (what the API has always sent), `messageZh` in Chinese for the office's editor. `validateRule` and `toSql` give
 * the same shape.
 */
export type RuleProblem = { path: string; message: string; messageZh: string };

const arity: Record<string, [number, number]> = {
  var: [0, 2], '==': [2, 2], '===': [2, 2], '!=': [2, 2], '!==': [2, 2], '>': [2, 2], '>=': [2, 2], '<': [2, 3], '<=': [2, 3],
  '!': [1, 1], '!!': [1, 1], '%': [2, 2], '/': [2, 2], '-': [1, 2], in: [2, 2], substr: [2, 3], missing_some: [2, 2],
  map: [2, 2], filter: [2, 2], all: [2, 2], none: [2, 2], some: [2, 2], reduce: [2, 3], age_at: [2, 2], years_between: [2, 2],
};

const known = new Set<string>([...Object.keys(eagerOperators), ...lazyOperators]);

const problem = (path: string, message: string, messageZh: string): RuleProblem => ({ path, message, messageZh });

/**
 * Finds what is wrong with a rule before it is saved: unknown operators, wrong numbers of arguments, objects that
 * are neither a value nor an operation. Each problem names the path of the bad node (`and.1.<.0`), so an editor can
 * point at it; a rule that passes never throws when evaluated.
 */
export function validateRule(rule: Rule, path = ''): RuleProblem[] {
  const at = (segment: string | number) => (path ? `${path}.${segment}` : String(segment));
  if (Array.isArray(rule)) return rule.flatMap((item, index) => validateRule(item, at(index)));
  if (rule === null || typeof rule !== 'object') {
    return typeof rule === 'number' && !Number.isFinite(rule) ? [problem(path || '$', 'not a finite number', '不是有限的数字')] : [];
  }
  if (!isLogic(rule)) return [problem(path || '$', 'an operation is an object with exactly one operator key', '运算须是只有一个运算符键的对象')];
  const operator = operatorOf(rule);
  const here = at(operator);
  if (!known.has(operator)) return [problem(here, `unknown operator "${operator}"`, `未知的运算符"${operator}"`)];
  const values = argumentsOf(rule);
  const [minimum, maximum] = arity[operator] ?? [0, Infinity];
  if (values.length < minimum || values.length > maximum) {
    const range = minimum === maximum ? String(minimum) : `${minimum}–${maximum}`;
    return [problem(here, `"${operator}" takes ${range} argument(s), got ${values.length}`, `"${operator}"需要 ${range} 个参数，实际为 ${values.length} 个`)];
  }
  return values.flatMap((value, index) => validateRule(value, `${here}.${index}`));
}
