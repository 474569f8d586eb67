import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ratingScores, reopenScore, type SubtaskDecision } from '../../../domain/cases';
import { isApiError } from '../../app/api';
import { applyFieldErrors } from '../../ui/form-errors';
import { formatDate, formatDateTime } from '../../ui/format';
import { fetchUnits } from '../organisations/organisations.api';
import { decideSubtask, rateServiceRequest, reopenServiceRequest, splitServiceRequest, type ServiceRequestDetail, type Subtask } from './cases.api';

type Saved = (saved: ServiceRequestDetail) => void;
const errorText = (caught: unknown) => (isApiError(caught) ? caught.message : String(caught));

/** 联办: the request's sub-tasks (unit, what to do, due, state, the unit's note); the unit of a sub-task ends it here. */
export function SubtasksCard({ detail, onSaved }: { detail: ServiceRequestDetail; onSaved: Saved }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const [ending, setEnding] = useState<Subtask | null>(null);
  if (!detail.subtasks.length && !detail.permissions.split) return null;
  const open = detail.subtasks.some((subtask) => subtask.status === 'open');
  const columns: TableColumnsType<Subtask> = [
    { key: 'unit', title: t('cases.detail.subtaskUnit'), render: (_, subtask) => (english ? subtask.unit.nameEn : subtask.unit.name) },
    { key: 'task', title: t('cases.detail.subtaskTask'), dataIndex: 'task' },
    {
      key: 'due',
      title: t('cases.detail.subtaskDue'),
      render: (_, subtask) => (
        <Flex gap={4} wrap>
          {formatDate(subtask.dueAt)}
          {subtask.overdue ? <Tag color="error">{t('cases.overdue')}</Tag> : null}
          {subtask.escalated ? <Tag color="warning">{t('cases.escalated')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'status', title: t('cases.detail.subtaskStatus'), render: (_, subtask) => <Tag color={subtask.status === 'done' ? 'success' : subtask.status === 'returned' ? 'warning' : 'processing'}>{t(`cases.subtaskStatuses.${subtask.status}`)}</Tag> },
    { key: 'note', title: t('cases.detail.subtaskNote'), render: (_, subtask) => subtask.note || t('common.none') },
    {
      key: 'actions',
      title: '',
      render: (_, subtask) =>
        subtask.canDecide ? (
          <Button size="small" type="primary" onClick={() => setEnding(subtask)} data-testid="subtask-end">
            {t('cases.detail.subtaskDone')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card title={t('cases.detail.subtasks')} data-testid="subtasks">
      {open && detail.permissions.split ? <Alert type="info" showIcon title={t('cases.detail.subtasksOpen')} style={{ marginBottom: 16 }} /> : null}
      <Table<Subtask> rowKey="id" size="small" pagination={false} columns={columns} dataSource={detail.subtasks} locale={{ emptyText: <Typography.Text type="secondary">{t('cases.detail.noSubtasks')}</Typography.Text> }} />
      {ending ? <SubtaskEndForm detail={detail} subtask={ending} onSaved={(saved) => (setEnding(null), onSaved(saved))} onCancel={() => setEnding(null)} /> : null}
      {detail.permissions.split ? <SplitForm detail={detail} onSaved={onSaved} /> : null}
    </Card>
  );
}

/** The 联办 unit's result: done with a note, or returned to the handling unit (a note saying why). */
function SubtaskEndForm({ detail, subtask, onSaved, onCancel }: { detail: ServiceRequestDetail; subtask: Subtask; onSaved: Saved; onCancel: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: SubtaskDecision; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const decision = Form.useWatch('decision', form);
  const mutation = useMutation({
    mutationFn: (values: { decision: SubtaskDecision; note?: string }) => decideSubtask(detail.id, subtask.id, { decision: values.decision, note: values.note?.trim() ?? '' }),
    onSuccess: (saved) => (void message.success(t('cases.detail.subtaskSaved')), onSaved(saved)),
    onError: (caught) => setError(isApiError(caught) ? [caught.message, ...applyFieldErrors(form, caught.fields, ['decision', 'note'])].join(' ') : String(caught)),
  });
  return (
    <Form form={form} name="subtask-end" layout="vertical" initialValues={{ decision: 'done' }} onFinish={(values) => (setError(null), mutation.mutate(values))} style={{ marginTop: 16 }}>
      <Typography.Paragraph strong>{subtask.task}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="decision" label={t('cases.detail.decision')}>
        <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'done', label: t('cases.detail.subtaskDone') }, { value: 'return', label: t('cases.detail.subtaskReturn') }]} />
      </Form.Item>
      <Form.Item name="note" label={t('cases.detail.subtaskNote')} rules={decision === 'return' ? [{ required: true, whitespace: true, message: t('cases.detail.subtaskNoteRequired') }] : []}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="subtask-note" />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="subtask-submit">
          {t('cases.detail.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}

type SplitValues = { subtasks: { unitCode?: string; task?: string; workingDays?: number }[] };

/** The handling unit (or the office) hands parts of the request to other units, each with a time limit in working days. */
function SplitForm({ detail, onSaved }: { detail: ServiceRequestDetail; onSaved: Saved }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const { message } = App.useApp();
  const [form] = Form.useForm<SplitValues>();
  const [error, setError] = useState<string | null>(null);
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const own = new Set(detail.unitNames.map((unit) => unit.code));
  const mutation = useMutation({
    mutationFn: (values: SplitValues) =>
      splitServiceRequest(detail.id, {
        subtasks: values.subtasks.map((subtask) => ({ unitCode: subtask.unitCode ?? '', task: subtask.task?.trim() ?? '', workingDays: subtask.workingDays ?? 0 })),
        version: detail.version,
      }),
    onSuccess: (saved) => (form.resetFields(), void message.success(t('cases.detail.splitDone')), onSaved(saved)),
    onError: (caught) => {
      if (!isApiError(caught)) return setError(String(caught));
      // the server names `subtasks.0.unitCode`, the form's Form.List the same path
      const unmatched = applyFieldErrors(form, caught.fields, ['subtasks.*.unitCode', 'subtasks.*.task', 'subtasks.*.workingDays']);
      setError(caught.code === 'validation' && unmatched.length === 0 ? null : [caught.message, ...unmatched].join(' '));
    },
  });
  return (
    <Form<SplitValues>
      form={form}
      name="split-request"
      layout="vertical"
      initialValues={{ subtasks: [{ workingDays: 5 }] }}
      onFinish={(values) => (setError(null), mutation.mutate(values))}
      style={{ marginTop: 16 }}
      data-testid="split-form"
    >
      <Typography.Title level={5}>{t('cases.detail.split')}</Typography.Title>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.List name="subtasks">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" wrap>
                <Form.Item name={[field.name, 'unitCode']} label={t('cases.detail.subtaskUnit')} rules={[{ required: true }]} style={{ minWidth: 240 }}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={units.isLoading}
                    data-testid="split-unit"
                    options={(units.data ?? []).filter((unit) => !own.has(unit.code)).map((unit) => ({ value: unit.code, label: english ? unit.nameEn : unit.name }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'task']} label={t('cases.detail.subtaskTask')} rules={[{ required: true, whitespace: true, min: 2, max: 500 }]} style={{ flex: 1, minWidth: 240 }}>
                  <Input maxLength={500} data-testid="split-task" />
                </Form.Item>
                <Form.Item name={[field.name, 'workingDays']} label={t('cases.detail.subtaskDays')} rules={[{ required: true }]}>
                  <InputNumber min={1} max={60} precision={0} />
                </Form.Item>
                {fields.length > 1 ? (
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('cases.detail.removeSubtask')} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                ) : null}
              </Flex>
            ))}
            <Flex gap={8}>
              <Button icon={<PlusOutlined />} onClick={() => add({ workingDays: 5 })} disabled={fields.length >= 10}>
                {t('cases.detail.addSubtask')}
              </Button>
              <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="split-submit">
                {t('cases.detail.splitSubmit')}
              </Button>
            </Flex>
          </>
        )}
      </Form.List>
    </Form>
  );
}

/** 好差评: the rating given (everyone who sees the request), the requester's form to rate once, and to reopen once after 不满意. */
export function RatingCard({ detail, onSaved }: { detail: ServiceRequestDetail; onSaved: Saved }) {
  const { t } = useTranslation();
  if (!detail.rating && !detail.permissions.rate) return null;
  return (
    <Card title={t('cases.detail.rating')} data-testid="rating">
      {detail.rating ? (
        <Flex vertical gap={4}>
          <span>
            <Tag color={detail.rating.score <= reopenScore ? 'error' : detail.rating.score >= 4 ? 'success' : 'default'} data-testid="rating-score">
              {t(`cases.ratings.${detail.rating.score as 1 | 2 | 3 | 4 | 5}`)}
            </Tag>
            <Typography.Text type="secondary">{formatDateTime(detail.rating.ratedAt)}</Typography.Text>
          </span>
          {detail.rating.comment ? <span>{detail.rating.comment}</span> : null}
          {detail.reopened ? <Typography.Text type="secondary">{t('cases.detail.reopenedOnce')}</Typography.Text> : null}
        </Flex>
      ) : (
        <RateForm detail={detail} onSaved={onSaved} />
      )}
      {detail.permissions.reopen ? <ReopenForm detail={detail} onSaved={onSaved} /> : null}
    </Card>
  );
}

function RateForm({ detail, onSaved }: { detail: ServiceRequestDetail; onSaved: Saved }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (values: { score: number; comment?: string }) => rateServiceRequest(detail.id, { score: values.score, comment: values.comment?.trim() ?? '' }),
    onSuccess: (saved) => (void message.success(t('cases.detail.rated')), onSaved(saved)),
    onError: (caught) => setError(isApiError(caught) ? [caught.message, ...applyFieldErrors(form, caught.fields, ['score', 'comment'])].join(' ') : errorText(caught)),
  });
  return (
    <Form form={form} name="rate-request" layout="vertical" onFinish={(values) => (setError(null), mutation.mutate(values))}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="score" label={t('cases.detail.score')} rules={[{ required: true }]}>
        <Radio.Group data-testid="rate-score" options={ratingScores.map((score) => ({ value: score, label: t(`cases.ratings.${score}`) }))} />
      </Form.Item>
      <Form.Item name="comment" label={t('cases.detail.ratingComment')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="rate-comment" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="rate-submit">
        {t('cases.detail.rateSubmit')}
      </Button>
    </Form>
  );
}

function ReopenForm({ detail, onSaved }: { detail: ServiceRequestDetail; onSaved: Saved }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (values: { comment: string }) => reopenServiceRequest(detail.id, { comment: values.comment.trim(), version: detail.version }),
    onSuccess: (saved) => (void message.success(t('cases.detail.reopenedDone')), onSaved(saved)),
    onError: (caught) => setError(isApiError(caught) ? [caught.message, ...applyFieldErrors(form, caught.fields, ['comment'])].join(' ') : errorText(caught)),
  });
  return (
    <Form form={form} name="reopen-request" layout="vertical" onFinish={(values) => (setError(null), mutation.mutate(values))} style={{ marginTop: 16 }} data-testid="reopen-form">
      <Typography.Paragraph type="secondary">{t('cases.detail.reopenHint')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="comment" label={t('cases.detail.reopenComment')} rules={[{ required: true, whitespace: true, min: 2, max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="reopen-comment" />
      </Form.Item>
      <Button danger htmlType="submit" loading={mutation.isPending} data-testid="reopen-submit">
        {t('cases.detail.reopenSubmit')}
      </Button>
    </Form>
  );
}
