import { ArrowLeftOutlined, CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, List, Radio, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { jointTaskOutcomes, type JointTaskOutcome } from '../../../domain/coordination';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { addJointTaskNote, closeJointTask, fetchJointTask, reportJointTaskPart, type JointTaskDetail } from './coordination.api';
import { jointTaskStatusColor, unitName } from './JointTasksPage';

/** One joint task: what it is, each helper unit's part and whether it is done, the progress notes; noting, reporting, closing. */
export function JointTaskPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const task = useQuery({ queryKey: ['joint-task', id], queryFn: () => fetchJointTask(id) });
  if (task.isLoading) return <CenteredSpin />;
  if (task.isError || !task.data) return <ErrorAlert message={String(task.error)} onRetry={() => void task.refetch()} />;
  const detail = task.data;
  const none = t('coordination.detail.none');
  return (
    <>
      <Link to="/joint-tasks">
        <ArrowLeftOutlined /> {t('coordination.detail.back')}
      </Link>
      <PageHeader
        title={detail.title}
        extra={
          <Flex gap={8}>
            {detail.overdue ? <Tag color="red">{t('coordination.overdue')}</Tag> : null}
            <Tag color={jointTaskStatusColor[detail.status]} data-testid="joint-task-status">{t(`coordination.statuses.${detail.status}`)}</Tag>
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions
            column={{ xs: 1, lg: 2 }}
            items={[
              { key: 'owner', label: t('coordination.detail.owner'), children: unitName(detail.owner) },
              { key: 'dueOn', label: t('coordination.detail.dueOn'), children: `${formatDate(detail.dueOn)}${detail.workingDays ? ` (${t('coordination.detail.workingDays', { count: detail.workingDays })})` : ''}` },
              { key: 'talent', label: t('coordination.detail.talent'), children: detail.talent ? <Link to={`/talents/${detail.talent.id}`}>{detail.talent.name}</Link> : none },
              { key: 'enterprise', label: t('coordination.detail.enterprise'), children: detail.enterprise ? <Link to={`/enterprises/${detail.enterprise.id}`}>{detail.enterprise.name}</Link> : none },
              { key: 'createdBy', label: t('coordination.detail.createdBy'), children: detail.createdBy },
              { key: 'createdAt', label: t('coordination.detail.createdAt'), children: formatDateTime(detail.createdAt) },
              ...(detail.closedAt ? [{ key: 'closedAt', label: t('coordination.detail.closedAt'), children: formatDateTime(detail.closedAt) }] : []),
              ...(detail.closingNote ? [{ key: 'closingNote', label: t('coordination.detail.closingNote'), children: detail.closingNote }] : []),
              ...(detail.description
                ? [{ key: 'description', label: t('coordination.detail.description'), span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{detail.description}</Typography.Paragraph> }]
                : []),
            ]}
          />
        </Card>
        <Helpers detail={detail} />
        {detail.can.note ? <NoteForm key={`note-${detail.version}`} detail={detail} /> : null}
        <Card title={t('coordination.detail.notes')}>
          {detail.notes.length ? (
            <Timeline
              data-testid="joint-task-notes"
              items={detail.notes.map((note) => ({
                content: (
                  <Flex vertical>
                    <span>
                      <Typography.Text strong>{formatDate(note.notedOn)}</Typography.Text>
                      <Typography.Text> · {note.unit ? unitName(note.unit) : t('coordination.detail.office')} · {note.author}</Typography.Text>
                    </span>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{note.text}</span>
                  </Flex>
                ),
              }))}
            />
          ) : (
            <Typography.Text type="secondary">{t('coordination.detail.noNotes')}</Typography.Text>
          )}
        </Card>
        {detail.can.close ? <CloseForm key={`close-${detail.version}`} detail={detail} /> : null}
      </Flex>
    </>
  );
}

function useTaskUpdate(detail: JointTaskDetail) {
  const queryClient = useQueryClient();
  return (saved: JointTaskDetail) => {
    queryClient.setQueryData(['joint-task', detail.id], saved);
    void queryClient.invalidateQueries({ queryKey: ['joint-tasks'] });
  };
}

/** The helper units, each part done or not; a unit (or the office) reports its part. */
function Helpers({ detail }: { detail: JointTaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useTaskUpdate(detail);
  const report = useMutation({
    mutationFn: ({ unitId, done }: { unitId: string; done: boolean }) => reportJointTaskPart(detail.id, unitId, { done, note: '' }),
    onSuccess: (saved) => {
      update(saved);
      void message.success(t('coordination.detail.saved'));
    },
    onError: (caught) => void message.error(String(caught instanceof Error ? caught.message : caught)),
  });
  return (
    <Card title={t('coordination.detail.helpers')}>
      <List
        data-testid="joint-task-helpers"
        dataSource={detail.helpers}
        renderItem={(helper) => (
          <List.Item
            actions={
              detail.can.reportParts.includes(helper.id)
                ? [
                    <Button
                      key="report"
                      type={helper.done ? 'default' : 'primary'}
                      loading={report.isPending && report.variables?.unitId === helper.id}
                      onClick={() => report.mutate({ unitId: helper.id, done: !helper.done })}
                      data-testid={`joint-task-part-${helper.id}`}
                    >
                      {helper.done ? t('coordination.detail.markNotDone') : t('coordination.detail.markDone')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              avatar={helper.done ? <CheckCircleOutlined style={{ color: '#237804', fontSize: 18 }} /> : <ClockCircleOutlined style={{ color: '#ad6800', fontSize: 18 }} />}
              title={
                <span>
                  {unitName(helper)} · <Typography.Text type={helper.done ? 'success' : 'warning'}>{helper.done ? t('coordination.detail.done') : t('coordination.detail.notDone')}</Typography.Text>
                </span>
              }
              description={
                <Flex vertical>
                  {helper.part ? <span>{t('coordination.detail.part')}：{helper.part}</span> : null}
                  {helper.done && helper.doneBy && helper.doneAt ? <span>{t('coordination.detail.doneBy', { name: helper.doneBy, at: formatDateTime(helper.doneAt) })}</span> : null}
                  {helper.doneNote ? <span>{helper.doneNote}</span> : null}
                </Flex>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

type NoteValues = { text: string; notedOn?: dayjs.Dayjs };

function NoteForm({ detail }: { detail: JointTaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useTaskUpdate(detail);
  const [form] = Form.useForm<NoteValues>();
  const save = useFormSave(form, ['text', 'notedOn']);
  const send = useMutation({
    mutationFn: (values: NoteValues) => addJointTaskNote(detail.id, { text: values.text.trim(), notedOn: values.notedOn?.format('YYYY-MM-DD') }),
    onSuccess: (saved) => {
      update(saved);
      form.resetFields();
      void message.success(t('coordination.detail.saved'));
    },
    onError: save.refused,
  });
  return (
    <Card title={t('coordination.detail.addNote')}>
      <Form<NoteValues> form={form} name="joint-task-note" layout="vertical" initialValues={{ notedOn: dayjs() }} onFinish={(values) => { save.reset(); send.mutate(values); }}>
        <FormErrorAlert save={save} testId="joint-task-note-error" />
        <Flex gap={12} align="start" wrap>
          <Form.Item name="notedOn" label={t('coordination.detail.notedOn')}>
            <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} allowClear={false} />
          </Form.Item>
          <Form.Item name="text" label={t('coordination.detail.addNote')} style={{ flex: 1, minWidth: 280 }} rules={[{ required: true, whitespace: true, message: t('coordination.required') }]}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('coordination.detail.notePlaceholder')} data-testid="joint-task-note" />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="joint-task-note-save">{t('coordination.detail.save')}</Button>
      </Form>
    </Card>
  );
}

type CloseValues = { outcome: JointTaskOutcome; note?: string };

/** The owner unit (or the office) closes or cancels on the version read: a 409 (parts open, stale) says why and reloads. */
function CloseForm({ detail }: { detail: JointTaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const update = useTaskUpdate(detail);
  const [form] = Form.useForm<CloseValues>();
  const save = useFormSave(form, ['outcome', 'note']);
  const open = detail.helpers.filter((helper) => !helper.done).length;
  const send = useMutation({
    mutationFn: (values: CloseValues) => closeJointTask(detail.id, { outcome: values.outcome, note: values.note?.trim() ?? '', version: detail.version }),
    onSuccess: (saved) => {
      update(saved);
      void message.success(t(saved.status === 'done' ? 'coordination.close.done' : 'coordination.close.cancelled'));
    },
    onError: (caught) => {
      save.refused(caught);
      void queryClient.invalidateQueries({ queryKey: ['joint-task', detail.id] });
    },
  });
  return (
    <Card title={t('coordination.close.title')} data-testid="joint-task-close-form">
      <Form<CloseValues> form={form} name="joint-task-close" layout="vertical" initialValues={{ outcome: 'done' }} onFinish={(values) => { save.reset(); send.mutate(values); }}>
        <FormErrorAlert save={save} testId="joint-task-close-error" />
        {open ? <Typography.Paragraph type="warning">{t('coordination.close.openParts', { count: open })}</Typography.Paragraph> : null}
        <Form.Item name="outcome" label={t('coordination.close.outcome')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={jointTaskOutcomes.map((value) => ({ value, label: t(`coordination.close.outcomes.${value}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('coordination.close.note')}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('coordination.close.notePlaceholder')} data-testid="joint-task-close-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="joint-task-close">{t('coordination.close.submit')}</Button>
      </Form>
    </Card>
  );
}
