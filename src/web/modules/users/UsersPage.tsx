import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { allRoles, isAdminRole, type Role } from '../../../domain/roles';
import { isApiError } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/RequireSession';
import { canManage } from './remit';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserFormDrawer } from './UserFormDrawer';
import { fetchUsers, unlockUser, updateUser, type UserView } from './users.api';

const isRole = (value: string | null): value is Role => value !== null && (allRoles as readonly string[]).includes(value);
const positive = (value: string | null, fallback: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};

/** Accounts for the system administrator (business accounts) and the security administrator (admin accounts). */
export function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const actor = useCurrentUser();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const roleParam = searchParams.get('role');
  const role = isRole(roleParam) ? roleParam : undefined;
  const page = positive(searchParams.get('page'), 1);
  const pageSize = positive(searchParams.get('pageSize'), 20);
  const [searchText, setSearchText] = useState(q);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);

  const users = useQuery({
    queryKey: ['users', { q, role, page, pageSize }],
    queryFn: () => fetchUsers({ q: q || undefined, role, page, pageSize }),
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

  const handleError = (error: unknown) => void message.error(isApiError(error) ? error.message : String(error));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['users'] });
    void queryClient.invalidateQueries({ queryKey: ['home'] });
  };
  const setDisabled = useMutation({
    mutationFn: ({ user, disabled }: { user: UserView; disabled: boolean }) => updateUser(user.id, { disabled }),
    onSuccess: (_, { disabled }) => {
      refresh();
      void message.success(disabled ? t('users.disabledDone') : t('users.enabledDone'));
    },
    onError: handleError,
  });
  const unlock = useMutation({
    mutationFn: (user: UserView) => unlockUser(user.id),
    onSuccess: () => {
      refresh();
      void message.success(t('users.unlockedDone'));
    },
    onError: handleError,
  });

  const handleCreate = () => {
    setEditing(null);
    setDrawerOpen(true);
  };
  const handleEdit = (user: UserView) => {
    setEditing(user);
    setDrawerOpen(true);
  };
  const handleToggleDisabled = (user: UserView) => {
    const disabled = !user.disabled;
    void modal.confirm({
      title: disabled ? t('users.actions.disable') : t('users.actions.enable'),
      content: disabled ? t('users.confirmDisable', { name: user.displayName }) : t('users.confirmEnable', { name: user.displayName }),
      okText: disabled ? t('users.actions.disable') : t('users.actions.enable'),
      okButtonProps: { danger: disabled },
      cancelText: t('common.cancel'),
      onOk: () => setDisabled.mutateAsync({ user, disabled }).catch(() => undefined),
    });
  };

  const columns: TableColumnsType<UserView> = [
    { key: 'username', title: t('users.columns.username'), dataIndex: 'username', render: (value: string) => <Typography.Text strong>{value}</Typography.Text> },
    { key: 'displayName', title: t('users.columns.displayName'), dataIndex: 'displayName' },
    {
      key: 'roles',
      title: t('users.columns.roles'),
      render: (_, user) => (
        <Flex wrap gap={4}>
          {user.roles.map((value) => (
            <Tag key={value} color={isAdminRole(value) ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {t(`roles.${value}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'binding',
      title: t('users.columns.binding'),
      render: (_, user) => {
        const names = [user.talent?.name, user.organisation?.name, user.unit?.name].filter(Boolean);
        return names.length ? names.join(t('common.listSeparator')) : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
      },
    },
    {
      key: 'status',
      title: t('users.columns.status'),
      render: (_, user) => (
        <Flex wrap gap={4}>
          {user.disabled ? <Tag color="default">{t('users.status.disabled')}</Tag> : null}
          {user.lockedUntil ? (
            <Tooltip title={t('users.status.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
              <Tag color="red">{t('users.status.locked')}</Tag>
            </Tooltip>
          ) : null}
          {!user.disabled && !user.lockedUntil ? <Tag color="green">{t('users.status.active')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'lastLoginAt', title: t('users.columns.lastLoginAt'), dataIndex: 'lastLoginAt', render: (value: string | null) => formatDateTime(value) || t('common.none') },
    { key: 'createdAt', title: t('users.columns.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, user) => {
        if (!canManage(actor.roles, user.roles)) {
          return (
            <Tooltip title={t('users.outOfRemit')}>
              <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
            </Tooltip>
          );
        }
        const items = [
          { key: 'toggle', label: user.disabled ? t('users.actions.enable') : t('users.actions.disable'), danger: !user.disabled, disabled: user.id === actor.id },
          { key: 'reset', label: t('users.actions.resetPassword') },
          ...(user.lockedUntil ? [{ key: 'unlock', label: t('users.actions.unlock') }] : []),
        ];
        const handleAction = ({ key }: { key: string }) => {
          if (key === 'toggle') handleToggleDisabled(user);
          else if (key === 'reset') setResetting(user);
          else if (key === 'unlock') unlock.mutate(user);
        };
        return (
          <Space size={0} style={{ whiteSpace: 'nowrap' }}>
            <Button type="link" size="small" onClick={() => handleEdit(user)}>
              {t('users.actions.edit')}
            </Button>
            <Dropdown menu={{ items, onClick: handleAction }} trigger={['click']}>
              <Button type="link" size="small" data-testid={`user-more-${user.username}`}>
                {t('users.actions.more')} <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={handleCreate} data-testid="create-user">
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={searchText}
            placeholder={t('users.searchPlaceholder')}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => updateParams({ q: value.trim() || undefined, page: undefined })}
            enterButton={t('common.search')}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="users-search"
          />
          <Select<Role>
            allowClear
            value={role}
            placeholder={t('users.roleFilter')}
            onChange={(value) => updateParams({ role: value, page: undefined })}
            options={allRoles.map((value) => ({ value, label: t(`roles.${value}`) }))}
            style={{ width: 180 }}
            data-testid="users-role-filter"
          />
        </Flex>
        {users.isError ? <ErrorAlert message={users.error.message} retryLabel={t('common.retry')} onRetry={() => void users.refetch()} /> : null}
        <Table<UserView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextPageSize) => updateParams({ page: String(nextPage), pageSize: String(nextPageSize) }),
          }}
        />
      </Card>
      <UserFormDrawer open={drawerOpen} user={editing} onClose={() => setDrawerOpen(false)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
