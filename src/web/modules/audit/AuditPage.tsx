import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Card, Col, DatePicker, Form, Input, Row, Select, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { auditActionLabel, auditDetailLabel, knownAuditActions, rolesLabel } from '../../app/labels';
import { formatDateTime, pickerValue, zoneInstant } from '../../ui/format';
import { JsonView } from '../../ui/JsonView';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { auditResults, fetchAudit, type AuditEntry, type AuditResult } from './audit.api';
import { AuditVerifyButton, AuditVerifyResult, useAuditVerify } from './AuditVerify';

type FilterValues = { range?: [Dayjs | null, Dayjs | null] | null; actor?: string; action?: string; result?: AuditResult };

const resultColours: Record<AuditResult, string> = { success: 'green', failure: 'red', denied: 'orange' };

/** The append-only audit log, for the auditor: filters in the address (so a view can be shared), newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const list = useListPage();
  const verify = useAuditVerify();
  const query = {
    from: list.param('from'),
    to: list.param('to'),
    actor: list.param('actor'),
    action: list.param('action'),
    result: list.oneOf<AuditResult>('result', auditResults),
    page: list.page,
    pageSize: list.pageSize,
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

  const handleSearch = (values: FilterValues) => {
    const [from, to] = values.range ?? [null, null];
    list.filter({
      from: from ? zoneInstant(from) : undefined,
      to: to ? zoneInstant(to) : undefined,
      actor: values.actor?.trim() || undefined,
      action: values.action?.trim() || undefined,
      result: values.result,
    });
  };

  const handleReset = () => {
    form.resetFields();
    list.clear();
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
      <PageHeader title={t('audit.title')} description={t('audit.description')} extra={<AuditVerifyButton verify={verify} />} />
      <AuditVerifyResult verify={verify} />
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
        <ListTable<AuditEntry>
          list={list}
          query={audit}
          columns={columns}
          expandable={{
            expandedRowRender: (entry) => (
              <div style={{ maxWidth: 900 }}>
                <Typography.Text type="secondary">{t('audit.changes')}</Typography.Text>
                {entry.changes ? <JsonView value={entry.changes} /> : <Typography.Paragraph type="secondary">{t('audit.noChanges')}</Typography.Paragraph>}
              </div>
            ),
          }}
        />
      </Card>
    </>
  );
}
