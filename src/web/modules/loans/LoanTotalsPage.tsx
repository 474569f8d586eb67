import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FilterField } from '../../ui/FilterField';
import { formatMoney } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { StatTile } from '../../ui/StatTile';
import { useListPage } from '../../ui/use-list-page';
import { fetchLoanTotals, type LoanTotals } from './loans.api';

type Figures = LoanTotals['total'];

/** 贷款统计: loans disbursed by year and by bank, from the records — count, amount helped, subsidy on the ledger and paid. */
export function LoanTotalsPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const list = useListPage();
  const yearText = list.param('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const totals = useQuery({ queryKey: ['loan-totals', { year }], queryFn: () => fetchLoanTotals({ year }), placeholderData: keepPreviousData });
  if (totals.isError) return <ErrorAlert message={String(totals.error)} onRetry={() => void totals.refetch()} />;
  const data = totals.data;
  const figureColumns = [
    { key: 'count', title: t('loans.totals.count'), align: 'right' as const, render: (_: unknown, row: Figures) => row.count },
    { key: 'amount', title: t('loans.totals.amount'), align: 'right' as const, render: (_: unknown, row: Figures) => formatMoney(row.amount) },
    { key: 'granted', title: t('loans.totals.granted'), align: 'right' as const, render: (_: unknown, row: Figures) => formatMoney(row.subsidyGranted) },
    { key: 'paid', title: t('loans.totals.paid'), align: 'right' as const, render: (_: unknown, row: Figures) => formatMoney(row.subsidyPaid) },
  ];
  const totalRow = (label: string) => (data ? () => (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0}>{label}</Table.Summary.Cell>
      <Table.Summary.Cell index={1} align="right">{data.total.count}</Table.Summary.Cell>
      <Table.Summary.Cell index={2} align="right">{formatMoney(data.total.amount)}</Table.Summary.Cell>
      <Table.Summary.Cell index={3} align="right">{formatMoney(data.total.subsidyGranted)}</Table.Summary.Cell>
      <Table.Summary.Cell index={4} align="right">{formatMoney(data.total.subsidyPaid)}</Table.Summary.Cell>
    </Table.Summary.Row>
  ) : undefined);
  return (
    <>
      <PageHeader title={t('loans.totals.title')} description={t('loans.totals.description')} />
      <Flex vertical gap={16}>
        <Card>
          <FilterField label={t('loans.totals.year')}>
            <Select<number>
              allowClear
              value={year}
              placeholder={t('loans.totals.allYears')}
              onChange={(value) => list.filter({ year: value === undefined ? undefined : String(value) })}
              options={(data?.years ?? []).map((value) => ({ value, label: t('loans.totals.yearLabel', { year: value }) }))}
              style={{ width: 160 }}
              data-testid="totals-year"
            />
          </FilterField>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={6}><StatTile title={t('loans.totals.count')} value={data?.total.count ?? 0} testId="totals-count" to={year ? `/loans?year=${year}` : '/loans'} /></Col>
          <Col xs={24} md={6}><StatTile title={t('loans.totals.amount')} value={data?.total.amount ?? 0} money testId="totals-amount" /></Col>
          <Col xs={24} md={6}><StatTile title={t('loans.totals.granted')} value={data?.total.subsidyGranted ?? 0} money testId="totals-granted" /></Col>
          <Col xs={24} md={6}><StatTile title={t('loans.totals.paid')} value={data?.total.subsidyPaid ?? 0} money testId="totals-paid" to="/ledger" /></Col>
        </Row>
        <Card title={t('loans.totals.byYear')}>
          <Table
            rowKey="year"
            size="middle"
            pagination={false}
            loading={totals.isFetching}
            dataSource={data?.byYear ?? []}
            data-testid="totals-by-year"
            columns={[{ key: 'year', title: t('loans.totals.year'), render: (_, row) => <Link to={`/loans?year=${row.year}`}>{t('loans.totals.yearLabel', { year: row.year })}</Link> }, ...figureColumns]}
            summary={totalRow(t('loans.totals.total'))}
          />
        </Card>
        <Card title={t('loans.totals.byBank')}>
          <Table
            rowKey={(row) => row.bank.code}
            size="middle"
            pagination={false}
            loading={totals.isFetching}
            dataSource={data?.byBank ?? []}
            data-testid="totals-by-bank"
            columns={[{ key: 'bank', title: t('loans.totals.bank'), render: (_, row) => <Link to={`/loans?bankCode=${row.bank.code}${year ? `&year=${year}` : ''}`}>{english ? row.bank.nameEn : row.bank.name}</Link> }, ...figureColumns]}
            summary={totalRow(t('loans.totals.total'))}
          />
        </Card>
      </Flex>
    </>
  );
}
