/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over 0-9 and 21 capital letters (no I O Z S V):
 * registration authority, organisation type, 6-digit area code, the 9-character organisation code
 * (GB 11714, with its own check character) and a final check character (weighted sum mod 31).
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const organisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeProblem = 'empty' | 'length' | 'characters' | 'organisationCode' | 'checkCharacter';
export type CreditCodeResult = { ok: true; value: string } | { ok: false; problem: CreditCodeProblem };

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += alphabet.indexOf(first17[index]) * weights[index];
  return alphabet[(31 - (sum % 31)) % 31];
}

/** The check character of a GB 11714 organisation code's first eight characters. */
export function organisationCodeCheckCharacter(first8: string): string {
  let sum = 0;
  for (let index = 0; index < 8; index += 1) {
    const code = first8.charCodeAt(index);
    const value = code >= 65 ? code - 55 : code - 48; // digits 0-9, letters A=10 … Z=35
    sum += value * organisationCodeWeights[index];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function parseCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  if (code === '') return { ok: false, problem: 'empty' };
  if (code.length !== 18) return { ok: false, problem: 'length' };
  if (![...code].every((character) => alphabet.includes(character))) return { ok: false, problem: 'characters' };
  if (creditCodeCheckCharacter(code) !== code[17]) return { ok: false, problem: 'checkCharacter' };
  const organisationCode = code.slice(8, 17);
  if (/^[0-9A-Z]{8}[0-9X]$/.test(organisationCode) && organisationCodeCheckCharacter(organisationCode) !== organisationCode[8]) {
    return { ok: false, problem: 'organisationCode' };
  }
  return { ok: true, value: code };
}
