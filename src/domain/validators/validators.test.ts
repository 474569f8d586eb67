import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, parseCreditCode } from './credit-code';
import { idNumberCheckCharacter, maskIdNumber, parseIdNumber } from './id-number';
import { maskPhone, parseMobilePhone } from './phone';

const today = new Date('2026-11-28T00:00:00Z');

describe('居民身份证号 GB 11643', () => {
  it('accepts the example in the standard and derives birth date and gender', () => {
    expect(parseIdNumber('11010519491231002X', today)).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', areaCode: '110105', birthDate: '1949-12-31', gender: 'female' },
    });
  });

  it('accepts a lower-case x and stores it upper-case', () => {
    const result = parseIdNumber(' 11010519491231002x ', today);
    expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
  });

  it('computes the check character by ISO 7064 MOD 11-2', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('14030219900307123')).toBe('6'); // 7+36+15+8+2+9+54+27+35+8+8+6 = 215, 215 mod 11 = 6 → '6'
    const result = parseIdNumber('140302199003071236', today);
    expect(result).toMatchObject({ ok: true, value: { areaCode: '140302', birthDate: '1990-03-07', gender: 'male' } });
  });

  it.each([
    ['110105194912310021', 'checkCharacter'],
    ['11010519491231002Y', 'characters'],
    ['110105491231002', 'fifteenDigits'],
    ['1101051949123100', 'length'],
    ['110105194902300024', 'birthDate'], // 30 February
    ['110105203012310024', 'birthDate'], // born in the future
    ['', 'empty'],
  ])('refuses %s (%s)', (input, problem) => {
    expect(parseIdNumber(input, today)).toEqual({ ok: false, problem });
  });

  it('masks all but the area code: no digit of the birth date, sequence or check character', () => {
    expect(maskIdNumber('140302199003071234')).toBe('140302************');
  });
});

describe('统一社会信用代码 GB 32100', () => {
  it.each(['91350100M000100Y43', '91110108551385082Q'])('accepts %s', (code) => {
    expect(parseCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it('normalises case', () => {
    expect(parseCreditCode('91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it.each([
    ['91350100M000100Y44', 'checkCharacter'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100I43', 'characters'], // I is not in the alphabet
    ['', 'empty'],
  ])('refuses %s (%s)', (input, problem) => {
    expect(parseCreditCode(input)).toEqual({ ok: false, problem });
  });

  it('refuses a code whose organisation code (GB 11714) check character is wrong even if the final one fits', () => {
    const first17 = '91310000710938080';
    const code = first17 + creditCodeCheckCharacter(first17);
    expect(parseCreditCode(code)).toEqual({ ok: false, problem: 'organisationCode' });
  });
});

describe('mobile phone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-19912345678', '19912345678'],
  ])('accepts %s', (input, value) => {
    expect(parseMobilePhone(input)).toEqual({ ok: true, value });
  });

  it.each(['12812345678', '1381234567', '138123456789', '+85213812345678', 'abc'])('refuses %s', (input) => {
    expect(parseMobilePhone(input)).toEqual({ ok: false });
  });

  it('masks the middle four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
