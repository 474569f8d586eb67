import { ApiOutlined, DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Breadcrumb, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Modal, Space, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { can } from '../../domain/permissions';
import { isAdminRole } from '../../domain/roles';
import { ChangePasswordDialog } from '../modules/auth/ChangePasswordDialog';
import { TotpSetup } from '../modules/auth/TotpSetup';
import { useCurrentUser } from '../modules/auth/RequireSession';
import { useSignOut } from '../modules/auth/session';
import { NotificationBell } from '../modules/notifications/NotificationBell';
import { CenteredSpin } from '../ui/CenteredSpin';
import { currentLanguage, type Language } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { menuGroups, pageOfPath, pagesFor } from './navigation';

const headerHeight = 56;
/** Wide enough for the longest menu label uncut (“Disbursement batches”), Latin text being wider than Chinese. */
const siderWidth: Record<Language, number> = { 'zh-CN': 208, 'en-US': 240 };

/** The signed-in frame: header (product, language, user menu), side menu by role (a drawer on phones), breadcrumb. */
export function AppLayout() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [totpOpen, setTotpOpen] = useState(false);
  const signOut = useSignOut();

  const pages = pagesFor(user.roles);
  const current = pageOfPath(location.pathname);
  // the sections with a page for this user, each under its heading (the day's work needs none)
  const menuItems: MenuProps['items'] = menuGroups.flatMap((group): NonNullable<MenuProps['items']> => {
    const items = pages.filter((page) => page.group === group).map((page) => ({ key: page.path, icon: page.icon, label: t(`nav.${page.key}`) }));
    if (!items.length) return [];
    return group === 'work' ? items : [{ type: 'group' as const, key: `group-${group}`, label: t(`nav.groups.${group}`), children: items }];
  });

  const handleMenuClick: MenuProps['onClick'] = ({ key }) => {
    setDrawerOpen(false);
    navigate(key);
  };

  const handleSignOut = () => signOut.mutate(undefined, { onSettled: () => void message.success(t('account.signedOut')) });

  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        type: 'group',
        label: (
          <Space orientation="vertical" size={4} style={{ padding: '4px 0' }}>
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <Typography.Text type="secondary">{user.username}</Typography.Text>
            <Flex wrap gap={4}>
              {user.roles.map((role) => (
                <Tag key={role} color="blue" style={{ marginInlineEnd: 0 }}>
                  {t(`roles.${role}`)}
                </Tag>
              ))}
            </Flex>
          </Space>
        ),
      },
      { type: 'divider' },
      { key: 'password', icon: <KeyOutlined />, label: t('account.changePassword'), onClick: () => setPasswordOpen(true) },
      { key: 'totp', icon: <SafetyOutlined />, label: t('account.totp.menu'), onClick: () => setTotpOpen(true) },
      ...(user.roles.some(isAdminRole)
        ? [{ key: 'docs', icon: <ApiOutlined />, label: <a href="/api/docs" target="_blank" rel="noreferrer">{t('account.apiDocs')}</a> }]
        : []),
      { type: 'divider' },
      { key: 'sign-out', icon: <LogoutOutlined />, danger: true, label: t('account.signOut'), onClick: handleSignOut },
    ],
  };

  const sideMenu = (
    <nav aria-label={t('nav.mainMenu')} data-testid="side-menu">
      <Menu mode="inline" selectedKeys={current ? [current.path] : []} items={menuItems} onClick={handleMenuClick} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );

  const breadcrumbItems = [
    { title: <Link to="/">{t('nav.home')}</Link>, key: 'home' },
    // On a record of a page (`/talents/…`), the page's crumb leads back to its list.
    ...(current && current.key !== 'home'
      ? [{ title: location.pathname === current.path ? t(`nav.${current.key}`) : <Link to={current.path}>{t(`nav.${current.key}`)}</Link>, key: current.key }]
      : []),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 100,
          height: headerHeight,
          lineHeight: `${headerHeight}px`,
          padding: narrow ? '0 8px' : '0 20px',
          background: '#0f2f6b',
          display: 'flex',
          alignItems: 'center',
          gap: narrow ? 4 : 12,
        }}
      >
        {narrow ? (
          <Button type="text" aria-label={t('nav.openMenu')} data-testid="menu-button" icon={<MenuOutlined style={{ color: '#fff' }} />} onClick={() => setDrawerOpen(true)} />
        ) : null}
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0, color: '#fff' }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Typography.Text strong ellipsis style={{ color: '#fff', fontSize: narrow ? 15 : 17 }}>
            {narrow ? t('app.shortName') : t('app.name')}
          </Typography.Text>
        </Link>
        <div style={{ flex: 1 }} />
        <LanguageSwitch size="small" />
        {can(user.roles, 'notifications.read') ? <NotificationBell /> : null}
        <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
          <Button type="text" data-testid="user-menu" style={{ color: '#fff', paddingInline: narrow ? 4 : 8 }} aria-label={user.displayName}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1456c8' }} />
            {narrow ? null : (
              <Typography.Text ellipsis style={{ color: '#fff', maxWidth: 180 }}>
                {user.displayName}
              </Typography.Text>
            )}
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
            {sideMenu}
          </Drawer>
        ) : (
          // The Sider spans the whole page (its white runs to the bottom of long pages); the menu inside stays in view.
          <Layout.Sider width={siderWidth[currentLanguage()]} theme="light" style={{ borderInlineEnd: '1px solid rgba(5, 5, 5, 0.06)' }}>
            <div style={{ position: 'sticky', top: headerHeight, maxHeight: `calc(100vh - ${headerHeight}px)`, overflow: 'auto' }}>{sideMenu}</div>
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Breadcrumb items={breadcrumbItems} style={{ marginBottom: 12 }} />
          <Suspense fallback={<CenteredSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ChangePasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
      <Modal open={totpOpen} title={t('account.totp.title')} footer={null} onCancel={() => setTotpOpen(false)} destroyOnHidden>
        <TotpSetup onDone={() => setTotpOpen(false)} />
      </Modal>
    </Layout>
  );
}
