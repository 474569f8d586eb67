import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Descriptions, Drawer, Form, Input, Row, Select, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
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

/** How many characters of an object's id name it (enough to tell the rows of one page apart, no uuid on screen). */
const shortReference = 8;
const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** `user` + `b446f157-…` → 用户 b446f157; a setting by its label; an unknown kind as it is. */
function auditTargetLabel(t: TFunction, type: string | null, id: string | null): string {
  const kind = type ? t(`audit.targets.${type}`, { defaultValue: type }) : '';
  if (!id) return kind;
  const reference = type === 'setting' ? t(`audit.settings.${id}`, { defaultValue: id }) : isUuid(id) ? id.slice(0, shortReference) : id;
  return kind ? t('audit.target', { kind, ref: reference }) : reference;
}

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
      action: values.action || undefined,
      result: values.result,
    });
  };

  const handleReset = () => {
    form.resetFields();
    list.clear();
  };

  // The actions by label (the web's label table is the list); an action named in the address but not in it shows as is.
  const actionOptions = [...knownAuditActions, ...(query.action && !(knownAuditActions as readonly string[]).includes(query.action) ? [query.action] : [])].map((action) => ({
    value: action,
    label: auditActionLabel(t, action),
  }));
  const [shown, setShown] = useState<AuditEntry | null>(null);

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('audit.columns.at'), dataIndex: 'at', render: (value: string) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(value)}</span> },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      dataIndex: 'actorUsername',
      render: (value: string | null) => (value ? <Typography.Text strong data-verbatim>{value}</Typography.Text> : <Typography.Text type="secondary">{t('audit.anonymous')}</Typography.Text>),
    },
    { key: 'actorRole', title: t('audit.columns.actorRole'), dataIndex: 'actorRole', render: (value: string | null) => rolesLabel(t, value) || t('common.none') },
    {
      key: 'action',
      title: t('audit.columns.action'),
      dataIndex: 'action',
      render: (value: string) => (
        <span data-action={value}>{auditActionLabel(t, value)}</span>
      ),
    },
    {
      key: 'target',
      title: t('audit.columns.target'),
      render: (_, entry) =>
        entry.targetType || entry.targetId ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-target={entry.targetType ?? undefined}>
            {auditTargetLabel(t, entry.targetType, entry.targetId)}
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
    {
      key: 'more',
      title: <span className="visually-hidden">{t('audit.showDetails')}</span>,
      width: 1,
      render: (_, entry) => (
        <Button type="link" size="small" onClick={() => setShown(entry)} data-testid="audit-details" style={{ paddingInline: 0 }}>
          {t('audit.showDetails')}
        </Button>
      ),
    },
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
                <Select<string> allowClear options={actionOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="audit-action-filter" />
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
          columnSettings="audit"
          list={list}
          query={audit}
          columns={columns}
        />
      </Card>
      {/* A row's details (where from, what changed) in a drawer: the table keeps to the width of the screen. */}
      <Drawer open={!!shown} onClose={() => setShown(null)} title={shown ? auditActionLabel(t, shown.action) : ''} size={560} data-testid="audit-details-drawer">
        {shown ? (
          <>
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: 'at', label: t('audit.columns.at'), children: formatDateTime(shown.at) },
                { key: 'actor', label: t('audit.columns.actor'), children: shown.actorUsername ? <span data-verbatim>{shown.actorUsername}</span> : t('audit.anonymous') },
                { key: 'action', label: t('audit.columns.action'), children: <span data-action={shown.action}>{auditActionLabel(t, shown.action)}</span> },
                { key: 'target', label: t('audit.columns.target'), children: shown.targetType || shown.targetId ? auditTargetLabel(t, shown.targetType, shown.targetId) : t('common.none') },
                { key: 'result', label: t('audit.columns.result'), children: t(`audit.results.${shown.result}`) },
                { key: 'detail', label: t('audit.columns.detail'), children: auditDetailLabel(t, shown.detail) || t('common.none') },
                { key: 'ip', label: t('audit.columns.ip'), children: shown.ip ?? t('common.none') },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('audit.changes')}
            </Typography.Title>
            {shown.changes ? <JsonView value={shown.changes} /> : <Typography.Paragraph type="secondary">{t('audit.noChanges')}</Typography.Paragraph>}
          </>
        ) : null}
      </Drawer>
    </>
  );
}
