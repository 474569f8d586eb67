/**
 * The facts a decision used, in words a reviewer reads: each fact the eligibility rule read, by its label, with its
 * value as the registry had it on the snapshot date (ranks and codes by their labels, employers by name), in both
 * languages, like the trace of `explain`. The birth date never leaves (`presentDecision` gives the birth year).
 */
import { factModels, type Fact, type Facts, type SubjectKind } from '../../../domain/policies/facts';
import type { ExplainNode, Locale, Text } from '../../../domain/rules';
import type { Executor } from '../../db/client';
import type { Decision } from './decision';
import { factValueNames, referenceLabels, type Labeller } from './facts.repo';

export type FactLine = { fact: string; label: Text; value: Text };

const both = (make: (locale: Locale) => string): Text => ({ 'zh-CN': make('zh-CN'), 'en-US': make('en-US') });
const zh = (locale: Locale) => locale === 'zh-CN';
const birthYear: Fact = { type: 'number', label: { 'zh-CN': '出生年份', 'en-US': 'Birth year' } };
const units: Partial<Record<string, Text>> = { age: { 'zh-CN': ' 岁', 'en-US': '' }, yearsInZone: { 'zh-CN': ' 年', 'en-US': ' years' }, yearsSinceFounded: { 'zh-CN': ' 年', 'en-US': ' years' } };

/** Every fact a trace reads, in the order the rule reads them. */
function factsOfTrace(node: ExplainNode | undefined): string[] {
  if (!node) return [];
  return [...new Set([...node.facts, ...(node.children ?? []).flatMap(factsOfTrace)])];
}

type Names = Awaited<ReturnType<typeof factValueNames>> & { labels: Labeller };

function valueText(name: string, fact: Fact, value: Facts[string], names: Names, locale: Locale): string {
  if (value === null || value === undefined) return zh(locale) ? '未知' : 'unknown';
  if (Array.isArray(value)) return value.length ? value.map((item) => valueText(name, fact, item, names, locale)).join(zh(locale) ? '、' : ', ') : zh(locale) ? '无' : 'none';
  if (typeof value === 'boolean') return value ? (zh(locale) ? '是' : 'yes') : zh(locale) ? '否' : 'no';
  if (fact.type === 'ordinal' && typeof value === 'number' && fact.ranks?.[value]) return fact.ranks[value][locale];
  if (typeof value === 'number') return `${value}${units[name]?.[locale] ?? ''}`;
  if (name === 'employerId') return names.organisations.get(value) ?? value;
  if (name === 'chain') {
    // a chain is named in Chinese by the industries that belong to it
    const industry = names.industries.find((row) => row.chain === value);
    return zh(locale) || !industry ? value : `${industry.nameEn} chain`;
  }
  return names.labels(name, value, locale) ?? fact.codeLabels?.[value]?.[locale] ?? value;
}

/** The facts the decision's eligibility rule read, labelled; [] for a decision without a trace. */
export async function usedFacts(executor: Executor, kind: SubjectKind, decision: Decision | null): Promise<FactLine[]> {
  const facts = decision?.facts;
  if (!facts) return [];
  const read = factsOfTrace(decision.explanation?.trace).map((name) => (name === 'birthDate' && !('birthDate' in facts) ? 'birthYear' : name));
  if (!read.length) return [];
  const model: Record<string, Fact> = { ...factModels[kind], birthYear };
  const employer = typeof facts.employerId === 'string' ? [facts.employerId] : [];
  const [labels, valueNames] = await Promise.all([referenceLabels(executor), factValueNames(executor, employer)]);
  const names: Names = { ...valueNames, labels };
  return read
    .filter((name) => Object.hasOwn(model, name))
    .map((name) => ({ fact: name, label: model[name].label, value: both((locale) => valueText(name, model[name], facts[name] ?? null, names, locale)) }));
}
