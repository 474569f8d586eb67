import { factModels, type Facts, type SubjectKind } from '../../../domain/policies/facts';
import { compile, explain, truthy, type Compiled } from '../../../domain/rules';
import type { Labeller } from './facts.repo';

/**
 * A decision of a policy on a subject: eligible or not, why (the trace of `explain`, in words), how much per period,
 * and everything needed to replay it (version, facts, parameter values, snapshot date).
 */
export type Decision = {
  kind: SubjectKind;
  status: 'eligible' | 'notEligible' | 'needsData';
  eligible: boolean;
  amount: number;
  explanation: ReturnType<typeof explain>;
  facts: Facts;
  params: Record<string, number>;
  versionId: string;
  asOf: string;
};

export type DecisionVersion = { id: string; eligibility: unknown; amount: unknown };

/** Compiled rules by their JSON: published versions never change, and a draft's new JSON is a new key. */
const compiled = new Map<string, Compiled>();
function compiledRule(rule: unknown): Compiled {
  const key = JSON.stringify(rule);
  let found = compiled.get(key);
  if (!found) {
    if (compiled.size > 500) compiled.clear();
    found = compile(rule);
    compiled.set(key, found);
  }
  return found;
}

/** The amount per period in whole yuan; a rule giving nothing sensible gives 0. */
export function amountOf(rule: unknown, data: Record<string, unknown>): number {
  const value = Number(compiledRule(rule)(data));
  return Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

export function isEligible(rule: unknown, data: Record<string, unknown>): boolean {
  return truthy(compiledRule(rule)(data));
}

export function decide(kind: SubjectKind, version: DecisionVersion, facts: Facts, params: Record<string, number>, asOf: string, labels?: Labeller): Decision {
  const data = { ...facts, params };
  const eligible = isEligible(version.eligibility, data);
  const explanation = explain(version.eligibility, data, { model: factModels[kind], labels });
  const status = eligible ? 'eligible' : explanation.missing.length ? 'needsData' : 'notEligible';
  return { kind, status, eligible, amount: eligible ? amountOf(version.amount, data) : 0, explanation, facts, params, versionId: version.id, asOf };
}

/** The ways a birth date may be written: `1990-05-03`, `19900503`, `1990年5月3日`, `1990年05月03日`. */
function birthDateForms(birthDate: string): string[] {
  const [year, month, day] = birthDate.split('-');
  return [birthDate, `${year}${month}${day}`, `${year}年${Number(month)}月${Number(day)}日`, `${year}年${month}月${day}日`];
}

/**
 * A value (a trace, a decision) with every writing of the birth date reduced to its year (`1990-**-**`): a rule may
 * read the birth date, and its trace then prints it. Readers see the age and the year, never the date.
 */
export function withoutBirthDate<T>(value: T, birthDate: unknown): T {
  if (typeof birthDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return value;
  const forms = birthDateForms(birthDate);
  const hidden = `${birthDate.slice(0, 4)}-**-**`;
  const walk = (inner: unknown): unknown => {
    if (typeof inner === 'string') return forms.reduce((text, form) => text.replaceAll(form, hidden), inner);
    if (Array.isArray(inner)) return inner.map(walk);
    if (inner && typeof inner === 'object') return Object.fromEntries(Object.entries(inner).map(([key, entry]) => [key, walk(entry)]));
    return inner;
  };
  return walk(value) as T;
}

/**
 * A stored decision as an API answers it: the facts carry the birth year instead of the birth date (the age stays),
 * and the trace never prints the date. The stored decision keeps everything, for replays.
 */
export function presentDecision(decision: Decision): Decision {
  const { birthDate, ...facts } = decision.facts ?? {};
  if (typeof birthDate !== 'string') return decision;
  return withoutBirthDate({ ...decision, facts: { ...facts, birthYear: Number(birthDate.slice(0, 4)) } }, birthDate);
}
