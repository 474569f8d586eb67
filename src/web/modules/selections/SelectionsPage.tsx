import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Tag, type ButtonProps, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '../../../domain/permissions';
import { selectionStatuses, type SelectionStatus } from '../../../domain/selections';
import { currentLanguage } from '../../app/i18n';
import { FilterField } from '../../ui/FilterField';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchPolicies } from '../policies/policies.api';
import { createSelection, fetchKinds, fetchSelections, type Selection } from './selections.api';

export const selectionStatusColor: Record<SelectionStatus, string> = { nominating: 'blue', reviewing: 'gold', publicizing: 'purple', completed: 'green' };

/** 评选表彰: the calls, newest year first; the office opens one; enterprises and units see which take nominations. */
export function SelectionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manages = can(user.roles, 'selections.manage');
  const list = useListPage();
  const status = list.oneOf<SelectionStatus>('status', selectionStatuses);
  const query = { status, page: list.page, pageSize: list.pageSize };
  const selections = useQuery({ queryKey: ['selections', query], queryFn: () => fetchSelections(query), placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);
  const english = currentLanguage() === 'en-US';

  const columns: TableColumnsType<Selection> = [
    { key: 'title', title: t('selections.columns.title'), render: (_, row) => <Link to={`/selections/${row.id}`} data-testid="selection-open">{english ? row.titleEn : row.title}</Link> },
    { key: 'kind', title: t('selections.columns.kind'), render: (_, row) => (english ? row.kindNameEn : row.kindName), responsive: ['xl'] },
    { key: 'year', title: t('selections.columns.year'), dataIndex: 'year' },
    {
      key: 'status', title: t('selections.columns.status'),
      render: (_, row) => <Tag color={selectionStatusColor[row.status]}>{t(`selections.status.${row.status}`)}</Tag>,
    },
    { key: 'window', title: t('selections.columns.window'), render: (_, row) => `${formatDate(row.nominateFrom)} – ${formatDate(row.nominateTo)}`, responsive: ['xxl'] },
    { key: 'quota', title: t('selections.columns.quota'), dataIndex: 'quota', align: 'right' },
    { key: 'nominated', title: t('selections.columns.nominated'), dataIndex: 'nominated', align: 'right' },
    { key: 'selected', title: t('selections.columns.selected'), dataIndex: 'selected', align: 'right' },
  ];

  return (
    <>
      <PageHeader
        title={t('selections.title')}
        description={t('selections.description')}
        extra={manages ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="selection-new">{t('selections.newSelection')}</Button> : null}
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={12} lg={5}>
            <FilterField label={t('selections.statusFilter')}>
              <Select
                allowClear
                value={status}
                placeholder={t('selections.statusFilter')}
                options={selectionStatuses.map((value) => ({ value, label: t(`selections.status.${value}`) }))}
                onChange={(value?: string) => list.filter({ status: value })}
                style={{ width: '100%' }}
              />
            </FilterField>
          </Col>
        </Row>
        <ListTable<Selection> rowKey="id" list={list} query={selections} columns={columns} />
      </Card>
      {creating ? <SelectionDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}

type SelectionValues = {
  kind: string; year: number; title: string; titleEn: string; honour: string; honourEn: string; quota: number; policyId: string; window: [dayjs.Dayjs, dayjs.Dayjs];
  publicityDays: number; experts: { name: string }[];
};

function SelectionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SelectionValues>();
  const save = useFormSave(form, ['kind', 'year', 'title', 'titleEn', 'honour', 'honourEn', 'quota', 'policyId', 'nominateFrom', 'nominateTo', 'publicityDays', 'experts']);
  const kinds = useQuery({ queryKey: ['selection-kinds'], queryFn: fetchKinds, staleTime: Infinity });
  const policies = useQuery({ queryKey: ['policies', 'selection-eligibility'], queryFn: () => fetchPolicies({ target: 'talent', status: 'published', page: 1, pageSize: 100 }) });
  const english = currentLanguage() === 'en-US';
  const create = useMutation({
    mutationFn: (values: SelectionValues) =>
      createSelection({
        kind: values.kind, year: values.year, title: values.title.trim(), titleEn: values.titleEn.trim(), honour: values.honour.trim(), honourEn: values.honourEn.trim(),
        quota: values.quota, policyId: values.policyId, publicityDays: values.publicityDays,
        nominateFrom: values.window[0].format('YYYY-MM-DD'), nominateTo: values.window[1].format('YYYY-MM-DD'),
        experts: (values.experts ?? []).filter((expert) => expert?.name?.trim()).map((expert) => ({ name: expert.name.trim() })),
      }),
    onSuccess: (selection) => {
      void message.success(t('selections.form.created'));
      void queryClient.invalidateQueries({ queryKey: ['selections'] });
      onClose();
      void navigate(`/selections/${selection.id}`);
    },
    onError: save.refused,
  });
  const required = { required: true, whitespace: true, message: t('selections.form.required') };
  return (
    <Modal
      open width={760} title={t('selections.newSelection')} onCancel={onClose} onOk={() => form.submit()} okText={t('selections.newSelection')} cancelText={t('common.cancel')}
      confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'selection-submit' } as ButtonProps}
    >
      <Form
        form={form}
        name="selection"
        layout="vertical"
        initialValues={{ year: dayjs().year(), quota: 10, publicityDays: 5, window: [dayjs(), dayjs().add(30, 'day')], experts: [{ name: '' }] }}
        onFinish={(values) => { save.reset(); create.mutate(values); }}
      >
        <FormErrorAlert save={save} testId="selection-error" />
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="kind" label={t('selections.form.kind')} rules={[required]}>
              <Select data-testid="selection-kind" options={(kinds.data ?? []).map((kind) => ({ value: kind.code, label: english ? kind.nameEn : kind.name }))} />
            </Form.Item>
          </Col>
          <Col span={4}><Form.Item name="year" label={t('selections.form.year')} rules={[{ required: true, message: t('selections.form.required') }]}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={4}><Form.Item name="quota" label={t('selections.form.quota')} rules={[{ required: true, message: t('selections.form.required') }]}><InputNumber min={1} max={500} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="publicityDays" label={t('selections.form.publicityDays')} rules={[{ required: true, message: t('selections.form.required') }]}><InputNumber min={5} max={20} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="title" label={t('selections.form.title')} rules={[required]}><Input maxLength={80} data-testid="selection-title" /></Form.Item></Col>
          <Col span={12}><Form.Item name="titleEn" label={t('selections.form.titleEn')} rules={[required]}><Input maxLength={160} data-testid="selection-title-en" /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="honour" label={t('selections.form.honour')} rules={[required]}><Input maxLength={60} data-testid="selection-honour" /></Form.Item></Col>
          <Col span={12}><Form.Item name="honourEn" label={t('selections.form.honourEn')} rules={[required]}><Input maxLength={120} data-testid="selection-honour-en" /></Form.Item></Col>
        </Row>
        <Form.Item name="policyId" label={t('selections.form.policy')} rules={[{ required: true, message: t('selections.form.required') }]}>
          <Select data-testid="selection-policy" showSearch={{ optionFilterProp: 'label' }} options={(policies.data?.items ?? []).map((policy) => ({ value: policy.id, label: policy.title }))} />
        </Form.Item>
        <Form.Item name="window" label={t('selections.form.window')} rules={[{ required: true, message: t('selections.form.required') }]}><DatePicker.RangePicker allowClear={false} /></Form.Item>
        <Form.List name="experts">
          {(fields, { add, remove }) => (
            <Form.Item label={t('selections.form.experts')}>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'name']}>
                    <Input maxLength={40} placeholder={t('selections.form.expertName')} aria-label={`${t('selections.form.expertName')} ${index + 1}`} data-testid="selection-expert-name" />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('selections.form.removeExpert')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })}>{t('selections.form.addExpert')}</Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
