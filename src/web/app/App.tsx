import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, theme } from 'antd';
import antdEnUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { isApiError, setUnauthenticatedHandler } from './api';
import { currentLanguage } from './i18n';
import { router } from './router';
import { sessionQueryKey, storeSession } from '../modules/auth/session';

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

/** When the server says the session is gone (idle timeout, disabled account), forget it: the router shows the sign-in page. */
function SessionWatcher() {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (queryClient.getQueryData(sessionQueryKey)) {
        storeSession(queryClient, null);
        void message.warning(t('account.sessionExpired'));
      }
    });
    return () => setUnauthenticatedHandler(null);
  }, [message, t]);
  return null;
}

export function App() {
  useTranslation(); // re-render on language change
  const language = currentLanguage();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={language === 'zh-CN' ? antdZhCN : antdEnUS}
        button={{ autoInsertSpace: false }}
        theme={{
          algorithm: theme.defaultAlgorithm,
          token: { colorPrimary: '#1456c8', borderRadius: 6, fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif" },
        }}
      >
        <AntdApp>
          <SessionWatcher />
          <RouterProvider router={router} />
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
