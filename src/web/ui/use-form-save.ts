import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '../app/api';
import { currentLanguage } from '../app/i18n';
import { applyFieldErrors } from './form-errors';
import { applyZodIssues } from './zod-form';

/** `['educations', 0, 'school']` is the field `educations.*.school`: a number stands for a list index. */
export const isFieldOf = (fields: readonly string[], path: readonly (string | number)[]) =>
  fields.includes(path.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.'));

/**
 * Saving a form: its own checks and the shared schema before sending, then the server's refusal — messages on the
 * fields they name (`fields`: dotted paths, `*` for a list index), the rest above the form, and a version conflict
 * (409) marked so the form can offer to reload the record.
 */
export function useFormSave<Values>(form: FormInstance<Values>, fields: readonly string[]) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const join = (messages: string[]) => messages.join(t('common.listSeparator'));

  const reset = () => {
    setError(null);
    setConflict(false);
  };

  /**
   * The fields' own rules (the checks made as one types), then the schema over the whole input (`parse`, as the server
   * parses it): answers the values when both pass; otherwise the messages are on the fields or above the form.
   */
  const check = async (parse: (values: Values) => z.ZodSafeParseResult<unknown>): Promise<Values | null> => {
    reset();
    const ruleFailed = await form.validateFields().then(
      () => false,
      () => true,
    );
    const values = form.getFieldsValue(true) as Values;
    const parsed = parse(values);
    if (!parsed.success) {
      const unmatched = applyZodIssues(form, parsed.error.issues, currentLanguage(), (path) => isFieldOf(fields, path));
      setError(unmatched.length ? join(unmatched) : null);
    }
    return ruleFailed || !parsed.success ? null : values;
  };

  /** The server refused: its field messages on the fields, the rest (or its message) above the form. */
  const refused = (refusal: unknown) => {
    if (!isApiError(refusal)) return setError(String(refusal));
    const unmatched = applyFieldErrors(form, refusal.fields, fields);
    setConflict(refusal.status === 409);
    setError(refusal.code === 'validation' && unmatched.length === 0 ? null : join([refusal.message, ...unmatched]));
  };

  return { form, error, conflict, reset, check, refused };
}

export type FormSave = ReturnType<typeof useFormSave<never>>;
