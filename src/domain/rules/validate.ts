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

/** The deepest a rule may nest (objects and arrays, each a level) and the most values it may hold. */
export const ruleLimits = { depth: 32, nodes: 2000 } as const;

/**
 * The size check, without recursion: a rule nested 10,000 deep must be refused, not overflow the stack of the
 * recursive checks that follow. Names the first node beyond a limit.
 */
function sizeProblem(rule: unknown): RuleProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: rule, path: '', depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    nodes += 1;
    if (nodes > ruleLimits.nodes) {
      return problem(path || '$', `the rule holds more than ${ruleLimits.nodes} values`, `规则包含的值超过 ${ruleLimits.nodes} 个`);
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= ruleLimits.depth) return problem(path || '$', `the rule nests deeper than ${ruleLimits.depth} levels`, `规则嵌套超过 ${ruleLimits.depth} 层`);
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
    for (const [key, child] of entries) stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
  }
  return null;
}

/**
 * Finds what is wrong with a rule before it is saved: too deep or too large (checked first, without recursion), unknown
 * operators, wrong numbers of arguments, objects that are neither a value nor an operation. Each problem names the path of the bad node (`and.1.<.0`), so an editor can
 * point at it; a rule that passes never throws when evaluated.
 */
export function validateRule(rule: Rule): RuleProblem[] {
  const tooLarge = sizeProblem(rule);
  return tooLarge ? [tooLarge] : validateNode(rule, '');
}

function validateNode(rule: Rule, path: string): RuleProblem[] {
  const at = (segment: string | number) => (path ? `${path}.${segment}` : String(segment));
  if (Array.isArray(rule)) return rule.flatMap((item, index) => validateNode(item, at(index)));
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
  return values.flatMap((value, index) => validateNode(value, `${here}.${index}`));
}
