import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, Flex, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allRoles, isAdminRole, type Role } from '../../../domain/roles';
import { isApiError } from '../../app/api';
import { formatDateTime } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { SearchInput } from '../../ui/SearchInput';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { canManage } from './remit';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserFormDrawer } from './UserFormDrawer';
import { fetchUsers, isFiled, updateUser, type UserView } from './users.api';
import { FilterField } from '../../ui/FilterField';

/** Accounts for the system administrator (business accounts) and the security administrator (admin accounts). */
export function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const actor = useCurrentUser();
  const queryClient = useQueryClient();
  const list = useListPage();
  const q = list.param('q');
  const role = list.oneOf<Role>('role', allRoles);
  const { page, pageSize } = list;
  const [editing, setEditing] = useState<UserView | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);

  const users = useQuery({
    queryKey: ['users', { q, role, page, pageSize }],
    queryFn: () => fetchUsers({ q, role, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const handleError = (error: unknown) => void message.error(isApiError(error) ? error.message : String(error));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['users'] });
    void queryClient.invalidateQueries({ queryKey: ['home'] });
  };
  const setDisabled = useMutation({
    mutationFn: ({ user, disabled }: { user: UserView; disabled: boolean }) => updateUser(user.id, { disabled }),
    onSuccess: (answer, { disabled }) => {
      refresh();
      // on an admin account it is a request for the two other administrators
      if (isFiled(answer)) void message.info(t('account.requests.filed'));
      else void message.success(disabled ? t('users.disabledDone') : t('users.enabledDone'));
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
    { key: 'username', title: t('users.columns.username'), dataIndex: 'username', render: (value: string) => <Typography.Text strong data-verbatim>{value}</Typography.Text> },
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
          {!user.disabled ? <Tag color="green">{t('users.status.active')}</Tag> : null}
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
        ];
        const handleAction = ({ key }: { key: string }) => {
          if (key === 'toggle') handleToggleDisabled(user);
          else if (key === 'reset') setResetting(user);
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
        <Flex wrap gap={12} style={{ marginBottom: 16 }} align="end">
          <SearchInput
            value={q}
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => list.filter({ q: value })}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="users-search"
          />
          <FilterField label={t('users.roleFilter')}>
              <Select<Role>
              allowClear
              value={role}
              placeholder={t('users.roleFilter')}
              onChange={(value) => list.filter({ role: value })}
              options={allRoles.map((value) => ({ value, label: t(`roles.${value}`) }))}
              style={{ width: 180 }}
              data-testid="users-role-filter"
            />
          </FilterField>
        </Flex>
        <ListTable<UserView> list={list} query={users} columns={columns} />
      </Card>
      <UserFormDrawer open={drawerOpen} user={editing} onClose={() => setDrawerOpen(false)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
