import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Select, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../domain/permissions';
import { applicationStatuses, type ApplicationStatus } from '../../../domain/policies/policy';
import { formatDateTime, formatMoney } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { NextStepEmpty } from '../../ui/NextStepEmpty';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchApplications, type ApplicationSummary } from './policies.api';
import { ApplicationStatusTag } from './policy-ui';
import { FilterField } from '../../ui/FilterField';

/** Applications the server lets the user see; reviewers start on their inbox (待我审核). */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const reviewer = can(user.roles, 'applications.review');
  const list = useListPage();
  const tab = list.param('tab') ?? (reviewer ? 'inbox' : 'all');
  const status = list.oneOf<ApplicationStatus>('status', applicationStatuses);
  const { page, pageSize } = list;
  const inbox = reviewer && tab === 'inbox';

  const applications = useQuery({
    queryKey: ['applications', { inbox, status, page, pageSize }],
    queryFn: () => fetchApplications({ inbox, status: inbox ? undefined : status, page, pageSize }),
    placeholderData: keepPreviousData,
  });

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
    { key: 'amount', title: t('applications.columns.amount'), align: 'right', render: (_, application) => formatMoney(application.amount) },
    { key: 'submittedAt', title: t('applications.columns.submittedAt'), render: (_, application) => formatDateTime(application.submittedAt) },
  ];

  const table = (
    <>
      {inbox ? null : (
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <FilterField label={t('applications.statusFilter')}>
              <Select<ApplicationStatus>
              allowClear
              value={status}
              placeholder={t('applications.statusFilter')}
              onChange={(value) => list.filter({ status: value })}
              options={applicationStatuses.map((value) => ({ value, label: t(`policyCodes.applicationStatuses.${value}`) }))}
              style={{ width: 160 }}
              data-testid="applications-status-filter"
            />
          </FilterField>
        </Flex>
      )}
      <ListTable<ApplicationSummary>
        columnSettings="applications"
        list={list}
        query={applications}
        columns={columns}
        data-testid="applications-table"
        // an applicant with no application at all is told where applying begins
        locale={reviewer || status || !can(user.roles, 'applications.submit') ? undefined : { emptyText: <NextStepEmpty testId="applications-empty" description={t('applications.emptyApplicant')} action={t('applications.toCalculator')} to="/calculator" /> }}
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
            onChange={(key) => list.filter({ tab: key, status: undefined })}
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
