import { ApartmentOutlined, AuditOutlined, BankOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../domain/roles';

export type PageKey = 'home' | 'users' | 'audit' | 'organisations' | 'units';

export type PageEntry = { key: PageKey; path: string; icon: ReactNode; roles: readonly Role[] | 'everyone' };

const directoryRoles: readonly Role[] = ['office', 'leader', 'enterprise', 'department'];

/** The signed-in pages, in menu order, with the roles that may open each (the server enforces the same on its routes). */
export const pageEntries: readonly PageEntry[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, roles: 'everyone' },
  { key: 'organisations', path: '/organisations', icon: <BankOutlined />, roles: directoryRoles },
  { key: 'units', path: '/units', icon: <ApartmentOutlined />, roles: directoryRoles },
  { key: 'users', path: '/users', icon: <TeamOutlined />, roles: ['sysadmin', 'secadmin'] },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, roles: ['auditor'] },
];

export const canOpen = (page: PageEntry, roles: readonly Role[]) => page.roles === 'everyone' || page.roles.some((role) => roles.includes(role));

export const pagesFor = (roles: readonly Role[]) => pageEntries.filter((page) => canOpen(page, roles));

export const pageEntry = (key: PageKey) => pageEntries.find((page) => page.key === key)!;

/** The page a path belongs to (`/users` and anything under it), or undefined. */
export const pageOfPath = (pathname: string) =>
  pageEntries.find((page) => (page.path === '/' ? pathname === '/' : pathname === page.path || pathname.startsWith(`${page.path}/`)));
