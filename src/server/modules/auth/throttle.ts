/**
 * Sign-in throttling that cannot be turned against users: no account is ever locked. Failures are counted per
 * (username, address) pair, per address and per username, in `login_failures` (shared by every app server), and the
 * same rules apply whether the username exists or not:
 *
 * - a pair with `pairDelayAfter` failures or more waits 1 s, 2 s, 4 s … (doubling, at most `maxDelaySeconds`) after its
 *   last failure before the next attempt is heard: 429 with Retry-After;
 * - an image captcha (图形验证码) is required for a pair after `pairCaptchaAfter` failures, for every username from an
 *   address after `addressCaptchaAfter`, and for a username from any address after `accountCaptchaAfter`;
 * - counts end `failureWindowMs` after their last failure, and a successful sign-in clears its pair and username.
 *
 * docs/ARCHITECTURE.md ("Sign-in protection") states the same figures.
 */
import { createHash, randomUUID } from 'node:crypto';
import svgCaptcha from 'svg-captcha';
import type { Executor } from '../../db/client';
import { addFailure, clearFailures, insertCaptcha, readFailures, takeCaptcha } from './throttle.repo';

export const failureWindowMs = 15 * 60 * 1000;
export const pairDelayAfter = 3;
export const maxDelaySeconds = 60;
export const pairCaptchaAfter = 3;
export const addressCaptchaAfter = 10;
export const accountCaptchaAfter = 10;
export const captchaLifetimeMs = 2 * 60 * 1000;

export type ThrottleKeys = { pair: string; address: string; account: string };

export const throttleKeys = (username: string, ip: string | null): ThrottleKeys => ({
  pair: `pair:${username}@${ip ?? '-'}`,
  address: `address:${ip ?? '-'}`,
  account: `account:${username}`,
});

/** Seconds the pair must still wait after `failures` failures, the last at `lastAt` (0: none). */
export function delaySeconds(failures: number, lastAt: Date, now = Date.now()): number {
  if (failures < pairDelayAfter) return 0;
  const delay = Math.min(2 ** (failures - pairDelayAfter), maxDelaySeconds) * 1000;
  return Math.max(0, Math.ceil((lastAt.getTime() + delay - now) / 1000));
}

export type ThrottleState = { waitSeconds: number; captchaRequired: boolean };

export async function throttleState(executor: Executor, keys: ThrottleKeys): Promise<ThrottleState> {
  const counts = await readFailures(executor, [keys.pair, keys.address, keys.account], failureWindowMs);
  const pair = counts.get(keys.pair);
  const count = (key: string) => counts.get(key)?.count ?? 0;
  return {
    waitSeconds: pair ? delaySeconds(pair.count, pair.lastAt) : 0,
    captchaRequired: count(keys.pair) >= pairCaptchaAfter || count(keys.address) >= addressCaptchaAfter || count(keys.account) >= accountCaptchaAfter,
  };
}

export const countFailure = (executor: Executor, keys: ThrottleKeys) => addFailure(executor, [keys.pair, keys.address, keys.account], failureWindowMs);
export const clearSuccess = (executor: Executor, keys: ThrottleKeys) => clearFailures(executor, [keys.pair, keys.account]);

const answerHash = (id: string, answer: string) => createHash('sha256').update(`${id}:${answer.trim().toLowerCase()}`).digest('hex');

/** A new captcha: its id and the SVG image as a data URL; only the answer's hash is kept, for `captchaLifetimeMs`. */
export async function newCaptcha(executor: Executor) {
  // no look-alike characters (0/o, 1/l/i)
  const captcha = svgCaptcha.create({ size: 4, noise: 2, charPreset: 'abcdefghjkmnpqrstuvwxyz23456789', width: 120, height: 44 });
  const id = randomUUID();
  await insertCaptcha(executor, { id, answerHash: answerHash(id, captcha.text), expiresAt: new Date(Date.now() + captchaLifetimeMs) });
  return { id, image: `data:image/svg+xml;base64,${Buffer.from(captcha.data).toString('base64')}` };
}

/** Whether the answer is right; the captcha is used up either way. Case is ignored. */
export async function solveCaptcha(executor: Executor, id: string | undefined, answer: string | undefined) {
  if (!id || !answer) return false;
  const row = await takeCaptcha(executor, id);
  return !!row && row.answerHash === answerHash(id, answer);
}

/** The stored form of an answer (tests store a captcha whose answer they know: the image is not machine-readable on purpose). */
export const captchaAnswerHash = answerHash;
