import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Grid, Segmented, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { organisationKinds, type OrganisationKind } from '../../../domain/dictionaries';
import { can } from '../../../domain/permissions';
import { canOpen, pageEntry } from '../../app/navigation';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { SearchInput } from '../../ui/SearchInput';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { industryName, useReference } from '../reference/reference.api';
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

/** Enterprises, platforms, universities, colleges, research institutes and talent teams of the zone. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const reference = useReference().data;
  const list = useListPage();
  const kind = list.oneOf<OrganisationKind>('kind', organisationKinds);
  const q = list.param('q');
  const { page, pageSize } = list;
  const screens = Grid.useBreakpoint();
  const user = useCurrentUser();
  const linksEnterprises = can(user.roles, 'enterprises.read');
  const linksStaff = canOpen(pageEntry('talents'), user.roles);
  const organisations = useQuery({
    queryKey: ['organisations', { kind, q, page, pageSize }],
    queryFn: () => fetchOrganisations({ kind, q, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const kindOptions = [{ value: allKinds, label: t('common.all') }, ...organisationKinds.map((value) => ({ value, label: t(`organisationKinds.${value}`) }))];
  const handleKindChange = (value: string) => list.filter({ kind: value === allKinds ? undefined : value });

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
    { key: 'industry', title: t('organisations.columns.industry'), dataIndex: 'industry', render: (value: string | null) => industryName(t, reference, value) || t('common.none') },
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
          <SearchInput
            value={q}
            placeholder={t('organisations.searchPlaceholder')}
            onSearch={(value) => list.filter({ q: value })}
            style={{ width: 300, maxWidth: '100%' }}
          />
          {/* A segmented control where it fits, a drop-down on narrow screens. */}
          {screens.lg ? (
            <Segmented value={kind ?? allKinds} options={kindOptions} onChange={(value) => handleKindChange(String(value))} data-testid="organisation-kind-filter" />
          ) : (
            <Select value={kind ?? allKinds} options={kindOptions} onChange={handleKindChange} style={{ width: 180 }} aria-label={t('organisations.kindFilter')} />
          )}
        </Flex>
        <ListTable<Organisation> list={list} query={organisations} columns={columns} />
      </Card>
    </>
  );
}
