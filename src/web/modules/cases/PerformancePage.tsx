import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Flex, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FilterField } from '../../ui/FilterField';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { fetchPerformance, type PerformanceRow, type RequestFilters } from './cases.api';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const percent = (value: number | null) => (value === null ? null : `${(value * 100).toFixed(1)}%`);

/**
 * 承办单位办理绩效: per unit, the requests done in a period (the address keeps it; this year by default): on time, average
 * working days, satisfaction, open and overdue now. Every figure links to the list of requests behind it.
 */
export function PerformancePage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const list = useListPage();
  const fromParam = list.param('from');
  const toParam = list.param('to');
  const from = fromParam && isoDate.test(fromParam) ? fromParam : `${dayjs().year()}-01-01`;
  const to = toParam && isoDate.test(toParam) ? toParam : `${dayjs().year()}-12-31`;
  const performance = useQuery({ queryKey: ['service-request-performance', from, to], queryFn: () => fetchPerformance({ from, to }), placeholderData: keepPreviousData });
  const listLink = (row: PerformanceRow, filters: RequestFilters & { status?: string }, text: string | number | null) => {
    if (text === null) return t('cases.performance.noValue');
    const query = new URLSearchParams({ unitCode: row.unitCode, ...(filters as Record<string, string>) });
    return (
      <Link to={`/service-requests?${query.toString()}`} data-testid="performance-link">
        {text}
      </Link>
    );
  };
  const period = { decidedFrom: from, decidedTo: to };
  const columns: TableColumnsType<PerformanceRow> = [
    { key: 'unit', title: t('cases.performance.unit'), render: (_, row) => (english ? row.unitNameEn : row.unitName) },
    { key: 'handled', title: t('cases.performance.handled'), align: 'right', render: (_, row) => listLink(row, period, row.handled) },
    { key: 'onTime', title: t('cases.performance.onTimeRate'), align: 'right', render: (_, row) => listLink(row, { ...period, timing: 'onTime' }, percent(row.onTimeRate)) },
    { key: 'days', title: t('cases.performance.averageDays'), align: 'right', render: (_, row) => listLink(row, period, row.averageWorkingDays) },
    {
      key: 'satisfied',
      title: t('cases.performance.satisfiedRate'),
      align: 'right',
      render: (_, row) => (
        <Flex vertical align="end">
          {listLink(row, { ...period, rating: 'satisfied' }, percent(row.satisfiedRate))}
          {row.rated ? <Typography.Text type="secondary">{t('cases.performance.rated', { count: row.rated })}</Typography.Text> : null}
        </Flex>
      ),
    },
    { key: 'score', title: t('cases.performance.averageScore'), align: 'right', render: (_, row) => listLink(row, { ...period, rating: 'rated' }, row.averageScore) },
    { key: 'open', title: t('cases.performance.open'), align: 'right', render: (_, row) => listLink(row, { status: 'inReview' }, row.open) },
    { key: 'overdue', title: t('cases.performance.overdue'), align: 'right', render: (_, row) => listLink(row, { timing: 'overdue' }, row.overdue) },
  ];
  return (
    <>
      <PageHeader title={t('cases.performance.title')} description={t('cases.performance.description')} />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <FilterField label={t('cases.performance.period')}>
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(from), dayjs(to)]}
              onChange={(range) => {
                if (range?.[0] && range[1]) list.filter({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
              }}
              data-testid="performance-period"
            />
          </FilterField>
        </Flex>
        {performance.isError ? <ErrorAlert message={String(performance.error)} onRetry={() => void performance.refetch()} /> : null}
        <Table<PerformanceRow>
          rowKey="unitCode"
          loading={performance.isLoading}
          columns={columns}
          dataSource={performance.data?.rows ?? []}
          pagination={false}
          locale={{ emptyText: t('cases.performance.empty') }}
          data-testid="performance-table"
        />
      </Card>
    </>
  );
}
