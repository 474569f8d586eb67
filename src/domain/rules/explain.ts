/**
 * Why a rule holds or not for one subject, condition by condition, in plain sentences a talent can read: "学历为本科，
 * 须为硕士研究生及以上", "年龄 43 岁，须不超过 25 岁", "Age 43, must be at most 25". Every node's status is the truthiness of its own value (`evaluate`), so the top of the trace says
 * exactly what `evaluate` says; the structure (and/or/!/if) only decides which children are shown and which failing
 * conditions are reported as "what would make the subject eligible".
 */
import type { Fact, FactModel } from '../policies/facts';
import { evaluate } from './evaluate';
import { argumentsOf, isConstant, isLogic, operatorOf, scopedOperators, truthy, type Data, type Rule } from './operators';

export type Locale = 'zh-CN' | 'en-US';
export type Text = Record<Locale, string>;
/** missing: the condition fails and a fact it reads is unknown (null), so the answer may change once it is known. */
export type ExplainStatus = 'met' | 'notMet' | 'missing';

export type ExplainNode = {
  /** The node's path, as `validateRule` and `toSql` name it (`and.1.<`; `$` for a literal rule). */
  path: string;
  /** The operator, or '' for a literal. */
  operator: string;
  status: ExplainStatus;
  /** The facts the node reads, and those of them that are unknown. */
  facts: string[];
  missing: string[];
  /** For conditions (leaves): the values of the arguments as they were compared. */
  values?: unknown[];
  text: Text;
  children?: ExplainNode[];
};

export type ExplainOptions = {
  model: FactModel;
  /** Labels of codes that are data (industries, tiers, employers); the fact model's own labels otherwise, then the code. */
  labels?: (fact: string, code: string, locale: Locale) => string | undefined;
};

export type Explanation = {
  /** `truthy(evaluate(rule, data))`. */
  eligible: boolean;
  trace: ExplainNode;
  /** What would make the subject eligible: the failing conditions of a failing `and`, of the closest `or` branch. */
  unmet: ExplainNode[];
  /** The unknown facts among those conditions: providing them may change the answer. */
  missing: string[];
};

const structural = new Set(['and', 'or', '!', '!!', 'if', '?:']);
const both = (make: (locale: Locale) => string): Text => ({ 'zh-CN': make('zh-CN'), 'en-US': make('en-US') });
const zh = (locale: Locale) => locale === 'zh-CN';
const unique = (items: string[]) => [...new Set(items)];

/** Explains a rule on a subject's data (its facts, and the parameters under `params`). */
export function explain(rule: Rule, data: Data, options: ExplainOptions): Explanation {
  const trace = new Explainer(data, options).node(rule, '');
  const unmet = leavesToMeet(trace);
  return { eligible: trace.status === 'met', trace, unmet, missing: unique(unmet.flatMap((leaf) => leaf.missing)) };
}

/** The failing conditions that would have to hold: all of a failing `and`, the branch of an `or` with the fewest. */
function leavesToMeet(node: ExplainNode): ExplainNode[] {
  if (node.status === 'met') return [];
  if (!node.children || node.operator === '!') return [node];
  if (node.operator === 'and' || node.operator === '!!') return node.children.flatMap(leavesToMeet);
  if (node.operator === 'or') {
    const options = node.children.map(leavesToMeet).filter((leaves) => leaves.length);
    return options.length ? options.reduce((best, leaves) => (leaves.length < best.length ? leaves : best)) : [node];
  }
  // if/?:: the last child shown is the branch taken, or the last condition tried when there is no else
  const taken = node.children.at(-1);
  return taken && taken.status !== 'met' ? leavesToMeet(taken) : [node];
}

class Explainer {
  constructor(
    private readonly data: Data,
    private readonly options: ExplainOptions,
  ) {}

  node(rule: Rule, path: string): ExplainNode {
    const met = truthy(evaluate(rule, this.data));
    if (!isLogic(rule)) return this.leaf(rule, path || '$', '', met);
    const operator = operatorOf(rule);
    const here = path ? `${path}.${operator}` : operator;
    if (!structural.has(operator)) return this.leaf(rule, here, operator, met);
    const children = this.childrenOf(operator, argumentsOf(rule), here);
    const facts = unique(children.flatMap((child) => child.facts));
    const missing = unique(children.flatMap((child) => child.missing));
    const node: ExplainNode = { path: here, operator, status: met ? 'met' : 'notMet', facts, missing, text: structureText(operator), children };
    if (!met && leavesToMeet(node).some((leaf) => leaf.status === 'missing')) node.status = 'missing';
    return node;
  }

  /** and/or/!/!!: every argument; if: the conditions tried, then the branch taken. */
  private childrenOf(operator: string, values: unknown[], here: string): ExplainNode[] {
    if (operator !== 'if' && operator !== '?:') return values.map((value, index) => this.node(value, `${here}.${index}`));
    const shown: ExplainNode[] = [];
    let index = 0;
    for (; index < values.length - 1; index += 2) {
      const condition = this.node(values[index], `${here}.${index}`);
      shown.push(condition);
      if (condition.status === 'met') return [...shown, this.node(values[index + 1], `${here}.${index + 1}`)];
    }
    return values.length === index + 1 ? [...shown, this.node(values[index], `${here}.${index}`)] : shown;
  }

  private leaf(rule: Rule, path: string, operator: string, met: boolean): ExplainNode {
    const facts = factsRead(rule, this.options.model);
    const missing = facts.filter((fact) => this.factValue(fact) === null);
    const values = isLogic(rule) ? argumentsOf(rule).map((value) => evaluate(value, this.data)) : [rule];
    const status = met ? 'met' : missing.length ? 'missing' : 'notMet';
    return { path, operator, status, facts, missing, values, text: both((locale) => this.sentence(rule, met, locale)) };
  }

  private factValue(fact: string) {
    const value = (this.data as Record<string, unknown> | null)?.[fact];
    return value === undefined ? null : value;
  }

  // ——— sentences ———
  // One place turns a condition into a sentence: what the subject's value is ("年龄 43 岁", "学历为本科",
  // "Education is Bachelor's") and what the rule asks ("须不超过 25 岁", "must be at most 25"), worded per operator
  // and per fact type (number with its unit, rank, date, code, list of codes, yes/no).

  private sentence(rule: Rule, met: boolean, locale: Locale): string {
    if (isLogic(rule)) {
      const operator = operatorOf(rule);
      const values = argumentsOf(rule);
      const said = this.comparison(operator, values, locale) ?? this.membership(operator, values, locale) ?? this.simple(operator, values, locale);
      if (said) return said;
    }
    return `${this.describe(rule, locale)}${zh(locale) ? '：' : ': '}${met ? (zh(locale) ? '成立' : 'holds') : zh(locale) ? '不成立' : 'does not hold'}`;
  }

  /** "年龄 43 岁，须不超过 25 岁", "学历为本科，须为硕士研究生及以上": one side reads facts, the other is a constant. */
  private comparison(operator: string, values: unknown[], locale: Locale): string | undefined {
    if (!['==', '===', '!=', '!==', '<', '<=', '>', '>='].includes(operator)) return undefined;
    if (values.length === 3) {
      const [low, subject, high] = values;
      if (!isConstant(low) || isConstant(subject) || !isConstant(high)) return undefined;
      const lower = this.requirement(operator === '<' ? '>' : '>=', low, subject, locale);
      const upper = this.requirement(operator, high, subject, locale);
      return this.said(subject, `${lower}${zh(locale) ? '且' : ' and '}${upper}`, locale);
    }
    const [left, right] = values;
    if (!isConstant(left) && isConstant(right)) return this.said(left, this.requirement(operator, right, left, locale), locale);
    if (isConstant(left) && !isConstant(right)) return this.said(right, this.requirement(flipped[operator] ?? operator, left, right, locale), locale);
    return undefined;
  }

  /** "人才类别为 C 类，须为 A 类、B 类之一" and "需具有“创业”标签（当前无）". */
  private membership(operator: string, values: unknown[], locale: Locale): string | undefined {
    if (operator !== 'in') return undefined;
    const [needle, haystack] = values;
    if (!isConstant(needle) && isConstant(haystack)) {
      const items = evaluate(haystack, this.data);
      if (!Array.isArray(items)) return undefined;
      const listed = items.map((item) => this.format(item, factOf(needle, this.options.model), locale)).join(zh(locale) ? '、' : ', ');
      return this.said(needle, zh(locale) ? `为${listed}之一` : `one of ${listed}`, locale);
    }
    if (isConstant(needle) && !isConstant(haystack)) {
      const fact = factOf(haystack, this.options.model);
      const item = this.format(evaluate(needle, this.data), fact, locale);
      const current = evaluate(haystack, this.data);
      const has = Array.isArray(current) && current.length ? this.format(current, fact, locale) : null;
      if (isVar(haystack, 'tags')) {
        if (zh(locale)) return `需具有“${item}”标签（当前${has ? `：${has}` : '无'}）`;
        return `Must have the tag "${item}" (${has ? `has ${has}` : 'has none'})`;
      }
      const label = this.describe(haystack, locale);
      if (zh(locale)) return `${label}须包含“${item}”（当前${has ? `：${has}` : '无'}）`;
      return `${label} must include "${item}" (${has ? `now ${has}` : 'now none'})`;
    }
    return undefined;
  }

  /** A fact read as a condition ("境外学历为否，须为是"), and `missing`. */
  private simple(operator: string, values: unknown[], locale: Locale): string | undefined {
    if (operator === 'var' && factOf({ var: values[0] }, this.options.model)) {
      const fact = factOf({ var: values[0] }, this.options.model)!;
      const wanted = fact.type === 'boolean' ? (zh(locale) ? '为是' : 'yes') : zh(locale) ? '已填写' : 'given';
      return this.said({ var: values[0] }, wanted, locale);
    }
    if (operator === 'missing' || operator === 'missing_some') {
      const absent = evaluate({ [operator]: values }, this.data);
      const names = Array.isArray(absent) && absent.length ? absent.map((key) => this.labelOf(String(key), locale)).join(zh(locale) ? '、' : ', ') : zh(locale) ? '无' : 'none';
      return zh(locale) ? `未填写：${names}` : `Not given: ${names}`;
    }
    return undefined;
  }

  /** The subject's value, then what the rule asks: "年龄 43 岁，须不超过 25 岁" / "Age 43, must be at most 25". */
  private said(subject: Rule, requirement: string, locale: Locale) {
    return zh(locale) ? `${this.subject(subject, locale)}，须${requirement}` : `${this.subject(subject, locale)}, must be ${requirement}`;
  }

  /** "年龄 43 岁", "学历为本科", "学历未知": what the subject side is called and what it is for this subject. */
  private subject(rule: Rule, locale: Locale) {
    const label = this.describe(rule, locale);
    const value = evaluate(rule, this.data);
    const fact = factOf(rule, this.options.model);
    if (value === null || value === undefined || (Array.isArray(value) && !value.length && fact?.type !== 'codes')) return zh(locale) ? `${label}未知` : `${label} unknown`;
    const shown = this.format(value, fact, locale);
    const unit = unitFact(rule, fact);
    if (typeof value === 'number' && fact?.type === 'number') return `${label} ${withUnit(shown, unit, locale)}`;
    if (typeof value === 'number' && !fact) return zh(locale) ? `${label}为 ${withUnit(shown, unit, locale)}` : `${label} is ${withUnit(shown, unit, locale)}`;
    return zh(locale) ? `${label}为${shown}` : `${label} is ${shown}`;
  }

  /** The constant side in the subject's terms: ranks by their labels, dates as dates, numbers with their unit. */
  private requirement(operator: string, constant: Rule, subject: Rule, locale: Locale): string {
    const value = evaluate(constant, this.data);
    const fact = factOf(subject, this.options.model);
    const shown = this.format(value, fact, locale);
    if (operator === '==' || operator === '===') return value === null ? (zh(locale) ? '未填写' : 'not given') : zh(locale) ? `为${shown}` : shown;
    if (operator === '!=' || operator === '!==') return value === null ? (zh(locale) ? '已填写' : 'given') : zh(locale) ? `不是${shown}` : `other than ${shown}`;
    if (fact?.type === 'ordinal') return rankWords[locale][operator](shown);
    if (fact?.type === 'date') return dateWords[locale][operator](shown);
    return numberWords[locale][operator](typeof value === 'number' ? withUnit(shown, unitFact(subject, fact), locale) : shown);
  }

  /** An expression in words: facts by their labels, `age_at` as an age, operators between their operands. */
  private describe(rule: Rule, locale: Locale): string {
    if (!isLogic(rule)) return Array.isArray(rule) ? `[${rule.map((item) => this.describe(item, locale)).join(', ')}]` : this.format(rule, undefined, locale);
    const operator = operatorOf(rule);
    const values = argumentsOf(rule);
    if (operator === 'var') {
      const path = String(values[0]);
      return path.startsWith('params.') ? this.format(evaluate(rule, this.data), undefined, locale) : this.labelOf(path, locale);
    }
    const words = values.map((value) => this.describe(value, locale));
    if (operator === 'age_at') return zh(locale) ? `截至${words[1]}的年龄` : `Age on ${words[1]}`;
    if (operator === 'years_between') return zh(locale) ? `${words[0]}至${words[1]}的年数` : `Years from ${words[0]} to ${words[1]}`;
    if (['+', '-', '*', '/', '%', '==', '===', '!=', '!==', '<', '<=', '>', '>='].includes(operator) && values.length >= 2) return `(${words.join(` ${operator} `)})`;
    return `${operator}(${words.join(', ')})`;
  }

  private labelOf(fact: string, locale: Locale) {
    return this.options.model[fact]?.label[locale] ?? fact;
  }

  /** A value as a talent reads it: rank labels, code labels, yes/no, lists, "unknown" for null. */
  private format(value: unknown, fact: Fact | undefined, locale: Locale): string {
    if (value === null || value === undefined) return zh(locale) ? '未知' : 'unknown';
    if (Array.isArray(value)) return value.length ? value.map((item) => this.format(item, fact, locale)).join(zh(locale) ? '、' : ', ') : zh(locale) ? '无' : 'none';
    if (typeof value === 'boolean') return value ? (zh(locale) ? '是' : 'yes') : zh(locale) ? '否' : 'no';
    if (fact?.type === 'ordinal' && typeof value === 'number' && fact.ranks?.[value]) return fact.ranks[value][locale];
    if ((fact?.type === 'code' || fact?.type === 'codes') && typeof value === 'string') {
      const name = this.factName(fact);
      return (name && this.options.labels?.(name, value, locale)) ?? fact.codeLabels?.[value]?.[locale] ?? value;
    }
    return String(value);
  }

  private factName(fact: Fact) {
    return Object.keys(this.options.model).find((name) => this.options.model[name] === fact);
  }
}

const flipped: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

type Words = Record<Locale, Record<string, (value: string) => string>>;
/** What the rule asks, after "须" / "must be". */
const rankWords: Words = {
  'zh-CN': { '>=': (v) => `为${v}及以上`, '>': (v) => `高于${v}`, '<=': (v) => `为${v}及以下`, '<': (v) => `低于${v}` },
  'en-US': { '>=': (v) => `${v} or above`, '>': (v) => `above ${v}`, '<=': (v) => `${v} or below`, '<': (v) => `below ${v}` },
};
const dateWords: Words = {
  'zh-CN': { '>=': (v) => `在 ${v} 或之后`, '>': (v) => `晚于 ${v}`, '<=': (v) => `在 ${v} 或之前`, '<': (v) => `早于 ${v}` },
  'en-US': { '>=': (v) => `on or after ${v}`, '>': (v) => `after ${v}`, '<=': (v) => `on or before ${v}`, '<': (v) => `before ${v}` },
};
const numberWords: Words = {
  'zh-CN': { '>=': (v) => `不低于 ${v}`, '>': (v) => `高于 ${v}`, '<=': (v) => `不超过 ${v}`, '<': (v) => `低于 ${v}` },
  'en-US': { '>=': (v) => `at least ${v}`, '>': (v) => `more than ${v}`, '<=': (v) => `at most ${v}`, '<': (v) => `less than ${v}` },
};

/** A number with its fact's unit: "43 岁", "3 years"; facts without a unit in a language show the number alone. */
function withUnit(shown: string, fact: Fact | undefined, locale: Locale): string {
  const unit = fact?.unit?.[locale];
  return unit ? `${shown} ${unit}` : shown;
}

/** `age_at` gives an age: its value is said in years like the fact `age`. */
const talentAge: Fact = { type: 'number', label: { 'zh-CN': '年龄', 'en-US': 'Age' }, unit: { 'zh-CN': '岁', 'en-US': '' } };

const unitFact = (rule: Rule, fact: Fact | undefined) => (isLogic(rule) && operatorOf(rule) === 'age_at' ? talentAge : fact);

const isVar = (rule: Rule, name: string) => isLogic(rule) && operatorOf(rule) === 'var' && argumentsOf(rule)[0] === name;

const structureTexts: Record<string, Text> = {
  and: { 'zh-CN': '以下条件全部满足', 'en-US': 'All of the following' },
  or: { 'zh-CN': '满足以下条件之一', 'en-US': 'One of the following' },
  '!': { 'zh-CN': '以下条件不成立', 'en-US': 'The following does not hold' },
  '!!': { 'zh-CN': '以下条件成立', 'en-US': 'The following holds' },
  if: { 'zh-CN': '按条件分支', 'en-US': 'Depending on the conditions' },
};
const structureText = (operator: string) => structureTexts[operator === '?:' ? 'if' : operator];

/** The fact a side of a comparison is, when it is one fact read plainly (so its value can be said with its labels). */
function factOf(rule: Rule, model: FactModel): Fact | undefined {
  if (!isLogic(rule) || operatorOf(rule) !== 'var') return undefined;
  const [path] = argumentsOf(rule);
  return typeof path === 'string' && Object.hasOwn(model, path) ? model[path] : undefined;
}

/** The facts a node reads: its `var`s and `missing` keys that name facts (not the items a `map` or `filter` reads). */
function factsRead(rule: Rule, model: FactModel): string[] {
  if (Array.isArray(rule)) return unique(rule.flatMap((item) => factsRead(item, model)));
  if (!isLogic(rule)) return [];
  const operator = operatorOf(rule);
  const values = argumentsOf(rule);
  if (operator === 'var') return typeof values[0] === 'string' && Object.hasOwn(model, values[0]) ? [values[0]] : [];
  if (operator === 'missing' || operator === 'missing_some') {
    const keys = (operator === 'missing' ? (Array.isArray(values[0]) ? values[0] : values) : Array.isArray(values[1]) ? values[1] : []) as unknown[];
    return unique(keys.filter((key): key is string => typeof key === 'string' && Object.hasOwn(model, key)));
  }
  const read = scopedOperators.has(operator) ? values.slice(0, 1) : values;
  return unique(read.flatMap((value) => factsRead(value, model)));
}
