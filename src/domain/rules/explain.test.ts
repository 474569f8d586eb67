import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { talentFacts } from '../policies/facts';
import { evaluate, explain, truthy } from './index';
import { params, talentRule, talentSubject } from './test-arbitraries';

const model = talentFacts;
const nobody = Object.fromEntries(Object.keys(talentFacts).map((fact) => [fact, null]));
const textOf = (rule: unknown, facts: Record<string, unknown>, values: Record<string, unknown> = {}) =>
  explain(rule, { ...nobody, ...facts, params: values }, { model }).trace.text;

describe('explain', () => {
  it('says each condition with the fact model’s labels and rank labels', () => {
    expect(textOf({ '>=': [{ var: 'education' }, { var: 'params.minEducation' }] }, { education: 5 }, { minEducation: 6 })).toEqual({
      'zh-CN': '学历: 本科, 需要: 硕士研究生及以上',
      'en-US': "Education: Bachelor's, required: Master's or above",
    });
    expect(textOf({ in: ['省级人才', { var: 'tags' }] }, { tags: ['海归', '博士后'] })).toEqual({
      'zh-CN': '人才标签: 海归、博士后, 需要包含: 省级人才',
      'en-US': 'Tags: 海归, 博士后, required to include: 省级人才',
    });
    expect(textOf({ in: [{ var: 'tier' }, ['A', 'B']] }, { tier: 'C' })).toEqual({ 'zh-CN': '人才类别: C, 需要: A、B之一', 'en-US': 'Talent tier: C, required: one of A, B' });
    expect(textOf({ '>=': [35, { var: 'age' }] }, { age: 38 })['zh-CN']).toBe('年龄: 38, 需要: ≤ 35');
    expect(textOf({ '<=': [2, { var: 'title' }, 4] }, { title: 1 })['zh-CN']).toBe('职称: 初级, 需要: 中级及以上且正高级及以下');
    expect(textOf({ '>=': [{ var: 'arrivedOn' }, '2023-01-01'] }, {})).toEqual({ 'zh-CN': '来区日期: 未知, 需要: 2023-01-01或之后', 'en-US': 'Arrival date: unknown, required: on or after 2023-01-01' });
    expect(textOf({ '<=': [{ age_at: [{ var: 'birthDate' }, '2026-06-30'] }, 35] }, { birthDate: '1988-07-01' })['en-US']).toBe('Age on 2026-06-30: 37, required: ≤ 35');
    expect(textOf({ var: 'overseas' }, { overseas: false })['zh-CN']).toBe('境外学历: 否, 需要: 是');
    expect(textOf({ '==': [{ var: 'arrivalRoute' }, 'marketHire'] }, { arrivalRoute: 'flexible' })['zh-CN']).toBe('引进方式: 柔性引进, 需要: 市场化选聘');
  });

  it('labels codes that are data through the callback, falling back to the code', () => {
    const labels = (fact: string, code: string) => (fact === 'industry' && code === 'pumpsValves' ? '泵阀' : undefined);
    const explanation = explain({ in: [{ var: 'industry' }, ['pumpsValves', 'chips']] }, { ...nobody, industry: 'newMaterials' }, { model, labels });
    expect(explanation.trace.text['zh-CN']).toBe('所在产业: newMaterials, 需要: 泵阀、chips之一');
  });

  it('gives statuses, the facts read and the values compared, and what would make the subject eligible', () => {
    const rule = {
      and: [
        { '>=': [{ var: 'education' }, 6] },
        { '<=': [{ var: 'age' }, 35] },
        { or: [{ in: [{ var: 'tier' }, ['A', 'B']] }, { and: [{ '>=': [{ var: 'title' }, 3] }, { '>=': [{ var: 'yearsInZone' }, 2] }] }] },
      ],
    };
    const explanation = explain(rule, { ...nobody, education: 6, age: 40, tier: 'C', title: 3 }, { model });
    expect(explanation.eligible).toBe(false);
    // the conditions to meet (age, tier) read known facts: not met rather than missing data
    expect(explanation.trace.status).toBe('notMet');
    const [education, age, either] = explanation.trace.children!;
    expect(education).toMatchObject({ path: 'and.0.>=', status: 'met', facts: ['education'], values: [6, 6] });
    expect(age).toMatchObject({ path: 'and.1.<=', status: 'notMet', values: [40, 35] });
    expect(either.children![1].children![1]).toMatchObject({ path: 'and.2.or.1.and.1.>=', status: 'missing', missing: ['yearsInZone'] });
    // the or branch with fewer failing conditions: tier (one) ties with title+yearsInZone's one failing condition, the first wins
    expect(explanation.unmet.map((node) => node.path)).toEqual(['and.1.<=', 'and.2.or.0.in']);
    expect(explanation.missing).toEqual([]);
    const closer = explain(rule, { ...nobody, education: 6, age: 30, tier: null, title: 3 }, { model });
    expect(closer.unmet.map((node) => node.path)).toEqual(['and.2.or.0.in']);
    expect(closer.missing).toEqual(['tier']);
    expect(closer.trace.status).toBe('missing');
  });

  it('its top status is met exactly when the rule is truthy, on random rules and subjects', () => {
    fc.assert(
      fc.property(talentRule, talentSubject, params, (rule, subject, values) => {
        const data = { ...subject, params: values };
        const explanation = explain(rule, data, { model });
        const eligible = truthy(evaluate(rule, data));
        expect(explanation.eligible).toBe(eligible);
        expect(explanation.trace.status === 'met').toBe(eligible);
        expect(explanation.unmet.length === 0).toBe(eligible);
        expect(explanation.trace.text['zh-CN']).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });
});
