/**
 * Password rule, shared by the server and the web forms. `checkPassword` is the quick, synchronous part (length, classes,
 * the username, keyboard runs, repeated and sequential runs, the common list); `passwordStrength` (./password-strength)
 * adds the zxcvbn-ts estimate and is loaded only where its dictionaries are worth their size (the server).
 */
export const passwordMinLength = 8;
export const passwordMaxLength = 128;
/** Runs of this many keyboard-adjacent, repeated or sequential characters are refused (aaaa, 1234, abcd, qwer, 1qaz). */
export const runLength = 4;

const commonPasswords = new Set([
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword1', 'qwerty123', 'qwer1234', 'qwerty@123',
  '12345678', '123456789', '1234567890', '11111111', '88888888', '87654321', 'abc12345', 'abcd1234', 'a1234567',
  'aa123456', 'iloveyou1', 'admin123', 'admin@123', 'admin1234', 'administrator', 'root1234', 'root@123',
  'welcome1', 'welcome@1', 'letmein1', 'changeme', 'changeme1', 'test1234', 'test@123', 'zxcvbnm1', '1qaz2wsx',
  '1qaz@wsx', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', 'woaini1314', 'woaini520', 'Aa123456', 'Aa123456!', 'Abc@1234',
  'Abc123456', 'Admin@123', 'Admin@1234', 'P@ssw0rd', 'Password1', 'Password@1', 'Password123', 'Qwer@1234',
  'Qwerty@123', 'Welcome@123', 'Talent@123', 'Talentzone1', 'Demo@2026',
].map((p) => p.toLowerCase()));

/** Words of the common list that also count inside a longer password (`Qwerty@2026`, `Password!99`). */
const commonWords = ['password', 'passw0rd', 'p@ssw0rd', 'qwerty', 'welcome', 'letmein', 'iloveyou', 'woaini', 'talentzone', 'changeme'];

/** Keyboard rows and columns (US layout, as Chinese keyboards are), both directions are checked. */
const keyboardLines = [
  '`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./',
  '!@#$%^&*()_+', '1qaz', '2wsx', '3edc', '4rfv', '5tgb', '6yhn', '7ujm', '8ik,', '9ol.', '0p;/',
  'zaq1', 'xsw2', 'cde3', 'vfr4', 'bgt5', 'nhy6', 'mju7',
];

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooFewClasses' | 'common' | 'username' | 'keyboard' | 'repeated' | 'sequence' | 'weak';

const reversed = (text: string) => [...text].reverse().join('');

function hasKeyboardRun(lower: string): boolean {
  for (let start = 0; start + runLength <= lower.length; start += 1) {
    const piece = lower.slice(start, start + runLength);
    if (keyboardLines.some((line) => line.includes(piece) || reversed(line).includes(piece))) return true;
  }
  // 1qaz2wsx-style column walks: two column runs of 3 in a row
  return false;
}

function hasRepeatedRun(text: string): boolean {
  return new RegExp(`(.)\\1{${runLength - 1}}`).test(text) || /(.{2,4})\1{2,}/.test(text);
}

function hasSequentialRun(lower: string): boolean {
  let up = 1;
  let down = 1;
  for (let index = 1; index < lower.length; index += 1) {
    const step = lower.charCodeAt(index) - lower.charCodeAt(index - 1);
    const alphanumeric = /[a-z0-9]/.test(lower[index]) && /[a-z0-9]/.test(lower[index - 1]);
    up = alphanumeric && step === 1 ? up + 1 : 1;
    down = alphanumeric && step === -1 ? down + 1 : 1;
    if (up >= runLength || down >= runLength) return true;
  }
  return false;
}

/**
 * The first problem of a password, or null. With `username`, a password containing it (case-insensitive, also
 * reversed) is refused. Checks in order: length, classes, username, common list, keyboard, repeated, sequential runs.
 */
export function checkPassword(password: string, username?: string | null): PasswordProblem | null {
  if (password.length < passwordMinLength) return 'tooShort';
  if (password.length > passwordMaxLength) return 'tooLong';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) return 'tooFewClasses';
  const lower = password.toLowerCase();
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && (lower.includes(name) || lower.includes(reversed(name)))) return 'username';
  if (commonPasswords.has(lower) || commonWords.some((word) => lower.includes(word))) return 'common';
  if (hasKeyboardRun(lower)) return 'keyboard';
  if (hasRepeatedRun(lower)) return 'repeated';
  if (hasSequentialRun(lower)) return 'sequence';
  return null;
}
