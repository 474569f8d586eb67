import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '../../../domain/permissions';
import { applicationStatuses, type ApplicationStatus } from '../../../domain/policies/policy';
import { requestTimings } from '../../../domain/cases';
import { FilterField } from '../../ui/FilterField';
import { formatDateTime } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchServiceRequests, requestFilterKeys, type RequestFilters, type ServiceRequestSummary } from './cases.api';
import { CaseDeadline, CaseStatusTag } from './CaseTags';
import { RaiseRequestDialog } from './RaiseRequestDialog';

/** 诉求办理: the service requests the user may see (a unit its own); staff record one at the window (代办). */
export function ServiceRequestsPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [raising, setRaising] = useState(false);
  const list = useListPage();
  const status = list.oneOf<ApplicationStatus>('status', applicationStatuses);
  const { page, pageSize } = list;
  // the performance table's figures link here with these filters
  const isoDate = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  const filters: RequestFilters = {
    unitCode: list.param('unitCode'),
    decidedFrom: isoDate(list.param('decidedFrom')),
    decidedTo: isoDate(list.param('decidedTo')),
    timing: list.oneOf('timing', requestTimings),
    rating: list.oneOf('rating', ['rated', 'satisfied'] as const),
  };
  const requests = useQuery({
    queryKey: ['service-requests', { status, page, pageSize, ...filters }],
    queryFn: () => fetchServiceRequests({ status, page, pageSize, ...filters }),
    placeholderData: keepPreviousData,
  });
  const filtered = requestFilterKeys.some((key) => filters[key]);
  const unitName = requests.data?.items.flatMap((item) => item.unitNames).find((unit) => unit.code === filters.unitCode);
  const onBehalf = can(user.roles, 'serviceRequests.record');
  const raises = onBehalf || can(user.roles, 'serviceRequests.submit');
  const columns: TableColumnsType<ServiceRequestSummary> = [
    { key: 'title', title: t('cases.columns.title'), render: (_, item) => <Link to={`/service-requests/${item.id}`} data-testid="request-link">{item.title}</Link> },
    { key: 'category', title: t('cases.columns.category'), render: (_, item) => (english ? item.category.nameEn : item.category.name) },
    { key: 'subject', title: t('cases.columns.subject'), render: (_, item) => item.subject.name },
    { key: 'status', title: t('cases.columns.status'), render: (_, item) => <CaseStatusTag status={item.status} /> },
    { key: 'units', title: t('cases.columns.units'), render: (_, item) => item.unitNames.map((unit) => (english ? unit.nameEn : unit.name)).join(t('common.listSeparator')) || t('common.none') },
    { key: 'due', title: t('cases.columns.due'), render: (_, item) => <CaseDeadline dueAt={item.dueAt} overdue={item.overdue} escalated={item.escalated} /> },
    { key: 'submittedAt', title: t('cases.columns.submittedAt'), responsive: ['xxl'], render: (_, item) => formatDateTime(item.submittedAt) },
  ];
  return (
    <>
      <PageHeader
        title={t('cases.list.title')}
        description={t('cases.list.description')}
        extra={
          <Space wrap>
            {can(user.roles, 'serviceRequests.performance') ? <Link to="/service-requests/performance" data-testid="performance-page">{t('cases.list.performance')}</Link> : null}
            {can(user.roles, 'serviceRequests.route') ? <Link to="/service-requests/categories" data-testid="categories-page">{t('cases.list.categories')}</Link> : null}
            {raises ? <Button type="primary" onClick={() => setRaising(true)} data-testid="raise-request">{t('cases.mine.raise')}</Button> : null}
          </Space>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <FilterField label={t('cases.list.statusFilter')}>
            <Select<ApplicationStatus>
              allowClear
              value={status}
              placeholder={t('cases.list.statusFilter')}
              onChange={(value) => list.filter({ status: value })}
              options={applicationStatuses.map((value) => ({ value, label: t(`cases.statuses.${value}`) }))}
              style={{ width: 160 }}
              data-testid="requests-status-filter"
            />
          </FilterField>
          {filtered ? (
            <Flex gap={4} wrap align="center" data-testid="requests-filters">
              <Typography.Text type="secondary">{t('cases.list.filtered')}</Typography.Text>
              {filters.unitCode ? <Tag>{t('cases.list.filterTag', { label: t('cases.list.unit'), value: unitName ? (english ? unitName.nameEn : unitName.name) : filters.unitCode })}</Tag> : null}
              {filters.decidedFrom || filters.decidedTo ? <Tag>{t('cases.list.filterTag', { label: t('cases.list.period'), value: `${filters.decidedFrom ?? ''} – ${filters.decidedTo ?? ''}` })}</Tag> : null}
              {filters.timing ? <Tag>{t('cases.list.filterTag', { label: t('cases.list.timing'), value: t(`cases.timings.${filters.timing}`) })}</Tag> : null}
              {filters.rating ? <Tag>{t('cases.list.filterTag', { label: t('cases.list.rating'), value: t(`cases.ratingFilters.${filters.rating}`) })}</Tag> : null}
              <Button size="small" type="link" onClick={() => list.filter(Object.fromEntries(requestFilterKeys.map((key) => [key, undefined])))}>
                {t('cases.list.clear')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
        <ListTable<ServiceRequestSummary> list={list} query={requests} columns={columns} data-testid="requests-table" />
      </Card>
      <RaiseRequestDialog
        open={raising}
        onBehalf={onBehalf}
        onClose={() => setRaising(false)}
        onRaised={(saved) => {
          setRaising(false);
          void queryClient.invalidateQueries({ queryKey: ['service-requests'] });
          void navigate(`/service-requests/${saved.id}`);
        }}
      />
    </>
  );
}
