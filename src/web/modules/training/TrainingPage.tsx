import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Progress, Row, Select, Space, Tabs, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { trainingClassKinds, trainingOrderStatuses, type TrainingClassKind, type TrainingOrderStatus } from '../../../domain/growth';
import { can } from '../../../domain/permissions';
import { FilterField } from '../../ui/FilterField';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { fetchClasses, fetchOrders, fetchProviders, fileOrder, openClass, type TrainingClassItem, type TrainingOrder } from './training.api';

export const orderStatusColor: Record<TrainingOrderStatus, string> = { open: 'orange', matched: 'blue', closed: 'default' };

/** 技能培训: the skill orders (with their fulfilment rate) and the classes of every kind. */
export function TrainingPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab') === 'classes' ? 'classes' : 'orders';
  return (
    <>
      <PageHeader title={t('training.title')} description={t('training.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams(key === 'orders' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'orders', label: t('training.tabs.orders'), children: tab === 'orders' ? <OrderList /> : null },
          { key: 'classes', label: t('training.tabs.classes'), children: tab === 'classes' ? <ClassList /> : null },
        ]}
      />
    </>
  );
}

function OrderList() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useListPage();
  const status = list.oneOf<TrainingOrderStatus>('status', trainingOrderStatuses);
  const query = { status, page: list.page, pageSize: list.pageSize };
  const orders = useQuery({ queryKey: ['training-orders', query], queryFn: () => fetchOrders(query), placeholderData: keepPreviousData });
  const [filing, setFiling] = useState(false);
  const columns: TableColumnsType<TrainingOrder> = [
    { key: 'skill', title: t('training.columns.skill'), render: (_, order) => <Link to={`/training/orders/${order.id}`}>{order.skill}</Link> },
    { key: 'enterprise', title: t('training.columns.enterprise'), render: (_, order) => order.enterprise.name },
    { key: 'headcount', title: t('training.columns.headcount'), dataIndex: 'headcount', align: 'right' },
    { key: 'provider', title: t('training.columns.provider'), render: (_, order) => order.provider?.name ?? t('common.none'), responsive: ['xl'] },
    { key: 'deadline', title: t('training.columns.deadline'), render: (_, order) => formatDate(order.deadline), responsive: ['xl'] },
    { key: 'status', title: t('training.columns.status'), render: (_, order) => <Tag color={orderStatusColor[order.status]}>{t(`training.orderStatus.${order.status}`)}</Tag> },
    { key: 'placed', title: t('training.columns.placed'), render: (_, order) => `${order.placed} / ${order.headcount}`, align: 'right' },
    { key: 'fulfilment', title: t('training.columns.fulfilment'), render: (_, order) => <Progress percent={order.fulfilmentRate} size="small" style={{ minWidth: 120 }} aria-label={t('training.columns.fulfilment')} /> },
  ];
  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="bottom">
        <Col xs={12} lg={6}>
          <FilterField label={t('training.status')}>
            <Select
              allowClear
              value={status}
              placeholder={t('training.status')}
              options={trainingOrderStatuses.map((value) => ({ value, label: t(`training.orderStatus.${value}`) }))}
              onChange={(value?: string) => list.filter({ status: value })}
              style={{ width: '100%' }}
            />
          </FilterField>
        </Col>
        {can(user.roles, 'training.order') ? (
          <Col flex="auto" style={{ textAlign: 'right' }}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)} data-testid="training-new-order">
              {t('training.newOrder')}
            </Button>
          </Col>
        ) : null}
      </Row>
      <ListTable<TrainingOrder> list={list} query={orders} columns={columns} />
      {filing ? <OrderDialog onClose={() => setFiling(false)} /> : null}
    </Card>
  );
}

type OrderValues = { enterpriseId?: string; skill: string; headcount: number; deadline: dayjs.Dayjs; note?: string };

function OrderDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const office = user.roles.includes('office');
  const [form] = Form.useForm<OrderValues>();
  const save = useFormSave(form, ['enterpriseId', 'skill', 'headcount', 'deadline', 'note']);
  const file = useMutation({
    mutationFn: (values: OrderValues) => fileOrder({ enterpriseId: office ? values.enterpriseId : undefined, skill: values.skill, headcount: values.headcount, deadline: values.deadline.format('YYYY-MM-DD'), note: values.note ?? '' }),
    onSuccess: (order) => {
      void message.success(t('training.order.filed'));
      void queryClient.invalidateQueries({ queryKey: ['training-orders'] });
      navigate(`/training/orders/${order.id}`);
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('training.newOrder')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={file.isPending}>
      <Form form={form} name="training-order" layout="vertical" onFinish={(values) => { save.reset(); file.mutate(values); }}>
        <FormErrorAlert save={save} testId="order-error" />
        {office ? (
          <Form.Item name="enterpriseId" label={t('training.fields.enterprise')} rules={[{ required: true }]}>
            <EnterpriseSelect testId="order-enterprise" />
          </Form.Item>
        ) : null}
        <Form.Item name="skill" label={t('training.fields.skill')} rules={[{ required: true }]}>
          <Input maxLength={60} data-testid="order-skill" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="headcount" label={t('training.fields.headcount')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} data-testid="order-headcount" />
          </Form.Item>
          <Form.Item name="deadline" label={t('training.fields.deadline')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(day) => day.isBefore(dayjs(), 'day')} data-testid="order-deadline" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('training.fields.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ClassList() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useListPage();
  const kind = list.oneOf<TrainingClassKind>('kind', trainingClassKinds);
  const query = { kind, page: list.page, pageSize: list.pageSize };
  const classes = useQuery({ queryKey: ['training-classes', query], queryFn: () => fetchClasses(query), placeholderData: keepPreviousData });
  const [opening, setOpening] = useState(false);
  const columns: TableColumnsType<TrainingClassItem> = [
    { key: 'name', title: t('training.columns.name'), render: (_, item) => <Link to={`/training/classes/${item.id}`}>{item.name}</Link> },
    { key: 'kind', title: t('training.columns.kind'), render: (_, item) => t(`training.kinds.${item.kind}`) },
    { key: 'provider', title: t('training.columns.provider'), render: (_, item) => item.provider.name },
    { key: 'enterprise', title: t('training.columns.enterprise'), render: (_, item) => item.enterprise?.name ?? t('common.none'), responsive: ['xl'] },
    { key: 'period', title: t('training.columns.period'), render: (_, item) => `${formatDate(item.startsOn)} – ${formatDate(item.endsOn)}`, responsive: ['xl'] },
    { key: 'trainees', title: t('training.columns.trainees'), dataIndex: 'trainees', align: 'right' },
    { key: 'certified', title: t('training.columns.certified'), dataIndex: 'certified', align: 'right' },
    { key: 'placed', title: t('training.columns.placed'), dataIndex: 'placed', align: 'right' },
    { key: 'status', title: t('training.columns.status'), render: (_, item) => <Tag color={item.status === 'open' ? 'blue' : 'default'}>{t(`training.classStatus.${item.status}`)}</Tag> },
  ];
  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="bottom">
        <Col xs={12} lg={6}>
          <FilterField label={t('training.kind')}>
            <Select
              allowClear
              value={kind}
              placeholder={t('training.kind')}
              options={trainingClassKinds.map((value) => ({ value, label: t(`training.kinds.${value}`) }))}
              onChange={(value?: string) => list.filter({ kind: value })}
              style={{ width: '100%' }}
            />
          </FilterField>
        </Col>
        {can(user.roles, 'training.manage') ? (
          <Col flex="auto" style={{ textAlign: 'right' }}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="training-open-class">
              {t('training.openClass')}
            </Button>
          </Col>
        ) : null}
      </Row>
      <ListTable<TrainingClassItem> list={list} query={classes} columns={columns} />
      {opening ? <ClassDialog onClose={() => setOpening(false)} /> : null}
    </Card>
  );
}

type ClassValues = {
  kind: TrainingClassKind; className: string; providerId: string; enterpriseId?: string | null; skill?: string; certificateName?: string; certificateLevel?: number | null;
  period: [dayjs.Dayjs, dayjs.Dayjs];
};

/** Opening a class; for an order (`order` given) the kind, enterprise and skill come from the order. */
export function ClassDialog({ order, onClose }: { order?: { id: string; skill: string; providerId: string | null }; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ClassValues>();
  const kind = Form.useWatch('kind', form) ?? (order ? 'order' : 'enterpriseClass');
  const providers = useQuery({ queryKey: ['training-providers'], queryFn: fetchProviders, staleTime: 60_000 });
  const save = useFormSave(form, ['kind', 'className', 'providerId', 'enterpriseId', 'skill', 'certificateName', 'certificateLevel', 'startsOn', 'endsOn']);
  const open = useMutation({
    mutationFn: (values: ClassValues) =>
      openClass({
        kind: order ? 'order' : values.kind, className: values.className, orderId: order?.id ?? null, providerId: values.providerId, enterpriseId: order ? null : (values.enterpriseId ?? null),
        skill: order ? undefined : values.skill, certificateName: values.certificateName || null, certificateLevel: values.certificateLevel ?? null,
        startsOn: values.period[0].format('YYYY-MM-DD'), endsOn: values.period[1].format('YYYY-MM-DD'),
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['training-classes'] });
      void queryClient.invalidateQueries({ queryKey: ['training-orders'] });
      void message.success(t('training.class.saved'));
      navigate(`/training/classes/${created.id}`);
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('training.openClass')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={open.isPending} width={640}>
      <Form
        form={form}
        name="training-class"
        layout="vertical"
        initialValues={{ kind: order ? 'order' : 'enterpriseClass', providerId: order?.providerId ?? undefined, className: order ? `${order.skill}订单班` : undefined, certificateName: order?.skill, certificateLevel: order ? 4 : null }}
        onFinish={(values) => { save.reset(); open.mutate(values); }}
      >
        <FormErrorAlert save={save} testId="class-error" />
        {order ? null : (
          <Form.Item name="kind" label={t('training.fields.kind')} rules={[{ required: true }]}>
            <Select options={trainingClassKinds.filter((value) => value !== 'order').map((value) => ({ value, label: t(`training.kinds.${value}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="className" label={t('training.fields.className')} rules={[{ required: true }]}>
          <Input maxLength={80} data-testid="class-name" />
        </Form.Item>
        <Form.Item name="providerId" label={t('training.fields.provider')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={(providers.data ?? []).map((provider) => ({ value: provider.id, label: provider.name }))} data-testid="class-provider" />
        </Form.Item>
        {order ? null : (
          <>
            <Form.Item name="enterpriseId" label={t('training.fields.classEnterprise')} rules={[{ required: kind === 'enterpriseClass' }]}>
              <EnterpriseSelect />
            </Form.Item>
            <Form.Item name="skill" label={t('training.fields.theme')} rules={[{ required: true }]}>
              <Input maxLength={60} />
            </Form.Item>
          </>
        )}
        <Space size="large" wrap align="start">
          <Form.Item name="certificateName" label={t('training.fields.certificateName')}>
            <Input maxLength={80} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="certificateLevel" label={t('training.fields.certificateLevel')}>
            <Select
              style={{ width: 240 }}
              options={[{ value: null, label: t('training.noLevel') }, ...['1', '2', '3', '4', '5'].map((level) => ({ value: Number(level), label: t(`training.certificateLevels.${level as '1'}`) }))]}
            />
          </Form.Item>
        </Space>
        <Form.Item name="period" label={`${t('training.fields.startsOn')} – ${t('training.fields.endsOn')}`} rules={[{ required: true }]}>
          <DatePicker.RangePicker data-testid="class-period" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
