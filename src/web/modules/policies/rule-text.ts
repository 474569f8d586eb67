import type { TFunction } from 'i18next';
import { formatMoney } from '../../../domain/money';
import { factModels, type Fact, type SubjectKind } from '../../../domain/policies/facts';
import type { Language } from '../../app/i18n';

/** One line of a rule said in words, indented by its depth under and/or/not. */
export type RuleLine = { depth: number; text: string };

export type RuleTextContext = {
  t: TFunction;
  language: Language;
  kind: SubjectKind;
  /** Parameter labels and values in force (`minEducation` → 最低学历, 6). */
  parameters: { name: string; label: string; value: number | null; kind?: string }[];
  /** Labels of codes that are data (industries, tiers). */
  codeLabel?: (reference: string, code: string) => string | undefined;
};

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const operatorOf = (rule: Record<string, unknown>) => Object.keys(rule)[0];
const argumentsOf = (rule: Record<string, unknown>): unknown[] => {
  const raw = rule[operatorOf(rule)];
  return Array.isArray(raw) ? raw : [raw];
};
const varPath = (value: unknown): string | null => {
  if (!isObject(value) || operatorOf(value) !== 'var') return null;
  const [path] = argumentsOf(value);
  return typeof path === 'string' ? path : null;
};
const comparisons = ['==', '===', '!=', '!==', '<', '<=', '>', '>='] as const;
type Comparison = (typeof comparisons)[number];
const isComparison = (operator: string): operator is Comparison => (comparisons as readonly string[]).includes(operator);
const flipped: Record<string, Comparison> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * A rule in words without a subject's data ("学历 不低于 参数“最低学历”（现为 硕士研究生）"), for the policy page and
 * the draft editor. Forms it does not know are shown as their JSON, so nothing is hidden.
 */
export function ruleLines(rule: unknown, context: RuleTextContext): RuleLine[] {
  const lines: RuleLine[] = [];
  walk(rule, 0, context, lines);
  return lines;
}

function walk(rule: unknown, depth: number, context: RuleTextContext, lines: RuleLine[]) {
  const { t } = context;
  if (isObject(rule)) {
    const operator = operatorOf(rule);
    const values = argumentsOf(rule);
    if (operator === 'and' || operator === 'or') {
      lines.push({ depth, text: t(operator === 'and' ? 'ruleText.all' : 'ruleText.any') });
      for (const value of values) walk(value, depth + 1, context, lines);
      return;
    }
    if (operator === '!') {
      lines.push({ depth, text: t('ruleText.not') });
      walk(values[0], depth + 1, context, lines);
      return;
    }
    if (operator === 'if' || operator === '?:') {
      for (let index = 0; index + 1 < values.length; index += 2) {
        lines.push({ depth, text: t('ruleText.ifThen', { condition: sentence(values[index], context), then: sentence(values[index + 1], context) }) });
      }
      if (values.length % 2 === 1) lines.push({ depth, text: t('ruleText.otherwise', { value: sentence(values.at(-1), context) }) });
      return;
    }
  }
  lines.push({ depth, text: sentence(rule, context) });
}

function factOf(path: string | null, context: RuleTextContext): Fact | undefined {
  return path && Object.hasOwn(factModels[context.kind], path) ? factModels[context.kind][path] : undefined;
}

/** One condition or expression as a phrase. */
function sentence(rule: unknown, context: RuleTextContext): string {
  const { t } = context;
  if (!isObject(rule)) return valueText(rule, undefined, context);
  const operator = operatorOf(rule);
  const values = argumentsOf(rule);
  if (operator === 'var') {
    const fact = factOf(varPath(rule), context);
    if (fact?.type === 'boolean') return t('ruleText.holds', { fact: fact.label[context.language] });
    return operandText(rule, undefined, context);
  }
  if (operator === '!' && varPath(values[0])) return t('ruleText.notGiven', { fact: operandText(values[0], undefined, context) });
  if (operator === '!!' && varPath(values[0])) return t('ruleText.given', { fact: operandText(values[0], undefined, context) });
  if (isComparison(operator) && values.length === 3) {
    const fact = factOf(varPath(values[1]), context);
    return t('ruleText.between', { fact: operandText(values[1], undefined, context), low: operandText(values[0], fact, context), high: operandText(values[2], fact, context) });
  }
  if (isComparison(operator) && values.length === 2) {
    const [left, right] = values;
    const leftFact = factOf(varPath(left), context);
    const rightFact = factOf(varPath(right), context);
    // the fact on the left: "学历 不低于 硕士研究生"; a constant on the left is turned round
    if (!leftFact && rightFact) return comparison(right, flipped[operator] ?? operator, left, rightFact, context);
    return comparison(left, operator, right, leftFact, context);
  }
  if (operator === 'in' && values.length === 2) {
    const [needle, haystack] = values;
    if (Array.isArray(haystack)) {
      const fact = factOf(varPath(needle), context);
      return t('ruleText.oneOf', { fact: operandText(needle, undefined, context), values: haystack.map((item) => valueText(item, fact, context)).join(t('ruleText.separator')) });
    }
    const fact = factOf(varPath(haystack), context);
    return t('ruleText.includes', { fact: operandText(haystack, undefined, context), value: operandText(needle, fact, context) });
  }
  // amounts: "在区博士人数 × 参数“每名博士补贴”（现为 ¥50,000.00） + …"
  if (isArithmetic(operator) && values.length >= 2) return values.map((value) => operandText(value, undefined, context)).join(` ${t(`ruleText.arithmetic.${operator}`)} `);
  if ((operator === 'min' || operator === 'max') && values.length) return t(`ruleText.${operator}`, { values: values.map((value) => operandText(value, undefined, context)).join(t('ruleText.separator')) });
  return JSON.stringify(rule);
}

const arithmetic = ['+', '-', '*', '/'] as const;
const isArithmetic = (operator: string): operator is (typeof arithmetic)[number] => (arithmetic as readonly string[]).includes(operator);

function comparison(subject: unknown, operator: Comparison, constant: unknown, fact: Fact | undefined, context: RuleTextContext) {
  if ((operator === '==' || operator === '===') && constant === null) return context.t('ruleText.notGiven', { fact: operandText(subject, undefined, context) });
  if ((operator === '!=' || operator === '!==') && constant === null) return context.t('ruleText.given', { fact: operandText(subject, undefined, context) });
  return context.t('ruleText.compare', { fact: operandText(subject, undefined, context), op: context.t(`ruleText.ops.${operator}`), value: operandText(constant, fact, context) });
}

/** A side of a comparison: a fact by its label, a parameter by its label and value, a constant in the fact's terms. */
function operandText(value: unknown, fact: Fact | undefined, context: RuleTextContext): string {
  const path = varPath(value);
  if (path?.startsWith('params.')) {
    const name = path.slice('params.'.length);
    const parameter = context.parameters.find((entry) => entry.name === name);
    const current = parameter?.value ?? null;
    const shown = current === null ? '—' : parameter?.kind === 'yuan' ? formatMoney(current, context.language) : valueText(current, fact, context);
    return context.t('ruleText.param', { label: parameter?.label ?? name, value: shown });
  }
  if (path) return factOf(path, context)?.label[context.language] ?? path;
  if (isObject(value)) return sentence(value, context);
  return valueText(value, fact, context);
}

/** A constant as its label: rank labels, code labels, yes/no. */
function valueText(value: unknown, fact: Fact | undefined, context: RuleTextContext): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return context.t(value ? 'ruleText.yes' : 'ruleText.no');
  if (Array.isArray(value)) return value.map((item) => valueText(item, fact, context)).join(context.t('ruleText.separator'));
  if (fact?.type === 'ordinal' && typeof value === 'number' && fact.ranks?.[value]) return fact.ranks[value][context.language];
  if ((fact?.type === 'code' || fact?.type === 'codes') && typeof value === 'string') {
    return fact.codeLabels?.[value]?.[context.language] ?? (fact.reference ? context.codeLabel?.(fact.reference, value) : undefined) ?? value;
  }
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}
