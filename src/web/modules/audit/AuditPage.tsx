import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Card, Col, DatePicker, Form, Input, Row, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../app/api';
import { auditActionLabel, auditDetailLabel, knownAuditActions, rolesLabel } from '../../app/labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime, pickerValue, zoneInstant } from '../../ui/format';
import { JsonView } from '../../ui/JsonView';
import { PageHeader } from '../../ui/PageHeader';
import { auditResults, fetchAudit, type AuditEntry, type AuditResult } from './audit.api';

type FilterValues = { range?: [Dayjs | null, Dayjs | null] | null; actor?: string; action?: string; result?: AuditResult };

const resultColours: Record<AuditResult, string> = { success: 'green', failure: 'red', denied: 'orange' };
const isResult = (value: string | null): value is AuditResult => value !== null && (auditResults as readonly string[]).includes(value);
const positive = (value: string | null, fallback: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};

/** The append-only audit log, for the auditor: filters in the address (so a view can be shared), newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const [searchParams, setSearchParams] = useSearchParams();
  const resultParam = searchParams.get('result');
  const query = {
    from: searchParams.get('from') ?? undefined,
    to: searchParams.get('to') ?? undefined,
    actor: searchParams.get('actor') ?? undefined,
    action: searchParams.get('action') ?? undefined,
    result: isResult(resultParam) ? resultParam : undefined,
    page: positive(searchParams.get('page'), 1),
    pageSize: positive(searchParams.get('pageSize'), 20),
  };

  useEffect(() => {
    form.setFieldsValue({
      range: query.from || query.to ? [query.from ? pickerValue(query.from) : null, query.to ? pickerValue(query.to) : null] : null,
      actor: query.actor,
      action: query.action,
      result: query.result,
    });
  }, [form, query.from, query.to, query.actor, query.action, query.result]);

  const audit = useQuery({ queryKey: ['audit', query], queryFn: () => fetchAudit(query), placeholderData: keepPreviousData });

  // The server names the filter it refuses (`from`: the start is after the end): show it on the time range.
  useEffect(() => {
    const fields = isApiError(audit.error) ? audit.error.fields : {};
    const rangeErrors = [fields.from, fields.to].filter((message): message is string => !!message);
    form.setFields([{ name: 'range', errors: rangeErrors }]);
  }, [audit.error, form]);

  const updateParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };

  const handleSearch = (values: FilterValues) => {
    const [from, to] = values.range ?? [null, null];
    updateParams({
      from: from ? zoneInstant(from) : undefined,
      to: to ? zoneInstant(to) : undefined,
      actor: values.actor?.trim() || undefined,
      action: values.action?.trim() || undefined,
      result: values.result,
      page: undefined,
    });
  };

  const handleReset = () => {
    form.resetFields();
    setSearchParams(new URLSearchParams(), { replace: true });
  };

  const actionOptions = knownAuditActions.map((action) => ({ value: action, label: `${auditActionLabel(t, action)} (${action})` }));

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('audit.columns.at'), dataIndex: 'at', render: (value: string) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(value)}</span> },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      dataIndex: 'actorUsername',
      render: (value: string | null) => (value ? <Typography.Text strong>{value}</Typography.Text> : <Typography.Text type="secondary">{t('audit.anonymous')}</Typography.Text>),
    },
    { key: 'actorRole', title: t('audit.columns.actorRole'), dataIndex: 'actorRole', render: (value: string | null) => rolesLabel(t, value) || t('common.none') },
    {
      key: 'action',
      title: t('audit.columns.action'),
      dataIndex: 'action',
      render: (value: string) => (
        <span title={value} data-action={value}>
          {auditActionLabel(t, value)}
        </span>
      ),
    },
    {
      key: 'target',
      title: t('audit.columns.target'),
      render: (_, entry) =>
        entry.targetType || entry.targetId ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[entry.targetType, entry.targetId].filter(Boolean).join(' · ')}
          </Typography.Text>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'result',
      title: t('audit.columns.result'),
      dataIndex: 'result',
      render: (value: AuditResult) => (
        <Tag color={resultColours[value]} data-result={value}>
          {t(`audit.results.${value}`)}
        </Tag>
      ),
    },
    { key: 'detail', title: t('audit.columns.detail'), dataIndex: 'detail', render: (value: string | null) => auditDetailLabel(t, value) || t('common.none') },
    { key: 'ip', title: t('audit.columns.ip'), dataIndex: 'ip', render: (value: string | null) => value ?? t('common.none') },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Card style={{ marginBottom: 16 }}>
        <Form<FilterValues> form={form} name="audit-filters" layout="vertical" onFinish={handleSearch}>
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Form.Item name="range" label={t('audit.filters.range')}>
                <DatePicker.RangePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  allowEmpty={[true, true]}
                  placeholder={[t('audit.filters.startPlaceholder'), t('audit.filters.endPlaceholder')]}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={4}>
              <Form.Item name="actor" label={t('audit.filters.actor')}>
                <Input allowClear maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={5}>
              <Form.Item name="action" label={t('audit.filters.action')}>
                <AutoComplete allowClear options={actionOptions} showSearch={{ filterOption: (input, option) => !!option && String(option.label).toLowerCase().includes(input.toLowerCase()) }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={5}>
              <Form.Item name="result" label={t('audit.filters.result')}>
                <Select<AuditResult> allowClear data-testid="audit-result-filter" options={auditResults.map((value) => ({ value, label: t(`audit.results.${value}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row justify="end" gutter={8}>
            <Col>
              <Button onClick={handleReset}>{t('common.reset')}</Button>
            </Col>
            <Col>
              <Button type="primary" htmlType="submit" data-testid="audit-search">
                {t('common.search')}
              </Button>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {audit.isError ? <ErrorAlert message={audit.error.message} retryLabel={t('common.retry')} onRetry={() => void audit.refetch()} /> : null}
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (entry) => (
              <div style={{ maxWidth: 900 }}>
                <Typography.Text type="secondary">{t('audit.changes')}</Typography.Text>
                {entry.changes ? <JsonView value={entry.changes} /> : <Typography.Paragraph type="secondary">{t('audit.noChanges')}</Typography.Paragraph>}
              </div>
            ),
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (page, pageSize) => updateParams({ page: String(page), pageSize: String(pageSize) }),
          }}
        />
      </Card>
    </>
  );
}
