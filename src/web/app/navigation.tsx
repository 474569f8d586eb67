import {
  AccountBookOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, BarChartOutlined, BuildOutlined, CalculatorOutlined, CalendarOutlined, CarryOutOutlined,
  CloudUploadOutlined, ClusterOutlined, CreditCardOutlined, CrownOutlined, CustomerServiceOutlined, DashboardOutlined, DollarOutlined, ExperimentOutlined, FileDoneOutlined, FileTextOutlined, FlagOutlined,
  FolderOpenOutlined, GlobalOutlined, HeartOutlined, PartitionOutlined, LogoutOutlined, NodeIndexOutlined, NotificationOutlined, HomeOutlined, IdcardOutlined, ReadOutlined, RiseOutlined, SafetyCertificateOutlined, ScanOutlined, ShopOutlined,
  SolutionOutlined, StarOutlined, TeamOutlined, TransactionOutlined, TrophyOutlined, UsergroupAddOutlined, UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { can, rolePermissions, type Permission } from '../../domain/permissions';
import type { Role } from '../../domain/roles';

export type PageKey =
  | 'home' | 'talents' | 'profile' | 'enterprises' | 'imports' | 'users' | 'adminRequests' | 'audit' | 'organisations' | 'units'
  | 'policies' | 'calculator' | 'applications' | 'ledger' | 'batches' | 'calendar' | 'card' | 'cards' | 'cardCheck' | 'inbox' | 'myCases' | 'serviceRequests'
  | 'apartments' | 'loans' | 'loanTotals' | 'titleEvaluations' | 'demands' | 'campaigns' | 'executives' | 'training' | 'challenges' | 'flexibleTalent' | 'universityCooperation' | 'platforms'
  | 'myTalents' | 'retention' | 'pools' | 'industryMap' | 'talentMap' | 'dashboard' | 'jointTasks' | 'board' | 'staffDepartures' | 'selections';

/**
 * The menu's sections, in order, each under its heading: the day's work; the registries; policies and the one-stop
 * services (服务人才); attracting and growing talent (引才育才); keeping it (留才); the system's settings.
 */
export const menuGroups = ['work', 'registry', 'services', 'attraction', 'retention', 'system'] as const;
export type MenuGroup = (typeof menuGroups)[number];

/** Who may open a page: everyone signed in, the holders of a permission, or a rule over the roles. */
type Access = 'everyone' | Permission | ((roles: readonly Role[]) => boolean);

export type PageEntry = { key: PageKey; group: MenuGroup; path: string; icon: ReactNode; access: Access };

const directoryRoles: readonly Role[] = ['office', 'leader', 'enterprise', 'department'];
const anyOf = (allowed: readonly Role[]) => (roles: readonly Role[]) => roles.some((role) => allowed.includes(role));

/** The registry (人才库) is for the roles that read others' records; a talent reads only their own, under 我的档案. */
const readsRegistry = (roles: readonly Role[]) => roles.some((role) => role !== 'talent' && rolePermissions[role].includes('talents.read'));

/** The signed-in pages, in menu order (grouped by section), with who may open each (the server enforces the same on its routes). */
export const pageEntries: readonly PageEntry[] = [
  { key: 'home', group: 'work', path: '/', icon: <HomeOutlined />, access: 'everyone' },
  { key: 'inbox', group: 'work', path: '/inbox', icon: <CarryOutOutlined />, access: 'cases.inbox' },
  { key: 'dashboard', group: 'work', path: '/dashboard', icon: <DashboardOutlined />, access: 'dashboard.read' },
  { key: 'myCases', group: 'work', path: '/my-cases', icon: <FolderOpenOutlined />, access: 'cases.mine' },
  { key: 'jointTasks', group: 'work', path: '/joint-tasks', icon: <NodeIndexOutlined />, access: 'jointTasks.read' },
  { key: 'talents', group: 'registry', path: '/talents', icon: <TeamOutlined />, access: readsRegistry },
  { key: 'profile', group: 'registry', path: '/profile', icon: <IdcardOutlined />, access: anyOf(['talent']) },
  { key: 'enterprises', group: 'registry', path: '/enterprises', icon: <ShopOutlined />, access: 'enterprises.read' },
  { key: 'imports', group: 'registry', path: '/imports', icon: <CloudUploadOutlined />, access: 'talents.import' },
  { key: 'talentMap', group: 'registry', path: '/talent-map', icon: <GlobalOutlined />, access: 'analytics.read' },
  { key: 'industryMap', group: 'registry', path: '/industry-map', icon: <PartitionOutlined />, access: 'analytics.read' },
  { key: 'organisations', group: 'registry', path: '/organisations', icon: <BankOutlined />, access: anyOf(directoryRoles) },
  { key: 'units', group: 'registry', path: '/units', icon: <ApartmentOutlined />, access: anyOf(directoryRoles) },
  { key: 'policies', group: 'services', path: '/policies', icon: <FileTextOutlined />, access: 'policies.read' },
  { key: 'calculator', group: 'services', path: '/calculator', icon: <CalculatorOutlined />, access: 'applications.submit' },
  { key: 'applications', group: 'services', path: '/applications', icon: <FileDoneOutlined />, access: 'applications.read' },
  { key: 'ledger', group: 'services', path: '/ledger', icon: <AccountBookOutlined />, access: 'ledger.read' },
  { key: 'batches', group: 'services', path: '/batches', icon: <TransactionOutlined />, access: 'ledger.manage' },
  { key: 'serviceRequests', group: 'services', path: '/service-requests', icon: <CustomerServiceOutlined />, access: 'serviceRequests.read' },
  { key: 'apartments', group: 'services', path: '/apartments', icon: <BuildOutlined />, access: (roles) => can(roles, 'apartments.read') || can(roles, 'apartments.apply') },
  { key: 'loans', group: 'services', path: '/loans', icon: <DollarOutlined />, access: 'loans.read' },
  { key: 'loanTotals', group: 'services', path: '/loan-totals', icon: <BarChartOutlined />, access: 'loans.totals' },
  { key: 'titleEvaluations', group: 'services', path: '/title-evaluations', icon: <TrophyOutlined />, access: 'titles.read' },
  { key: 'card', group: 'services', path: '/card', icon: <CreditCardOutlined />, access: 'talentCard.show' },
  { key: 'cards', group: 'services', path: '/cards', icon: <CreditCardOutlined />, access: 'talentCard.read' },
  { key: 'cardCheck', group: 'services', path: '/card-check', icon: <ScanOutlined />, access: 'talentCard.verify' },
  { key: 'demands', group: 'attraction', path: '/demands', icon: <SolutionOutlined />, access: 'demands.read' },
  { key: 'campaigns', group: 'attraction', path: '/campaigns', icon: <FlagOutlined />, access: 'campaigns.read' },
  { key: 'executives', group: 'attraction', path: '/executives', icon: <CrownOutlined />, access: 'executives.read' },
  { key: 'training', group: 'attraction', path: '/training', icon: <ReadOutlined />, access: 'training.read' },
  { key: 'challenges', group: 'attraction', path: '/challenges', icon: <TrophyOutlined />, access: (roles) => can(roles, 'challenges.read') || can(roles, 'challenges.propose') },
  { key: 'flexibleTalent', group: 'attraction', path: '/flexible-talent', icon: <ClusterOutlined />, access: 'flexibleTalent.read' },
  { key: 'universityCooperation', group: 'attraction', path: '/university-cooperation', icon: <ReadOutlined />, access: 'cooperation.read' },
  { key: 'platforms', group: 'attraction', path: '/platforms', icon: <ExperimentOutlined />, access: 'cooperation.read' },
  { key: 'board', group: 'attraction', path: '/board', icon: <NotificationOutlined />, access: 'board.read' },
  { key: 'myTalents', group: 'retention', path: '/my-talents', icon: <HeartOutlined />, access: anyOf(['leader']) },
  { key: 'retention', group: 'retention', path: '/retention', icon: <RiseOutlined />, access: 'retention.manage' },
  { key: 'pools', group: 'retention', path: '/pools', icon: <UsergroupAddOutlined />, access: 'pools.read' },
  { key: 'staffDepartures', group: 'retention', path: '/staff-departures', icon: <LogoutOutlined />, access: anyOf(['enterprise']) },
  { key: 'selections', group: 'retention', path: '/selections', icon: <StarOutlined />, access: 'selections.read' },
  { key: 'calendar', group: 'system', path: '/calendar', icon: <CalendarOutlined />, access: 'calendar.manage' },
  { key: 'users', group: 'system', path: '/users', icon: <UserOutlined />, access: anyOf(['sysadmin', 'secadmin']) },
  { key: 'adminRequests', group: 'system', path: '/admin-requests', icon: <SafetyCertificateOutlined />, access: 'adminRequests.decide' },
  { key: 'audit', group: 'system', path: '/audit', icon: <AuditOutlined />, access: anyOf(['auditor']) },
];

export function canOpen(page: PageEntry, roles: readonly Role[]): boolean {
  if (page.access === 'everyone') return true;
  if (typeof page.access === 'function') return page.access(roles);
  return can(roles, page.access);
}

export const pagesFor = (roles: readonly Role[]) => pageEntries.filter((page) => canOpen(page, roles));

export const pageEntry = (key: PageKey) => pageEntries.find((page) => page.key === key)!;

/** The page a path belongs to (`/users` and anything under it), or undefined. */
export const pageOfPath = (pathname: string) =>
  pageEntries.find((page) => (page.path === '/' ? pathname === '/' : pathname === page.path || pathname.startsWith(`${page.path}/`)));
