/**
 * The talent card (人才卡) and its green-channel privileges (绿色通道). A card shows a QR code whose content is a signed,
 * short-lived code: it names the card and the minute it was made, and a service point's check accepts it during that
 * minute and the next one only, so a screenshot expires within two minutes and a revoked card's codes stop at once.
 */

/** The privileges a tier's card may carry (the source's green channel: 金融、文旅、交通、医疗, plus schooling). */
export const cardPrivilegeKinds = ['medical', 'schooling', 'transport', 'cultureTourism', 'finance'] as const;
export type CardPrivilegeKind = (typeof cardPrivilegeKinds)[number];

/** What a check of a code finds. Only `valid` shows the holder's name and tier. */
export const cardCheckOutcomes = ['valid', 'expired', 'revoked', 'lapsed', 'invalid'] as const;
export type CardCheckOutcome = (typeof cardCheckOutcomes)[number];

export type CardStatus = 'active' | 'lapsed' | 'revoked';

/** A code lives for its own minute and the next one (a scan that starts at :59 still works). */
export const codeMinuteSeconds = 60;
export const acceptedMinutes = 2;

const prefix = 'TZC1';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const minuteOf = (at: Date) => Math.floor(at.getTime() / 1000 / codeMinuteSeconds);

/** The text signed for a card and minute. */
export const signedText = (cardId: string, minute: number) => `${prefix}.${cardId}.${minute}`;

/** The code for a card at a minute, with its signature (from `Secrets.cardSignature`). */
export function formatCardCode(cardId: string, minute: number, sign: (text: string) => string): string {
  return `${prefix}.${cardId.replaceAll('-', '')}.${minute.toString(36)}.${sign(signedText(cardId, minute))}`;
}

export type ParsedCardCode = { cardId: string; minute: number; signature: string };

/** Reads a code's parts (or null when it is not a card code at all); the signature is checked by the caller. */
export function parseCardCode(code: string): ParsedCardCode | null {
  const parts = code.trim().split('.');
  if (parts.length !== 4 || parts[0] !== prefix) return null;
  const [, compactId, minuteText, signature] = parts;
  if (!/^[0-9a-f]{32}$/.test(compactId) || !/^[0-9a-z]{1,12}$/.test(minuteText) || !/^[A-Za-z0-9_-]{16,64}$/.test(signature)) return null;
  const cardId = `${compactId.slice(0, 8)}-${compactId.slice(8, 12)}-${compactId.slice(12, 16)}-${compactId.slice(16, 20)}-${compactId.slice(20)}`;
  if (!uuidPattern.test(cardId)) return null;
  const minute = parseInt(minuteText, 36);
  if (!Number.isSafeInteger(minute)) return null;
  return { cardId, minute, signature };
}

/** Whether a code made in `codeMinute` is still accepted at `now`. A code from the future (clock skew) is refused too. */
export function codeFresh(codeMinute: number, now: Date): boolean {
  const current = minuteOf(now);
  return codeMinute <= current && current - codeMinute < acceptedMinutes;
}

/** When a code made at `minute` stops being accepted. */
export const codeExpiresAt = (minute: number) => new Date((minute + acceptedMinutes) * codeMinuteSeconds * 1000);

/** A card's status on a day: revoked wins, then the end of its validity. */
export function cardStatus(card: { validUntil: string; revokedAt: Date | null }, today: string): CardStatus {
  if (card.revokedAt) return 'revoked';
  return card.validUntil < today ? 'lapsed' : 'active';
}
