import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './locales/en-US';
import { zhCN } from './locales/zh-CN';
import { auditEnUS, auditZhCN } from '../modules/audit/locales';
import { notificationsEnUS, notificationsZhCN } from '../modules/notifications/locales';
import { policiesEnUS, policiesZhCN } from '../modules/policies/locales';
import { accountEnUS, accountZhCN } from '../modules/auth/locales';
import { calendarEnUS, calendarZhCN } from '../modules/calendar/locales';
import { cardEnUS, cardZhCN } from '../modules/talent-card/locales';
import { casesEnUS, casesZhCN } from '../modules/cases/locales';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

const storageKey = 'talentzone.language';

dayjs.extend(utc);
dayjs.extend(timezone);

export const isLanguage = (value: unknown): value is Language => (languages as readonly unknown[]).includes(value);

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

/** Everything outside i18next that follows the language: dayjs, the page's lang attribute and title. */
function applyLanguage(language: Language) {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
  document.title = i18next.t('app.name');
}

export const i18n = i18next;

type Texts = { [key: string]: string | Texts };
/** The app's texts with a module's own merged in (one level deep, so a module adds its entries to `nav`). */
function withModuleTexts(base: Texts, ...modules: Texts[]): Texts {
  const merged: Texts = { ...base };
  for (const texts of modules) {
    for (const [key, value] of Object.entries(texts)) {
      const existing = merged[key];
      merged[key] = typeof existing === 'object' && typeof value === 'object' ? { ...existing, ...value } : value;
    }
  }
  return merged;
}

void i18next.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: withModuleTexts(zhCN, policiesZhCN, notificationsZhCN, accountZhCN, auditZhCN, calendarZhCN, cardZhCN, casesZhCN) },
    'en-US': { translation: withModuleTexts(enUS, policiesEnUS, notificationsEnUS, accountEnUS, auditEnUS, calendarEnUS, cardEnUS, casesEnUS) },
  },
  lng: storedLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
applyLanguage(currentLanguage());

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : defaultLanguage;
}

/** Switches the interface language and remembers it in this browser. */
export async function changeLanguage(language: Language) {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // private mode without storage: the choice lasts for this page only
  }
  await i18next.changeLanguage(language);
  applyLanguage(language);
}
