import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useCurrentUser } from '../auth/RequireSession';
import { showOneTimePassword } from './OneTimePassword';
import { approveAdminRequest, fetchAdminRequests, rejectAdminRequest, type AdminRequest } from './users.api';

const statusColor: Record<AdminRequest['status'], string> = { pending: 'orange', done: 'green', rejected: 'red', cancelled: 'default' };

/**
 * 三权分立: changes to admin accounts (roles, status, password reset, a new admin account) wait here for the holders of
 * the two other admin roles; the last approval carries the change out. The auditor sees and decides them too.
 */
export function AdminRequestsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const actor = useCurrentUser();
  const queryClient = useQueryClient();
  const requests = useQuery({ queryKey: ['admin-requests'], queryFn: fetchAdminRequests });
  const handleError = (error: unknown) => void message.error(isApiError(error) ? error.message : String(error));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['admin-requests'] });
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };
  const approve = useMutation({
    mutationFn: (request: AdminRequest) => approveAdminRequest(request.id),
    onSuccess: ({ request, oneTimePassword }) => {
      refresh();
      if (oneTimePassword) showOneTimePassword(modal, t, request.target ?? '', oneTimePassword);
      else void message.success(t('account.requests.approved'));
    },
    onError: handleError,
  });
  const reject = useMutation({
    mutationFn: (request: AdminRequest) => rejectAdminRequest(request.id),
    onSuccess: () => {
      refresh();
      void message.success(t('account.requests.rejectedDone'));
    },
    onError: handleError,
  });

  /** What the request changes, in words: roles, enable/disable, or the new account's roles. */
  const describeChanges = (request: AdminRequest) => {
    const parts: string[] = [];
    const { roles, disabled, displayName } = request.changes as { roles?: string[]; disabled?: boolean; displayName?: string };
    if (displayName && request.kind === 'create') parts.push(displayName);
    if (roles) parts.push(roles.map((role) => t(`roles.${role}` as 'roles.office')).join('、'));
    if (disabled !== undefined) parts.push(t(`account.requests.disabled.${disabled ? 'true' : 'false'}`));
    return parts.join(' · ') || t('common.none');
  };

  const columns: TableColumnsType<AdminRequest> = [
    { key: 'kind', title: t('account.requests.columns.kind'), render: (_, request) => t(`account.requests.kind.${request.kind}`) },
    { key: 'target', title: t('account.requests.columns.target'), render: (_, request) => <Typography.Text strong data-verbatim>{request.target}</Typography.Text> },
    { key: 'changes', title: t('account.requests.columns.changes'), render: (_, request) => describeChanges(request) },
    { key: 'requester', title: t('account.requests.columns.requester'), dataIndex: 'requester', render: (value: string) => <span data-verbatim>{value}</span> },
    {
      key: 'approvals',
      title: t('account.requests.columns.approvals'),
      render: (_, request) => request.approvals.map((approval) => `${approval.username}（${t(`roles.${approval.role}`)}）`).join('、') || t('common.none'),
    },
    {
      key: 'waitingFor',
      title: t('account.requests.columns.waitingFor'),
      render: (_, request) => (
        <Flex wrap gap={4}>
          {request.waitingFor.map((role) => (
            <Tag key={role} color="purple">
              {t(`roles.${role}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'status', title: t('account.requests.columns.status'), render: (_, request) => <Tag color={statusColor[request.status]}>{t(`account.requests.status.${request.status}`)}</Tag> },
    { key: 'createdAt', title: t('account.requests.columns.createdAt'), render: (_, request) => formatDateTime(request.createdAt) },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, request) =>
        request.status !== 'pending' ? null : (
          <Space size={0} style={{ whiteSpace: 'nowrap' }}>
            {request.canApprove ? (
              <Button type="link" size="small" onClick={() => approve.mutate(request)} data-testid={`approve-${request.id}`}>
                {t('account.requests.approve')}
              </Button>
            ) : null}
            {request.canApprove || request.requester === actor.username ? (
              <Button type="link" size="small" danger onClick={() => reject.mutate(request)}>
                {request.requester === actor.username ? t('account.requests.withdraw') : t('account.requests.reject')}
              </Button>
            ) : null}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('account.requests.tab')} description={t('account.requests.filed')} />
      <Card>
        <Table<AdminRequest>
          rowKey="id"
          columns={columns}
          dataSource={requests.data ?? []}
          loading={requests.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('account.requests.empty') }}
        />
      </Card>
    </>
  );
}
