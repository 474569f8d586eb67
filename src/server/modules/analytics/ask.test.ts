import { describe, expect, it } from 'vitest';
import { parseQuestion, type AskReference } from './ask';

const reference: AskReference = {
  industries: [
    { code: 'digitalEconomy', name: '数字经济', chain: '数字经济产业链' },
    { code: 'newEnergyBattery', name: '新能源电池', chain: '新能源电池产业链' },
    { code: 'pumpsValves', name: '泵阀', chain: '泵阀产业链' },
    { code: 'newMaterials', name: '新材料', chain: '新材料产业链' },
    { code: 'chemicals', name: '化工', chain: null },
    { code: 'informationTechnology', name: '信息技术', chain: '数字经济产业链' },
  ],
};
const strip = (question: string) => {
  const answer = parseQuestion(question, reference);
  return { ...answer, filters: answer.filters.map(({ words: _words, ...filter }) => filter) };
};

describe('ask in words (parser)', () => {
  it('reads chains, education, an age phrase and a second chain', () => {
    expect(strip('新能源 硕士 35岁以下 泵阀')).toEqual({
      filters: [
        { kind: 'age', min: null, max: 34 },
        { kind: 'chain', value: '新能源电池产业链' },
        { kind: 'education', value: 'master' },
        { kind: 'chain', value: '泵阀产业链' },
      ],
      unknown: [],
      skipped: [],
    });
  });

  it('reads a time phrase, a status and an education in one run of characters', () => {
    expect(strip('近一年离开的博士')).toEqual({
      filters: [{ kind: 'period', months: 12 }, { kind: 'status', value: 'left' }, { kind: 'education', value: 'doctorate' }],
      unknown: [],
      skipped: [],
    });
  });

  it('shows unknown words as not understood and small words as skipped, never dropping either', () => {
    const answer = strip('化工 的 区块链 高级工程师 三十岁以上');
    expect(answer.filters).toEqual([{ kind: 'age', min: 30, max: null }, { kind: 'industry', value: 'chemicals' }, { kind: 'title', value: 'associateSenior' }]);
    expect(answer.unknown).toEqual(['区块链']);
    expect(answer.skipped).toEqual(['的']);
  });

  it('reads ranges, months and Chinese numbers; keeps the words each filter came from', () => {
    const answer = parseQuestion('30-40岁 最近6个月 到来的 本科 数字经济', reference);
    expect(answer.filters.map((filter) => filter.words)).toEqual(['30-40岁', '最近6个月', '本科', '数字经济']);
    expect(answer.filters[0]).toMatchObject({ kind: 'age', min: 30, max: 40 });
    expect(answer.filters[1]).toMatchObject({ kind: 'period', months: 6 });
    expect(answer.filters[3]).toMatchObject({ kind: 'chain', value: '数字经济产业链' });
    expect([answer.unknown, answer.skipped]).toEqual([['到来'], ['的']]);
    expect(strip('近三年 四十五岁以下').filters).toEqual([{ kind: 'age', min: null, max: 44 }, { kind: 'period', months: 36 }]);
  });
});
