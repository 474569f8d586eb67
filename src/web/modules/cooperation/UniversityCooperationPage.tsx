import { DownloadOutlined, PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Drawer, Form, Input, List, Modal, Row, Select, Space, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { internEvaluations, transferStages, type InternEvaluation, type TransferStage } from '../../../domain/cooperation';
import { can } from '../../../domain/permissions';
import { FilterField } from '../../ui/FilterField';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatAmount, formatDate } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { SearchInput } from '../../ui/SearchInput';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchTalents } from '../talents/talents.api';
import {
  convertInternship, downloadInternships, fetchBases, fetchInternships, fetchTransfers, fetchUniversities, fetchUniversity, recordInternship, type Internship,
  type TechTransfer, type University,
} from './cooperation.api';

const tabs = ['universities', 'internships', 'transfers'] as const;
type TabKey = (typeof tabs)[number];
const iso = (value: dayjs.Dayjs) => value.format('YYYY-MM-DD');

/** 省校合作: the partner universities, internships (records and conversions), tech transfers. */
export function UniversityCooperationPage() {
  const { t } = useTranslation();
  const list = useListPage();
  const tab = list.oneOf<TabKey>('tab', tabs) ?? 'universities';
  const body: Record<TabKey, React.ReactNode> = { universities: <UniversityList />, internships: <InternshipList />, transfers: <TransferList /> };
  return (
    <>
      <PageHeader title={t('coop.university.title')} description={t('coop.university.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => list.replace(new URLSearchParams(key === 'universities' ? {} : { tab: key }))}
        items={tabs.map((key) => ({ key, label: t(`coop.university.tabs.${key}`), children: key === tab ? body[key] : null }))}
      />
    </>
  );
}

function UniversityList() {
  const { t } = useTranslation();
  const list = useListPage();
  const q = list.param('q');
  const query = { q, page: list.page, pageSize: list.pageSize };
  const universities = useQuery({ queryKey: ['universities', query], queryFn: () => fetchUniversities(query), placeholderData: keepPreviousData });
  const [open, setOpen] = useState<University | null>(null);
  const columns: TableColumnsType<University> = [
    { key: 'name', title: t('coop.university.columns.university'), render: (_, row) => <Typography.Link onClick={() => setOpen(row)}>{row.name}</Typography.Link> },
    { key: 'signedOn', title: t('coop.university.columns.signedOn'), render: (_, row) => formatDate(row.agreement?.signedOn) || t('coop.none') },
    { key: 'scope', title: t('coop.university.columns.scope'), render: (_, row) => row.agreement?.scope ?? t('coop.none'), responsive: ['xl'] },
    { key: 'items', title: t('coop.university.columns.items'), dataIndex: 'items', align: 'right' },
    { key: 'bases', title: t('coop.university.columns.bases'), dataIndex: 'bases', align: 'right' },
    { key: 'interns', title: t('coop.university.columns.interns'), dataIndex: 'interns', align: 'right' },
  ];
  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <SearchInput value={q} placeholder={t('coop.search')} onSearch={(value) => list.filter({ q: value })} />
        </Col>
      </Row>
      <ListTable<University> list={list} query={universities} columns={columns} rowKey="id" data-testid="universities-table" />
      {open ? <UniversityDrawer university={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

function UniversityDrawer({ university, onClose }: { university: University; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: ['universities', university.id], queryFn: () => fetchUniversity(university.id) });
  return (
    <Drawer open size="large" title={t('coop.university.itemsOf', { name: university.name })} onClose={onClose}>
      <List
        loading={detail.isLoading}
        dataSource={detail.data?.itemList ?? []}
        renderItem={(item) => (
          <List.Item>
            <List.Item.Meta
              title={<Space wrap><span>{item.title}</span><Tag>{t(`coopLabels.cooperationKind.${item.kind}`)}</Tag><Tag color="blue">{t(`coopLabels.cooperationStatus.${item.status}`)}</Tag></Space>}
              description={[formatDate(item.startedOn), item.enterprise?.name].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}

function InternshipList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const records = can(useCurrentUser().roles, 'internships.record');
  const list = useListPage();
  const q = list.param('q');
  const converted = list.oneOf<'true' | 'false'>('converted', ['true', 'false']);
  const query = { q, converted, page: list.page, pageSize: list.pageSize };
  const internships = useQuery({ queryKey: ['internships', query], queryFn: () => fetchInternships(query), placeholderData: keepPreviousData });
  const [recording, setRecording] = useState(false);
  const [converting, setConverting] = useState<Internship | null>(null);
  const exporting = useMutation({ mutationFn: () => downloadInternships({ q, converted }), onSuccess: (name) => void message.success(t('coop.exported', { name })), onError: (error) => void message.error(error.message) });
  const columns: TableColumnsType<Internship> = [
    { key: 'student', title: t('coop.university.columns.student'), dataIndex: 'studentName' },
    { key: 'university', title: t('coop.university.columns.university'), render: (_, row) => row.university.name },
    { key: 'enterprise', title: t('coop.university.columns.enterprise'), render: (_, row) => row.enterprise.name, responsive: ['xl'] },
    { key: 'major', title: t('coop.university.columns.major'), dataIndex: 'major', responsive: ['xxl'] },
    { key: 'period', title: t('coop.university.columns.period'), render: (_, row) => `${formatDate(row.periodFrom)} – ${formatDate(row.periodTo)}` },
    { key: 'evaluation', title: t('coop.university.columns.evaluation'), dataIndex: 'evaluation', render: (value: InternEvaluation | null) => (value ? t(`coopLabels.internEvaluation.${value}`) : t('coop.none')) },
    { key: 'hired', title: t('coop.university.columns.hired'), render: (_, row) => (row.hired ? <Tag color="green">{row.hired.name}</Tag> : t('coop.none')) },
    ...(records
      ? [{ key: 'actions', title: t('coop.university.columns.actions'), render: (_: unknown, row: Internship) => (row.hired ? null : (
          <Button size="small" icon={<UserSwitchOutlined />} onClick={() => setConverting(row)} data-testid="internship-convert">{t('coop.university.convert')}</Button>
        )) }]
      : []),
  ];
  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="bottom">
        <Col xs={24} lg={9}>
          <SearchInput value={q} placeholder={t('coop.search')} onSearch={(value) => list.filter({ q: value })} data-testid="internships-search" />
        </Col>
        <Col xs={12} lg={5}>
          <FilterField label={t('coop.university.converted')}>
            <Select allowClear value={converted} placeholder={t('coop.university.converted')} style={{ width: '100%' }} onChange={(value?: string) => list.filter({ converted: value })}
              options={[{ value: 'true', label: t('coop.university.convertedYes') }, { value: 'false', label: t('coop.university.convertedNo') }]} />
          </FilterField>
        </Col>
        <Col flex="auto" style={{ textAlign: 'right' }}>
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()}>{t('coop.export')}</Button>
            {records ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="internship-record">{t('coop.university.record')}</Button> : null}
          </Space>
        </Col>
      </Row>
      <ListTable<Internship> list={list} query={internships} columns={columns} rowKey="id" data-testid="internships-table" />
      {recording ? <RecordDialog onClose={() => setRecording(false)} /> : null}
      {converting ? <ConvertDialog internship={converting} onClose={() => setConverting(null)} /> : null}
    </Card>
  );
}

type RecordValues = { baseId: string; studentName: string; major: string; period: [dayjs.Dayjs, dayjs.Dayjs]; mentor: string; evaluation?: InternEvaluation };

function RecordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RecordValues>();
  const save = useFormSave(form, ['baseId', 'studentName', 'major', 'period', 'mentor', 'evaluation']);
  const bases = useQuery({ queryKey: ['internship-bases'], queryFn: () => fetchBases({ page: 1, pageSize: 200 }) });
  const record = useMutation({
    mutationFn: ({ period, ...values }: RecordValues) => recordInternship({ ...values, periodFrom: iso(period[0]), periodTo: iso(period[1]), evaluation: values.evaluation ?? null }),
    onSuccess: () => {
      void message.success(t('coop.saved'));
      void queryClient.invalidateQueries({ queryKey: ['internships'] });
      onClose();
    },
    onError: save.refused,
  });
  const required = [{ required: true, message: t('coop.university.required') }];
  return (
    <Modal open title={t('coop.university.recordTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('coop.university.record')} cancelText={t('common.cancel')} confirmLoading={record.isPending}>
      <Form form={form} name="internship" layout="vertical" onFinish={(values) => { save.reset(); record.mutate(values); }}>
        <FormErrorAlert save={save} testId="internship-error" />
        <Form.Item name="baseId" label={t('coop.university.fields.baseId')} rules={required}>
          <Select loading={bases.isLoading} data-testid="internship-base" options={(bases.data?.items ?? []).map((base) => ({ value: base.id, label: `${base.enterprise.name} · ${base.university.name}` }))} />
        </Form.Item>
        <Form.Item name="studentName" label={t('coop.university.fields.studentName')} rules={required}><Input maxLength={60} data-testid="internship-student" /></Form.Item>
        <Form.Item name="major" label={t('coop.university.fields.major')} rules={required}><Input maxLength={100} data-testid="internship-major" /></Form.Item>
        <Form.Item name="period" label={`${t('coop.university.fields.periodFrom')} – ${t('coop.university.fields.periodTo')}`} rules={required}>
          <DatePicker.RangePicker data-testid="internship-period" />
        </Form.Item>
        <Form.Item name="mentor" label={t('coop.university.fields.mentor')} rules={required}><Input maxLength={60} data-testid="internship-mentor" /></Form.Item>
        <Form.Item name="evaluation" label={t('coop.university.fields.evaluation')}>
          <Select allowClear options={internEvaluations.map((value) => ({ value, label: t(`coopLabels.internEvaluation.${value}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ConvertDialog({ internship, onClose }: { internship: Internship; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ talentId: string; hiredOn: dayjs.Dayjs }>();
  const save = useFormSave(form, ['talentId', 'hiredOn']);
  const staff = useQuery({
    queryKey: ['talents', 'staff-of', internship.enterprise.id],
    queryFn: () => fetchTalents({ employer: internship.enterprise.id, page: 1, pageSize: 200 }),
  });
  const convert = useMutation({
    mutationFn: (values: { talentId: string; hiredOn: dayjs.Dayjs }) => convertInternship(internship.id, { talentId: values.talentId, hiredOn: iso(values.hiredOn), version: internship.version }),
    onSuccess: () => {
      void message.success(t('coop.saved'));
      void queryClient.invalidateQueries({ queryKey: ['internships'] });
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('coop.university.convertTitle', { name: internship.studentName })} onCancel={onClose} onOk={() => form.submit()} okText={t('coop.university.convert')} cancelText={t('common.cancel')} confirmLoading={convert.isPending}>
      <Typography.Paragraph type="secondary">{t('coop.university.convertHint')}</Typography.Paragraph>
      <Form form={form} name="conversion" layout="vertical" initialValues={{ hiredOn: dayjs() }} onFinish={(values) => { save.reset(); convert.mutate(values); }}>
        <FormErrorAlert save={save} testId="conversion-error" />
        <Form.Item name="talentId" label={t('coop.university.fields.talentId')} rules={[{ required: true, message: t('coop.university.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={staff.isLoading} data-testid="conversion-talent"
            options={(staff.data?.items ?? []).map((talent) => ({ value: talent.id, label: talent.name }))} />
        </Form.Item>
        <Form.Item name="hiredOn" label={t('coop.university.fields.hiredOn')} rules={[{ required: true, message: t('coop.university.required') }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TransferList() {
  const { t } = useTranslation();
  const list = useListPage();
  const stage = list.oneOf<TransferStage>('stage', transferStages);
  const query = { stage, page: list.page, pageSize: list.pageSize };
  const transfers = useQuery({ queryKey: ['tech-transfers', query], queryFn: () => fetchTransfers(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<TechTransfer> = [
    { key: 'technology', title: t('coop.university.columns.technology'), render: (_, row) => <Space direction="vertical" size={0}><span>{row.technology}</span><Typography.Text type="secondary">{row.outputs}</Typography.Text></Space> },
    { key: 'source', title: t('coop.university.columns.source'), render: (_, row) => row.source.name },
    { key: 'receiver', title: t('coop.university.columns.receiver'), render: (_, row) => row.enterprise.name },
    { key: 'stage', title: t('coop.university.columns.stage'), dataIndex: 'stage', render: (value: TransferStage) => <Tag color="blue">{t(`coopLabels.transferStage.${value}`)}</Tag> },
    { key: 'investment', title: t('coop.university.columns.investment'), dataIndex: 'investment', align: 'right', render: (value: number) => t('coop.tenThousand', { amount: formatAmount(value) }) },
    { key: 'startedOn', title: t('coop.university.columns.startedOn'), dataIndex: 'startedOn', render: (value: string) => formatDate(value), responsive: ['xl'] },
  ];
  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} lg={5}>
          <FilterField label={t('coop.university.columns.stage')}>
            <Select allowClear value={stage} placeholder={t('coop.university.columns.stage')} style={{ width: '100%' }} onChange={(value?: string) => list.filter({ stage: value })}
              options={transferStages.map((value) => ({ value, label: t(`coopLabels.transferStage.${value}`) }))} />
          </FilterField>
        </Col>
      </Row>
      <ListTable<TechTransfer> list={list} query={transfers} columns={columns} rowKey="id" data-testid="transfers-table" />
    </Card>
  );
}
