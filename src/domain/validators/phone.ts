/** Mainland mobile numbers: optional +86 / 0086, then 1[3-9] and nine digits; spaces and hyphens are ignored. */
export type PhoneResult = { ok: true; value: string } | { ok: false };

export function parseMobilePhone(input: string): PhoneResult {
  const compact = input.replace(/[\s-]/g, '');
  const match = /^(?:\+86|0086)?(1[3-9]\d{9})$/.exec(compact);
  return match ? { ok: true, value: match[1] } : { ok: false };
}

/** `138****5678`. */
export const maskPhone = (phone: string) => (phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length));
