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
