import { SafetyCertificateFilled } from '@ant-design/icons';
import { Flex, Table, Tag, Tooltip, Typography, type Breakpoint, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TalentStatus } from '../../../domain/dictionaries';
import { can } from '../../../domain/permissions';
import { useColumnSettings } from '../../ui/ColumnSettings';
import { formatDate, formatDateTime } from '../../ui/format';
import { listTableProps, sortOrderOf, type ListChange } from '../../ui/use-list-page';
import { useTableScroll } from '../../ui/use-table-scroll';
import { useCurrentUser } from '../auth/RequireSession';
import { industryName, tierName, useReference } from '../reference/reference.api';
import { talentSorts, type TalentSort, type TalentSummary } from './talents.api';

export const statusColours: Record<TalentStatus, string> = { inZone: 'blue', flexibleService: 'cyan', left: 'default' };

type TalentTableProps = {
  items: TalentSummary[];
  total: number;
  /** A broad search stopped counting at `total`: shown as “超过 5,000 条”. */
  totalCapped?: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  sort?: TalentSort;
  onChange: (change: ListChange<TalentSort>) => void;
  /** A click on a tag filters by it. */
  onTagClick?: (tag: string) => void;
  /** On an enterprise's page every row has the same employer. */
  hideEmployer?: boolean;
};

/** Talents as a table: the name opens the record, columns sort on the server, personal numbers stay masked. */
/** Columns shown from 1,600 px on (antd's xxl); below, the record's page has them: the table fits a 1,440 px screen. */
const onWideScreens: Breakpoint[] = ['xxl'];

export function TalentTable({ items, total, totalCapped = false, loading, page, pageSize, sort, onChange, onTagClick, hideEmployer = false }: TalentTableProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const reference = useReference().data;
  const linksEnterprises = can(user.roles, 'enterprises.read');
  const scroll = useTableScroll();

  const columns: TableColumnsType<TalentSummary> = [
    {
      key: 'name',
      title: t('talents.columns.name'),
      dataIndex: 'name',
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (_, talent) => (
        <Flex gap={4} align="center" style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/talents/${talent.id}`} data-testid="talent-link">
            {talent.name}
          </Link>
          {talent.verified ? (
            <Tooltip title={t('talents.verified')}>
              <SafetyCertificateFilled style={{ color: '#52c41a' }} aria-label={t('talents.verified')} />
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('talents.columns.status'),
      dataIndex: 'status',
      render: (value: TalentStatus) => (
        <Tag color={statusColours[value]} style={{ marginInlineEnd: 0 }}>
          {t(`talentStatuses.${value}`)}
        </Tag>
      ),
    },
    { key: 'gender', responsive: onWideScreens, title: t('talents.columns.gender'), dataIndex: 'gender', render: (value: TalentSummary['gender']) => t(`dictionaries.genders.${value}`) },
    { key: 'birthYear', title: t('talents.columns.birthYear'), dataIndex: 'birthYear' },
    {
      key: 'education',
      title: t('talents.columns.education'),
      dataIndex: 'highestEducation',
      render: (value: TalentSummary['highestEducation']) => (value ? t(`dictionaries.educationLevels.${value}`) : t('common.none')),
    },
    { key: 'title', title: t('talents.columns.title'), dataIndex: 'highestTitle', render: (value: TalentSummary['highestTitle']) => (value ? t(`dictionaries.titleLevels.${value}`) : t('common.none')) },
    ...(hideEmployer
      ? []
      : [
          {
            key: 'employer',
            title: t('talents.columns.employer'),
            render: (_: unknown, talent: TalentSummary) => {
              if (talent.employer) {
                return linksEnterprises ? <Link to={`/enterprises/${talent.employer.id}`}>{talent.employer.name}</Link> : talent.employer.name;
              }
              if (talent.employerName) {
                return (
                  <span>
                    {talent.employerName} <Tag style={{ marginInlineStart: 4 }}>{t('talents.outside')}</Tag>
                  </span>
                );
              }
              return t('common.none');
            },
          },
        ]),
    { key: 'post', responsive: onWideScreens, title: t('talents.columns.post'), dataIndex: 'post', render: (value: string | null) => value || t('common.none') },
    { key: 'industry', title: t('talents.columns.industry'), dataIndex: 'industry', render: (value: string | null) => industryName(t, reference, value) || t('common.none') },
    { key: 'tier', responsive: onWideScreens, title: t('talents.columns.tier'), dataIndex: 'tier', render: (value: string | null) => (value ? tierName(reference, value) : t('common.none')) },
    { key: 'arrivalRoute', title: t('talents.columns.arrivalRoute'), dataIndex: 'arrivalRoute', render: (value: TalentSummary['arrivalRoute']) => <span style={{ whiteSpace: 'nowrap' }}>{t(`arrivalRoutes.${value}`)}</span> },
    {
      key: 'arrivedOn', responsive: onWideScreens,
      title: t('talents.columns.arrivedOn'),
      dataIndex: 'arrivedOn',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'arrivedOn'),
      render: (value: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(value) || t('common.none')}</span>,
    },
    {
      key: 'tags',
      title: t('talents.columns.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) =>
        tags.length ? (
          <Flex wrap gap={4} style={{ minWidth: 80, maxWidth: 220 }}>
            {tags.map((tag) => (
              <Tag key={tag} style={{ marginInlineEnd: 0, cursor: onTagClick ? 'pointer' : undefined }} onClick={onTagClick ? () => onTagClick(tag) : undefined}>
                {tag}
              </Tag>
            ))}
          </Flex>
        ) : (
          t('common.none')
        ),
    },
    { key: 'idNumber', responsive: onWideScreens, title: t('talents.columns.idNumber'), dataIndex: 'idNumber', render: (value: string) => <Typography.Text style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{value}</Typography.Text> },
    { key: 'phone', responsive: onWideScreens, title: t('talents.columns.phone'), dataIndex: 'phone', render: (value: string | null) => <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{value ?? t('common.none')}</span> },
    {
      key: 'updatedAt', responsive: onWideScreens,
      title: t('talents.columns.updatedAt'),
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'updatedAt'),
      render: (value: string) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(value)}</span>,
    },
  ];

  const list = listTableProps<TalentSummary, TalentSort>(t, { page, pageSize, sort, sorts: talentSorts, total }, onChange);
  const settings = useColumnSettings(hideEmployer ? 'enterpriseStaff' : 'talents', columns);

  return (
    <div data-testid="talent-table">
      {settings.bar}
      <Table<TalentSummary>
        rowKey="id"
        size="middle"
        columns={settings.columns}
        dataSource={items}
        loading={loading}
        scroll={settings.scroll ?? scroll}
        locale={{ emptyText: t('talents.empty') }}
        {...list}
        pagination={totalCapped ? { ...list.pagination, showTotal: (count) => t('talents.totalCapped', { count }) } : list.pagination}
      />
    </div>
  );
}
