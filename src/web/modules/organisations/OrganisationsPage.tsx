import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Grid, Input, Segmented, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { organisationKinds, type OrganisationKind } from '../../../domain/dictionaries';
import { can } from '../../../domain/permissions';
import { industryLabel } from '../../app/labels';
import { canOpen, pageEntry } from '../../app/navigation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchOrganisations, type Organisation } from './organisations.api';

const allKinds = 'all';
const kindColours: Record<OrganisationKind, string> = {
  enterprise: 'blue',
  platform: 'gold',
  university: 'purple',
  college: 'magenta',
  researchInstitute: 'cyan',
  team: 'green',
};
const isKind = (value: string | null): value is OrganisationKind => value !== null && (organisationKinds as readonly string[]).includes(value);
const positive = (value: string | null, fallback: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};

/** Enterprises, platforms, universities, colleges, research institutes and talent teams of the zone. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const kindParam = searchParams.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const q = searchParams.get('q') ?? '';
  const page = positive(searchParams.get('page'), 1);
  const pageSize = positive(searchParams.get('pageSize'), 20);
  const [searchText, setSearchText] = useState(q);
  const screens = Grid.useBreakpoint();
  const user = useCurrentUser();
  const linksEnterprises = can(user.roles, 'enterprises.read');
  const linksStaff = canOpen(pageEntry('talents'), user.roles);
  const organisations = useQuery({
    queryKey: ['organisations', { kind, q, page, pageSize }],
    queryFn: () => fetchOrganisations({ kind, q: q || undefined, page, pageSize }),
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

  const kindOptions = [{ value: allKinds, label: t('common.all') }, ...organisationKinds.map((value) => ({ value, label: t(`organisationKinds.${value}`) }))];
  const handleKindChange = (value: string) => updateParams({ kind: value === allKinds ? undefined : value, page: undefined });

  const columns: TableColumnsType<Organisation> = [
    {
      key: 'name',
      title: t('organisations.columns.name'),
      dataIndex: 'name',
      // an enterprise opens its page in the enterprise registry
      render: (value: string, organisation) =>
        organisation.kind === 'enterprise' && linksEnterprises ? (
          <Link to={`/enterprises/${organisation.id}`} style={{ fontWeight: 600 }}>
            {value}
          </Link>
        ) : (
          <Typography.Text strong>{value}</Typography.Text>
        ),
    },
    { key: 'kind', title: t('organisations.columns.kind'), dataIndex: 'kind', render: (value: OrganisationKind) => <Tag color={kindColours[value]}>{t(`organisationKinds.${value}`)}</Tag> },
    { key: 'industry', title: t('organisations.columns.industry'), dataIndex: 'industry', render: (value: string | null) => industryLabel(t, value) || t('common.none') },
    {
      key: 'staff',
      title: t('organisations.columns.staff'),
      dataIndex: 'staff',
      align: 'right',
      render: (value: number, organisation) => (linksStaff && value > 0 ? <Link to={`/talents?employer=${organisation.id}`}>{value}</Link> : value),
    },
    {
      key: 'description',
      title: t('organisations.columns.description'),
      dataIndex: 'description',
      render: (value: string) => <div style={{ minWidth: 200, maxWidth: 420 }}>{value || t('common.none')}</div>,
    },
  ];

  return (
    <>
      <PageHeader title={t('organisations.title')} description={t('organisations.description')} />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }} align="center">
          <Input.Search
            allowClear
            value={searchText}
            placeholder={t('organisations.searchPlaceholder')}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => updateParams({ q: value.trim() || undefined, page: undefined })}
            enterButton={t('common.search')}
            style={{ width: 300, maxWidth: '100%' }}
          />
          {/* A segmented control where it fits, a drop-down on narrow screens. */}
          {screens.lg ? (
            <Segmented value={kind ?? allKinds} options={kindOptions} onChange={(value) => handleKindChange(String(value))} data-testid="organisation-kind-filter" />
          ) : (
            <Select value={kind ?? allKinds} options={kindOptions} onChange={handleKindChange} style={{ width: 180 }} aria-label={t('organisations.kindFilter')} />
          )}
        </Flex>
        {organisations.isError ? <ErrorAlert message={organisations.error.message} retryLabel={t('common.retry')} onRetry={() => void organisations.refetch()} /> : null}
        <Table<Organisation>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={organisations.data?.items ?? []}
          loading={organisations.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: organisations.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextPageSize) => updateParams({ page: String(nextPage), pageSize: String(nextPageSize) }),
          }}
        />
      </Card>
    </>
  );
}
