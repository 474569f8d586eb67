import type { FormInstance } from 'antd';

/** `educations.*.school` matches `educations.0.school`: a `*` segment stands for a list index. */
function matches(pattern: string, path: string): boolean {
  const patternParts = pattern.split('.');
  const pathParts = path.split('.');
  return patternParts.length === pathParts.length && patternParts.every((part, index) => part === pathParts[index] || (part === '*' && /^\d+$/.test(pathParts[index])));
}

/** A dotted path as the form's name path: index segments become numbers, as Form.List names them. */
const namePathOf = (path: string) => path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));

/**
 * Shows the server's per-field messages (`{"password": "密码：至少 8 个字符", "sysadmin.password": …}`) on the form's
 * fields. `fieldNames` are the form's fields as dotted paths (`sysadmin.password`, `educations.*.school` for the
 * fields of a dynamic list); dotted paths become nested names.
 * Returns the messages that match no field of the form, to show above it.
 */
export function applyFieldErrors<Values>(form: FormInstance<Values>, fields: Record<string, string>, fieldNames: readonly string[]): string[] {
  const entries: { name: (string | number)[]; errors: string[] }[] = [];
  const unmatched: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    if (fieldNames.some((pattern) => matches(pattern, path))) entries.push({ name: namePathOf(path), errors: [message] });
    else unmatched.push(message);
  }
  form.setFields(entries as Parameters<FormInstance<Values>['setFields']>[0]);
  if (entries.length) form.scrollToField(entries[0].name, { block: 'center' });
  return unmatched;
}
