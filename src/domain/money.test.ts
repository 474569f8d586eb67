import { describe, expect, it } from 'vitest';
import { formatMoney, groupDigits, moneyUnit, parseGroupedDigits } from './money';

describe('the one money convention', () => {
  it('groups thousands and puts the unit where each language reads it', () => {
    expect(formatMoney(3000, 'zh-CN')).toBe('3,000 元');
    expect(formatMoney(3000, 'en-US')).toBe('¥3,000');
    expect(formatMoney(3_012_000, 'zh-CN')).toBe('3,012,000 元');
    expect(formatMoney(0, 'en-US')).toBe('¥0');
    expect(formatMoney(1234.5, 'zh-CN')).toBe('1,234.5 元');
    expect(formatMoney(-2500, 'zh-CN')).toBe('-2,500 元');
    expect(formatMoney(-2500, 'en-US')).toBe('-¥2,500');
  });

  it('gives a column’s unit and the digits of its cells, and reads a grouped input back', () => {
    expect(moneyUnit('zh-CN')).toBe('元');
    expect(moneyUnit('en-US')).toBe('¥');
    expect(groupDigits(1_500_000)).toBe('1,500,000');
    expect(parseGroupedDigits('1,500,000')).toBe('1500000');
    expect(parseGroupedDigits('¥ 3,000')).toBe('3000');
    expect(parseGroupedDigits(undefined)).toBe('');
  });
});
