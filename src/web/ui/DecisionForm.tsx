import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, type FormInstance } from 'antd';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewDecisions, type ReviewDecision } from '../../domain/policies/policy';
import { isApiError } from '../app/api';
import { applyFieldErrors } from './form-errors';

/** The locale namespaces of the case types' decision texts (each holds the same keys). */
export type DecisionTexts = 'cases.detail' | 'apartments.detail' | 'loans.detail' | 'applications.review';

export type DecisionValues = { decision: ReviewDecision; comment?: string; internalNote?: string };

/** What every decision sends besides its own data: the decision, the trimmed texts, the version read. */
export const decisionPayload = (values: DecisionValues, version: number) => ({
  decision: values.decision,
  comment: values.comment?.trim() ?? '',
  internalNote: values.internalNote?.trim() ?? '',
  version,
});

type DecisionFormProps<Values extends DecisionValues, Saved> = {
  title: ReactNode;
  /** The form's name (its fields' ids) and the prefix of its test ids (`<prefix>-comment`, `-submit`, `-error` …). */
  name: string;
  prefix: string;
  cardTestId: string;
  /** The locale namespace holding `decision`, `decisions.<approve|return|reject>`, `comment`, `commentRequired`, `internalNote`, `submit`. */
  texts: DecisionTexts;
  /** Said once the decision is saved. */
  doneText: string;
  /** The 409 code meaning "someone decided meanwhile" and what to say then (other 409s say the server's message). */
  stale?: { code: string; text: string };
  send: (values: Values) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
  onStale: () => void;
  /** Fields of the form besides the three, for the server's field errors (e.g. `data.bankReference`). */
  extraFields?: string[];
  /** Fields shown between the decision and the comment, given the decision chosen. */
  children?: (decision: ReviewDecision | undefined, form: FormInstance<Values>) => ReactNode;
  /** A last question before sending (e.g. approving without a required file); resolves to send or not. */
  confirm?: (values: Values) => Promise<boolean>;
  style?: CSSProperties;
};

/**
 * The one decision form of every case type (办理 / 审核): approve, return for correction or reject, a comment the
 * applicant sees (required to return or reject), an internal note, sent with the version read. A 409 reloads the
 * case and says why; field errors land on their fields, the rest above the form.
 */
export function DecisionForm<Values extends DecisionValues, Saved>({ title, name, prefix, cardTestId, texts, doneText, stale, send, onSaved, onStale, extraFields = [], children, confirm, style }: DecisionFormProps<Values, Saved>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const decision = Form.useWatch('decision', form) as ReviewDecision | undefined;
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: (saved) => (onSaved(saved), form.resetFields(), void message.success(doneText)),
    onError: (caught) => {
      if (!isApiError(caught)) return setError(String(caught));
      if (caught.status === 409) {
        setError(stale && caught.code === stale.code ? stale.text : caught.message);
        onStale();
        return;
      }
      const unmatched = applyFieldErrors(form, caught.fields, ['decision', 'comment', 'internalNote', ...extraFields]);
      setError(caught.code === 'validation' && unmatched.length === 0 ? null : [caught.message, ...unmatched].join(' '));
    },
  });
  const submit = async (values: Values) => {
    setError(null);
    if (confirm && !(await confirm(values))) return;
    mutation.mutate(values);
  };
  const needsComment = decision === 'return' || decision === 'reject';
  return (
    <Card title={title} data-testid={cardTestId} style={style}>
      <Form<Values> form={form} name={name} layout="vertical" initialValues={{ decision: 'approve' } as Partial<Values>} onFinish={(values) => void submit(values)}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={`${prefix}-error`} /> : null}
        <Form.Item name="decision" label={t(`${texts}.decision`)} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={reviewDecisions.map((value) => ({ value, label: t(`${texts}.decisions.${value}`) }))} data-testid={`${prefix}-decision`} />
        </Form.Item>
        {children?.(decision, form)}
        <Form.Item name="comment" label={t(`${texts}.comment`)} rules={needsComment ? [{ required: true, whitespace: true, message: t(`${texts}.commentRequired`) }] : []}>
          <Input.TextArea rows={2} maxLength={1000} data-testid={`${prefix}-comment`} />
        </Form.Item>
        <Form.Item name="internalNote" label={t(`${texts}.internalNote`)}>
          <Input.TextArea rows={2} maxLength={1000} data-testid={`${prefix}-internal-note`} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid={`${prefix}-submit`}>
          {t(`${texts}.submit`)}
        </Button>
      </Form>
    </Card>
  );
}
