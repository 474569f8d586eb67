import type { Locale } from 'antd/es/locale';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

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

/**
 * The texts are loaded, not bundled: the app's texts one file per language (only the language in use is fetched, the
 * other on switching), antd's and dayjs's texts with them; a module's texts (one file with both languages) when the
 * first screen that needs them is loaded. The sign-in screens need the app's texts and the account module's; the
 * signed-in frame adds the rest (`loadSignedInTexts`).
 */
type Loaded = { texts: Texts; antd: Locale };
const languageLoaders: Record<Language, () => Promise<Loaded>> = {
  'zh-CN': async () => {
    const [{ zhCN }, antd] = await Promise.all([import('./locales/zh-CN'), import('antd/es/locale/zh_CN'), import('dayjs/locale/zh-cn')]);
    return { texts: zhCN, antd: antd.default };
  },
  'en-US': async () => {
    const [{ enUS }, antd] = await Promise.all([import('./locales/en-US'), import('antd/es/locale/en_US')]);
    return { texts: enUS, antd: antd.default };
  },
};

type ModuleTexts = Record<Language, Texts>;
/** Module texts in the order they are merged (a later module wins a key both name). */
const moduleOrder = ['policies', 'notifications', 'account', 'audit', 'calendar', 'card', 'cases', 'pools', 'apartments', 'loans', 'titles', 'demands', 'campaigns', 'training', 'challenges', 'cooperation', 'retention', 'coordination', 'selections', 'dashboard', 'analytics'] as const;
type ModuleName = (typeof moduleOrder)[number];
const moduleLoaders: Record<ModuleName, () => Promise<ModuleTexts>> = {
  policies: async () => {
    const { policiesZhCN, policiesEnUS } = await import('../modules/policies/locales');
    return { 'zh-CN': policiesZhCN, 'en-US': policiesEnUS };
  },
  notifications: async () => {
    const { notificationsZhCN, notificationsEnUS } = await import('../modules/notifications/locales');
    return { 'zh-CN': notificationsZhCN, 'en-US': notificationsEnUS };
  },
  account: async () => {
    const { accountZhCN, accountEnUS } = await import('../modules/auth/locales');
    return { 'zh-CN': accountZhCN, 'en-US': accountEnUS };
  },
  audit: async () => {
    const { auditZhCN, auditEnUS } = await import('../modules/audit/locales');
    return { 'zh-CN': auditZhCN, 'en-US': auditEnUS };
  },
  calendar: async () => {
    const { calendarZhCN, calendarEnUS } = await import('../modules/calendar/locales');
    return { 'zh-CN': calendarZhCN, 'en-US': calendarEnUS };
  },
  card: async () => {
    const { cardZhCN, cardEnUS } = await import('../modules/talent-card/locales');
    return { 'zh-CN': cardZhCN, 'en-US': cardEnUS };
  },
  cases: async () => {
    const { casesZhCN, casesEnUS } = await import('../modules/cases/locales');
    return { 'zh-CN': casesZhCN, 'en-US': casesEnUS };
  },
  pools: async () => {
    const { poolsZhCN, poolsEnUS } = await import('../modules/pools/locales');
    return { 'zh-CN': poolsZhCN, 'en-US': poolsEnUS };
  },
  apartments: async () => {
    const { apartmentsZhCN, apartmentsEnUS } = await import('../modules/apartments/locales');
    return { 'zh-CN': apartmentsZhCN, 'en-US': apartmentsEnUS };
  },
  loans: async () => {
    const { loansZhCN, loansEnUS } = await import('../modules/loans/locales');
    return { 'zh-CN': loansZhCN, 'en-US': loansEnUS };
  },
  titles: async () => {
    const { titlesZhCN, titlesEnUS } = await import('../modules/title-evaluations/locales');
    return { 'zh-CN': titlesZhCN, 'en-US': titlesEnUS };
  },
  demands: async () => {
    const { demandsZhCN, demandsEnUS } = await import('../modules/demands/locales');
    return { 'zh-CN': demandsZhCN, 'en-US': demandsEnUS };
  },
  campaigns: async () => {
    const { campaignsZhCN, campaignsEnUS } = await import('../modules/campaigns/locales');
    return { 'zh-CN': campaignsZhCN, 'en-US': campaignsEnUS };
  },
  training: async () => {
    const { trainingZhCN, trainingEnUS } = await import('../modules/training/locales');
    return { 'zh-CN': trainingZhCN, 'en-US': trainingEnUS };
  },
  challenges: async () => {
    const { challengesZhCN, challengesEnUS } = await import('../modules/challenges/locales');
    return { 'zh-CN': challengesZhCN, 'en-US': challengesEnUS };
  },
  cooperation: async () => {
    const { cooperationZhCN, cooperationEnUS } = await import('../modules/cooperation/locales');
    return { 'zh-CN': cooperationZhCN, 'en-US': cooperationEnUS };
  },
  retention: async () => {
    const { retentionZhCN, retentionEnUS } = await import('../modules/retention/locales');
    return { 'zh-CN': retentionZhCN, 'en-US': retentionEnUS };
  },
  coordination: async () => {
    const { coordinationZhCN, coordinationEnUS } = await import('../modules/coordination/locales');
    return { 'zh-CN': coordinationZhCN, 'en-US': coordinationEnUS };
  },
  selections: async () => {
    const { selectionsZhCN, selectionsEnUS } = await import('../modules/selections/locales');
    return { 'zh-CN': selectionsZhCN, 'en-US': selectionsEnUS };
  },
  dashboard: async () => {
    const { dashboardZhCN, dashboardEnUS } = await import('../modules/dashboard/locales');
    return { 'zh-CN': dashboardZhCN, 'en-US': dashboardEnUS };
  },
  analytics: async () => {
    const { analyticsZhCN, analyticsEnUS } = await import('../modules/analytics/locales');
    return { 'zh-CN': analyticsZhCN, 'en-US': analyticsEnUS };
  },
};

const loadedLanguages = new Map<Language, Loaded>();
const loadedModules = new Map<ModuleName, ModuleTexts>();
const pendingLanguages = new Map<Language, Promise<void>>();
const pendingModules = new Map<ModuleName, Promise<void>>();

/** The texts of a language as i18next gets them: the app's, then every loaded module's merged in. */
function mergedTexts(language: Language): Texts | undefined {
  const loaded = loadedLanguages.get(language);
  if (!loaded) return undefined;
  const modules = moduleOrder.flatMap((name) => {
    const texts = loadedModules.get(name);
    return texts ? [texts[language]] : [];
  });
  return withModuleTexts(loaded.texts, ...modules);
}

/** Hands i18next the texts of every loaded language again (after a language or a module arrived). */
function publish() {
  if (!i18next.isInitialized) return;
  for (const language of languages) {
    const texts = mergedTexts(language);
    if (texts) i18next.addResourceBundle(language, 'translation', texts, false, true);
  }
}

function ensureLanguage(language: Language): Promise<void> {
  if (loadedLanguages.has(language)) return Promise.resolve();
  let pending = pendingLanguages.get(language);
  if (!pending) {
    pending = languageLoaders[language]().then(
      (loaded) => {
        loadedLanguages.set(language, loaded);
        publish();
      },
      (error: unknown) => {
        pendingLanguages.delete(language);
        throw error;
      },
    );
    pendingLanguages.set(language, pending);
  }
  return pending;
}

function ensureModule(name: ModuleName): Promise<void> {
  if (loadedModules.has(name)) return Promise.resolve();
  let pending = pendingModules.get(name);
  if (!pending) {
    pending = moduleLoaders[name]().then(
      (texts) => {
        loadedModules.set(name, texts);
        publish();
      },
      (error: unknown) => {
        pendingModules.delete(name);
        throw error;
      },
    );
    pendingModules.set(name, pending);
  }
  return pending;
}

/** The texts of the signed-in screens (menu entries, policies, notifications, audit): loaded before the frame renders. */
export async function loadSignedInTexts(): Promise<void> {
  await Promise.all(moduleOrder.map(ensureModule));
}

/** Everything outside i18next that follows the language: dayjs, the page's lang attribute and title. */
function applyLanguage(language: Language) {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
  document.title = i18next.t('app.name');
}

/** Loads the stored language's texts (and the account module's, for the sign-in screens) and starts i18next. */
export async function startI18n(): Promise<void> {
  const language = storedLanguage();
  await Promise.all([ensureLanguage(language), ensureModule('account')]);
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: mergedTexts(language) ?? {} } },
    partialBundledLanguages: true,
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  publish();
  applyLanguage(currentLanguage());
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : defaultLanguage;
}

/** antd's texts (date pickers, pagination, empty states) for the language in use. */
export function antdLocale(): Locale | undefined {
  return loadedLanguages.get(currentLanguage())?.antd;
}

/** Switches the interface language (fetching its texts first) and remembers it in this browser. */
export async function changeLanguage(language: Language) {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // private mode without storage: the choice lasts for this page only
  }
  await ensureLanguage(language);
  await i18next.changeLanguage(language);
  applyLanguage(language);
}
