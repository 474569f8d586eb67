import type { FormInstance } from 'antd';

/**
 * Shows the server's per-field messages (`{"password": "密码：至少 8 个字符", "sysadmin.password": …}`) on the form's
 * fields. `fieldNames` are the form's fields as dotted paths (`sysadmin.password`); dotted paths become nested names.
 * Returns the messages that match no field of the form, to show above it.
 */
export function applyFieldErrors<Values>(form: FormInstance<Values>, fields: Record<string, string>, fieldNames: readonly string[]): string[] {
  const entries: { name: string[]; errors: string[] }[] = [];
  const unmatched: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    if (fieldNames.includes(path)) entries.push({ name: path.split('.'), errors: [message] });
    else unmatched.push(message);
  }
  form.setFields(entries as Parameters<FormInstance<Values>['setFields']>[0]);
  if (entries.length) form.scrollToField(entries[0].name, { block: 'center' });
  return unmatched;
}
