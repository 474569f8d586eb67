import { Typography } from 'antd';
import type { useAppProps } from 'antd/es/app/context';
import type { TFunction } from 'i18next';

/**
 * Shows a one-time password the server chose (account created, password reset) to the administrator, this once: it
 * is not stored anywhere readable, and the account must change it at its first sign-in.
 */
export function showOneTimePassword(modal: useAppProps['modal'], t: TFunction, name: string, password: string) {
  void modal.info({
    title: t('account.oneTime.title'),
    content: (
      <>
        <Typography.Paragraph>{t('account.oneTime.help', { name })}</Typography.Paragraph>
        <Typography.Text code copyable={{ text: password }} style={{ fontSize: 18 }} data-testid="one-time-password">
          {password}
        </Typography.Text>
      </>
    ),
  });
}
