import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { can, type Permission } from '../../domain/permissions';
import { RequireSession, useCurrentUser } from '../modules/auth/RequireSession';
import { CenteredSpin } from '../ui/CenteredSpin';
import { AppLayout } from './AppLayout';
import { canOpen, pageEntry, type PageKey } from './navigation';
import { CardCheckPage } from '../modules/talent-card/CardCheckPage';
import { CardsPage } from '../modules/talent-card/CardsPage';
import { MyCardPage } from '../modules/talent-card/MyCardPage';

/** A page as its own chunk: `lazyPage(() => import('…'), 'HomePage')` for a module with a named export. */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = lazyPage(() => import('../modules/auth/LoginPage'), 'LoginPage');
const SetupPage = lazyPage(() => import('../modules/auth/SetupPage'), 'SetupPage');
const HomePage = lazyPage(() => import('../modules/home/HomePage'), 'HomePage');
const UsersPage = lazyPage(() => import('../modules/users/UsersPage'), 'UsersPage');
const AdminRequestsPage = lazyPage(() => import('../modules/users/AdminRequestsPage'), 'AdminRequestsPage');
const AuditPage = lazyPage(() => import('../modules/audit/AuditPage'), 'AuditPage');
const OrganisationsPage = lazyPage(() => import('../modules/organisations/OrganisationsPage'), 'OrganisationsPage');
const UnitsPage = lazyPage(() => import('../modules/organisations/UnitsPage'), 'UnitsPage');
const TalentsPage = lazyPage(() => import('../modules/talents/TalentsPage'), 'TalentsPage');
const TalentDetailPage = lazyPage(() => import('../modules/talents/TalentDetailPage'), 'TalentDetailPage');
const MyProfilePage = lazyPage(() => import('../modules/talents/MyProfilePage'), 'MyProfilePage');
const EnterprisesPage = lazyPage(() => import('../modules/enterprises/EnterprisesPage'), 'EnterprisesPage');
const EnterpriseDetailPage = lazyPage(() => import('../modules/enterprises/EnterpriseDetailPage'), 'EnterpriseDetailPage');
const ImportPage = lazyPage(() => import('../modules/imports/ImportPage'), 'ImportPage');
const InboxPage = lazyPage(() => import('../modules/cases/InboxPage'), 'InboxPage');
const MyCasesPage = lazyPage(() => import('../modules/cases/MyCasesPage'), 'MyCasesPage');
const ServiceRequestsPage = lazyPage(() => import('../modules/cases/ServiceRequestsPage'), 'ServiceRequestsPage');
const ServiceRequestDetailPage = lazyPage(() => import('../modules/cases/ServiceRequestDetailPage'), 'ServiceRequestDetailPage');
const PoliciesPage = lazyPage(() => import('../modules/policies/PoliciesPage'), 'PoliciesPage');
const PolicyDetailPage = lazyPage(() => import('../modules/policies/PolicyDetailPage'), 'PolicyDetailPage');
const DraftEditorPage = lazyPage(() => import('../modules/policies/DraftEditorPage'), 'DraftEditorPage');
const SimulationPage = lazyPage(() => import('../modules/policies/SimulationPage'), 'SimulationPage');
const CalculatorPage = lazyPage(() => import('../modules/policies/CalculatorPage'), 'CalculatorPage');
const ApplicationsPage = lazyPage(() => import('../modules/policies/ApplicationsPage'), 'ApplicationsPage');
const ApplicationDetailPage = lazyPage(() => import('../modules/policies/ApplicationDetailPage'), 'ApplicationDetailPage');
const LedgerPage = lazyPage(() => import('../modules/policies/LedgerPage'), 'LedgerPage');
const BatchesPage = lazyPage(() => import('../modules/policies/BatchesPage'), 'BatchesPage');
const BatchDetailPage = lazyPage(() => import('../modules/policies/BatchDetailPage'), 'BatchDetailPage');
const CalendarPage = lazyPage(() => import('../modules/calendar/CalendarPage'), 'CalendarPage');
const NotFoundPage = lazyPage(() => import('./ErrorPages'), 'NotFoundPage');
const ForbiddenPage = lazyPage(() => import('./ErrorPages'), 'ForbiddenPage');

type RequirePageProps = { page: PageKey; children: ReactNode };

/** A page the user's roles may not open answers 403 (the server refuses its data as well). */
function RequirePage({ page, children }: RequirePageProps) {
  const user = useCurrentUser();
  return canOpen(pageEntry(page), user.roles) ? children : <ForbiddenPage />;
}

type RequirePermissionProps = { permission: Permission; children: ReactNode };

/** A page for the holders of a permission (a talent opens their own record, HR its staff: the server scopes which). */
function RequirePermission({ permission, children }: RequirePermissionProps) {
  const user = useCurrentUser();
  return can(user.roles, permission) ? children : <ForbiddenPage />;
}

const signedOut = (element: ReactNode) => <Suspense fallback={<CenteredSpin fullScreen />}>{element}</Suspense>;

export const router = createBrowserRouter([
  { path: '/login', element: signedOut(<LoginPage />) },
  { path: '/setup', element: signedOut(<SetupPage />) },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'talents', element: <RequirePage page="talents"><TalentsPage /></RequirePage> },
      { path: 'talents/:id', element: <RequirePermission permission="talents.read"><TalentDetailPage /></RequirePermission> },
      { path: 'profile', element: <RequirePage page="profile"><MyProfilePage /></RequirePage> },
      { path: 'enterprises', element: <RequirePage page="enterprises"><EnterprisesPage /></RequirePage> },
      { path: 'enterprises/:id', element: <RequirePage page="enterprises"><EnterpriseDetailPage /></RequirePage> },
      { path: 'imports', element: <RequirePage page="imports"><ImportPage /></RequirePage> },
      { path: 'users', element: <RequirePage page="users"><UsersPage /></RequirePage> },
      { path: 'admin-requests', element: <RequirePage page="adminRequests"><AdminRequestsPage /></RequirePage> },
      { path: 'audit', element: <RequirePage page="audit"><AuditPage /></RequirePage> },
      { path: 'organisations', element: <RequirePage page="organisations"><OrganisationsPage /></RequirePage> },
      { path: 'units', element: <RequirePage page="units"><UnitsPage /></RequirePage> },
      { path: 'calendar', element: <RequirePage page="calendar"><CalendarPage /></RequirePage> },
      { path: 'policies', element: <RequirePage page="policies"><PoliciesPage /></RequirePage> },
      { path: 'policies/:id', element: <RequirePage page="policies"><PolicyDetailPage /></RequirePage> },
      { path: 'policies/:id/draft', element: <RequirePermission permission="policies.manage"><DraftEditorPage /></RequirePermission> },
      { path: 'policies/:id/simulate', element: <RequirePermission permission="policies.simulate"><SimulationPage /></RequirePermission> },
      { path: 'calculator', element: <RequirePage page="calculator"><CalculatorPage /></RequirePage> },
      { path: 'inbox', element: <RequirePage page="inbox"><InboxPage /></RequirePage> },
      { path: 'my-cases', element: <RequirePage page="myCases"><MyCasesPage /></RequirePage> },
      { path: 'service-requests', element: <RequirePage page="serviceRequests"><ServiceRequestsPage /></RequirePage> },
      { path: 'service-requests/:id', element: <RequirePage page="serviceRequests"><ServiceRequestDetailPage /></RequirePage> },
      { path: 'applications', element: <RequirePage page="applications"><ApplicationsPage /></RequirePage> },
      { path: 'applications/:id', element: <RequirePage page="applications"><ApplicationDetailPage /></RequirePage> },
      { path: 'ledger', element: <RequirePage page="ledger"><LedgerPage /></RequirePage> },
      { path: 'batches', element: <RequirePage page="batches"><BatchesPage /></RequirePage> },
      { path: 'batches/:id', element: <RequirePage page="batches"><BatchDetailPage /></RequirePage> },
      { path: 'card', element: <RequirePage page="card"><MyCardPage /></RequirePage> },
      { path: 'cards', element: <RequirePage page="cards"><CardsPage /></RequirePage> },
      { path: 'card-check', element: <RequirePage page="cardCheck"><CardCheckPage /></RequirePage> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
