/**
 * Rules as SQL: a rule over a subject's facts becomes a parameterized boolean condition that is TRUE exactly for the
 * rows where `truthy(evaluate(rule, facts + params))` is true — JavaScript's coercions and NULL included — so a policy
 * can scan a whole registry in one query. Where a faithful translation is impossible the rule is refused, node by
 * node, never approximated: a scan that differs from a single calculation would be a wrong answer to a talent.
 *
 * How it stays faithful:
 * - every sub-expression has a static kind (number, string, boolean, list) from the fact model or the literal, and
 *   knows what its SQL NULL stands for: JavaScript `null` (an unknown fact), `NaN` (arithmetic over null) or nothing;
 * - literals and parameters are folded in JavaScript (`evaluate`), so what happens to a constant is computed by the
 *   engine itself; the outcome for a NULL fact against a constant is computed the same way (`null < 30` is true);
 * - every condition is two-valued SQL (never NULL), so NOT and CASE keep JavaScript's meaning.
 *
 * The fact model is a contract: number/ordinal columns hold numbers, code/date columns text (dates as `YYYY-MM-DD`),
 * codes columns text arrays without NULL elements, and every fact is present (NULL when unknown).
 */
import type { FactModel, FactType } from '../policies/facts';
import { evaluate } from './evaluate';
import { argumentsOf, eagerOperators, isConstant, operatorOf, readVar, truthy, type Rule } from './operators';
import { validateRule, type RuleProblem } from './validate';

export type ToSqlOptions = {
  model: FactModel;
  /** The SQL expression of a fact's value, e.g. `f."yearsInZone"`; it is trusted SQL, never user input. */
  column: (fact: string) => string;
  /** Parameter values, read as `{"var": "params.<name>"}` and sent as bound values. */
  params?: Record<string, unknown>;
  /** Placeholders the surrounding query already uses: the first value is `$<offset + 1>`. */
  offset?: number;
};

export type SqlCondition = { ok: true; sql: string; values: unknown[] } | { ok: false; problems: RuleProblem[] };

type Kind = 'number' | 'string' | 'boolean' | 'list';
type Constant = { constant: true; value: unknown };
type Expression = {
  constant: false;
  kind: Kind;
  sql: string;
  /** What SQL NULL stands for in this expression: JavaScript null, NaN, or it is never NULL. */
  nulls: 'null' | 'nan' | 'never';
  /** Strings that may be ordered: dates (ISO text orders as dates); codes have no order. */
  ordered?: boolean;
  /** The fact's label, for messages. */
  label?: { 'zh-CN': string; 'en-US': string };
};
type Value = Constant | Expression;

class Refusal {
  constructor(readonly problem: RuleProblem) {}
}

const refuse = (path: string, message: string, messageZh: string): never => {
  throw new Refusal({ path: path || '$', message, messageZh });
};

const kindNames: Record<Kind, [string, string]> = { number: ['a number', '数字'], string: ['text', '文本'], boolean: ['a yes/no value', '是否值'], list: ['a list', '列表'] };
const kindsOfFacts: Record<FactType, Kind> = { number: 'number', ordinal: 'number', code: 'string', date: 'string', codes: 'list', boolean: 'boolean' };
const isoDatePattern = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

/** A PostgreSQL array literal (`{"a","b"}`), so a list is one bound text value whatever the driver does with arrays. */
export function sqlArrayLiteral(items: readonly (string | number)[]): string {
  const element = (item: string | number) => (typeof item === 'number' ? String(item) : `"${item.replace(/[\\"]/g, '\\$&')}"`);
  return `{${items.map(element).join(',')}}`;
}

const bool = (value: unknown) => (truthy(value) ? 'TRUE' : 'FALSE');
const jsCompare = (operator: string, a: unknown, b: unknown) => Boolean(eagerOperators[operator](null, a, b));
/** JavaScript's ToPrimitive for the constants a rule can hold: lists compare by their string form. */
const primitiveOf = (value: unknown, path: string) => {
  if (Array.isArray(value)) return String(value);
  if (typeof value === 'object' && value !== null) return refuse(path, 'an object value has no SQL translation', '对象值无法转换为 SQL');
  return value;
};

/**
 * Translates a rule into a SQL condition (see the module comment), or lists the nodes it refuses: each problem names
 * the node's path as `validateRule` does (`and.1.<`) and says why in English and Chinese.
 */
export function toSql(rule: Rule, options: ToSqlOptions): SqlCondition {
  const invalid = validateRule(rule);
  if (invalid.length) return { ok: false, problems: invalid };
  const translator = new Translator(options);
  const sql = translator.condition(rule, '');
  if (translator.problems.length) return { ok: false, problems: translator.problems };
  return { ok: true, ...numbered(sql, translator.values, options.offset ?? 0) };
}

/** Markers of bound values while translating: a value bound for a branch that was then folded away is not sent. */
const marker = (index: number) => `\u0001${index}\u0002`;
// eslint-disable-next-line no-control-regex -- the markers are control characters so no SQL text or column can contain them
const markers = /\u0001(\d+)\u0002/g;

/** Numbers the values the SQL uses, in order of appearance, as `$n` (the same value keeps its number). */
function numbered(text: string, bound: unknown[], offset: number) {
  const values: unknown[] = [];
  const numbers = new Map<number, number>();
  const sql = text.replace(markers, (_, index: string) => {
    let number = numbers.get(Number(index));
    if (number === undefined) {
      values.push(bound[Number(index)]);
      number = offset + values.length;
      numbers.set(Number(index), number);
    }
    return `$${number}`;
  });
  return { sql, values };
}

class Translator {
  readonly values: unknown[] = [];
  readonly problems: RuleProblem[] = [];
  private readonly data: { params: Record<string, unknown> };

  constructor(private readonly options: ToSqlOptions) {
    this.data = { params: options.params ?? {} };
  }

  // ——— bound values ———

  private bind(value: unknown, type: string) {
    this.values.push(value);
    return `${marker(this.values.length - 1)}::${type}`;
  }

  /** A number as float8, as JavaScript computes (NaN is SQL NULL here: PostgreSQL's own NaN equals itself). */
  private number(value: number, path: string) {
    if (Number.isNaN(value)) return 'NULL::float8';
    if (!Number.isFinite(value)) refuse(path, 'an infinite number has no faithful SQL translation', '无穷大的数字无法如实转换为 SQL');
    return this.bind(value, 'float8');
  }

  private text(value: string, path: string) {
    if (value.includes('\u0000')) refuse(path, 'text with a NUL character cannot be sent to PostgreSQL', '含 NUL 字符的文本无法传给 PostgreSQL');
    return this.bind(value, 'text');
  }

  private list(items: readonly (string | number)[], type: 'text' | 'float8', path: string) {
    if (items.some((item) => typeof item === 'string' && item.includes('\u0000'))) {
      refuse(path, 'text with a NUL character cannot be sent to PostgreSQL', '含 NUL 字符的文本无法传给 PostgreSQL');
    }
    return this.bind(sqlArrayLiteral(items), `${type}[]`);
  }

  private constant(rule: Rule) {
    return evaluate(rule, this.data);
  }

  // ——— conditions: SQL that is TRUE exactly when the node's value is truthy, never NULL ———

  condition(rule: Rule, path: string): string {
    try {
      return this.conditionOf(rule, path);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.problems.push(error.problem);
      return 'FALSE';
    }
  }

  private conditionOf(rule: Rule, path: string): string {
    if (isConstant(rule)) return bool(this.constant(rule));
    // a list literal is truthy when it has items, whatever they are
    if (Array.isArray(rule)) return 'TRUE';
    const operator = operatorOf(rule as Record<string, unknown>);
    const values = argumentsOf(rule as Record<string, unknown>);
    const here = path ? `${path}.${operator}` : operator;
    const child = (index: number) => this.condition(values[index], `${here}.${index}`);
    switch (operator) {
      case 'and':
      case 'or':
        return values.length ? `(${values.map((_, index) => child(index)).join(operator === 'and' ? ' AND ' : ' OR ')})` : 'FALSE';
      case '!':
        return `(NOT ${child(0)})`;
      case '!!':
        return child(0);
      case 'if':
      case '?:':
        return this.choice(values, here, (index) => child(index), () => 'FALSE');
      case 'missing':
      case 'missing_some':
        return this.missing(operator, values, here);
      default:
        return this.truthiness(this.value(rule, path));
    }
  }

  /** `if`: CASE over the conditions; the branches are given by `branch` (conditions or boolean values). */
  private choice(values: unknown[], here: string, branch: (index: number) => string, otherwise: () => string) {
    const whens: string[] = [];
    let index = 0;
    for (; index < values.length - 1; index += 2) whens.push(`WHEN ${this.condition(values[index], `${here}.${index}`)} THEN ${branch(index + 1)}`);
    const last = values.length === index + 1 ? branch(index) : otherwise();
    return whens.length ? `(CASE ${whens.join(' ')} ELSE ${last} END)` : last;
  }

  private truthiness(value: Value): string {
    if (value.constant) return bool(value.value);
    switch (value.kind) {
      case 'boolean':
        return value.nulls === 'never' ? value.sql : `coalesce(${value.sql}, FALSE)`;
      case 'number':
        return `coalesce(${value.sql} <> 0, FALSE)`;
      case 'string':
        return `coalesce(${value.sql} <> '', FALSE)`;
      case 'list':
        return `coalesce(cardinality(${value.sql}) > 0, FALSE)`;
    }
  }

  /** `missing` is truthy when a named fact is null or ''; `missing_some` when fewer than needed are present. */
  private missing(operator: string, values: unknown[], here: string) {
    const keys = values.map((value, index) => (isConstant(value) ? this.constant(value) : refuse(`${here}.${index}`, 'missing needs fact names', 'missing 需要事实名')));
    if (operator === 'missing') {
      const list = Array.isArray(keys[0]) ? (keys[0] as unknown[]) : keys;
      const conditions = list.map((key) => this.isMissing(key, here));
      return conditions.length ? `(${conditions.join(' OR ')})` : 'FALSE';
    }
    const list = Array.isArray(keys[1]) ? (keys[1] as unknown[]) : [];
    const conditions = list.map((key) => this.isMissing(key, here));
    if (!conditions.length) return 'FALSE';
    const count = (when: string) => conditions.map((condition) => `(CASE WHEN ${condition} THEN ${when} END)`).join(' + ');
    const present = `(${count('0 ELSE 1')})`;
    const threshold = Number(keys[0]);
    const enough = Number.isNaN(threshold) ? 'FALSE' : `${present} >= ${this.number(threshold, here)}`;
    return `(NOT (${enough}) AND (${count('1 ELSE 0')}) > 0)`;
  }

  private isMissing(key: unknown, here: string) {
    if (typeof key === 'string' && key.startsWith('params.')) {
      const value = readVar(this.data, key);
      return bool(value === null || value === '');
    }
    const fact = this.fact(key, here);
    return fact.kind === 'string' ? `(${fact.sql} IS NULL OR ${fact.sql} = '')` : `(${fact.sql} IS NULL)`;
  }

  // ——— values: typed SQL expressions ———

  private value(rule: Rule, path: string): Value {
    if (isConstant(rule)) return { constant: true, value: this.constant(rule) };
    if (Array.isArray(rule)) return refuse(path, 'a list that reads facts has no SQL translation', '读取事实的列表无法转换为 SQL');
    const operator = operatorOf(rule as Record<string, unknown>);
    const values = argumentsOf(rule as Record<string, unknown>);
    const here = path ? `${path}.${operator}` : operator;
    const operand = (index: number) => this.value(values[index], `${here}.${index}`);
    const yes = (sql: string): Expression => ({ constant: false, kind: 'boolean', sql, nulls: 'never' });
    switch (operator) {
      case 'var':
        return this.variable(values, here);
      case '==':
      case '===':
      case '!=':
      case '!==':
      case '>':
      case '>=':
        return yes(this.compare(operator, operand(0), operand(1), here));
      case '<':
      case '<=':
        if (values.length === 3) {
          const [a, b, c] = [operand(0), operand(1), operand(2)];
          return yes(`(${this.compare(operator, a, b, here)} AND ${this.compare(operator, b, c, here)})`);
        }
        return yes(this.compare(operator, operand(0), operand(1), here));
      case 'in':
        return yes(this.inside(operand(0), operand(1), here));
      case '!':
      case '!!':
        return yes(this.condition(rule, path));
      case 'and':
      case 'or':
        return yes(`(${values.map((_, index) => this.booleanBranch(values[index], `${here}.${index}`)).join(operator === 'and' ? ' AND ' : ' OR ')})`);
      case 'if':
      case '?:':
        return yes(this.choice(values, here, (index) => this.booleanBranch(values[index], `${here}.${index}`), () => this.notBoolean(here)));
      case '+':
      case '*':
        return operator === '*' && values.length === 1 ? operand(0) : this.sumOrProduct(operator, values.map((_, index) => operand(index)), here);
      case '-':
        return this.minus(values.map((_, index) => operand(index)), here);
      case 'age_at':
      case 'years_between':
        return this.wholeYears(operand(0), operand(1));
      default:
        return refuse(here, `"${operator}" has no SQL translation`, `"${operator}"无法转换为 SQL`);
    }
  }

  /** and/or/if used as a value (inside a comparison): JavaScript returns the operands, so they must be booleans. */
  private booleanBranch(rule: Rule, path: string) {
    const value = this.value(rule, path);
    if (value.constant && typeof value.value === 'boolean') return bool(value.value);
    if (!value.constant && value.kind === 'boolean' && value.nulls === 'never') return value.sql;
    return this.notBoolean(path);
  }

  private notBoolean(path: string): never {
    return refuse(path, 'inside a comparison, and/or/if need true or false on every branch', '在比较中，and/or/if 的每个分支都须为真或假');
  }

  private variable(values: unknown[], here: string): Expression {
    if (values.length > 1 && values[1] !== null) {
      refuse(here, 'a fact is always present (null when unknown): a default would never apply', '事实总是存在（未知时为空），默认值不会生效');
    }
    return this.fact(values[0], here);
  }

  private fact(name: unknown, here: string): Expression {
    const fact = typeof name === 'string' && Object.hasOwn(this.options.model, name) ? this.options.model[name] : undefined;
    if (!fact) return refuse(here, `unknown fact "${String(name)}"`, `未知的事实"${String(name)}"`);
    const sql = `(${this.options.column(name as string)})`;
    return { constant: false, kind: kindsOfFacts[fact.type], sql, nulls: 'null', ordered: fact.type === 'date', label: fact.label };
  }

  // ——— comparisons ———

  private compare(operator: string, a: Value, b: Value, here: string): string {
    if (operator === '!=' || operator === '!==') return `(NOT ${this.compare(operator === '!=' ? '==' : '===', a, b, here)})`;
    if (a.constant && b.constant) return bool(jsCompare(operator, a.value, b.value));
    if (b.constant) return this.againstConstant(operator, a as Expression, b.value, true, here);
    if (a.constant) return this.againstConstant(operator, b, a.value, false, here);
    return this.betweenExpressions(operator, a, b, here);
  }

  /** An expression against a constant: JavaScript decides the NULL case, SQL the rest by kind. */
  private againstConstant(operator: string, expression: Expression, constant: unknown, expressionLeft: boolean, here: string) {
    const outcome = (value: unknown) => (expressionLeft ? jsCompare(operator, value, constant) : jsCompare(operator, constant, value));
    if (expression.kind === 'boolean') return this.finite(expression, outcome);
    const sqlOperator = operator === '==' || operator === '===' ? '=' : operator;
    const side = (constantSql: string) => (expressionLeft ? `${expression.sql} ${sqlOperator} ${constantSql}` : `${constantSql} ${sqlOperator} ${expression.sql}`);
    let present: string;
    if (expression.kind === 'number') present = this.numberAgainst(operator, constant, side, here);
    else if (expression.kind === 'string') present = this.stringAgainst(operator, expression, constant, side, here);
    // a list is never the same object as a constant, and equals null only when it is null
    else if (operator === '===' || (operator === '==' && (constant === null || constant === undefined))) present = 'FALSE';
    else present = refuse(here, 'a list compares by identity in JavaScript: use "in"', '列表在 JavaScript 中按引用比较：请用 "in"');
    return this.withNulls(expression, present, outcome);
  }

  /**
   * Combines the outcome for non-NULL values with JavaScript's outcome for the value NULL stands for. `present` is
   * either a constant or NULL exactly when the expression is (it compares the expression with bound non-NULL values),
   * so coalesce reads the expression once.
   */
  private withNulls(expression: Expression, present: string, outcome: (value: unknown) => boolean) {
    if (expression.nulls === 'never') return `(${present})`;
    const whenNull = outcome(expression.nulls === 'null' ? null : NaN);
    if (present === 'TRUE' || present === 'FALSE') return present === bool(whenNull) ? present : `(${expression.sql} IS ${whenNull ? '' : 'NOT '}NULL)`;
    return `coalesce(${present}, ${bool(whenNull)})`;
  }

  /** A boolean expression has three values at most: JavaScript computes each outcome. */
  private finite(expression: Expression, outcome: (value: unknown) => boolean) {
    const [yes, no] = [bool(outcome(true)), bool(outcome(false))];
    const whenNull = expression.nulls === 'never' ? '' : `WHEN ${expression.sql} IS NULL THEN ${bool(outcome(null))} `;
    if (!whenNull && yes === no) return yes;
    return `(CASE ${whenNull}WHEN ${expression.sql} THEN ${yes} ELSE ${no} END)`;
  }

  private numberAgainst(operator: string, constant: unknown, side: (sql: string) => string, here: string) {
    if (operator === '===') return typeof constant === 'number' && !Number.isNaN(constant) ? side(this.number(constant, here)) : 'FALSE';
    if (operator === '==' && (constant === null || constant === undefined)) return 'FALSE';
    // == and ordering convert the other side to a number (a list by its string form)
    const converted = Number(primitiveOf(constant, here));
    if (Number.isNaN(converted)) return 'FALSE';
    return side(Number.isFinite(converted) ? this.number(converted, here) : `'${converted}'::float8`);
  }

  private stringAgainst(operator: string, expression: Expression, constant: unknown, side: (sql: string) => string, here: string) {
    if (operator === '===') return typeof constant === 'string' ? side(this.text(constant, here)) : 'FALSE';
    const primitive = primitiveOf(constant, here);
    if (operator === '==') {
      if (primitive === null || primitive === undefined) return 'FALSE';
      if (typeof primitive === 'string') return side(this.text(primitive, here));
      return refuse(here, `comparing text with ${typeof primitive === 'number' ? 'a number' : 'a yes/no value'} converts the text to a number in JavaScript, which SQL cannot follow`, '文本与数字或是否值比较时，JavaScript 会把文本转成数字，SQL 无法如实转换');
    }
    if (!expression.ordered) {
      const [en, zh] = [expression.label?.['en-US'] ?? 'the code', expression.label?.['zh-CN'] ?? '代码'];
      return refuse(here, `codes have no order: compare "${en}" with == or in`, `代码没有大小顺序：请用 == 或 in 比较"${zh}"`);
    }
    // an ISO date against a non-text value compares NaN in JavaScript: false
    if (typeof primitive !== 'string') return 'FALSE';
    if (/[\uD800-\uFFFF]/.test(primitive)) refuse(here, 'text beyond U+D7FF orders differently in JavaScript and SQL', '超出 U+D7FF 的字符在 JavaScript 与 SQL 中排序不同');
    return side(`${this.text(primitive, here)} COLLATE "C"`);
  }

  private betweenExpressions(operator: string, a: Expression, b: Expression, here: string) {
    if (a.kind === 'list' || b.kind === 'list') return refuse(here, 'a list compares by identity in JavaScript: use "in"', '列表在 JavaScript 中按引用比较：请用 "in"');
    const bothNull = a.nulls === 'null' && b.nulls === 'null' ? `(${a.sql} IS NULL AND ${b.sql} IS NULL)` : 'FALSE';
    const numeric = (value: Expression) => value.kind === 'number' || value.kind === 'boolean';
    const sameKind = a.kind === b.kind || (numeric(a) && numeric(b) && operator !== '===');
    if (operator === '===' && a.kind !== b.kind) return bothNull;
    if (!sameKind) return this.incompatible(a, b, here);
    if (operator === '==' || operator === '===') {
      const [left, right] = a.kind === 'string' ? [a.sql, b.sql] : [this.asNumber(a, false), this.asNumber(b, false)];
      return `(${bothNull} OR coalesce(${left} = ${right}, FALSE))`;
    }
    if (numeric(a)) return `coalesce(${this.asNumber(a, true)} ${operator} ${this.asNumber(b, true)}, FALSE)`;
    if (!a.ordered || !b.ordered) return refuse(here, 'codes have no order: compare them with == or in', '代码没有大小顺序：请用 == 或 in 比较');
    // two ISO dates compare as text; a null date against a date is 0 against NaN (false), two nulls are 0 against 0
    return `(CASE WHEN ${a.sql} IS NULL AND ${b.sql} IS NULL THEN ${bool(jsCompare(operator, null, null))} ELSE coalesce(${a.sql} ${operator} ${b.sql} COLLATE "C", FALSE) END)`;
  }

  private incompatible(a: Expression, b: Expression, here: string): never {
    const [enA, zhA] = kindNames[a.kind];
    const [enB, zhB] = kindNames[b.kind];
    return refuse(here, `cannot compare ${enA} with ${enB}: JavaScript converts them in ways SQL cannot follow`, `无法比较${zhA}与${zhB}：JavaScript 的类型转换无法在 SQL 中如实重现`);
  }

  /** A number or boolean as JavaScript's ToNumber sees it; for ordering, null is 0 (for ==, null equals only null). */
  private asNumber(value: Expression, nullIsZero: boolean) {
    const sql = value.kind === 'boolean' ? `(${value.sql})::int` : value.sql;
    return nullIsZero && value.nulls === 'null' ? `coalesce(${sql}, 0)` : sql;
  }

  // ——— in ———

  private inside(needle: Value, haystack: Value, here: string): string {
    if (needle.constant && haystack.constant) return bool(eagerOperators.in(null, needle.value, haystack.value));
    if (haystack.constant) return this.inConstant(needle as Expression, haystack.value, here);
    const list = haystack as Expression;
    if (list.kind === 'list') {
      if (needle.constant) return typeof needle.value === 'string' ? `coalesce(${this.text(needle.value, here)} = ANY(${list.sql}), FALSE)` : 'FALSE';
      // codes lists hold text only: a number or a yes/no value is never found, a null needle neither
      return needle.kind === 'string' ? `coalesce(${needle.sql} = ANY(${list.sql}), FALSE)` : 'FALSE';
    }
    if (list.kind === 'string') {
      // text.indexOf(needle): the needle as text ('null' for null); an empty text is falsy, so nothing is in it
      const searched = needle.constant ? this.text(String(needle.value), here) : needle.kind === 'string' ? `coalesce(${needle.sql}, 'null')` : null;
      if (!searched) return refuse(here, 'searching a number or list in text has no faithful SQL translation', '在文本中查找数字或列表无法如实转换为 SQL');
      return `coalesce(${list.sql} <> '' AND position(${searched} in ${list.sql}) > 0, FALSE)`;
    }
    return 'FALSE'; // numbers and yes/no values have no indexOf
  }

  private inConstant(needle: Expression, haystack: unknown, here: string) {
    const outcome = (value: unknown) => Boolean(eagerOperators.in(null, value, haystack));
    if (needle.kind === 'boolean') return this.finite(needle, outcome);
    let present = 'FALSE';
    if (Array.isArray(haystack)) present = this.memberOf(needle, haystack, here);
    else if (typeof haystack === 'string' && haystack !== '') {
      if (needle.kind !== 'string') refuse(here, 'searching a number or list in text has no faithful SQL translation', '在文本中查找数字或列表无法如实转换为 SQL');
      present = `position(${needle.sql} in ${this.text(haystack, here)}) > 0`;
    }
    return this.withNulls(needle, present, outcome);
  }

  /** indexOf in a literal list: strict equality, so only the items of the needle's kind can match. */
  private memberOf(needle: Expression, items: unknown[], here: string) {
    if (needle.kind === 'number') {
      const numbers = items.filter((item): item is number => typeof item === 'number' && !Number.isNaN(item));
      return numbers.length ? `${needle.sql} = ANY(${this.list(numbers, 'float8', here)})` : 'FALSE';
    }
    if (needle.kind === 'string') {
      const texts = items.filter((item): item is string => typeof item === 'string');
      return texts.length ? `${needle.sql} = ANY(${this.list(texts, 'text', here)})` : 'FALSE';
    }
    return 'FALSE';
  }

  // ——— arithmetic ———

  /** `+` and `*` apply parseFloat to every operand: null and booleans become NaN, which is SQL NULL here. */
  private sumOrProduct(operator: string, operands: Value[], here: string): Expression {
    const terms = operands.map((operand) => {
      if (operand.constant) return this.number(parseFloat(operand.value as string), here);
      if (operand.kind === 'number') return `(${operand.sql})::float8`;
      if (operand.kind === 'boolean') return 'NULL::float8';
      return refuse(here, 'arithmetic on text or lists has no faithful SQL translation', '对文本或列表的算术运算无法如实转换为 SQL');
    });
    return { constant: false, kind: 'number', sql: `(${terms.join(` ${operator} `)})`, nulls: 'nan' };
  }

  /** `-` converts with ToNumber: null is 0, booleans are 0 and 1. */
  private minus(operands: Value[], here: string): Expression {
    const terms = operands.map((operand) => {
      if (operand.constant) return this.number(Number(primitiveOf(operand.value, here)), here);
      if (operand.kind === 'number' || operand.kind === 'boolean') return `(${this.asNumber(operand, true)})::float8`;
      return refuse(here, 'arithmetic on text or lists has no faithful SQL translation', '对文本或列表的算术运算无法如实转换为 SQL');
    });
    const sql = terms.length === 1 ? `(- ${terms[0]})` : `(${terms[0]} - ${terms[1]})`;
    return { constant: false, kind: 'number', sql, nulls: 'nan' };
  }

  // ——— dates ———

  /** `age_at`/`years_between`: the same arithmetic as `wholeYearsBetween` on the digits of two ISO dates. */
  private wholeYears(from: Value, to: Value): Value {
    const [start, end] = [this.dateParts(from), this.dateParts(to)];
    if (!start || !end) return { constant: true, value: null };
    const before = `(CASE WHEN ${end.month} < ${start.month} OR (${end.month} = ${start.month} AND ${end.day} < ${start.day}) THEN 1 ELSE 0 END)`;
    const sql = `(CASE WHEN ${start.valid} AND ${end.valid} THEN ${end.year} - ${start.year} - ${before} END)`;
    return { constant: false, kind: 'number', sql, nulls: 'null' };
  }

  /** The year, month and day of a date as SQL, or null when the value is never a date (so the result is null). */
  private dateParts(value: Value) {
    if (value.constant) {
      const match = typeof value.value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.value) : null;
      if (!match) return null;
      const [year, month, day] = match.slice(1).map((part) => String(Number(part)));
      return { valid: 'TRUE', year, month, day };
    }
    if (value.kind !== 'string') return null;
    const part = (start: number, length: number) => `substr(${value.sql}, ${start}, ${length})::int`;
    return { valid: `(${value.sql} ~ ${isoDatePattern})`, year: part(1, 4), month: part(6, 2), day: part(9, 2) };
  }
}
