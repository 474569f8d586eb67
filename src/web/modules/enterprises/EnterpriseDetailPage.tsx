import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Space, Tag, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { canOpen, pageEntry } from '../../app/navigation';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/RequireSession';
import { industryName, useReference } from '../reference/reference.api';
import { TalentTable } from '../talents/TalentTable';
import { fetchTalents, type TalentSort } from '../talents/talents.api';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { fetchEnterprise, type EnterpriseDetail } from './enterprises.api';

/** `/enterprises/:id`: an enterprise, its data and its staff on record (the registry filtered by employer). */
export function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const reference = useReference().data;
  const [editOpen, setEditOpen] = useState(false);
  const enterprise = useQuery({ queryKey: ['enterprise', id], queryFn: () => fetchEnterprise(id) });

  if (enterprise.isPending) return <CenteredSpin />;
  if (enterprise.isError) {
    const missing = isApiError(enterprise.error) && enterprise.error.status === 404 && enterprise.error.code === 'notFound';
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert message={missing ? t('enterprises.detail.notFound') : enterprise.error.message} retryLabel={missing ? undefined : t('common.retry')} onRetry={missing ? undefined : () => void enterprise.refetch()} />
        <Link to="/enterprises">{t('nav.enterprises')}</Link>
      </Space>
    );
  }

  const record = enterprise.data;
  const none = t('common.none');
  const items: DescriptionsProps['items'] = [
    { key: 'creditCode', label: t('enterprises.columns.creditCode'), children: <span style={{ fontVariantNumeric: 'tabular-nums' }}>{record.creditCode ?? none}</span> },
    { key: 'industry', label: t('enterprises.columns.industry'), children: industryName(t, reference, record.industry) || none },
    { key: 'chainSegment', label: t('enterprises.columns.chainSegment'), children: record.chainSegment ? t(`dictionaries.chainSegments.${record.chainSegment}`) : none },
    { key: 'park', label: t('enterprises.columns.park'), children: record.park?.name ?? none },
    { key: 'size', label: t('enterprises.columns.size'), children: record.size ? t(`dictionaries.enterpriseSizes.${record.size}`) : none },
    { key: 'foundedOn', label: t('enterprises.columns.foundedOn'), children: formatDate(record.foundedOn) || none },
    { key: 'address', label: t('enterprises.detail.address'), children: record.address ?? none },
    { key: 'contactName', label: t('enterprises.detail.contactName'), children: record.contactName ?? none },
    { key: 'contactPhone', label: t('enterprises.detail.contactPhone'), children: record.contactPhone ?? none },
    { key: 'description', label: t('enterprises.detail.description'), span: 'filled', children: record.description || none },
  ];

  return (
    <>
      <PageHeader
        title={<span data-testid="enterprise-detail-name">{record.name}</span>}
        description={
          <Flex wrap gap={8} component="span">
            <Tag color="blue">{t('enterprises.columns.staff')} {record.staff}</Tag>
            <Tag color="green">{t('enterprises.columns.staffInZone')} {record.staffInZone}</Tag>
          </Flex>
        }
        extra={
          record.permissions.edit ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditOpen(true)} data-testid="enterprise-edit">
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('enterprises.detail.info')}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
        </Card>
        <EnterpriseStaff enterprise={record} linkToRegistry={canOpen(pageEntry('talents'), user.roles)} />
      </Space>
      {record.permissions.edit ? <EnterpriseFormDrawer open={editOpen} enterprise={record} onClose={() => setEditOpen(false)} onReload={() => enterprise.refetch()} /> : null}
    </>
  );
}

/** The talents whose employer the enterprise is: the registry's list with the employer filter. */
function EnterpriseStaff({ enterprise, linkToRegistry }: { enterprise: EnterpriseDetail; linkToRegistry: boolean }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [sort, setSort] = useState<TalentSort | undefined>();
  const staff = useQuery({
    queryKey: ['talents', { employer: enterprise.id, sort, page, pageSize }],
    queryFn: () => fetchTalents({ employer: enterprise.id, sort, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      title={
        <span>
          <TeamOutlined /> {t('enterprises.detail.staff')}
        </span>
      }
      extra={
        linkToRegistry ? (
          <Link to={`/talents?employer=${enterprise.id}`}>{t('nav.talents')}</Link>
        ) : null
      }
    >
      {staff.isError ? <ErrorAlert message={staff.error.message} retryLabel={t('common.retry')} onRetry={() => void staff.refetch()} /> : null}
      <TalentTable
        items={staff.data?.items ?? []}
        total={staff.data?.total ?? 0}
        loading={staff.isFetching}
        page={page}
        pageSize={pageSize}
        sort={sort}
        hideEmployer
        onChange={(change) => {
          setPage(change.page);
          setPageSize(change.pageSize);
          setSort(change.sort);
        }}
      />
    </Card>
  );
}
