import { and, eq, inArray } from 'drizzle-orm';
import { subjectKindOf, type PolicyTarget } from '../../../domain/policies/policy';
import type { Executor } from '../../db/client';
import { cases, entitlements, policies, policyVersions, units } from '../../db/schema';
import type { SessionUser } from '../../plugins/auth';
import { subjectFor } from './applications.service';
import { decide, withoutBirthDate } from './decision';
import { referenceLabels, subjectFacts } from './facts.repo';
import { parameterValuesOn } from './policies.repo';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The policy calculator (政策计算器): every published policy for the subject, judged on the subject's facts today:
 * eligible, not eligible or needs more data, each condition met or missed in words, the amount, and where the subject
 * stands (an open application, an entitlement).
 */
export async function calculate(executor: Executor, user: SessionUser, query: { target: PolicyTarget; subjectId?: string }) {
  const subject = await subjectFor(executor, user, query.target, query.subjectId);
  const asOf = today();
  const facts = (await subjectFacts(executor, subject.kind, subject.id, asOf))!;
  const targets = subject.kind === 'talent' ? (['talent'] as const) : ([query.target] as const);
  const rows = await executor
    .select({ policy: policies, version: policyVersions, unitName: units.name })
    .from(policies)
    .innerJoin(policyVersions, eq(policyVersions.id, policies.publishedVersionId))
    .innerJoin(units, eq(units.id, policies.unitId))
    .where(and(eq(policies.status, 'published'), inArray(policies.target, [...targets])));
  const [labels, open, granted] = await Promise.all([
    referenceLabels(executor),
    executor.select({ policyId: cases.policyId, id: cases.id, status: cases.status }).from(cases).where(and(eq(cases.type, 'policy'), eq(cases.subjectKind, subject.kind), eq(cases.subjectId, subject.id))),
    executor.select({ policyId: entitlements.policyId, status: entitlements.status, amount: entitlements.amount }).from(entitlements).where(and(eq(entitlements.subjectKind, subject.kind), eq(entitlements.subjectId, subject.id))),
  ]);
  const items = [];
  for (const { policy, version, unitName } of rows) {
    const params = await parameterValuesOn(executor, policy.id, asOf);
    const decision = decide(subjectKindOf(policy.target), version, facts, params, asOf, labels);
    const application = open.filter((row) => row.policyId === policy.id).at(-1) ?? null;
    const mine = granted.filter((row) => row.policyId === policy.id);
    items.push({
      policy: { id: policy.id, code: policy.code, title: policy.title, category: policy.category, mode: policy.mode, documentNo: policy.documentNo, unit: unitName, summary: policy.summary },
      status: decision.status,
      amount: decision.amount,
      periodKind: version.periodKind,
      periods: version.periods,
      explanation: withoutBirthDate(decision.explanation, facts.birthDate),
      application: application ? { id: application.id, status: application.status } : null,
      entitlements: { count: mine.length, total: mine.reduce((sum, row) => sum + row.amount, 0), statuses: [...new Set(mine.map((row) => row.status))] },
      attachments: version.attachments,
    });
  }
  const order = { eligible: 0, needsData: 1, notEligible: 2 } as const;
  items.sort((a, b) => order[a.status] - order[b.status] || a.policy.code.localeCompare(b.policy.code));
  return { subject, asOf, items };
}
