import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { loanStages } from '../../../domain/loans';
import { can } from '../../../domain/permissions';
import { applicationStatuses, type ApplicationStatus } from '../../../domain/policies/policy';
import { FilterField } from '../../ui/FilterField';
import { formatDate, formatMoney } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { CaseDeadline, CaseStatusTag } from '../cases/CaseTags';
import { ApplyLoanDialog } from './ApplyLoanDialog';
import { fetchInstitutions, fetchLoans, type LoanStageOrSettled, type LoanSummary } from './loans.api';
import { LoanStageTag } from './LoanTags';

const stageFilters: readonly LoanStageOrSettled[] = [...loanStages, 'settled'];
const applicantKinds = ['talent', 'enterprise'] as const;

/** 创业担保贷款: the loans the user may see, with the office's filters (stage, status, bank, year, applicant type); applicants apply here. */
export function LoansPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [applying, setApplying] = useState(false);
  const list = useListPage();
  const status = list.oneOf<ApplicationStatus>('status', applicationStatuses);
  const stage = list.oneOf<LoanStageOrSettled>('stage', stageFilters);
  const bankCode = list.param('bankCode');
  const yearText = list.param('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const applicantKind = list.oneOf('applicantKind', applicantKinds);
  const { page, pageSize } = list;
  const loans = useQuery({
    queryKey: ['loans', { status, stage, bankCode, year, applicantKind, page, pageSize }],
    queryFn: () => fetchLoans({ status, stage, bankCode, year, applicantKind, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const institutions = useQuery({ queryKey: ['loan-institutions'], queryFn: fetchInstitutions });
  const applies = can(user.roles, 'loans.apply');
  const staff = !applies;
  const thisYear = new Date().getFullYear();
  const name = (item: { name: string; nameEn: string }) => (english ? item.nameEn : item.name);
  const columns: TableColumnsType<LoanSummary> = [
    { key: 'applicant', title: t('loans.columns.applicant'), render: (_, item) => <Link to={`/loans/${item.id}`} data-testid="loan-link">{item.applicant.name}</Link> },
    { key: 'bank', title: t('loans.columns.bank'), render: (_, item) => name(item.bank) },
    { key: 'amount', title: t('loans.columns.amount'), align: 'right', render: (_, item) => formatMoney(item.disbursedAmount ?? item.loanAmount) },
    { key: 'term', title: t('loans.columns.term'), responsive: ['xl'], render: (_, item) => t('loans.months', { count: item.termMonths }) },
    { key: 'stage', title: t('loans.columns.stage'), render: (_, item) => <LoanStageTag stage={item.stage} /> },
    { key: 'status', title: t('loans.columns.status'), render: (_, item) => <CaseStatusTag status={item.status} /> },
    { key: 'due', title: t('loans.columns.due'), render: (_, item) => <CaseDeadline dueAt={item.dueAt} overdue={item.overdue} escalated={item.escalated} /> },
    { key: 'disbursedOn', title: t('loans.columns.disbursedOn'), responsive: ['xxl'], render: (_, item) => formatDate(item.disbursedOn) || t('common.none') },
    { key: 'subsidy', title: t('loans.columns.subsidy'), align: 'right', responsive: ['xxl'], render: (_, item) => (item.subsidyTotal === null ? t('common.none') : formatMoney(item.subsidyTotal)) },
  ];
  return (
    <>
      <PageHeader
        title={t('loans.list.title')}
        description={t('loans.list.description')}
        extra={
          <Space>
            {can(user.roles, 'loans.totals') ? <Link to="/loan-totals">{t('loans.list.totals')}</Link> : null}
            {applies ? <Button type="primary" onClick={() => setApplying(true)} data-testid="loan-apply">{t('loans.list.apply')}</Button> : null}
          </Space>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <FilterField label={t('loans.list.stage')}>
            <Select<LoanStageOrSettled> allowClear value={stage} placeholder={t('loans.list.stage')} onChange={(value) => list.filter({ stage: value })} options={stageFilters.map((value) => ({ value, label: t(`loans.stages.${value}`) }))} style={{ width: 140 }} data-testid="loans-stage-filter" />
          </FilterField>
          <FilterField label={t('loans.list.status')}>
            <Select<ApplicationStatus> allowClear value={status} placeholder={t('loans.list.status')} onChange={(value) => list.filter({ status: value })} options={applicationStatuses.map((value) => ({ value, label: t(`cases.statuses.${value}`) }))} style={{ width: 130 }} />
          </FilterField>
          {staff ? (
            <>
              <FilterField label={t('loans.list.bank')}>
                <Select<string> allowClear value={bankCode} placeholder={t('loans.list.bank')} onChange={(value) => list.filter({ bankCode: value })} options={(institutions.data?.banks ?? []).map((bank) => ({ value: bank.code, label: name(bank) }))} style={{ width: 240 }} data-testid="loans-bank-filter" />
              </FilterField>
              <FilterField label={t('loans.list.year')}>
                <Select<number> allowClear value={year} placeholder={t('loans.list.year')} onChange={(value) => list.filter({ year: value === undefined ? undefined : String(value) })} options={Array.from({ length: 6 }, (_, index) => thisYear - index).map((value) => ({ value, label: t('loans.totals.yearLabel', { year: value }) }))} style={{ width: 120 }} />
              </FilterField>
              <FilterField label={t('loans.list.applicantKind')}>
                <Select<'talent' | 'enterprise'> allowClear value={applicantKind} placeholder={t('loans.list.applicantKind')} onChange={(value) => list.filter({ applicantKind: value })} options={applicantKinds.map((value) => ({ value, label: t(`loans.applicantKinds.${value}`) }))} style={{ width: 120 }} />
              </FilterField>
            </>
          ) : null}
        </Flex>
        <ListTable<LoanSummary> list={list} query={loans} columns={columns} columnSettings="loans" data-testid="loans-table" />
      </Card>
      <ApplyLoanDialog
        open={applying}
        onClose={() => setApplying(false)}
        onApplied={(saved) => {
          setApplying(false);
          void queryClient.invalidateQueries({ queryKey: ['loans'] });
          void navigate(`/loans/${saved.id}`);
        }}
      />
    </>
  );
}
