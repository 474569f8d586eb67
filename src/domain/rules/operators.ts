/**
 * JsonLogic (jsonlogic.com) semantics, operator by operator, shared by `evaluate` and `compile` so the two paths
 * cannot drift. Values are loosely typed on purpose: JsonLogic follows JavaScript's coercions.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JsonLogic's operators take any JSON value and coerce like JavaScript */

export type Rule = unknown;
export type Data = unknown;

/** JsonLogic truthiness: an empty array is false, everything else as in JavaScript. */
export const truthy = (value: unknown): boolean => (Array.isArray(value) && value.length === 0 ? false : Boolean(value));

/** `{"var": "a.b"}` — a dotted path into the data; "" or null is the data itself. */
export function readVar(data: Data, path: unknown, fallback: unknown = null): unknown {
  if (path === undefined || path === '' || path === null) return data;
  let current: any = data;
  for (const key of String(path).split('.')) {
    if (current === null || current === undefined) return fallback;
    current = current[key];
    if (current === undefined) return fallback;
  }
  return current;
}

export function missingKeys(data: Data, keys: readonly unknown[]): unknown[] {
  const list = Array.isArray(keys[0]) ? (keys[0] as unknown[]) : keys;
  return list.filter((key) => {
    const value = readVar(data, key);
    return value === null || value === '';
  });
}

export function missingSome(data: Data, needed: unknown, keys: unknown): unknown[] {
  const list = Array.isArray(keys) ? keys : [];
  const missing = missingKeys(data, [list]);
  return list.length - missing.length >= Number(needed) ? [] : missing;
}

/** Operators whose arguments are evaluated first (everything but if/and/or and the array operators). */
export const eagerOperators: Record<string, (data: Data, ...values: any[]) => unknown> = {
  var: (data, path, fallback) => readVar(data, path, fallback === undefined ? null : fallback),
  missing: (data, ...keys) => missingKeys(data, keys),
  missing_some: (data, needed, keys) => missingSome(data, needed, keys),
  '==': (_, a, b) => a == b,
  '===': (_, a, b) => a === b,
  '!=': (_, a, b) => a != b,
  '!==': (_, a, b) => a !== b,
  '>': (_, a, b) => a > b,
  '>=': (_, a, b) => a >= b,
  '<': (_, a, b, c) => (c === undefined ? a < b : a < b && b < c),
  '<=': (_, a, b, c) => (c === undefined ? a <= b : a <= b && b <= c),
  '!!': (_, a) => truthy(a),
  '!': (_, a) => !truthy(a),
  '%': (_, a, b) => a % b,
  in: (_, a, b) => (b && typeof b.indexOf === 'function' ? b.indexOf(a) !== -1 : false),
  cat: (_, ...values) => values.join(''),
  substr: (_, source, start, length) => {
    if (length < 0) {
      const rest = String(source).substr(start);
      return rest.substr(0, rest.length + length);
    }
    return String(source).substr(start, length);
  },
  '+': (_, ...values) => values.reduce((sum: number, value) => parseFloat(sum as any) + parseFloat(value), 0),
  '*': (_, ...values) => values.reduce((product, value) => parseFloat(product) * parseFloat(value)),
  '-': (_, a, b) => (b === undefined ? -a : a - b),
  '/': (_, a, b) => a / b,
  min: (_, ...values) => Math.min(...values),
  max: (_, ...values) => Math.max(...values),
  merge: (_, ...values) => values.reduce((merged: unknown[], value) => merged.concat(value), []),
  // domain operators over ISO dates ('YYYY-MM-DD'); null when a date is missing or invalid
  age_at: (_, birthDate, onDate) => wholeYearsBetween(birthDate, onDate),
  years_between: (_, from, to) => wholeYearsBetween(from, to),
};

/** Operators that control evaluation of their own arguments. */
export const lazyOperators = ['if', '?:', 'and', 'or', 'map', 'filter', 'reduce', 'all', 'none', 'some'] as const;

/** Whole years from one ISO date to another (an age on a date, years in the zone); null when either is not a date. */
export function wholeYearsBetween(from: unknown, to: unknown): number | null {
  const start = dateNumber(from);
  const end = dateNumber(to);
  if (start < 0 || end < 0) return null;
  // YYYYMMDD as one number: the years apart, less one when the month and day of `to` come before those of `from`
  const years = Math.floor(end / 10000) - Math.floor(start / 10000);
  return end % 10000 < start % 10000 ? years - 1 : years;
}

/**
 * `YYYY-MM-DD` (exactly /^\d{4}-\d{2}-\d{2}$/, no range check: `toSql` does the same arithmetic on the same digits) as
 * the number YYYYMMDD, or -1 for anything else. Read character by character, without allocating: it runs once per
 * subject per date in a scan.
 */
function dateNumber(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  let number = 0;
  for (let index = 0; index < 10; index += 1) {
    if (index === 4 || index === 7) continue;
    const digit = value.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

export const isLogic = (rule: unknown): rule is Record<string, unknown> =>
  typeof rule === 'object' && rule !== null && !Array.isArray(rule) && Object.keys(rule).length === 1;

export const operatorOf = (rule: Record<string, unknown>) => Object.keys(rule)[0];
export const argumentsOf = (rule: Record<string, unknown>): unknown[] => {
  const values = rule[operatorOf(rule)];
  return Array.isArray(values) ? values : [values];
};

/** Operators whose second argument reads the items of a list, not the subject. */
export const scopedOperators = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

/**
 * A node that reads no fact — literals, parameters (`params.<name>`) and operations over them — so `toSql` and
 * `explain` can compute it once in JavaScript.
 */
export function isConstant(rule: Rule): boolean {
  if (Array.isArray(rule)) return rule.every(isConstant);
  if (!isLogic(rule)) return true;
  const operator = operatorOf(rule);
  const values = argumentsOf(rule);
  if (operator === 'var') return typeof values[0] === 'string' && values[0].startsWith('params.') && values.every(isConstant);
  if (scopedOperators.has(operator) || operator === 'missing' || operator === 'missing_some') return false;
  return values.every(isConstant);
}
