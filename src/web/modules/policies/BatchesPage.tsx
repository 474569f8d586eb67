import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime, formatMoney } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { CreateBatchDialog } from './CreateBatchDialog';
import { fetchBatches, type BatchSummary } from './policies.api';
import { periodLabel } from './policy-ui';

/** 拨付批次: every batch with its control totals; a new one for a policy and period. */
export function BatchesPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const policyId = searchParams.get('policyId') ?? undefined;
  const [creating, setCreating] = useState(false);
  const batches = useQuery({ queryKey: ['batches', { policyId }], queryFn: () => fetchBatches(policyId) });

  const columns: TableColumnsType<BatchSummary> = [
    { key: 'policy', title: t('batches.columns.policy'), render: (_, batch) => <Link to={`/batches/${batch.id}`} data-testid="batch-link">{batch.policyTitle}</Link> },
    { key: 'period', title: t('batches.columns.period'), render: (_, batch) => periodLabel(t, batch.period) },
    { key: 'count', title: t('batches.columns.count'), dataIndex: 'count', align: 'right' },
    { key: 'total', title: t('batches.columns.total'), align: 'right', render: (_, batch) => formatMoney(batch.total) },
    { key: 'status', title: t('batches.columns.status'), render: (_, batch) => <Tag color={batch.status === 'closed' ? 'green' : 'processing'}>{t(`policyCodes.batchStatuses.${batch.status}`)}</Tag> },
    { key: 'createdAt', title: t('batches.columns.createdAt'), render: (_, batch) => formatDateTime(batch.createdAt) },
  ];

  return (
    <>
      <PageHeader
        title={t('batches.title')}
        description={t('batches.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-batch">
            {t('batches.create')}
          </Button>
        }
      />
      <Card>
        {batches.isError ? <ErrorAlert message={batches.error.message} retryLabel={t('common.retry')} onRetry={() => void batches.refetch()} /> : null}
        <Table<BatchSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={batches.data ?? []}
          loading={batches.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="batches-table"
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { count: total }) }}
        />
      </Card>
      <CreateBatchDialog open={creating} policyId={policyId} onClose={() => setCreating(false)} />
    </>
  );
}
