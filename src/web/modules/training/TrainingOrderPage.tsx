import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Progress, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ClassDialog, orderStatusColor } from './TrainingPage';
import { fetchOrder, fetchProviders, matchProvider, type TrainingClassItem } from './training.api';

/** One skill order: its enterprise, provider, fulfilment rate and classes; the office matches a provider and opens classes. */
export function TrainingOrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const order = useQuery({ queryKey: ['training-order', id], queryFn: () => fetchOrder(id) });
  const providers = useQuery({ queryKey: ['training-providers'], queryFn: fetchProviders, staleTime: 60_000, enabled: order.data?.permissions.manage === true });
  const [providerId, setProviderId] = useState<string>();
  const [opening, setOpening] = useState(false);
  const match = useMutation({
    mutationFn: () => matchProvider(id, { providerId: providerId!, version: order.data!.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['training-order', id], updated);
      void queryClient.invalidateQueries({ queryKey: ['training-orders'] });
      void message.success(t('training.order.matched'));
    },
    onError: (error) => void message.error(error.message),
  });
  if (order.isError) return <ErrorAlert message={order.error.message} retryLabel={t('common.retry')} onRetry={() => void order.refetch()} />;
  if (!order.data) return <CenteredSpin />;
  const data = order.data;
  const columns: TableColumnsType<TrainingClassItem> = [
    { key: 'name', title: t('training.columns.name'), render: (_, item) => <Link to={`/training/classes/${item.id}`}>{item.name}</Link> },
    { key: 'provider', title: t('training.columns.provider'), render: (_, item) => item.provider.name },
    { key: 'period', title: t('training.columns.period'), render: (_, item) => `${formatDate(item.startsOn)} – ${formatDate(item.endsOn)}` },
    { key: 'trainees', title: t('training.columns.trainees'), dataIndex: 'trainees', align: 'right' },
    { key: 'certified', title: t('training.columns.certified'), dataIndex: 'certified', align: 'right' },
    { key: 'placed', title: t('training.columns.placed'), dataIndex: 'placed', align: 'right' },
  ];
  return (
    <>
      <PageHeader title={t('training.order.title', { skill: data.skill })} extra={<Tag color={orderStatusColor[data.status]}>{t(`training.orderStatus.${data.status}`)}</Tag>} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('training.fields.enterprise')}>{data.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.skill')}>{data.skill}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.headcount')}>{data.headcount}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.deadline')}>{formatDate(data.deadline)}</Descriptions.Item>
          <Descriptions.Item label={t('training.fields.provider')}>{data.provider?.name ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={<Tooltip title={t('training.order.fulfilmentHelp')}>{t('training.order.fulfilment')}</Tooltip>}>
            <Space>
              <Progress percent={data.fulfilmentRate} size="small" style={{ width: 140 }} aria-label={t('training.columns.fulfilment')} data-testid="order-fulfilment" />
              <span>{`${data.placed} / ${data.headcount}`}</span>
            </Space>
          </Descriptions.Item>
          {data.note ? <Descriptions.Item label={t('training.fields.note')}>{data.note}</Descriptions.Item> : null}
        </Descriptions>
        {data.permissions.manage && data.status !== 'closed' ? (
          <Space wrap style={{ marginTop: 16 }}>
            <Select
              aria-label={t('training.order.match')}
              placeholder={t('training.order.match')}
              value={providerId}
              onChange={setProviderId}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 280 }}
              options={(providers.data ?? []).map((provider) => ({ value: provider.id, label: provider.name }))}
              data-testid="order-provider"
            />
            <Button disabled={!providerId} loading={match.isPending} onClick={() => match.mutate()} data-testid="order-match">
              {t('training.order.match')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="order-open-class">
              {t('training.openClass')}
            </Button>
          </Space>
        ) : null}
      </Card>
      <Card title={t('training.order.classes')}>
        {data.classes.length ? <Table<TrainingClassItem> rowKey="id" size="middle" pagination={false} columns={columns} dataSource={data.classes} /> : <Empty description={t('training.order.noClasses')} />}
      </Card>
      {opening ? <ClassDialog order={{ id: data.id, skill: data.skill, providerId: data.provider?.id ?? null }} onClose={() => setOpening(false)} /> : null}
    </>
  );
}
