import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, List, Popover, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { fetchNotifications, markAllNotificationsRead, markNotificationRead, type Notification } from './notifications.api';

const knownKinds = ['review', 'returned', 'rejected', 'approved', 'overdue', 'automatic'] as const;
type KnownKind = (typeof knownKinds)[number];
const isKnownKind = (kind: string): kind is KnownKind => (knownKinds as readonly string[]).includes(kind);
const kindColors: Record<KnownKind, string> = { review: 'blue', returned: 'orange', rejected: 'red', approved: 'green', overdue: 'volcano', automatic: 'cyan' };

export const notificationsQueryKey = ['notifications'] as const;

/** The bell in the header: unread count (polled each minute), the latest messages, a click opens what they are about. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const notifications = useQuery({ queryKey: notificationsQueryKey, queryFn: () => fetchNotifications(1, 10), refetchInterval: 60_000, staleTime: 15_000 });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
  const markOne = useMutation({ mutationFn: markNotificationRead, onSettled: refresh });
  const markAll = useMutation({ mutationFn: markAllNotificationsRead, onSettled: refresh });
  const unread = notifications.data?.unread ?? 0;

  const handleOpenItem = (item: Notification) => {
    if (!item.read) markOne.mutate(item.id);
    setOpen(false);
    if (item.link) navigate(item.link);
  };

  const content = (
    <div style={{ width: 340, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        {unread ? (
          <Button type="link" size="small" onClick={() => markAll.mutate()} loading={markAll.isPending} data-testid="notifications-read-all">
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </Flex>
      {notifications.isError ? <Typography.Text type="danger">{t('notifications.loadFailed')}</Typography.Text> : null}
      {notifications.data && notifications.data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> : null}
      <List<Notification>
        size="small"
        dataSource={notifications.data?.items ?? []}
        style={{ maxHeight: 420, overflow: 'auto' }}
        renderItem={(item) => (
          <List.Item
            key={item.id}
            onClick={() => handleOpenItem(item)}
            style={{ cursor: item.link ? 'pointer' : 'default', background: item.read ? undefined : 'rgba(20, 86, 200, 0.06)', paddingInline: 8 }}
            data-testid="notification-item"
            data-read={item.read}
          >
            <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
              <Flex gap={6} align="center" wrap>
                {isKnownKind(item.kind) ? (
                  <Tag color={kindColors[item.kind]} style={{ marginInlineEnd: 0 }}>
                    {t(`notifications.kinds.${item.kind}`)}
                  </Tag>
                ) : null}
                <Typography.Text strong={!item.read} style={{ flex: 1, minWidth: 0 }} ellipsis={{ tooltip: item.title }}>
                  {item.title}
                </Typography.Text>
              </Flex>
              {item.body ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: item.body }}>
                  {item.body}
                </Typography.Text>
              ) : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(item.createdAt)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      <Button type="text" data-testid="notification-bell" style={{ color: '#fff', paddingInline: 6 }}>
        {/* the button's name is its text, the count in words; the badge's digits and the icon are its picture */}
        <span className="visually-hidden">{`${t('notifications.bell')}${unread ? ` (${t('notifications.unread', { count: unread })})` : ''}`}</span>
        <span aria-hidden="true">
          <Badge count={unread} size="small" offset={[2, -2]} data-testid="notification-count">
            <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
          </Badge>
        </span>
      </Button>
    </Popover>
  );
}
