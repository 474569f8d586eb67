import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { policiesEnUS, policiesZhCN } from './locales';
import { ruleLines, type RuleTextContext } from './rule-text';

/** A t() over the module's own texts (i18next's {{x}} interpolation), so the test reads what the page shows. */
function translator(texts: Record<string, unknown>): TFunction {
  return ((key: string, values: Record<string, unknown> = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), texts);
    return typeof found === 'string' ? found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name])) : key;
  }) as unknown as TFunction;
}

const parameters = [
  { name: 'perDoctor', label: '每名博士补贴', value: 50_000, kind: 'yuan' },
  { name: 'minEducation', label: '最低学历', value: 6, kind: 'rank' },
];
const context = (language: 'zh-CN' | 'en-US'): RuleTextContext => ({ t: translator(language === 'zh-CN' ? policiesZhCN : policiesEnUS), language, kind: 'enterprise', parameters });

describe('rule text', () => {
  it('says an amount rule with arithmetic in words, parameters by their labels and money in the one convention, never as JSON', () => {
    const amount = { '+': [{ '*': [{ var: 'staffDoctorate' }, { var: 'params.perDoctor' }] }, 1000] };
    expect(ruleLines(amount, context('zh-CN'))).toEqual([{ depth: 0, text: '博士人数 × 参数“每名博士补贴”（现为 50,000 元） + 1000' }]);
    expect(ruleLines(amount, context('en-US'))).toEqual([{ depth: 0, text: 'Doctorates employed × parameter “每名博士补贴” (now ¥50,000) + 1000' }]);
    const smaller = { min: [{ var: 'params.perDoctor' }, 20_000] };
    expect(ruleLines(smaller, context('zh-CN'))[0].text).toBe('参数“每名博士补贴”（现为 50,000 元）、20000中的较小者');
    for (const line of [...ruleLines(amount, context('zh-CN')), ...ruleLines(smaller, context('en-US'))]) expect(line.text).not.toMatch(/params\.|\{|"var"/);
  });
});
