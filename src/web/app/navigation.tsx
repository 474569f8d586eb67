import {
  AccountBookOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, BuildOutlined, CalculatorOutlined, CalendarOutlined, CarryOutOutlined, CloudUploadOutlined, CreditCardOutlined,
  CustomerServiceOutlined, FileDoneOutlined, FileTextOutlined, FolderOpenOutlined, HomeOutlined, IdcardOutlined, SafetyCertificateOutlined, ScanOutlined, ShopOutlined,
  TeamOutlined, TransactionOutlined, UsergroupAddOutlined, UserOutlined,
  TeamOutlined, TransactionOutlined, UserOutlined, DollarOutlined, BarChartOutlined,
  TeamOutlined, TransactionOutlined, TrophyOutlined, UserOutlined,
  SolutionOutlined, TeamOutlined, TransactionOutlined, UserOutlined,
  TeamOutlined, TransactionOutlined, UserOutlined, ReadOutlined, TrophyOutlined,
  AccountBookOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, CalculatorOutlined, CalendarOutlined, CarryOutOutlined, CloudUploadOutlined, ClusterOutlined, CreditCardOutlined,
  CustomerServiceOutlined, ExperimentOutlined, FileDoneOutlined, FileTextOutlined, FolderOpenOutlined, HomeOutlined, IdcardOutlined, ReadOutlined, SafetyCertificateOutlined, ScanOutlined, ShopOutlined,
  TeamOutlined, TransactionOutlined, UserOutlined,
  AccountBookOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, CalculatorOutlined, CalendarOutlined, CarryOutOutlined, CloudUploadOutlined, CreditCardOutlined,
  CustomerServiceOutlined, FileDoneOutlined, FileTextOutlined, FolderOpenOutlined, HeartOutlined, HomeOutlined, IdcardOutlined, SafetyCertificateOutlined, ScanOutlined, ShopOutlined,
  RiseOutlined, TeamOutlined, TransactionOutlined, UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { can, rolePermissions, type Permission } from '../../domain/permissions';
import type { Role } from '../../domain/roles';

export type PageKey =
  | 'home' | 'talents' | 'profile' | 'enterprises' | 'imports' | 'users' | 'adminRequests' | 'audit' | 'organisations' | 'units'
  | 'policies' | 'calculator' | 'applications' | 'ledger' | 'batches' | 'calendar' | 'card' | 'cards' | 'cardCheck' | 'inbox' | 'myCases' | 'serviceRequests' | 'pools';
  | 'policies' | 'calculator' | 'applications' | 'ledger' | 'batches' | 'calendar' | 'card' | 'cards' | 'cardCheck' | 'inbox' | 'myCases' | 'serviceRequests' | 'apartments';
  | 'policies' | 'calculator' | 'applications' | 'ledger' | 'batches' | 'calendar' | 'card' | 'cards' | 'cardCheck' | 'inbox' | 'myCases' | 'serviceRequests' | 'loans' | 'loanTotals';
  | 'policies' | 'calculator' | 'applications' | 'ledger' | 'batches' | 'calendar' | 'card' | 'cards' | 'cardCheck' | 'inbox' | 'myCases' | 'serviceRequests' | 'titleEvaluations';
  | 'policies' | 'calculator' | 'applications' | 'ledger' | 'batches' | 'calendar' | 'card' | 'cards' | 'cardCheck' | 'inbox' | 'myCases' | 'serviceRequests' | 'demands';
  | 'policies' | 'calculator' | 'applications' | 'ledger' | 'batches' | 'calendar' | 'card' | 'cards' | 'cardCheck' | 'inbox' | 'myCases' | 'serviceRequests'
  | 'training' | 'challenges';
  | 'policies' | 'calculator' | 'applications' | 'ledger' | 'batches' | 'calendar' | 'card' | 'cards' | 'cardCheck' | 'inbox' | 'myCases' | 'serviceRequests'
  | 'flexibleTalent' | 'universityCooperation' | 'platforms';
  | 'policies' | 'calculator' | 'applications' | 'ledger' | 'batches' | 'calendar' | 'card' | 'cards' | 'cardCheck' | 'inbox' | 'myCases' | 'serviceRequests' | 'myTalents' | 'retention';

/** Who may open a page: everyone signed in, the holders of a permission, or a rule over the roles. */
type Access = 'everyone' | Permission | ((roles: readonly Role[]) => boolean);

export type PageEntry = { key: PageKey; path: string; icon: ReactNode; access: Access };

const directoryRoles: readonly Role[] = ['office', 'leader', 'enterprise', 'department'];
const anyOf = (allowed: readonly Role[]) => (roles: readonly Role[]) => roles.some((role) => allowed.includes(role));

/** The registry (人才库) is for the roles that read others' records; a talent reads only their own, under 我的档案. */
const readsRegistry = (roles: readonly Role[]) => roles.some((role) => role !== 'talent' && rolePermissions[role].includes('talents.read'));

/** The signed-in pages, in menu order, with who may open each (the server enforces the same on its routes). */
export const pageEntries: readonly PageEntry[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, access: 'everyone' },
  { key: 'inbox', path: '/inbox', icon: <CarryOutOutlined />, access: 'cases.inbox' },
  { key: 'myCases', path: '/my-cases', icon: <FolderOpenOutlined />, access: 'cases.mine' },
  { key: 'talents', path: '/talents', icon: <TeamOutlined />, access: readsRegistry },
  { key: 'profile', path: '/profile', icon: <IdcardOutlined />, access: anyOf(['talent']) },
  { key: 'enterprises', path: '/enterprises', icon: <ShopOutlined />, access: 'enterprises.read' },
  { key: 'flexibleTalent', path: '/flexible-talent', icon: <ClusterOutlined />, access: 'flexibleTalent.read' },
  { key: 'universityCooperation', path: '/university-cooperation', icon: <ReadOutlined />, access: 'cooperation.read' },
  { key: 'platforms', path: '/platforms', icon: <ExperimentOutlined />, access: 'cooperation.read' },
  { key: 'imports', path: '/imports', icon: <CloudUploadOutlined />, access: 'talents.import' },
  { key: 'policies', path: '/policies', icon: <FileTextOutlined />, access: 'policies.read' },
  { key: 'calculator', path: '/calculator', icon: <CalculatorOutlined />, access: 'applications.submit' },
  { key: 'applications', path: '/applications', icon: <FileDoneOutlined />, access: 'applications.read' },
  { key: 'serviceRequests', path: '/service-requests', icon: <CustomerServiceOutlined />, access: 'serviceRequests.read' },
  { key: 'apartments', path: '/apartments', icon: <BuildOutlined />, access: (roles) => can(roles, 'apartments.read') || can(roles, 'apartments.apply') },
  { key: 'loans', path: '/loans', icon: <DollarOutlined />, access: 'loans.read' },
  { key: 'loanTotals', path: '/loan-totals', icon: <BarChartOutlined />, access: 'loans.totals' },
  { key: 'titleEvaluations', path: '/title-evaluations', icon: <TrophyOutlined />, access: 'titles.read' },
  { key: 'demands', path: '/demands', icon: <SolutionOutlined />, access: 'demands.read' },
  // skills training and 揭榜挂帅 (modules/training, modules/challenges)
  { key: 'training', path: '/training', icon: <ReadOutlined />, access: 'training.read' },
  { key: 'challenges', path: '/challenges', icon: <TrophyOutlined />, access: (roles) => can(roles, 'challenges.read') || can(roles, 'challenges.propose') },
  { key: 'myTalents', path: '/my-talents', icon: <HeartOutlined />, access: anyOf(['leader']) },
  { key: 'retention', path: '/retention', icon: <RiseOutlined />, access: 'retention.manage' },
  { key: 'ledger', path: '/ledger', icon: <AccountBookOutlined />, access: 'ledger.read' },
  { key: 'batches', path: '/batches', icon: <TransactionOutlined />, access: 'ledger.manage' },
  { key: 'card', path: '/card', icon: <CreditCardOutlined />, access: 'talentCard.show' },
  { key: 'cards', path: '/cards', icon: <CreditCardOutlined />, access: 'talentCard.read' },
  { key: 'cardCheck', path: '/card-check', icon: <ScanOutlined />, access: 'talentCard.verify' },
  { key: 'pools', path: '/pools', icon: <UsergroupAddOutlined />, access: 'pools.read' },
  { key: 'organisations', path: '/organisations', icon: <BankOutlined />, access: anyOf(directoryRoles) },
  { key: 'units', path: '/units', icon: <ApartmentOutlined />, access: anyOf(directoryRoles) },
  { key: 'calendar', path: '/calendar', icon: <CalendarOutlined />, access: 'calendar.manage' },
  { key: 'users', path: '/users', icon: <UserOutlined />, access: anyOf(['sysadmin', 'secadmin']) },
  { key: 'adminRequests', path: '/admin-requests', icon: <SafetyCertificateOutlined />, access: 'adminRequests.decide' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, access: anyOf(['auditor']) },
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
