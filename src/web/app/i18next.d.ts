import 'i18next';
import type { zhCN } from './locales/zh-CN';
import type { auditZhCN } from '../modules/audit/locales';
import type { notificationsZhCN } from '../modules/notifications/locales';
import type { policiesZhCN } from '../modules/policies/locales';
import type { accountZhCN } from '../modules/auth/locales';
import type { calendarZhCN } from '../modules/calendar/locales';
import type { cardZhCN } from '../modules/talent-card/locales';
import type { casesZhCN } from '../modules/cases/locales';
import type { poolsZhCN } from '../modules/pools/locales';
import type { apartmentsZhCN } from '../modules/apartments/locales';
import type { loansZhCN } from '../modules/loans/locales';
import type { titlesZhCN } from '../modules/title-evaluations/locales';
import type { demandsZhCN } from '../modules/demands/locales';
import type { campaignsZhCN } from '../modules/campaigns/locales';
import type { trainingZhCN } from '../modules/training/locales';
import type { challengesZhCN } from '../modules/challenges/locales';
import type { cooperationZhCN } from '../modules/cooperation/locales';
import type { retentionZhCN } from '../modules/retention/locales';
import type { coordinationZhCN } from '../modules/coordination/locales';
import type { selectionsZhCN } from '../modules/selections/locales';
import type { dashboardZhCN } from '../modules/dashboard/locales';
import type { analyticsZhCN } from '../modules/analytics/locales';

declare module 'i18next' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting i18next's interface needs an interface
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof zhCN & typeof policiesZhCN & typeof notificationsZhCN & typeof accountZhCN & typeof auditZhCN & typeof calendarZhCN & typeof cardZhCN & typeof casesZhCN &
        typeof poolsZhCN & typeof apartmentsZhCN & typeof loansZhCN & typeof titlesZhCN & typeof demandsZhCN & typeof campaignsZhCN & typeof trainingZhCN & typeof challengesZhCN & typeof cooperationZhCN & typeof retentionZhCN & typeof analyticsZhCN & typeof dashboardZhCN & typeof coordinationZhCN & typeof selectionsZhCN;
    };
  }
}
