import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../domain/permissions';
import { entitlementStatuses, type EntitlementStatus } from '../../../domain/policies/policy';
import { isApiError } from '../../app/api';
import { formatDateTime, formatMoney } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { NextStepEmpty } from '../../ui/NextStepEmpty';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { confirmEntitlements, declineEntitlement, fetchEntitlements, fetchPolicies, type Entitlement } from './policies.api';
import { EntitlementStatusTag, periodLabel } from './policy-ui';
import { FilterField } from '../../ui/FilterField';

/**
 * The periods to filter by, each by its label: 一次性 (a one-off policy's one payment, `once`), the years (yearly
 * policies) and the months (monthly ones) from five years back to next year, newest first; a period named in the
 * address but outside that range stays listed.
 */
function periodOptions(t: TFunction, current: string | undefined) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 7 }, (_, index) => thisYear + 1 - index);
  const values = ['once', ...years.flatMap((year) => [String(year), ...Array.from({ length: 12 }, (_, month) => `${year}-${String(12 - month).padStart(2, '0')}`)])];
  if (current && !values.includes(current)) values.push(current);
  return values.map((value) => ({ value, label: /^\d{4}$/.test(value) ? t('ledger.yearPeriod', { year: value }) : periodLabel(t, value) }));
}

/** 兑现台账: entitlements by period with sums; the office confirms what a scan found; a subject may decline what was granted unasked. */
export function LedgerPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const manages = can(user.roles, 'ledger.manage');
  const declines = can(user.roles, 'entitlements.decline');
  const [selected, setSelected] = useState<string[]>([]);
  // a change of filter or page forgets the rows chosen on the page before
  const list = useListPage({ onUpdate: () => setSelected([]) });
  const policyId = list.param('policyId');
  const status = list.oneOf<EntitlementStatus>('status', entitlementStatuses);
  const period = list.param('period');
  const { page, pageSize } = list;

  const entitlements = useQuery({
    queryKey: ['entitlements', { policyId, status, period, page, pageSize }],
    queryFn: () => fetchEntitlements({ policyId, status, period, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const policies = useQuery({ queryKey: ['policies', 'ledger-options'], queryFn: () => fetchPolicies({ page: 1, pageSize: 100 }) });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['entitlements'] });
    void queryClient.invalidateQueries({ queryKey: ['policy'] });
    void queryClient.invalidateQueries({ queryKey: ['policies'] });
    void queryClient.invalidateQueries({ queryKey: ['calculator'] });
  };
  const handleError = (error: unknown) => void message.error(isApiError(error) ? error.message : String(error));
  const confirm = useMutation({
    mutationFn: () => confirmEntitlements(selected),
    onSuccess: ({ confirmed }) => (refresh(), setSelected([]), void message.success(t('ledger.confirmed', { count: confirmed }))),
    onError: handleError,
  });
  const decline = useMutation({
    mutationFn: (id: string) => declineEntitlement(id),
    onSuccess: ({ declined }) => (refresh(), void message.success(t('ledger.declined', { count: declined }))),
    onError: handleError,
  });

  const mine = (entitlement: Entitlement) => (entitlement.subject.kind === 'talent' ? entitlement.subject.id === user.talentId : entitlement.subject.id === user.organisationId);
  const columns: TableColumnsType<Entitlement> = [
    {
      key: 'policy',
      title: t('ledger.columns.policy'),
      render: (_, entitlement) => (
        <Flex vertical>
          <Link to={`/policies/${entitlement.policy.id}`}>{entitlement.policy.title}</Link>
          {entitlement.loan ? (
            <Link to={`/loans/${entitlement.loan.id}`} style={{ fontSize: 12 }} title={entitlement.loan.basis?.[english ? 'en-US' : 'zh-CN']} data-testid="ledger-loan">
              {t('loans.ledgerLoan', { bank: english ? entitlement.loan.bank.nameEn : entitlement.loan.bank.name, amount: formatMoney(entitlement.loan.amount) })}
            </Link>
          ) : null}
        </Flex>
      ),
    },
    { key: 'subject', title: t('ledger.columns.subject'), render: (_, entitlement) => entitlement.subject.name },
    { key: 'period', title: t('ledger.columns.period'), render: (_, entitlement) => periodLabel(t, entitlement.period) },
    { key: 'amount', title: t('ledger.columns.amount'), align: 'right', render: (_, entitlement) => formatMoney(entitlement.amount) },
    {
      key: 'source',
      title: t('ledger.columns.source'),
      render: (_, entitlement) =>
        entitlement.source === 'automatic' && mine(entitlement) ? <Tag color="cyan">{t('ledger.automaticForYou')}</Tag> : <Tag color={entitlement.source === 'automatic' ? 'cyan' : 'geekblue'}>{t(`policyCodes.sources.${entitlement.source}`)}</Tag>,
    },
    {
      key: 'status',
      title: t('ledger.columns.status'),
      render: (_, entitlement) => (
        <Flex vertical>
          <EntitlementStatusTag status={entitlement.status} />
          {entitlement.statusReason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {entitlement.statusReason}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'paidAt', title: t('ledger.columns.paidAt'), render: (_, entitlement) => formatDateTime(entitlement.paidAt) || t('common.none') },
    ...(declines
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, entitlement: Entitlement) =>
              mine(entitlement) && entitlement.source === 'automatic' && (entitlement.status === 'pending' || entitlement.status === 'scheduled') ? (
                <Button
                  size="small"
                  danger
                  onClick={() => void modal.confirm({ title: t('ledger.decline'), content: t('ledger.confirmDecline'), okText: t('ledger.decline'), okButtonProps: { danger: true }, cancelText: t('common.cancel'), onOk: () => decline.mutateAsync(entitlement.id).catch(() => undefined) })}
                  data-testid="entitlement-decline"
                >
                  {t('ledger.decline')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('ledger.title')}
        description={manages || !declines ? t('ledger.description') : t('ledger.descriptionMine')}
        extra={
          manages ? (
            <Button type="primary" disabled={!selected.length} loading={confirm.isPending} onClick={() => confirm.mutate()} data-testid="ledger-confirm">
              {t('ledger.confirm', { count: selected.length })}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }} align="end">
          <FilterField label={t('ledger.filters.policy')}>
              <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={policyId}
              placeholder={t('ledger.filters.policy')}
              onChange={(value) => list.filter({ policyId: value })}
              options={(policies.data?.items ?? []).map((policy) => ({ value: policy.id, label: policy.title }))}
              style={{ width: 280, maxWidth: '100%' }}
              data-testid="ledger-policy-filter"
            />
          </FilterField>
          <FilterField label={t('ledger.filters.status')}>
              <Select<EntitlementStatus>
              allowClear
              value={status}
              placeholder={t('ledger.filters.status')}
              onChange={(value) => list.filter({ status: value })}
              options={entitlementStatuses.map((value) => ({ value, label: t(`policyCodes.entitlementStatuses.${value}`) }))}
              style={{ width: 140 }}
              data-testid="ledger-status-filter"
            />
          </FilterField>
          <FilterField label={t('ledger.filters.period')}>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={period}
              placeholder={t('ledger.filters.periodPlaceholder')}
              onChange={(value) => list.filter({ period: value })}
              options={periodOptions(t, period)}
              style={{ width: 200, maxWidth: '100%' }}
              data-testid="ledger-period-filter"
            />
          </FilterField>
          {entitlements.data ? (
            <Typography.Text strong data-testid="ledger-sums">
              {t('ledger.sums', { amount: formatMoney(entitlements.data.sums.amount), paid: formatMoney(entitlements.data.sums.paid) })}
            </Typography.Text>
          ) : null}
        </Flex>
        <ListTable<Entitlement>
          columnSettings="ledger"
          list={list}
          query={entitlements}
          columns={columns}
          data-testid="ledger-table"
          // a talent or an enterprise with nothing granted yet is told how money comes to be listed here
          locale={manages || status || period || !can(user.roles, 'applications.submit') ? undefined : { emptyText: <NextStepEmpty testId="ledger-empty" description={t('ledger.emptyOwn')} action={t('ledger.toCalculator')} to="/calculator" /> }}
          rowSelection={
            manages
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (entitlement) => ({ disabled: entitlement.status !== 'pending' }) }
              : undefined
          }
        />
      </Card>
    </>
  );
}
