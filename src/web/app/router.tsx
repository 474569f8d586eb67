import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useRoutes, type RouteObject } from 'react-router';
import { CenteredSpin } from '../ui/CenteredSpin';
import { loadSignedInTexts } from './i18n';

/** A page as its own chunk: `lazyPage(() => import('…'), 'HomePage')` for a module with a named export. */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}

/**
 * The signed-in frame and the page guards: one chunk, with the texts of the signed-in screens, fetched on the first
 * signed-in page (the sign-in page loads neither).
 */
const signedIn = () => Promise.all([import('./signed-in'), loadSignedInTexts()]).then(([module]) => module);
const SignedInShell = lazy(async () => ({ default: (await signedIn()).SignedInShell }));
const RequirePage = lazy(async () => ({ default: (await signedIn()).RequirePage }));
const RequirePermission = lazy(async () => ({ default: (await signedIn()).RequirePermission }));

const loginPage = () => import('../modules/auth/LoginPage');
const LoginPage = lazyPage(loginPage, 'LoginPage');

/**
 * Starts fetching the first page's code while the texts load (main.tsx), instead of after them: the sign-in page, or
 * the signed-in frame (the page itself follows when the frame renders).
 */
export function preloadFirstPage(path: string): Promise<unknown> {
  if (path === '/login') return loginPage();
  if (path === '/setup') return Promise.resolve();
  return signedIn();
}

/** First-run set-up uses antd's App (its messages): both come with the page's chunk. */
const SetupPage = lazy(async () => {
  const [{ SetupPage: Page }, { WithAntdApp }] = await Promise.all([import('../modules/auth/SetupPage'), import('./with-antd-app')]);
  return { default: () => <WithAntdApp><Page /></WithAntdApp> };
});
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
const InboxPage = lazyPage(() => import('../modules/cases/InboxPage'), 'InboxPage');
const MyCasesPage = lazyPage(() => import('../modules/cases/MyCasesPage'), 'MyCasesPage');
const ServiceRequestsPage = lazyPage(() => import('../modules/cases/ServiceRequestsPage'), 'ServiceRequestsPage');
const DemandsPage = lazyPage(() => import('../modules/demands/DemandsPage'), 'DemandsPage');
const CampaignsPage = lazyPage(() => import('../modules/campaigns/CampaignsPage'), 'CampaignsPage');
const CampaignPage = lazyPage(() => import('../modules/campaigns/CampaignPage'), 'CampaignPage');
const ExecutivesPage = lazyPage(() => import('../modules/campaigns/ExecutivesPage'), 'ExecutivesPage');
const ServiceRequestDetailPage = lazyPage(() => import('../modules/cases/ServiceRequestDetailPage'), 'ServiceRequestDetailPage');
const PerformancePage = lazyPage(() => import('../modules/cases/PerformancePage'), 'PerformancePage');
const CategoriesPage = lazyPage(() => import('../modules/cases/CategoriesPage'), 'CategoriesPage');
const ApartmentsPage = lazyPage(() => import('../modules/apartments/ApartmentsPage'), 'ApartmentsPage');
const ApartmentApplicationPage = lazyPage(() => import('../modules/apartments/ApartmentApplicationPage'), 'ApartmentApplicationPage');
const LoansPage = lazyPage(() => import('../modules/loans/LoansPage'), 'LoansPage');
const LoanDetailPage = lazyPage(() => import('../modules/loans/LoanDetailPage'), 'LoanDetailPage');
const LoanTotalsPage = lazyPage(() => import('../modules/loans/LoanTotalsPage'), 'LoanTotalsPage');
const MyCardPage = lazyPage(() => import('../modules/talent-card/MyCardPage'), 'MyCardPage');
const CardsPage = lazyPage(() => import('../modules/talent-card/CardsPage'), 'CardsPage');
const FlexibleTalentPage = lazyPage(() => import('../modules/cooperation/FlexibleTalentPage'), 'FlexibleTalentPage');
const UniversityCooperationPage = lazyPage(() => import('../modules/cooperation/UniversityCooperationPage'), 'UniversityCooperationPage');
const PlatformsPage = lazyPage(() => import('../modules/cooperation/PlatformsPage'), 'PlatformsPage');
const MyTalentsPage = lazyPage(() => import('../modules/retention/RetentionPages'), 'MyTalentsPage');
const RetentionPage = lazyPage(() => import('../modules/retention/RetentionPages'), 'RetentionPage');
const DashboardPage = lazyPage(() => import('../modules/dashboard/DashboardPages'), 'DashboardPage');
const DashboardScreenPage = lazyPage(() => import('../modules/dashboard/DashboardPages'), 'ScreenPage');
const DashboardReportPage = lazyPage(() => import('../modules/dashboard/DashboardPages'), 'ReportPage');
const IndustryMapPage = lazyPage(() => import('../modules/analytics/IndustryMapPage'), 'IndustryMapPage');
const TalentMapPage = lazyPage(() => import('../modules/analytics/TalentMapPage'), 'TalentMapPage');
const CardCheckPage = lazyPage(() => import('../modules/talent-card/CardCheckPage'), 'CardCheckPage');
const PoolsPage = lazyPage(() => import('../modules/pools/PoolsPage'), 'PoolsPage');
const PoolMemberPage = lazyPage(() => import('../modules/pools/PoolMemberPage'), 'PoolMemberPage');
const SelectionsPage = lazyPage(() => import('../modules/selections/SelectionsPage'), 'SelectionsPage');
const SelectionPage = lazyPage(() => import('../modules/selections/SelectionPage'), 'SelectionPage');
const TitleRoundsPage = lazyPage(() => import('../modules/title-evaluations/TitleRoundsPage'), 'TitleRoundsPage');
const TitleRoundPage = lazyPage(() => import('../modules/title-evaluations/TitleRoundPage'), 'TitleRoundPage');
const TrainingPage = lazyPage(() => import('../modules/training/TrainingPage'), 'TrainingPage');
const TrainingOrderPage = lazyPage(() => import('../modules/training/TrainingOrderPage'), 'TrainingOrderPage');
const TrainingClassPage = lazyPage(() => import('../modules/training/TrainingClassPage'), 'TrainingClassPage');
const ChallengesPage = lazyPage(() => import('../modules/challenges/ChallengesPage'), 'ChallengesPage');
const ChallengeDetailPage = lazyPage(() => import('../modules/challenges/ChallengeDetailPage'), 'ChallengeDetailPage');
const JointTasksPage = lazyPage(() => import('../modules/coordination/JointTasksPage'), 'JointTasksPage');
const JointTaskPage = lazyPage(() => import('../modules/coordination/JointTaskPage'), 'JointTaskPage');
const BoardPage = lazyPage(() => import('../modules/coordination/BoardPage'), 'BoardPage');
const StaffDeparturesPage = lazyPage(() => import('../modules/coordination/StaffDeparturesPage'), 'StaffDeparturesPage');
const NotFoundPage = lazyPage(() => import('./ErrorPages'), 'NotFoundPage');

/** A page outside the signed-in frame (and the frame itself) while its chunk loads: a spinner on the whole screen. */
const signedOut = (element: ReactNode) => <Suspense fallback={<CenteredSpin fullScreen />}>{element}</Suspense>;

const routes: RouteObject[] = [
  { path: '/login', element: signedOut(<LoginPage />) },
  { path: '/setup', element: signedOut(<SetupPage />) },
  {
    path: '/',
    element: signedOut(<SignedInShell />),
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
      { path: 'policies', element: <RequirePage page="policies"><PoliciesPage /></RequirePage> },
      { path: 'policies/:id', element: <RequirePage page="policies"><PolicyDetailPage /></RequirePage> },
      { path: 'policies/:id/draft', element: <RequirePermission permission="policies.manage"><DraftEditorPage /></RequirePermission> },
      { path: 'policies/:id/simulate', element: <RequirePermission permission="policies.simulate"><SimulationPage /></RequirePermission> },
      { path: 'calculator', element: <RequirePage page="calculator"><CalculatorPage /></RequirePage> },
      { path: 'applications', element: <RequirePage page="applications"><ApplicationsPage /></RequirePage> },
      { path: 'applications/:id', element: <RequirePage page="applications"><ApplicationDetailPage /></RequirePage> },
      { path: 'ledger', element: <RequirePage page="ledger"><LedgerPage /></RequirePage> },
      { path: 'batches', element: <RequirePage page="batches"><BatchesPage /></RequirePage> },
      { path: 'batches/:id', element: <RequirePage page="batches"><BatchDetailPage /></RequirePage> },
      { path: 'calendar', element: <RequirePage page="calendar"><CalendarPage /></RequirePage> },
      { path: 'inbox', element: <RequirePage page="inbox"><InboxPage /></RequirePage> },
      { path: 'my-cases', element: <RequirePage page="myCases"><MyCasesPage /></RequirePage> },
      { path: 'service-requests', element: <RequirePage page="serviceRequests"><ServiceRequestsPage /></RequirePage> },
      { path: 'service-requests/performance', element: <RequirePage page="serviceRequests"><PerformancePage /></RequirePage> },
      { path: 'service-requests/categories', element: <RequirePage page="serviceRequests"><CategoriesPage /></RequirePage> },
      { path: 'service-requests/:id', element: <RequirePage page="serviceRequests"><ServiceRequestDetailPage /></RequirePage> },
      { path: 'apartments', element: <RequirePage page="apartments"><ApartmentsPage /></RequirePage> },
      { path: 'apartments/applications/:id', element: <RequirePage page="apartments"><ApartmentApplicationPage /></RequirePage> },
      { path: 'loans', element: <RequirePage page="loans"><LoansPage /></RequirePage> },
      { path: 'loans/:id', element: <RequirePage page="loans"><LoanDetailPage /></RequirePage> },
      { path: 'loan-totals', element: <RequirePage page="loanTotals"><LoanTotalsPage /></RequirePage> },
      { path: 'demands', element: <RequirePage page="demands"><DemandsPage /></RequirePage> },
      { path: 'campaigns', element: <RequirePage page="campaigns"><CampaignsPage /></RequirePage> },
      { path: 'campaigns/:id', element: <RequirePage page="campaigns"><CampaignPage /></RequirePage> },
      { path: 'executives', element: <RequirePage page="executives"><ExecutivesPage /></RequirePage> },
      { path: 'executives/:id', element: <RequirePage page="executives"><ExecutivesPage /></RequirePage> },
      { path: 'card', element: <RequirePage page="card"><MyCardPage /></RequirePage> },
      { path: 'cards', element: <RequirePage page="cards"><CardsPage /></RequirePage> },
      { path: 'flexible-talent', element: <RequirePage page="flexibleTalent"><FlexibleTalentPage /></RequirePage> },
      { path: 'university-cooperation', element: <RequirePage page="universityCooperation"><UniversityCooperationPage /></RequirePage> },
      { path: 'platforms', element: <RequirePage page="platforms"><PlatformsPage /></RequirePage> },
      { path: 'my-talents', element: <RequirePage page="myTalents"><MyTalentsPage /></RequirePage> },
      { path: 'my-talents/:id', element: <RequirePage page="myTalents"><MyTalentsPage /></RequirePage> },
      { path: 'retention', element: <RequirePage page="retention"><RetentionPage /></RequirePage> },
      { path: 'dashboard', element: <RequirePage page="dashboard"><DashboardPage /></RequirePage> },
      { path: 'dashboard/screen', element: <RequirePage page="dashboard"><DashboardScreenPage /></RequirePage> },
      { path: 'dashboard/report', element: <RequirePage page="dashboard"><DashboardReportPage /></RequirePage> },
      { path: 'industry-map', element: <RequirePage page="industryMap"><IndustryMapPage /></RequirePage> },
      { path: 'talent-map', element: <RequirePage page="talentMap"><TalentMapPage /></RequirePage> },
      { path: 'card-check', element: <RequirePage page="cardCheck"><CardCheckPage /></RequirePage> },
      { path: 'pools', element: <RequirePage page="pools"><PoolsPage /></RequirePage> },
      { path: 'pools/members/:id', element: <RequirePage page="pools"><PoolMemberPage /></RequirePage> },
      { path: 'selections', element: <RequirePage page="selections"><SelectionsPage /></RequirePage> },
      { path: 'selections/:id', element: <RequirePage page="selections"><SelectionPage /></RequirePage> },
      { path: 'title-evaluations', element: <RequirePage page="titleEvaluations"><TitleRoundsPage /></RequirePage> },
      { path: 'title-evaluations/:id', element: <RequirePage page="titleEvaluations"><TitleRoundPage /></RequirePage> },
      { path: 'training', element: <RequirePage page="training"><TrainingPage /></RequirePage> },
      { path: 'training/orders/:id', element: <RequirePage page="training"><TrainingOrderPage /></RequirePage> },
      { path: 'training/classes/:id', element: <RequirePage page="training"><TrainingClassPage /></RequirePage> },
      { path: 'challenges', element: <RequirePage page="challenges"><ChallengesPage /></RequirePage> },
      { path: 'challenges/:id', element: <RequirePermission permission="challenges.read"><ChallengeDetailPage /></RequirePermission> },
      { path: 'joint-tasks', element: <RequirePage page="jointTasks"><JointTasksPage /></RequirePage> },
      { path: 'joint-tasks/:id', element: <RequirePage page="jointTasks"><JointTaskPage /></RequirePage> },
      { path: 'board', element: <RequirePage page="board"><BoardPage /></RequirePage> },
      { path: 'staff-departures', element: <RequirePage page="staffDepartures"><StaffDeparturesPage /></RequirePage> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * The app's pages by address. Declarative routing (BrowserRouter in App.tsx, `useRoutes` here): the pages use
 * links, navigation and parameters only, none of the data router's loaders or actions, and react-router's data router
 * is about a third of its code.
 */
export function AppRoutes() {
  return useRoutes(routes);
}

