import type { z } from 'zod';
import { fieldMessages, type FieldMessageCode } from './i18n';

export type FieldProblemCode = { code: FieldMessageCode; params?: Record<string, string | number> };

/**
 * A zod issue as a message code, the same for the API's error handler, the spreadsheet import and the web forms.
 * Custom issues carry their code in `params.code`; a value left empty is "required", whatever its type.
 */
export function issueProblem(issue: z.core.$ZodIssue): FieldProblemCode {
  const empty = (issue as { input?: unknown }).input === undefined || (issue as { input?: unknown }).input === null;
  switch (issue.code) {
    case 'invalid_type':
      return { code: empty ? 'required' : 'invalidType' };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return { code: minimum <= 1 ? 'required' : 'tooShort', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooFewItems', params: { minimum } };
      return { code: 'tooSmall', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      return { code: issue.origin === 'string' ? 'tooLong' : 'tooBig', params: { maximum } };
    }
    case 'invalid_format':
      return { code: 'invalidFormat' };
    case 'invalid_value':
      // a choice left empty is missing, not wrong
      return { code: empty ? 'required' : 'invalidValue' };
    case 'unrecognized_keys':
      return { code: 'unknownKeys', params: { keys: issue.keys.join(', ') } };
    case 'custom': {
      // the rest of `params` fills the message's placeholders (e.g. the path of a bad rule node)
      const { code, ...params } = (issue.params ?? {}) as { code?: FieldMessageCode } & Record<string, string | number>;
      if (!code || !(code in fieldMessages)) return { code: 'invalid' };
      return Object.keys(params).length ? { code, params } : { code };
    }
    default:
      return { code: 'invalid' };
  }
}
