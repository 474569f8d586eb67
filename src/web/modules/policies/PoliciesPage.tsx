import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '../../../domain/permissions';
import { policyCategories, policyModes, policyStatuses, policyTargets, type PolicyCategory, type PolicyMode, type PolicyStatus, type PolicyTarget } from '../../../domain/policies/policy';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchPolicies, type PolicySummary } from './policies.api';
import { BudgetBar, ModeTag, PolicyStatusTag } from './policy-ui';
import { PolicyFormDrawer } from './PolicyFormDrawer';

const positive = (value: string | null, fallback: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => (value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined);

/** 政策目录: the catalogue with its filters in the address, and budget use per policy. */
export function PoliciesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const category = oneOf<PolicyCategory>(policyCategories, searchParams.get('category'));
  const target = oneOf<PolicyTarget>(policyTargets, searchParams.get('target'));
  const mode = oneOf<PolicyMode>(policyModes, searchParams.get('mode'));
  const status = oneOf<PolicyStatus>(policyStatuses, searchParams.get('status'));
  const page = positive(searchParams.get('page'), 1);
  const pageSize = positive(searchParams.get('pageSize'), 20);
  const [searchText, setSearchText] = useState(q);
  const [creating, setCreating] = useState(false);
  const manages = can(user.roles, 'policies.manage');

  const policies = useQuery({
    queryKey: ['policies', { q, category, target, mode, status, page, pageSize }],
    queryFn: () => fetchPolicies({ q: q || undefined, category, target, mode, status, page, pageSize }),
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

  const columns: TableColumnsType<PolicySummary> = [
    { key: 'code', title: t('policies.columns.code'), dataIndex: 'code', render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
    {
      key: 'title',
      title: t('policies.columns.title'),
      render: (_, policy) => (
        <Flex vertical>
          <Link to={`/policies/${policy.id}`} data-testid="policy-link">
            {policy.title}
          </Link>
          {policy.documentNo ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {policy.documentNo}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'category', title: t('policies.columns.category'), render: (_, policy) => t(`policyCodes.categories.${policy.category}`) },
    { key: 'target', title: t('policies.columns.target'), render: (_, policy) => t(`policyCodes.targets.${policy.target}`) },
    { key: 'mode', title: t('policies.columns.mode'), render: (_, policy) => <ModeTag mode={policy.mode} /> },
    { key: 'unit', title: t('policies.columns.unit'), render: (_, policy) => policy.unit.name },
    { key: 'status', title: t('policies.columns.status'), render: (_, policy) => <PolicyStatusTag status={policy.status} /> },
    { key: 'budget', title: t('policies.columns.budget'), render: (_, policy) => <BudgetBar budget={policy.budget} /> },
    {
      key: 'effective',
      title: t('policies.columns.effective'),
      render: (_, policy) => (policy.effectiveTo ? `${policy.effectiveFrom} ~ ${policy.effectiveTo}` : t('policies.effectiveOpen', { from: policy.effectiveFrom })),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('policies.title')}
        description={t('policies.description')}
        extra={
          manages ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-policy">
              {t('policies.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={searchText}
            placeholder={t('policies.searchPlaceholder')}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => updateParams({ q: value.trim() || undefined, page: undefined })}
            enterButton={t('common.search')}
            style={{ width: 300, maxWidth: '100%' }}
            data-testid="policies-search"
          />
          <Select<PolicyCategory>
            allowClear
            value={category}
            placeholder={t('policies.filters.category')}
            onChange={(value) => updateParams({ category: value, page: undefined })}
            options={policyCategories.map((value) => ({ value, label: t(`policyCodes.categories.${value}`) }))}
            style={{ width: 150 }}
            data-testid="policies-category-filter"
          />
          <Select<PolicyTarget>
            allowClear
            value={target}
            placeholder={t('policies.filters.target')}
            onChange={(value) => updateParams({ target: value, page: undefined })}
            options={policyTargets.map((value) => ({ value, label: t(`policyCodes.targets.${value}`) }))}
            style={{ width: 130 }}
            data-testid="policies-target-filter"
          />
          <Select<PolicyMode>
            allowClear
            value={mode}
            placeholder={t('policies.filters.mode')}
            onChange={(value) => updateParams({ mode: value, page: undefined })}
            options={policyModes.map((value) => ({ value, label: t(`policyCodes.modes.${value}`) }))}
            style={{ width: 150 }}
            data-testid="policies-mode-filter"
          />
          {manages ? (
            <Select<PolicyStatus>
              allowClear
              value={status}
              placeholder={t('policies.filters.status')}
              onChange={(value) => updateParams({ status: value, page: undefined })}
              options={policyStatuses.map((value) => ({ value, label: t(`policyCodes.statuses.${value}`) }))}
              style={{ width: 130 }}
              data-testid="policies-status-filter"
            />
          ) : null}
        </Flex>
        {policies.isError ? <ErrorAlert message={policies.error.message} retryLabel={t('common.retry')} onRetry={() => void policies.refetch()} /> : null}
        <Table<PolicySummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={policies.data?.items ?? []}
          loading={policies.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="policies-table"
          pagination={{
            current: page,
            pageSize,
            total: policies.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextPageSize) => updateParams({ page: String(nextPage), pageSize: String(nextPageSize) }),
          }}
        />
      </Card>
      <PolicyFormDrawer open={creating} policy={null} onClose={() => setCreating(false)} />
    </>
  );
}
