import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../domain/permissions';
import { policyCategories, policyModes, policyStatuses, policyTargets, type PolicyCategory, type PolicyMode, type PolicyStatus, type PolicyTarget } from '../../../domain/policies/policy';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { SearchInput } from '../../ui/SearchInput';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchPolicies, type PolicySummary } from './policies.api';
import { BudgetBar, ModeTag, PolicyStatusTag } from './policy-ui';
import { PolicyFormDrawer } from './PolicyFormDrawer';
import { FilterField } from '../../ui/FilterField';

/** 政策目录: the catalogue with its filters in the address, and budget use per policy. */
export function PoliciesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useListPage();
  const q = list.param('q');
  const category = list.oneOf<PolicyCategory>('category', policyCategories);
  const target = list.oneOf<PolicyTarget>('target', policyTargets);
  const mode = list.oneOf<PolicyMode>('mode', policyModes);
  const status = list.oneOf<PolicyStatus>('status', policyStatuses);
  const { page, pageSize } = list;
  const [creating, setCreating] = useState(false);
  const manages = can(user.roles, 'policies.manage');

  const policies = useQuery({
    queryKey: ['policies', { q, category, target, mode, status, page, pageSize }],
    queryFn: () => fetchPolicies({ q, category, target, mode, status, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<PolicySummary> = [
    { key: 'code', title: t('policies.columns.code'), dataIndex: 'code', render: (value: string) => <Typography.Text code data-verbatim>{value}</Typography.Text> },
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
        <Flex wrap gap={12} style={{ marginBottom: 16 }} align="end">
          <SearchInput
            value={q}
            placeholder={t('policies.searchPlaceholder')}
            onSearch={(value) => list.filter({ q: value })}
            style={{ width: 300, maxWidth: '100%' }}
            data-testid="policies-search"
          />
          <FilterField label={t('policies.filters.category')}>
              <Select<PolicyCategory>
              allowClear
              value={category}
              placeholder={t('policies.filters.category')}
              onChange={(value) => list.filter({ category: value })}
              options={policyCategories.map((value) => ({ value, label: t(`policyCodes.categories.${value}`) }))}
              style={{ width: 150 }}
              data-testid="policies-category-filter"
            />
          </FilterField>
          <FilterField label={t('policies.filters.target')}>
              <Select<PolicyTarget>
              allowClear
              value={target}
              placeholder={t('policies.filters.target')}
              onChange={(value) => list.filter({ target: value })}
              options={policyTargets.map((value) => ({ value, label: t(`policyCodes.targets.${value}`) }))}
              style={{ width: 130 }}
              data-testid="policies-target-filter"
            />
          </FilterField>
          <FilterField label={t('policies.filters.mode')}>
              <Select<PolicyMode>
              allowClear
              value={mode}
              placeholder={t('policies.filters.mode')}
              onChange={(value) => list.filter({ mode: value })}
              options={policyModes.map((value) => ({ value, label: t(`policyCodes.modes.${value}`) }))}
              style={{ width: 150 }}
              data-testid="policies-mode-filter"
            />
          </FilterField>
          {manages ? (
            <FilterField label={t('policies.filters.status')}>
                <Select<PolicyStatus>
                allowClear
                value={status}
                placeholder={t('policies.filters.status')}
                onChange={(value) => list.filter({ status: value })}
                options={policyStatuses.map((value) => ({ value, label: t(`policyCodes.statuses.${value}`) }))}
                style={{ width: 130 }}
                data-testid="policies-status-filter"
              />
            </FilterField>
          ) : null}
        </Flex>
        <ListTable<PolicySummary> list={list} query={policies} columns={columns} data-testid="policies-table" />
      </Card>
      <PolicyFormDrawer open={creating} policy={null} onClose={() => setCreating(false)} />
    </>
  );
}
