/**
 * 居民身份证号 (GB 11643-1999): 6-digit area code, birth date YYYYMMDD, 3-digit sequence
 * (odd: male, even: female) and a check character by ISO 7064 MOD 11-2.
 */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

export type IdNumberProblem = 'empty' | 'fifteenDigits' | 'length' | 'characters' | 'birthDate' | 'checkCharacter';

export type IdNumberFacts = { idNumber: string; areaCode: string; birthDate: string; gender: 'male' | 'female' };

export type IdNumberResult = { ok: true; value: IdNumberFacts } | { ok: false; problem: IdNumberProblem };

/** The check character the first 17 digits call for. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * weights[index];
  return checkCharacters[sum % 11];
}

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Validates and normalises an ID number (lower-case x becomes X). `today` bounds the birth date:
 * no one is born in the future or before 1900.
 */
export function parseIdNumber(input: string, today = new Date()): IdNumberResult {
  const idNumber = input.trim().toUpperCase();
  if (idNumber === '') return { ok: false, problem: 'empty' };
  if (/^\d{15}$/.test(idNumber)) return { ok: false, problem: 'fifteenDigits' };
  if (idNumber.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'characters' };
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (year < 1900 || !validDate(year, month, day) || birthDate > today.toISOString().slice(0, 10)) return { ok: false, problem: 'birthDate' };
  if (idNumberCheckCharacter(idNumber) !== idNumber[17]) return { ok: false, problem: 'checkCharacter' };
  return {
    ok: true,
    value: { idNumber, areaCode: idNumber.slice(0, 6), birthDate, gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female' },
  };
}

/**
 * `140302************`: the area code only. Birth date, sequence and check character stay hidden: with the birth year
 * and gender shown beside it, a reader still has 365 × 500 candidates (docs/ARCHITECTURE.md, "Personal data").
 */
export const maskIdNumber = (idNumber: string) => (idNumber.length === 18 ? `${idNumber.slice(0, 6)}${'*'.repeat(12)}` : '*'.repeat(idNumber.length));

/** The year of a birth date (`1990-05-03` → 1990): what readers see instead of the date. */
export const birthYearOf = (birthDate: string) => Number(birthDate.slice(0, 4));
