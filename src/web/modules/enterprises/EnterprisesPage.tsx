import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, Row, Select, Table, type TableColumnsType, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { chainSegments, type ChainSegment, type EnterpriseSize } from '../../../domain/dictionaries';
import { can } from '../../../domain/permissions';
import { canOpen, pageEntry } from '../../app/navigation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/RequireSession';
import { industryName, industryOptions, useReference } from '../reference/reference.api';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { fetchEnterprises, type EnterpriseSummary } from './enterprises.api';

const positive = (value: string | null, fallback: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};
const isChainSegment = (value: string | null): value is ChainSegment => value !== null && (chainSegments as readonly string[]).includes(value);
const sortableColumns = ['name', 'staff', 'foundedOn'] as const;
type SortableColumn = (typeof sortableColumns)[number];
const sortOrderOf = (sort: string | null, column: SortableColumn) => (sort === column ? 'ascend' : sort === `-${column}` ? 'descend' : null);

/** The enterprise registry (企业库): search by name or credit code, filter by industry, chain segment and park. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const reference = useReference().data;
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const industry = searchParams.get('industry') ?? undefined;
  const chainParam = searchParams.get('chainSegment');
  const chainSegment = isChainSegment(chainParam) ? chainParam : undefined;
  const parkId = searchParams.get('parkId') ?? undefined;
  const sort = searchParams.get('sort');
  const page = positive(searchParams.get('page'), 1);
  const pageSize = positive(searchParams.get('pageSize'), 20);
  const [searchText, setSearchText] = useState(q);
  const [createOpen, setCreateOpen] = useState(false);
  const query = { q: q || undefined, industry, chainSegment, parkId, sort: sort ?? undefined, page, pageSize };
  const enterprises = useQuery({ queryKey: ['enterprises', query], queryFn: () => fetchEnterprises(query), placeholderData: keepPreviousData });
  const linksStaff = canOpen(pageEntry('talents'), user.roles);

  const updateParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };

  const columns: TableColumnsType<EnterpriseSummary> = [
    {
      key: 'name',
      title: t('enterprises.columns.name'),
      dataIndex: 'name',
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (_, enterprise) => (
        <Link to={`/enterprises/${enterprise.id}`} style={{ display: 'inline-block', minWidth: 160, maxWidth: 280 }} data-testid="enterprise-link">
          {enterprise.name}
        </Link>
      ),
    },
    { key: 'creditCode', title: t('enterprises.columns.creditCode'), dataIndex: 'creditCode', render: (value: string | null) => <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{value ?? t('common.none')}</span> },
    { key: 'industry', title: t('enterprises.columns.industry'), dataIndex: 'industry', render: (value: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{industryName(t, reference, value) || t('common.none')}</span> },
    { key: 'chainSegment', title: t('enterprises.columns.chainSegment'), dataIndex: 'chainSegment', render: (value: ChainSegment | null) => (value ? t(`dictionaries.chainSegments.${value}`) : t('common.none')) },
    { key: 'park', title: t('enterprises.columns.park'), dataIndex: 'park', render: (value: EnterpriseSummary['park']) => value?.name ?? t('common.none') },
    { key: 'size', title: t('enterprises.columns.size'), dataIndex: 'size', render: (value: EnterpriseSize | null) => (value ? t(`dictionaries.enterpriseSizes.${value}`) : t('common.none')) },
    { key: 'foundedOn', title: t('enterprises.columns.foundedOn'), dataIndex: 'foundedOn', sorter: true, sortOrder: sortOrderOf(sort, 'foundedOn'), render: (value: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(value) || t('common.none')}</span> },
    {
      key: 'staff',
      title: t('enterprises.columns.staff'),
      dataIndex: 'staff',
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'staff'),
      render: (value: number, enterprise) => (linksStaff && value > 0 ? <Link to={`/talents?employer=${enterprise.id}`}>{value}</Link> : value),
    },
    {
      key: 'staffInZone',
      title: t('enterprises.columns.staffInZone'),
      dataIndex: 'staffInZone',
      align: 'right',
      render: (value: number, enterprise) => (linksStaff && value > 0 ? <Link to={`/talents?employer=${enterprise.id}&status=inZone`}>{value}</Link> : value),
    },
  ];

  const handleTableChange: TableProps<EnterpriseSummary>['onChange'] = (pagination, _filters, sorter) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<EnterpriseSummary> | undefined;
    const column = single?.columnKey as SortableColumn | undefined;
    const nextSort = column && sortableColumns.includes(column) && single?.order ? (single.order === 'descend' ? `-${column}` : column) : undefined;
    const sortChanged = (nextSort ?? null) !== sort;
    updateParams({ sort: nextSort, page: sortChanged || pagination.current === 1 ? undefined : String(pagination.current), pageSize: pagination.pageSize === 20 ? undefined : String(pagination.pageSize) });
  };

  return (
    <>
      <PageHeader
        title={t('enterprises.title')}
        description={t('enterprises.description')}
        extra={
          can(user.roles, 'enterprises.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)} data-testid="create-enterprise">
              {t('enterprises.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={10}>
            <Input.Search
              allowClear
              value={searchText}
              placeholder={t('enterprises.searchPlaceholder')}
              onChange={(event) => setSearchText(event.target.value)}
              onSearch={(value) => updateParams({ q: value.trim() || undefined, page: undefined })}
              enterButton={t('common.search')}
              data-testid="enterprises-search"
            />
          </Col>
          <Col xs={12} sm={8} lg={5}>
            <Select allowClear value={industry} placeholder={t('enterprises.filters.industry')} aria-label={t('enterprises.filters.industry')} options={industryOptions(reference, industry)} onChange={(value?: string) => updateParams({ industry: value, page: undefined })} style={{ width: '100%' }} />
          </Col>
          <Col xs={12} sm={8} lg={4}>
            <Select
              allowClear
              value={chainSegment}
              placeholder={t('enterprises.filters.chainSegment')}
              aria-label={t('enterprises.filters.chainSegment')}
              options={chainSegments.map((value) => ({ value, label: t(`dictionaries.chainSegments.${value}`) }))}
              onChange={(value?: string) => updateParams({ chainSegment: value, page: undefined })}
              style={{ width: '100%' }}
              data-testid="filter-chain-segment"
            />
          </Col>
          <Col xs={24} sm={8} lg={5}>
            <Select
              allowClear
              value={parkId}
              placeholder={t('enterprises.filters.park')}
              aria-label={t('enterprises.filters.park')}
              options={(reference?.parks ?? []).map((park) => ({ value: park.id, label: park.name }))}
              onChange={(value?: string) => updateParams({ parkId: value, page: undefined })}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
        {enterprises.isError ? <ErrorAlert message={enterprises.error.message} retryLabel={t('common.retry')} onRetry={() => void enterprises.refetch()} /> : null}
        <div data-testid="enterprise-table">
          <Table<EnterpriseSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={enterprises.data?.items ?? []}
            loading={enterprises.isFetching}
            scroll={{ x: 'max-content' }}
            onChange={handleTableChange}
         
            pagination={{
              current: page,
              pageSize,
              total: enterprises.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { count: total }),
            }}
          />
        </div>
      </Card>
      <EnterpriseFormDrawer open={createOpen} enterprise={null} onClose={() => setCreateOpen(false)} onSaved={(saved) => navigate(`/enterprises/${saved.id}`)} />
    </>
  );
}
