import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { chainSegments, type ChainSegment, type EnterpriseSize } from '../../../domain/dictionaries';
import { can } from '../../../domain/permissions';
import { canOpen, pageEntry } from '../../app/navigation';
import { formatDate } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { SearchInput } from '../../ui/SearchInput';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { industryName, industryOptions, useReference } from '../reference/reference.api';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { fetchEnterprises, type EnterpriseSummary } from './enterprises.api';
import { FilterField } from '../../ui/FilterField';

/** The orders the server offers (`-` for descending); the name, staff and founding date columns sort by theirs. */
const enterpriseSorts = ['name', '-name', 'staff', '-staff', 'foundedOn', '-foundedOn', 'updatedAt', '-updatedAt'] as const;

/** The enterprise registry (企业库): search by name or credit code, filter by industry, chain segment and park. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const reference = useReference().data;
  const list = useListPage({ sorts: enterpriseSorts });
  const q = list.param('q');
  const industry = list.param('industry');
  const chainSegment = list.oneOf<ChainSegment>('chainSegment', chainSegments);
  const parkId = list.param('parkId');
  const [createOpen, setCreateOpen] = useState(false);
  const query = { q, industry, chainSegment, parkId, sort: list.sort, page: list.page, pageSize: list.pageSize };
  const enterprises = useQuery({ queryKey: ['enterprises', query], queryFn: () => fetchEnterprises(query), placeholderData: keepPreviousData });
  const linksStaff = canOpen(pageEntry('talents'), user.roles);

  const columns: TableColumnsType<EnterpriseSummary> = [
    {
      key: 'name',
      title: t('enterprises.columns.name'),
      dataIndex: 'name',
      fixed: 'left',
      sorter: true,
      sortOrder: list.sortOrder('name'),
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
    { key: 'foundedOn', title: t('enterprises.columns.foundedOn'), dataIndex: 'foundedOn', sorter: true, sortOrder: list.sortOrder('foundedOn'), render: (value: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(value) || t('common.none')}</span> },
    {
      key: 'staff',
      title: t('enterprises.columns.staff'),
      dataIndex: 'staff',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrder('staff'),
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
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="bottom">
          <Col xs={24} lg={10}>
            <SearchInput
              value={q}
              placeholder={t('enterprises.searchPlaceholder')}
              onSearch={(value) => list.filter({ q: value })}
              data-testid="enterprises-search"
            />
          </Col>
          <Col xs={12} sm={8} lg={5}>
            <FilterField label={t('enterprises.filters.industry')}>
                <Select allowClear value={industry} placeholder={t('enterprises.filters.industry')} aria-label={t('enterprises.filters.industry')} options={industryOptions(reference, industry)} onChange={(value?: string) => list.filter({ industry: value })} style={{ width: '100%' }} />
            </FilterField>
          </Col>
          <Col xs={12} sm={8} lg={4}>
            <FilterField label={t('enterprises.filters.chainSegment')}>
                <Select
                allowClear
                value={chainSegment}
                placeholder={t('enterprises.filters.chainSegment')}
                aria-label={t('enterprises.filters.chainSegment')}
                options={chainSegments.map((value) => ({ value, label: t(`dictionaries.chainSegments.${value}`) }))}
                onChange={(value?: string) => list.filter({ chainSegment: value })}
                style={{ width: '100%' }}
                data-testid="filter-chain-segment"
              />
            </FilterField>
          </Col>
          <Col xs={24} sm={8} lg={5}>
            <FilterField label={t('enterprises.filters.park')}>
                <Select
                allowClear
                value={parkId}
                placeholder={t('enterprises.filters.park')}
                aria-label={t('enterprises.filters.park')}
                options={(reference?.parks ?? []).map((park) => ({ value: park.id, label: park.name }))}
                onChange={(value?: string) => list.filter({ parkId: value })}
                style={{ width: '100%' }}
              />
            </FilterField>
          </Col>
        </Row>
        <ListTable<EnterpriseSummary> columnSettings="enterprises" list={list} query={enterprises} columns={columns} data-testid="enterprise-table" />
      </Card>
      <EnterpriseFormDrawer open={createOpen} enterprise={null} onClose={() => setCreateOpen(false)} onSaved={(saved) => navigate(`/enterprises/${saved.id}`)} />
    </>
  );
}
