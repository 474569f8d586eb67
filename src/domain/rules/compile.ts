import { argumentsOf, eagerOperators, isLogic, operatorOf, readVar, scopedOperators, truthy, type Data, type Rule } from './operators';

export type Compiled = (data: Data) => unknown;

/**
 * Turns a rule into a JavaScript function once, so applying it to many subjects does no parsing and no dispatch:
 * the rule becomes the source of one function (as ajv does with schemas), which V8 optimizes like hand-written code.
 * The same results as `evaluate`, NULL and missing data included (property-tested against it and json-logic-js).
 *
 * Nothing of the rule reaches the source as text but JSON literals (`JSON.stringify` of strings, numbers, booleans and
 * null) and the operator templates below; arrays and objects are passed in as constants, and the operators without a
 * template (the list operators, arithmetic, dates…) are called as functions.
 */
export function compile(rule: Rule): Compiled {
  const generator = new Generator();
  const body = generator.expression(rule, 'data').code;
  const temporaries = generator.temporaries ? `let ${Array.from({ length: generator.temporaries }, (_, index) => `t${index}`).join(', ')};` : '';
  const source = `return function compiledRule(data) { ${temporaries} return ${body}; };`;
  return new Function('constants', 'functions', 'truthy', source)(generator.constants, generator.functions, truthy) as Compiled;
}

/** Generated code and whether it always yields a boolean (then JsonLogic truthiness is JavaScript's). */
type Code = { code: string; boolean: boolean };

const comparisons = new Set(['==', '===', '!=', '!==', '>', '>=', '<', '<=']);

class Generator {
  readonly constants: unknown[] = [];
  readonly functions: ((...values: unknown[]) => unknown)[] = [];
  temporaries = 0;

  private temporary() {
    return `t${this.temporaries++}`;
  }

  private constant(value: unknown): Code {
    if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
      // JSON.stringify(NaN) is "null": JSON rules cannot hold NaN or ±Infinity, but a rule built in code can
      const code = typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
      return { code: `(${code})`, boolean: typeof value === 'boolean' };
    }
    if (value === undefined) return { code: '(void 0)', boolean: false };
    this.constants.push(deepFreeze(structuredClone(value)));
    return { code: `constants[${this.constants.length - 1}]`, boolean: false };
  }

  private call(implementation: (...values: unknown[]) => unknown, data: string, parts: Code[]): Code {
    this.functions.push(implementation);
    return { code: `functions[${this.functions.length - 1}](${[data, ...parts.map((part) => part.code)].join(', ')})`, boolean: false };
  }

  private truth(part: Code) {
    return part.boolean ? part.code : `truthy(${part.code})`;
  }

  expression(rule: Rule, data: string): Code {
    if (Array.isArray(rule)) {
      if (rule.every((item) => !containsLogic(item))) return this.constant(rule);
      return { code: `[${rule.map((item) => this.expression(item, data).code).join(', ')}]`, boolean: false };
    }
    if (!isLogic(rule)) return this.constant(rule);
    const operator = operatorOf(rule);
    const values = argumentsOf(rule);
    if (operator === 'var' && values.every((value) => !containsLogic(value))) return this.variable(values[0], values[1], data);
    if (scopedOperators.has(operator)) return this.scoped(operator, values, data);
    const parts = values.map((value) => this.expression(value, data));
    switch (operator) {
      case 'if':
      case '?:': {
        // if a then b elif c then d … else e (no else: null)
        let code = parts.length % 2 === 1 ? parts[parts.length - 1].code : 'null';
        for (let index = parts.length - (parts.length % 2 === 1 ? 3 : 2); index >= 0; index -= 2) code = `(${this.truth(parts[index])} ? ${parts[index + 1].code} : ${code})`;
        return { code, boolean: false };
      }
      case 'and':
      case 'or': {
        if (parts.length === 0) return this.constant(undefined);
        if (parts.every((part) => part.boolean)) return { code: `(${parts.map((part) => part.code).join(operator === 'and' ? ' && ' : ' || ')})`, boolean: true };
        // the first falsy (and) or truthy (or) value, else the last: JsonLogic returns values, not booleans
        let code = parts[parts.length - 1].code;
        for (let index = parts.length - 2; index >= 0; index -= 1) {
          const held = this.temporary();
          const test = parts[index].boolean ? `(${held} = ${parts[index].code})` : `truthy(${held} = ${parts[index].code})`;
          code = operator === 'and' ? `(${test} ? ${code} : ${held})` : `(${test} ? ${held} : ${code})`;
        }
        return { code, boolean: false };
      }
      case '!':
        return { code: `!${this.truth(parts[0] ?? this.constant(undefined))}`, boolean: true };
      case '!!':
        return { code: `(${this.truth(parts[0] ?? this.constant(undefined))})`, boolean: true };
      case 'in': {
        if (parts.length !== 2) break;
        const [needle, haystack] = [this.temporary(), this.temporary()];
        return { code: `((${needle} = ${parts[0].code}), (${haystack} = ${parts[1].code}) && typeof ${haystack}.indexOf === 'function' ? ${haystack}.indexOf(${needle}) !== -1 : false)`, boolean: true };
      }
      default:
        if (comparisons.has(operator) && parts.length === 2) return { code: `(${parts[0].code} ${operator} ${parts[1].code})`, boolean: true };
    }
    const implementation = eagerOperators[operator];
    if (!implementation) throw new Error(`Unrecognized operation ${operator}`);
    return this.call(implementation as (...values: unknown[]) => unknown, data, parts);
  }

  /** `{"var": "a.b"}`: property reads with JsonLogic's fallbacks (a missing key or a null on the way gives the default). */
  private variable(path: unknown, fallback: unknown, data: string): Code {
    if (path === undefined || path === '' || path === null) return { code: data, boolean: false };
    const notFound = this.constant(fallback === undefined ? null : fallback).code;
    const keys = String(path).split('.');
    if (keys.length > 3) {
      this.functions.push(readVar as (...values: unknown[]) => unknown);
      return { code: `functions[${this.functions.length - 1}](${data}, ${JSON.stringify(path)}, ${notFound})`, boolean: false };
    }
    // readVar step by step: a null or undefined on the way, or a missing key, gives the default
    const held = this.temporary();
    const steps = [`(${held} = ${data}) == null ? ${notFound}`];
    keys.forEach((key, index) => {
      if (index > 0) steps.push(`${held} === null ? ${notFound}`);
      steps.push(`(${held} = ${held}[${JSON.stringify(key)}]) === undefined ? ${notFound}`);
    });
    return { code: `(${[...steps, held].join(' : ')})`, boolean: false };
  }

  /** map, filter, reduce, all, none, some: the inner rule reads the items (or `current` and `accumulator`). */
  private scoped(operator: string, values: unknown[], data: string): Code {
    const source = this.expression(values[0], data).code;
    const inner = compile(values[1]);
    const initial = operator === 'reduce' ? (values[2] !== undefined ? this.expression(values[2], data).code : 'null') : undefined;
    const implementation = (items: unknown, start?: unknown): unknown => {
      if (operator === 'reduce') return Array.isArray(items) ? items.reduce((accumulator, current) => inner({ current, accumulator }), start) : start;
      if (!Array.isArray(items)) return operator === 'none' ? true : operator === 'all' || operator === 'some' ? false : [];
      if (operator === 'filter') return items.filter((item) => truthy(inner(item)));
      if (operator === 'map') return items.map(inner);
      if (items.length === 0) return operator === 'none';
      if (operator === 'all') return items.every((item) => truthy(inner(item)));
      if (operator === 'some') return items.some((item) => truthy(inner(item)));
      return !items.some((item) => truthy(inner(item)));
    };
    this.functions.push(implementation as (...values: unknown[]) => unknown);
    const call = `functions[${this.functions.length - 1}](${source}${initial === undefined ? '' : `, ${initial}`})`;
    return { code: call, boolean: operator === 'all' || operator === 'none' || operator === 'some' };
  }
}

const containsLogic = (value: unknown): boolean => (Array.isArray(value) ? value.some(containsLogic) : isLogic(value));

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export type { Data, Rule };
