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
  it('says each condition as a plain sentence: the subject’s value, then what the rule asks, per operator and fact type', () => {
    // ranks (ordinal facts) by their labels
    expect(textOf({ '>=': [{ var: 'education' }, { var: 'params.minEducation' }] }, { education: 5 }, { minEducation: 6 })).toEqual({
      'zh-CN': '学历为本科，须为硕士研究生及以上',
      'en-US': "Education is Bachelor's, must be Master's or above",
    });
    expect(textOf({ '<=': [2, { var: 'title' }, 4] }, { title: 1 })).toEqual({
      'zh-CN': '职称为初级，须为中级及以上且为正高级及以下',
      'en-US': 'Professional title is Junior, must be Intermediate or above and Senior or below',
    });
    // numbers with their unit, a constant on the left turned round
    expect(textOf({ '>=': [25, { var: 'age' }] }, { age: 43 })).toEqual({ 'zh-CN': '年龄 43 岁，须不超过 25 岁', 'en-US': 'Age 43, must be at most 25' });
    expect(textOf({ '>': [{ var: 'yearsInZone' }, 2] }, { yearsInZone: 1 })).toEqual({ 'zh-CN': '在区年限 1 年，须高于 2 年', 'en-US': 'Years in the zone 1, must be more than 2' });
    expect(textOf({ '<': [{ var: 'age' }, 36] }, { age: 40 })['en-US']).toBe('Age 40, must be less than 36');
    expect(textOf({ '<=': [{ age_at: [{ var: 'birthDate' }, '2026-06-30'] }, 35] }, { birthDate: '1988-07-01' })).toEqual({
      'zh-CN': '截至2026-06-30的年龄为 37 岁，须不超过 35 岁',
      'en-US': 'Age on 2026-06-30 is 37, must be at most 35',
    });
    // dates, and an unknown value
    expect(textOf({ '>=': [{ var: 'arrivedOn' }, '2023-01-01'] }, {})).toEqual({ 'zh-CN': '来区日期未知，须在 2023-01-01 或之后', 'en-US': 'Arrival date unknown, must be on or after 2023-01-01' });
    expect(textOf({ '<': [{ var: 'arrivedOn' }, '2023-01-01'] }, { arrivedOn: '2024-03-01' })['zh-CN']).toBe('来区日期为2024-03-01，须早于 2023-01-01');
    // codes by their labels: equal, not equal, one of
    expect(textOf({ '==': [{ var: 'arrivalRoute' }, 'marketHire'] }, { arrivalRoute: 'flexible' })).toEqual({ 'zh-CN': '引进方式为柔性引进，须为市场化选聘', 'en-US': 'Arrival route is flexible introduction, must be market hire' });
    expect(textOf({ '!=': [{ var: 'status' }, 'left'] }, { status: 'left' })).toEqual({ 'zh-CN': '在区状态为已离区，须不是已离区', 'en-US': 'Status is left, must be other than left' });
    expect(textOf({ in: [{ var: 'tier' }, ['A', 'B']] }, { tier: 'C' })).toEqual({ 'zh-CN': '人才类别为C，须为A、B之一', 'en-US': 'Talent tier is C, must be one of A, B' });
    // lists of codes: a tag to have, a category to include, with what the subject has now
    expect(textOf({ in: ['创业', { var: 'tags' }] }, { tags: [] })).toEqual({ 'zh-CN': '需具有“创业”标签（当前无）', 'en-US': 'Must have the tag "创业" (has none)' });
    expect(textOf({ in: ['省级人才', { var: 'tags' }] }, { tags: ['海归', '博士后'] })).toEqual({ 'zh-CN': '需具有“省级人才”标签（当前：海归、博士后）', 'en-US': 'Must have the tag "省级人才" (has 海归, 博士后)' });
    expect(textOf({ in: ['c985', { var: 'schoolCategories' }] }, { schoolCategories: ['c211'] })).toEqual({
      'zh-CN': '毕业院校类别须包含“985高校”（当前：211高校）',
      'en-US': 'School category must include "985 university" (now 211 university)',
    });
    // yes/no facts
    expect(textOf({ var: 'overseas' }, { overseas: false })).toEqual({ 'zh-CN': '境外学历为否，须为是', 'en-US': 'Overseas degree is no, must be yes' });
    // no colon-and-"需要" program output is left in any of them
    for (const rule of [{ '>=': [{ var: 'age' }, 18] }, { in: ['x', { var: 'tags' }] }, { '==': [{ var: 'gender' }, 'male'] }]) {
      const text = textOf(rule, { age: 17, tags: ['y'], gender: 'female' });
      expect(text['zh-CN']).not.toMatch(/需要|: /);
      expect(text['en-US']).not.toMatch(/required/);
    }
  });

  it('labels codes that are data through the callback, falling back to the code', () => {
    const labels = (fact: string, code: string) => (fact === 'industry' && code === 'pumpsValves' ? '泵阀' : undefined);
    const explanation = explain({ in: [{ var: 'industry' }, ['pumpsValves', 'chips']] }, { ...nobody, industry: 'newMaterials' }, { model, labels });
    expect(explanation.trace.text['zh-CN']).toBe('所在产业为newMaterials，须为泵阀、chips之一');
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
