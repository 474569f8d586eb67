import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '../../../domain/permissions';
import { applicationStatuses, type ApplicationStatus } from '../../../domain/policies/policy';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchApplications, type ApplicationSummary } from './policies.api';
import { ApplicationStatusTag, formatYuan } from './policy-ui';

const positive = (value: string | null, fallback: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};
const isStatus = (value: string | null): value is ApplicationStatus => value !== null && (applicationStatuses as readonly string[]).includes(value);

/** Applications the server lets the user see; reviewers start on their inbox (待我审核). */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const reviewer = can(user.roles, 'applications.review');
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab') ?? (reviewer ? 'inbox' : 'all');
  const statusParam = searchParams.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const page = positive(searchParams.get('page'), 1);
  const pageSize = positive(searchParams.get('pageSize'), 20);
  const inbox = reviewer && tab === 'inbox';

  const applications = useQuery({
    queryKey: ['applications', { inbox, status, page, pageSize }],
    queryFn: () => fetchApplications({ inbox, status: inbox ? undefined : status, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const updateParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };

  const columns: TableColumnsType<ApplicationSummary> = [
    {
      key: 'policy',
      title: t('applications.columns.policy'),
      render: (_, application) => (
        <Link to={`/applications/${application.id}`} data-testid="application-link">
          {application.policy.title}
        </Link>
      ),
    },
    { key: 'subject', title: t('applications.columns.subject'), render: (_, application) => application.subject.name },
    { key: 'status', title: t('applications.columns.status'), render: (_, application) => <ApplicationStatusTag status={application.status} /> },
    { key: 'step', title: t('applications.columns.step'), render: (_, application) => (application.status === 'inReview' ? application.stepName : t('common.none')) },
    {
      key: 'due',
      title: t('applications.columns.due'),
      render: (_, application) =>
        application.dueAt ? (
          <Flex gap={4} wrap>
            <span>{formatDateTime(application.dueAt)}</span>
            {application.overdue ? <Tag color="red">{t('applications.overdue')}</Tag> : null}
            {application.escalated ? <Tag color="volcano">{t('applications.escalated')}</Tag> : null}
          </Flex>
        ) : (
          t('common.none')
        ),
    },
    { key: 'amount', title: t('applications.columns.amount'), align: 'right', render: (_, application) => formatYuan(application.amount) },
    { key: 'submittedAt', title: t('applications.columns.submittedAt'), render: (_, application) => formatDateTime(application.submittedAt) },
  ];

  const table = (
    <>
      {inbox ? null : (
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select<ApplicationStatus>
            allowClear
            value={status}
            placeholder={t('applications.statusFilter')}
            onChange={(value) => updateParams({ status: value, page: undefined })}
            options={applicationStatuses.map((value) => ({ value, label: t(`policyCodes.applicationStatuses.${value}`) }))}
            style={{ width: 160 }}
            data-testid="applications-status-filter"
          />
        </Flex>
      )}
      {applications.isError ? <ErrorAlert message={applications.error.message} retryLabel={t('common.retry')} onRetry={() => void applications.refetch()} /> : null}
      <Table<ApplicationSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={applications.data?.items ?? []}
        loading={applications.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="applications-table"
        pagination={{
          current: page,
          pageSize,
          total: applications.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (nextPage, nextPageSize) => updateParams({ page: String(nextPage), pageSize: String(nextPageSize) }),
        }}
      />
    </>
  );

  return (
    <>
      <PageHeader title={t('applications.title')} description={reviewer ? t('applications.descriptionReviewer') : t('applications.descriptionApplicant')} />
      <Card>
        {reviewer ? (
          <Tabs
            activeKey={tab}
            onChange={(key) => updateParams({ tab: key, page: undefined, status: undefined })}
            items={[
              { key: 'inbox', label: t('applications.tabs.inbox'), children: tab === 'inbox' ? table : null },
              { key: 'all', label: t('applications.tabs.all'), children: tab === 'all' ? table : null },
            ]}
            data-testid="applications-tabs"
          />
        ) : (
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('applications.tabs.mine')}
            </Typography.Title>
            {table}
          </>
        )}
      </Card>
    </>
  );
}
