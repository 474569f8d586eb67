import 'i18next';
import type { zhCN } from './locales/zh-CN';
import type { auditZhCN } from '../modules/audit/locales';
import type { notificationsZhCN } from '../modules/notifications/locales';
import type { policiesZhCN } from '../modules/policies/locales';
import type { accountZhCN } from '../modules/auth/locales';
import type { calendarZhCN } from '../modules/calendar/locales';
import type { cardZhCN } from '../modules/talent-card/locales';
import type { casesZhCN } from '../modules/cases/locales';
import type { retentionZhCN } from '../modules/retention/locales';

declare module 'i18next' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting i18next's interface needs an interface
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & typeof policiesZhCN & typeof notificationsZhCN & typeof accountZhCN & typeof auditZhCN & typeof calendarZhCN & typeof cardZhCN & typeof casesZhCN & typeof retentionZhCN };
  }
}
