/**
 * TOTP (RFC 6238, otplib) as the second factor: required for the three administrator roles (等保三级 demands two
 * factors for them), optional for everyone else. The secret is encrypted at rest (Secrets.encrypt); enrolment shows a
 * QR code (qrcode, a data URL) and confirms with a first code; 10 recovery codes are shown once and kept as SHA-256
 * hashes, each usable once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const totpIssuer = 'TalentZone';
/** Codes of the previous and next 30-second step are accepted too (clock drift). */
export const totpToleranceSeconds = 30;
export const recoveryCodeCount = 10;
/** The second step of a sign-in must come within this time, in at most `challengeAttempts` tries. */
export const challengeLifetimeMs = 5 * 60 * 1000;
export const challengeAttempts = 5;

export const newTotpSecret = () => generateSecret();

export async function totpEnrolment(username: string, secret: string) {
  const uri = generateURI({ issuer: totpIssuer, label: username, secret });
  return { secret, uri, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

export async function totpCodeIsValid(secret: string, code: string) {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    return (await verify({ secret, token: code, epochTolerance: totpToleranceSeconds })).valid;
  } catch {
    return false;
  }
}

/** The current code of a secret (tests and the e2e run sign in with it). */
export const totpCode = (secret: string) => generate({ secret });

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
/** `xxxxx-xxxxx`: 10 characters of a 31-letter alphabet (about 50 bits). */
export function newRecoveryCode() {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export const recoveryCodeHash = (code: string) => createHash('sha256').update(code.trim().toLowerCase().replace(/\s/g, '')).digest('hex');
