import { argumentsOf, eagerOperators, isLogic, operatorOf, readVar, truthy, type Data, type Rule } from './operators';

export type Compiled = (data: Data) => unknown;

/**
 * Turns a rule into a JavaScript function once, so applying it to many subjects does no parsing:
 * the same results as `evaluate`, NULL and missing data included (property-tested against it).
 */
export function compile(rule: Rule): Compiled {
  if (Array.isArray(rule)) {
    const items = rule.map(compile);
    return (data) => items.map((item) => item(data));
  }
  if (!isLogic(rule)) return () => rule;
  const operator = operatorOf(rule);
  const values = argumentsOf(rule);
  if (operator === 'var' && values.every((value) => !isLogic(value) && !Array.isArray(value))) {
    const [path, fallback] = values;
    const notFound = fallback === undefined ? null : fallback;
    if (path === undefined || path === '' || path === null) return (data) => data;
    const keys = String(path).split('.');
    if (keys.length === 1) {
      const [key] = keys;
      return (data) => {
        if (data === null || data === undefined) return notFound;
        const value = (data as Record<string, unknown>)[key];
        return value === undefined ? notFound : value;
      };
    }
    if (keys.length === 2) {
      // `params.<name>`: the common dotted path, read without a loop
      const [outerKey, innerKey] = keys;
      return (data) => {
        if (data === null || data === undefined) return notFound;
        const outer = (data as Record<string, unknown>)[outerKey];
        if (outer === null || outer === undefined) return notFound;
        const value = (outer as Record<string, unknown>)[innerKey];
        return value === undefined ? notFound : value;
      };
    }
    return (data) => readVar(data, path, notFound);
  }
  const parts = values.map(compile);
  switch (operator) {
    case 'if':
    case '?:':
      return (data) => {
        let index = 0;
        for (; index < parts.length - 1; index += 2) if (truthy(parts[index](data))) return parts[index + 1](data);
        return parts.length === index + 1 ? parts[index](data) : null;
      };
    case 'and':
      return (data) => {
        let current: unknown;
        for (const part of parts) {
          current = part(data);
          if (!truthy(current)) return current;
        }
        return current;
      };
    case 'or':
      return (data) => {
        let current: unknown;
        for (const part of parts) {
          current = part(data);
          if (truthy(current)) return current;
        }
        return current;
      };
    case 'filter':
    case 'map':
    case 'all':
    case 'none':
    case 'some': {
      const [source, scoped] = [parts[0], compile(values[1])];
      return (data) => {
        const items = source(data);
        if (!Array.isArray(items)) return operator === 'none' ? true : operator === 'all' || operator === 'some' ? false : [];
        if (operator === 'filter') return items.filter((item) => truthy(scoped(item)));
        if (operator === 'map') return items.map(scoped);
        if (items.length === 0) return operator === 'none';
        if (operator === 'all') return items.every((item) => truthy(scoped(item)));
        if (operator === 'some') return items.some((item) => truthy(scoped(item)));
        return !items.some((item) => truthy(scoped(item)));
      };
    }
    case 'reduce': {
      const [source, step] = [parts[0], compile(values[1])];
      const initial = values[2] !== undefined ? parts[2] : () => null;
      return (data) => {
        const start = initial(data);
        const items = source(data);
        if (!Array.isArray(items)) return start;
        return items.reduce((accumulator, current) => step({ current, accumulator }), start);
      };
    }
    default: {
      const implementation = eagerOperators[operator];
      if (!implementation) throw new Error(`Unrecognized operation ${operator}`);
      if (parts.length === 1) {
        const [only] = parts;
        return (data) => implementation(data, only(data));
      }
      if (parts.length === 2) {
        const [first, second] = parts;
        return (data) => implementation(data, first(data), second(data));
      }
      return (data) => implementation(data, ...parts.map((part) => part(data)));
    }
  }
}
