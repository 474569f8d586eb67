import { App as AntdApp } from 'antd';
import { lazy, type ReactNode } from 'react';
import { can, type Permission } from '../../domain/permissions';
import { RequireSession, useCurrentUser } from '../modules/auth/RequireSession';
import { AppLayout } from './AppLayout';
import { canOpen, pageEntry, type PageKey } from './navigation';

/** The 403 page (antd's Result and its illustrations) only when it is shown. */
const ForbiddenPage = lazy(async () => ({ default: (await import('./ErrorPages')).ForbiddenPage }));

/**
 * What only signed-in pages need, loaded as one chunk after the sign-in page (router.tsx): the session check, the
 * frame (menu, bell, user menu), the page guards, and antd's App (the `App.useApp()` message, modal and notification
 * the pages call; the sign-in page does without).
 */
export function SignedInShell() {
  return (
    <AntdApp>
      <RequireSession>
        <AppLayout />
      </RequireSession>
    </AntdApp>
  );
}

type RequirePageProps = { page: PageKey; children: ReactNode };

/** A page the user's roles may not open answers 403 (the server refuses its data as well). */
export function RequirePage({ page, children }: RequirePageProps) {
  const user = useCurrentUser();
  return canOpen(pageEntry(page), user.roles) ? children : <ForbiddenPage />;
}

type RequirePermissionProps = { permission: Permission; children: ReactNode };

/** A page for the holders of a permission (a talent opens their own record, HR its staff: the server scopes which). */
export function RequirePermission({ permission, children }: RequirePermissionProps) {
  const user = useCurrentUser();
  return can(user.roles, permission) ? children : <ForbiddenPage />;
}
