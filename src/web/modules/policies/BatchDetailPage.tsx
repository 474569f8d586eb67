import { CheckOutlined, CloseOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Modal, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime, formatMoney } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { StatTile } from '../../ui/StatTile';
import { exportBatch, fetchBatch, settlePayments, type BatchDetail, type Payment } from './policies.api';
import { periodLabel } from './policy-ui';
import { useIdempotencyKey } from './use-idempotency-key';

const paymentColors = { pending: 'default', paid: 'green', failed: 'red' } as const;

/** One batch: control totals against what is settled, the bank file, and marking payments paid or failed. */
export function BatchDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [failing, setFailing] = useState(false);
  const [exporting, setExporting] = useState(false);
  // One key per settlement sent (payments, status, reason): a double click or a retry sends the same key and body, and
  // pays once; the settlement corrected after a refusal is another request.
  const keyFor = useIdempotencyKey();
  const batch = useQuery({ queryKey: ['batch', id], queryFn: () => fetchBatch(id) });

  const settle = useMutation({
    mutationFn: ({ status, reason }: { status: 'paid' | 'failed'; reason?: string }) => {
      const results = selected.map((entitlementId) => ({ entitlementId, status, ...(reason ? { reason } : {}) }));
      return settlePayments(id, results, keyFor({ batch: id, results }));
    },
    onSuccess: (saved: BatchDetail, { status }) => {
      queryClient.setQueryData(['batch', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['batches'] });
      void queryClient.invalidateQueries({ queryKey: ['entitlements'] });
      void queryClient.invalidateQueries({ queryKey: ['policy'] });
      void queryClient.invalidateQueries({ queryKey: ['policies'] });
      void message.success(t('batches.settled', { count: selected.length }));
      setSelected([]);
      if (status === 'failed') setFailing(false);
    },
    onError: (error) => void message.error(isApiError(error) ? [error.message, ...Object.values(error.fields)].join(' ') : String(error)),
  });

  if (batch.isPending) return <CenteredSpin />;
  if (batch.isError) return <ErrorAlert message={batch.error.message} retryLabel={t('common.retry')} onRetry={() => void batch.refetch()} />;
  const data = batch.data;

  const handleExport = async () => {
    setExporting(true);
    try {
      const name = await exportBatch(data);
      void message.success(t('batches.exported', { name }));
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<Payment> = [
    { key: 'subject', title: t('batches.paymentColumns.subject'), render: (_, payment) => payment.subject.name },
    { key: 'amount', title: t('batches.paymentColumns.amount'), align: 'right', render: (_, payment) => formatMoney(payment.amount) },
    { key: 'status', title: t('batches.paymentColumns.status'), render: (_, payment) => <Tag color={paymentColors[payment.status]} data-status={payment.status}>{t(`policyCodes.paymentStatuses.${payment.status}`)}</Tag> },
    { key: 'reason', title: t('batches.paymentColumns.reason'), render: (_, payment) => payment.reason ?? '' },
  ];

  return (
    <>
      <PageHeader
        title={t('batches.detailTitle', { title: data.policy.title, period: periodLabel(t, data.period) })}
        description={
          <Space wrap>
            <Link to={`/policies/${data.policy.id}`}>{data.policy.title}</Link>
            <Tag color={data.status === 'closed' ? 'green' : 'processing'}>{t(`policyCodes.batchStatuses.${data.status}`)}</Tag>
            <span>{formatDateTime(data.createdAt)}</span>
          </Space>
        }
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void handleExport()} data-testid="batch-export">
            {t('batches.export')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={6}>
            <Card size="small" data-testid="batch-control" style={{ height: '100%' }}>
              <Typography.Text type="secondary">{t('batches.control')}</Typography.Text>
              <div style={{ fontSize: 20, fontWeight: 600 }}>{t('batches.controlValue', { count: data.control.count, total: formatMoney(data.control.total) })}</div>
            </Card>
          </Col>
          <Col xs={8} md={6}>
            <StatTile title={t('batches.settledPaid')} value={data.settled.paid} money testId="batch-paid" accent="#52c41a" />
          </Col>
          <Col xs={8} md={6}>
            <StatTile title={t('batches.settledFailed')} value={data.settled.failed} money testId="batch-failed" accent="#ff4d4f" />
          </Col>
          <Col xs={8} md={6}>
            <StatTile title={t('batches.settledPending')} value={data.settled.pending} money testId="batch-pending" accent="#faad14" />
          </Col>
        </Row>
        <Card>
          <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={!selected.length}
              loading={settle.isPending && !failing}
              onClick={() => settle.mutate({ status: 'paid' })}
              data-testid="batch-mark-paid"
            >
              {t('batches.markPaid', { count: selected.length })}
            </Button>
            <Button danger icon={<CloseOutlined />} disabled={!selected.length} onClick={() => setFailing(true)} data-testid="batch-mark-failed">
              {t('batches.markFailed', { count: selected.length })}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('batches.idempotencyNote')}
            </Typography.Text>
          </Flex>
          <Table<Payment>
            rowKey="entitlementId"
            size="middle"
            columns={columns}
            dataSource={data.payments}
            scroll={{ x: 'max-content' }}
            data-testid="batch-payments"
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (payment) => ({ disabled: payment.status !== 'pending' }) }}
            pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { count: total }) }}
          />
        </Card>
      </Flex>
      {failing ? <FailDialog count={selected.length} pending={settle.isPending} onCancel={() => setFailing(false)} onOk={(reason) => settle.mutate({ status: 'failed', reason })} /> : null}
    </>
  );
}

/** The reason for failed payments. */
function FailDialog({ count, pending, onCancel, onOk }: { count: number; pending: boolean; onCancel: () => void; onOk: (reason: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open title={t('batches.markFailed', { count })} onCancel={onCancel} onOk={() => form.submit()} okText={t('batches.markFailed', { count })} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} confirmLoading={pending}>
      <Form form={form} name="fail-form" layout="vertical" onFinish={(values) => onOk(values.reason.trim())}>
        <Alert type="warning" showIcon title={t('batches.idempotencyNote')} style={{ marginBottom: 12 }} />
        <Form.Item name="reason" label={t('batches.failReason')} rules={[{ required: true, whitespace: true, message: t('policies.form.required') }]}>
          <Input maxLength={200} placeholder={t('batches.failReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
