import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, type ButtonProps, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { appraisalInput, appraisalOutcomes, executiveStatuses, termReminderDays, type AppraisalOutcome, type ExecutiveStatus } from '../../../domain/demands';
import { can } from '../../../domain/permissions';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FilterField } from '../../ui/FilterField';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate, formatDateTime, formatMoney, moneyInputProps } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { safeParseLikeServer } from '../../ui/zod-form';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchExecutive, fetchExecutives, recordAppraisal, type Appraisal, type AppraisalPayload, type ExecutiveDetail, type ExecutiveItem } from './campaigns.api';

const outcomeColours: Record<AppraisalOutcome, string> = { renew: 'green', adjustPay: 'blue', endTerm: 'default' };

/** Days from today to a date (negative: past). */
const daysUntil = (date: string) => dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');

/** The term's state in words: ended, past its end, ending within the reminder window, or serving. */
function TermTag({ executive }: { executive: ExecutiveItem }) {
  const { t } = useTranslation();
  if (executive.status === 'ended') return <Tag>{t('executives.statuses.ended')}</Tag>;
  const days = daysUntil(executive.termEnd);
  if (days < 0) return <Tag color="red" data-testid="term-overdue">{t('executives.term.overdue')}</Tag>;
  if (days <= termReminderDays) return <Tag color="orange" data-testid="term-ending">{t('executives.term.ending', { count: days })}</Tag>;
  return <Tag color="green">{t('executives.statuses.serving')}</Tag>;
}

/**
 * 市场化选聘: market-hired executives (enterprise HR its own) by term end: term of office (任期制), agreement salary
 * (协议工资制), appraisal cycles (绩效考核制) with targets, scores and outcomes; terms ending soon are marked, and the
 * reminder the office and the enterprise received is shown. `/executives/:id` opens one (the reminder's link).
 */
export function ExecutivesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const list = useListPage();
  const status = list.oneOf<ExecutiveStatus>('status', executiveStatuses);
  const query = { status, page: list.page, pageSize: list.pageSize };
  const executives = useQuery({ queryKey: ['executives', query], queryFn: () => fetchExecutives(query), placeholderData: keepPreviousData });
  const ending = (executives.data?.items ?? []).filter((item) => item.status === 'serving' && daysUntil(item.termEnd) <= termReminderDays);
  const columns: TableColumnsType<ExecutiveItem> = [
    {
      key: 'name', title: t('executives.columns.name'),
      render: (_, item) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => navigate({ pathname: `/executives/${item.id}`, search: window.location.search })} data-testid="executive-link">
          {item.talent.name}
        </Button>
      ),
    },
    { key: 'enterprise', title: t('executives.columns.enterprise'), render: (_, item) => item.enterprise?.name ?? t('common.none') },
    { key: 'post', title: t('executives.columns.post'), dataIndex: 'post' },
    { key: 'term', title: t('executives.columns.term'), render: (_, item) => `${formatDate(item.termStart)} – ${formatDate(item.termEnd)}` },
    { key: 'salary', title: t('executives.columns.agreementSalary'), render: (_, item) => formatMoney(item.agreementSalary), align: 'right' },
    { key: 'status', title: t('executives.columns.status'), render: (_, item) => <TermTag executive={item} /> },
  ];
  return (
    <>
      <PageHeader title={t('executives.title')} description={t('executives.description', { days: termReminderDays })} />
      {ending.length ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('executives.endingAlert', { count: ending.length, names: ending.map((item) => item.talent.name).join(t('common.listSeparator')) })} data-testid="executives-ending" />
      ) : null}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <FilterField label={t('executives.columns.status')}>
            <Select<ExecutiveStatus> allowClear value={status} placeholder={t('executives.columns.status')} onChange={(value) => list.filter({ status: value })} options={executiveStatuses.map((value) => ({ value, label: t(`executives.statuses.${value}`) }))} style={{ width: 160 }} />
          </FilterField>
        </Space>
        <ListTable<ExecutiveItem> list={list} query={executives} columns={columns} data-testid="executives-table" />
      </Card>
      <ExecutiveDrawer id={id} onClose={() => navigate({ pathname: '/executives', search: window.location.search })} />
    </>
  );
}

function ExecutiveDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const detail = useQuery({ queryKey: ['executive', id], queryFn: () => fetchExecutive(id!), enabled: Boolean(id) });
  const [appraising, setAppraising] = useState(false);
  const data = detail.data;
  const columns: TableColumnsType<Appraisal> = [
    { key: 'cycle', title: t('executives.appraisal.cycle'), dataIndex: 'cycle' },
    { key: 'targets', title: t('executives.appraisal.targets'), dataIndex: 'targets' },
    { key: 'score', title: t('executives.appraisal.score'), dataIndex: 'score', align: 'right' },
    {
      key: 'outcome', title: t('executives.appraisal.outcome'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Tag color={outcomeColours[row.outcome]}>{t(`executives.outcomes.${row.outcome}`)}</Tag>
          {row.newSalary !== null ? <Typography.Text type="secondary">{formatMoney(row.newSalary)}</Typography.Text> : null}
          {row.newTermEnd ? <Typography.Text type="secondary">{t('executives.appraisal.until', { date: formatDate(row.newTermEnd) })}</Typography.Text> : null}
        </Space>
      ),
    },
    { key: 'at', title: t('executives.appraisal.at'), render: (_, row) => formatDateTime(row.at), responsive: ['xl'] },
  ];
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={760}
      title={data ? `${data.talent.name} · ${data.post}` : t('executives.title')}
      data-testid="executive-drawer"
      extra={data && data.status === 'serving' && can(user.roles, 'executives.manage') ? <Button type="primary" onClick={() => setAppraising(true)} data-testid="executive-appraise">{t('executives.appraisal.add')}</Button> : undefined}
    >
      {detail.error ? <ErrorAlert message={detail.error.message} /> : null}
      {data ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {data.remindedFor && data.status === 'serving' ? <Alert type="warning" showIcon title={t('executives.term.reminded', { date: formatDate(data.remindedFor) })} data-testid="executive-reminded" /> : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('executives.columns.name')}>{can(user.roles, 'talents.read') ? <Link to={`/talents/${data.talent.id}`}>{data.talent.name}</Link> : data.talent.name}</Descriptions.Item>
            <Descriptions.Item label={t('executives.columns.enterprise')}>{data.enterprise?.name ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('executives.columns.post')}>{data.post}</Descriptions.Item>
            <Descriptions.Item label={t('executives.columns.termStart')}>{formatDate(data.termStart)}</Descriptions.Item>
            <Descriptions.Item label={t('executives.columns.termEnd')}>{formatDate(data.termEnd)}</Descriptions.Item>
            <Descriptions.Item label={t('executives.columns.agreementSalary')}>{formatMoney(data.agreementSalary)}</Descriptions.Item>
            <Descriptions.Item label={t('executives.columns.status')}><TermTag executive={data} /></Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('executives.appraisal.title')}</Typography.Title>
            <Table<Appraisal> rowKey="id" size="small" columns={columns} dataSource={data.appraisals} pagination={false} locale={{ emptyText: t('executives.appraisal.none') }} data-testid="executive-appraisals" />
          </div>
        </Space>
      ) : null}
      {appraising && data ? <AppraisalDialog executive={data} onClose={() => setAppraising(false)} /> : null}
    </Drawer>
  );
}

type AppraisalValues = { cycle?: string; targets?: string; score?: number; outcome?: AppraisalOutcome; newSalary?: number | null; newTermEnd?: Dayjs | null };

/** An appraisal cycle: targets, score, and the outcome — renew (a new term end), adjust pay (a new salary) or end the term. */
function AppraisalDialog({ executive, onClose }: { executive: ExecutiveDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AppraisalValues>();
  const save = useFormSave(form, ['cycle', 'targets', 'score', 'outcome', 'newSalary', 'newTermEnd']);
  const outcome = Form.useWatch('outcome', form);
  const payloadOf = (values: AppraisalValues): AppraisalPayload => ({
    cycle: values.cycle ?? '', targets: values.targets ?? '', score: values.score as number, outcome: values.outcome as AppraisalOutcome,
    newSalary: values.outcome === 'adjustPay' ? (values.newSalary ?? null) : null, newTermEnd: values.outcome === 'renew' && values.newTermEnd ? values.newTermEnd.format('YYYY-MM-DD') : null, version: executive.version,
  });
  const record = useMutation({
    mutationFn: (values: AppraisalValues) => recordAppraisal(executive.id, payloadOf(values)),
    onSuccess: (next) => {
      queryClient.setQueryData(['executive', executive.id], next);
      void queryClient.invalidateQueries({ queryKey: ['executives'] });
      void message.success(t('executives.appraisal.saved'));
      onClose();
    },
    onError: save.refused,
  });
  const handleSubmit = async () => {
    const values = await save.check((checked) => safeParseLikeServer(appraisalInput, payloadOf(checked)));
    if (values) record.mutate(values);
  };
  return (
    <Modal open title={t('executives.appraisal.add')} onCancel={onClose} onOk={() => void handleSubmit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={record.isPending} width={620} okButtonProps={{ 'data-testid': 'appraisal-save' } as ButtonProps}>
      <Form<AppraisalValues> form={form} name="appraisal" layout="vertical" initialValues={{ outcome: 'renew', newSalary: executive.agreementSalary }}>
        <FormErrorAlert save={save} testId="appraisal-error" />
        <Space wrap size="large">
          <Form.Item name="cycle" label={t('executives.appraisal.cycle')} required extra={t('executives.appraisal.cycleHelp')}>
            <Input maxLength={20} style={{ width: 200 }} data-testid="appraisal-cycle" />
          </Form.Item>
          <Form.Item name="score" label={t('executives.appraisal.score')} required>
            <InputNumber min={0} max={100} precision={0} data-testid="appraisal-score" />
          </Form.Item>
        </Space>
        <Form.Item name="targets" label={t('executives.appraisal.targets')} required>
          <Input.TextArea rows={3} maxLength={1000} data-testid="appraisal-targets" />
        </Form.Item>
        <Form.Item name="outcome" label={t('executives.appraisal.outcome')} required>
          <Select options={appraisalOutcomes.map((value) => ({ value, label: t(`executives.outcomes.${value}`) }))} style={{ width: 220 }} data-testid="appraisal-outcome" />
        </Form.Item>
        {outcome === 'renew' ? (
          <Form.Item name="newTermEnd" label={t('executives.appraisal.newTermEnd')} required>
            <DatePicker disabledDate={(day) => !day.isAfter(dayjs(executive.termEnd), 'day')} data-testid="appraisal-term-end" />
          </Form.Item>
        ) : null}
        {outcome === 'adjustPay' ? (
          <Form.Item name="newSalary" label={t('executives.appraisal.newSalary')} required>
            <InputNumber min={0} style={{ width: 220 }} {...moneyInputProps()} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
