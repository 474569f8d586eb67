import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, theme, type ThemeConfig } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { isApiError, setUnauthenticatedHandler } from './api';
import { antdLocale } from './i18n';
import { AppRoutes } from './router';
import { sessionQueryKey, storeSession } from '../modules/auth/session';

const SessionExpiredNotice = lazy(async () => ({ default: (await import('./SessionExpiredNotice')).SessionExpiredNotice }));

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers are final; a network failure gets one more try.
      retry: (failureCount, error) => failureCount < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

/**
 * When the server says the session is gone (idle timeout, disabled account), forget it: the router shows the sign-in
 * page, and a warning says why (its code, antd's message, is fetched then: the sign-in page does not load it).
 */
function SessionWatcher() {
  const [expired, setExpired] = useState(0);
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (queryClient.getQueryData(sessionQueryKey)) {
        storeSession(queryClient, null);
        setExpired((count) => count + 1);
      }
    });
    return () => setUnauthenticatedHandler(null);
  }, []);
  return expired > 0 ? (
    <Suspense fallback={null}>
      <SessionExpiredNotice key={expired} />
    </Suspense>
  ) : null;
}

/**
 * The look of every page. Latin fonts come before the Chinese ones, so Latin letters and apostrophes are drawn
 * narrow (a Chinese font draws ’ full width); the text colours antd draws light (placeholders, secondary text, the
 * breadcrumb) are darkened to reach a contrast of 4.5:1 on white (WCAG AA).
 */
const readableGrey = 'rgba(0, 0, 0, 0.6)'; // #666 on white: 5.7:1
const placeholderGrey = 'rgba(0, 0, 0, 0.54)'; // #757575 on white: 4.6:1
const appTheme: ThemeConfig = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1456c8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
    // Links and red buttons in colours of 4.5:1 and more on white (antd's defaults: 4.1:1 and 3.9:1).
    colorLink: '#1456c8',
    colorInfo: '#1456c8',
    colorError: '#cf1322',
    colorTextPlaceholder: placeholderGrey,
    colorTextSecondary: readableGrey,
    colorTextDescription: readableGrey,
    colorTextTertiary: readableGrey,
  },
  components: {
    Breadcrumb: { itemColor: readableGrey, linkColor: readableGrey, separatorColor: readableGrey },
    // An empty table's text (its locale.emptyText) is drawn in colorTextDisabled (1.8:1); the secondary grey instead.
    Table: { colorTextDisabled: readableGrey },
    // Tag texts on their pale backgrounds: antd draws shade 7 (3–4:1); shade 8 (9 for yellow) and dark status colours reach 4.5:1.
    Tag: {
      green7: '#237804', cyan7: '#006d75', volcano7: '#ad2102', orange7: '#ad4e00', gold7: '#874d00', yellow7: '#876800', lime7: '#3f6600',
      blue7: '#003eb3', geekblue7: '#10239e', purple7: '#391085', magenta7: '#9e1068', red7: '#a8071a',
      colorSuccess: '#237804', colorInfo: '#003eb3', colorWarning: '#ad4e00', colorError: '#a8071a',
    },
    // White text on a ribbon's colour, and coloured text (Typography type="success"/"warning") on white: 4.5:1 and more.
    Badge: { green6: '#237804', cyan6: '#006d75', gold6: '#874d00', orange6: '#ad4e00', volcano6: '#ad2102', red6: '#cf1322', lime6: '#3f6600', yellow6: '#876800', magenta6: '#9e1068' },
    Typography: { colorSuccessText: '#237804', colorWarningText: '#874d00' },
  },
};

export function App() {
  useTranslation(); // re-render on language change
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={antdLocale()}
        button={{ autoInsertSpace: false }}
        theme={appTheme}
      >
        <SessionWatcher />
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
