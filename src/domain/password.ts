/** Password rule: at least 8 characters from at least 3 of 4 classes, and not a well-known password. */
export const passwordMinLength = 8;
export const passwordMaxLength = 128;

const commonPasswords = new Set([
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword1', 'qwerty123', 'qwer1234', 'qwerty@123',
  '12345678', '123456789', '1234567890', '11111111', '88888888', '87654321', 'abc12345', 'abcd1234', 'a1234567',
  'aa123456', 'iloveyou1', 'admin123', 'admin@123', 'admin1234', 'administrator', 'root1234', 'root@123',
  'welcome1', 'welcome@1', 'letmein1', 'changeme', 'changeme1', 'test1234', 'test@123', 'zxcvbnm1', '1qaz2wsx',
  '1qaz@wsx', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', 'woaini1314', 'woaini520', 'Aa123456', 'Aa123456!', 'Abc@1234',
  'Abc123456', 'Admin@123', 'Admin@1234', 'P@ssw0rd', 'Password1', 'Password@1', 'Password123', 'Qwer@1234',
  'Qwerty@123', 'Welcome@123', 'Talent@123', 'Talentzone1',
].map((p) => p.toLowerCase()));

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooFewClasses' | 'common';

export function checkPassword(password: string): PasswordProblem | null {
  if (password.length < passwordMinLength) return 'tooShort';
  if (password.length > passwordMaxLength) return 'tooLong';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) return 'tooFewClasses';
  if (commonPasswords.has(password.toLowerCase())) return 'common';
  return null;
}
