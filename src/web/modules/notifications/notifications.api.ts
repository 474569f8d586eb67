import { api } from '../../app/api';

export type Notification = { id: string; kind: string; title: string; body: string; link: string | null; read: boolean; createdAt: string };
export type NotificationPage = { items: Notification[]; total: number; unread: number };

export const fetchNotifications = (page = 1, pageSize = 10) => api.get<NotificationPage>('/api/notifications', { page, pageSize });
export const markNotificationRead = (id: string) => api.post<{ updated: number }>(`/api/notifications/${id}/read`);
export const markAllNotificationsRead = () => api.post<{ updated: number }>('/api/notifications/read-all');
