import { Flex, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type AuthScreenProps = { children: ReactNode; extra?: ReactNode };

/** The frame of the signed-out pages (sign-in, first-run set-up): a calm background, the language switch on top. */
export function AuthScreen({ children, extra }: AuthScreenProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex
      vertical
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(160deg, #e8f0ff 0%, #f5f8ff 45%, #fff8e6 100%)',
      }}
    >
      <Flex justify="flex-end" style={{ padding: '12px 16px' }}>
        {extra}
      </Flex>
      <Flex flex={1} justify="center" align="flex-start" style={{ padding: '8px 16px 32px' }}>
        {children}
      </Flex>
      {/* plain text in the theme's secondary colour (antd's Typography would bring Tooltip to the sign-in page) */}
      <footer style={{ textAlign: 'center', padding: 16, fontSize: 12, lineHeight: token.lineHeight, color: token.colorTextSecondary, fontFamily: token.fontFamily }}>
        {t('app.footer')}
      </footer>
    </Flex>
  );
}
