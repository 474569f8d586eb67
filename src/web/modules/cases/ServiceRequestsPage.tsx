import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '../../../domain/permissions';
import { applicationStatuses, type ApplicationStatus } from '../../../domain/policies/policy';
import { FilterField } from '../../ui/FilterField';
import { formatDateTime } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchServiceRequests, type ServiceRequestSummary } from './cases.api';
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
  const requests = useQuery({ queryKey: ['service-requests', { status, page, pageSize }], queryFn: () => fetchServiceRequests({ status, page, pageSize }), placeholderData: keepPreviousData });
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
        extra={raises ? <Button type="primary" onClick={() => setRaising(true)} data-testid="raise-request">{t('cases.mine.raise')}</Button> : null}
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
