import { argumentsOf, eagerOperators, isLogic, operatorOf, truthy, type Data, type Rule } from './operators';

/** Applies a rule to data with JsonLogic semantics (the reference path; `compile` gives the same results faster). */
export function evaluate(rule: Rule, data: Data): unknown {
  if (Array.isArray(rule)) return rule.map((item) => evaluate(item, data));
  if (!isLogic(rule)) return rule;
  const operator = operatorOf(rule);
  const values = argumentsOf(rule);
  switch (operator) {
    case 'if':
    case '?:': {
      let index = 0;
      for (; index < values.length - 1; index += 2) if (truthy(evaluate(values[index], data))) return evaluate(values[index + 1], data);
      return values.length === index + 1 ? evaluate(values[index], data) : null;
    }
    case 'and': {
      let current: unknown;
      for (const value of values) {
        current = evaluate(value, data);
        if (!truthy(current)) return current;
      }
      return current;
    }
    case 'or': {
      let current: unknown;
      for (const value of values) {
        current = evaluate(value, data);
        if (truthy(current)) return current;
      }
      return current;
    }
    case 'filter':
    case 'map':
    case 'all':
    case 'none':
    case 'some': {
      const items = evaluate(values[0], data);
      const scoped = values[1];
      if (!Array.isArray(items)) return operator === 'none' ? true : operator === 'all' || operator === 'some' ? false : [];
      if (operator === 'filter') return items.filter((item) => truthy(evaluate(scoped, item)));
      if (operator === 'map') return items.map((item) => evaluate(scoped, item));
      if (items.length === 0) return operator === 'none';
      if (operator === 'all') return items.every((item) => truthy(evaluate(scoped, item)));
      if (operator === 'some') return items.some((item) => truthy(evaluate(scoped, item)));
      return !items.some((item) => truthy(evaluate(scoped, item)));
    }
    case 'reduce': {
      const items = evaluate(values[0], data);
      const initial = values[2] !== undefined ? evaluate(values[2], data) : null;
      if (!Array.isArray(items)) return initial;
      return items.reduce((accumulator, current) => evaluate(values[1], { current, accumulator }), initial);
    }
    default: {
      const implementation = eagerOperators[operator];
      if (!implementation) throw new Error(`Unrecognized operation ${operator}`);
      return implementation(data, ...values.map((value) => evaluate(value, data)));
    }
  }
}
