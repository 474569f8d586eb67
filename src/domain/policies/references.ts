import { factModels, type SubjectKind } from './facts';

/** Operators whose second argument is evaluated against each item of an array, where `var` reads the item, not the facts. */
const scopedOperators = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

/** The `var` paths a rule reads from the subject's data (not those read inside map/filter/… on items). */
export function ruleVariables(rule: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(rule)) {
    for (const item of rule) ruleVariables(item, found);
    return found;
  }
  if (!rule || typeof rule !== 'object') return found;
  const [operator, raw] = Object.entries(rule)[0] ?? [];
  if (!operator) return found;
  const values = Array.isArray(raw) ? raw : [raw];
  if (operator === 'var') {
    const path = values[0];
    if (typeof path === 'string' && path !== '') found.add(path);
    else ruleVariables(path, found);
    return found;
  }
  if (operator === 'missing' || operator === 'missing_some') {
    const keys = operator === 'missing' ? (Array.isArray(values[0]) ? values[0] : values) : values[1];
    if (Array.isArray(keys)) for (const key of keys) if (typeof key === 'string') found.add(key);
    return found;
  }
  values.forEach((value, index) => {
    if (!(scopedOperators.has(operator) && index === 1)) ruleVariables(value, found);
  });
  return found;
}

export type ReferenceProblem = { code: 'rule.unknownFact'; fact: string } | { code: 'rule.unknownParameter'; name: string };

/** Facts the model does not have and parameters the policy does not define: a rule naming them is refused at save time. */
export function unknownReferences(rule: unknown, kind: SubjectKind, parameters: ReadonlySet<string>): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  for (const path of ruleVariables(rule)) {
    if (path.startsWith('params.')) {
      const name = path.slice('params.'.length);
      if (!parameters.has(name)) problems.push({ code: 'rule.unknownParameter', name });
    } else if (!(path in factModels[kind])) {
      problems.push({ code: 'rule.unknownFact', fact: path });
    }
  }
  return problems;
}
