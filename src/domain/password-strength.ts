/**
 * The zxcvbn-ts strength estimate (with the language-common dictionaries: common passwords, names, keyboard graphs).
 * Its dictionaries are large (about 1 MB): the server imports this module; the web app shows the server's field error.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { checkPassword, type PasswordProblem } from './password';

/** zxcvbn scores 0–4; below this the password is refused as `weak`. */
export const minimumStrength = 3;

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }));

/** The whole rule: `checkPassword`, then a zxcvbn score of at least 3 (the username is one of the words it knows). */
export function passwordProblemOf(password: string, username?: string | null): PasswordProblem | null {
  const problem = checkPassword(password, username);
  if (problem) return problem;
  const result = zxcvbn().check(password, username ? [username] : []);
  return result.score < minimumStrength ? 'weak' : null;
}
