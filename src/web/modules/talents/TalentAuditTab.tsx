import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActionLabel, auditDetailLabel, rolesLabel } from '../../app/labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { JsonView } from '../../ui/JsonView';
import type { AuditEntry, AuditResult } from '../audit/audit.api';
import { fetchTalentAudit } from './talents.api';

const resultColours: Record<AuditResult, string> = { success: 'green', failure: 'red', denied: 'orange' };

/** The audit trail of one talent (office): who created, changed, verified or revealed the record, newest first. */
export function TalentAuditTab({ talentId }: { talentId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const audit = useQuery({
    queryKey: ['talent-audit', talentId, { page, pageSize }],
    queryFn: () => fetchTalentAudit(talentId, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('audit.columns.at'), dataIndex: 'at', render: (value: string) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(value)}</span> },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      render: (_, entry) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {entry.actorUsername ?? t('audit.anonymous')}
          {entry.actorRole ? <Typography.Text type="secondary"> · {rolesLabel(t, entry.actorRole)}</Typography.Text> : null}
        </span>
      ),
    },
    {
      key: 'action',
      title: t('audit.columns.action'),
      dataIndex: 'action',
      render: (value: string) => (
        <span title={value} data-action={value} style={{ whiteSpace: 'nowrap' }}>
          {auditActionLabel(t, value)}
        </span>
      ),
    },
    { key: 'result', title: t('audit.columns.result'), dataIndex: 'result', render: (value: AuditResult) => <Tag color={resultColours[value]}>{t(`audit.results.${value}`)}</Tag> },
    { key: 'detail', title: t('audit.columns.detail'), dataIndex: 'detail', render: (value: string | null) => <div style={{ minWidth: 120, maxWidth: 360 }}>{auditDetailLabel(t, value) || t('common.none')}</div> },
  ];

  return (
    <>
      {audit.isError ? <ErrorAlert message={audit.error.message} retryLabel={t('common.retry')} onRetry={() => void audit.refetch()} /> : null}
      <div data-testid="talent-audit">
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('talents.audit.empty') }}
          expandable={{
            expandedRowRender: (entry) => (
              <div style={{ maxWidth: 900 }}>
                <Typography.Text type="secondary">{t('audit.changes')}</Typography.Text>
                {entry.changes ? <JsonView value={entry.changes} /> : <Typography.Paragraph type="secondary">{t('audit.noChanges')}</Typography.Paragraph>}
              </div>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextPageSize) => {
              setPage(nextPage);
              setPageSize(nextPageSize);
            },
          }}
        />
      </div>
    </>
  );
}
