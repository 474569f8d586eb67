import { issueProblem } from '../../domain/issues';
import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import { fieldLabel, fieldMessages, fill, type Language } from '../../domain/i18n';

type Issue = z.core.$ZodIssue;

const problemOf = issueProblem;

/** The message of one issue without the field's name (the form shows it under the field). */
export function issueMessage(issue: Issue, language: Language): string {
  const problem = problemOf(issue);
  return fill(fieldMessages[problem.code][language], problem.params);
}

/** The message of one issue with the field's name (`学历 › #1 › 院校：必填`), for a list above the form. */
export function labelledIssueMessage(issue: Issue, language: Language): string {
  return `${fieldLabel(issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)), language)}${language === 'zh-CN' ? '：' : ' '}${issueMessage(issue, language)}`;
}

/** Parses like the server does: with the input kept on the issues (so an absent value reads "required"). */
export const safeParseLikeServer = <Schema extends z.ZodType>(schema: Schema, value: unknown) => schema.safeParse(value, { reportInput: true });

/** An antd rule that runs a zod schema on the field's value and shows the first issue; empty values pass (mark required fields separately). */
export function zodRule(schema: z.ZodType, language: Language): FormRule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = safeParseLikeServer(schema, value);
      if (!result.success) throw new Error(issueMessage(result.error.issues[0], language));
    },
  };
}

/**
 * Puts the issues of a whole-form parse on the form's fields (issue paths are the form's names). `isField` says which
 * paths are fields of the form; issues of other paths come back labelled, to show above the form.
 */
export function applyZodIssues<Values>(form: FormInstance<Values>, issues: readonly Issue[], language: Language, isField: (path: (string | number)[]) => boolean): string[] {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: string[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    if (!isField(path)) {
      unmatched.push(labelledIssueMessage(issue, language));
      continue;
    }
    const key = path.join('.');
    if (!byField.has(key)) byField.set(key, { name: path, errors: [issueMessage(issue, language)] });
  }
  const entries = [...byField.values()];
  form.setFields(entries as Parameters<FormInstance<Values>['setFields']>[0]);
  if (entries.length) form.scrollToField(entries[0].name, { block: 'center' });
  return [...new Set(unmatched)];
}
