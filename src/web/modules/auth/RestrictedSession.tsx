import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import type { Session } from './auth.api';
import { AuthScreen } from './AuthScreen';
import { ChangePasswordForm } from './ChangePasswordDialog';
import { useSignOut } from './session';
import { TotpSetup } from './TotpSetup';

/**
 * What a restricted session sees instead of the app: the server answers 403 to anything else until the one-time
 * password is changed, or (administrators) until TOTP is enrolled.
 */
export function RestrictedSession({ session }: { session: Session }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const passwordStep = session.restriction === 'passwordChangeRequired';
  return (
    <AuthScreen extra={<LanguageSwitch />}>
      <Card variant="borderless" style={{ width: '100%', maxWidth: 480, boxShadow: '0 8px 32px rgba(15, 40, 90, 0.12)' }} data-testid="restricted-session">
        <Typography.Title level={4}>{passwordStep ? t('account.restricted.passwordTitle') : t('account.restricted.totpTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{passwordStep ? t('account.restricted.passwordHelp') : t('account.restricted.totpHelp')}</Typography.Paragraph>
        {passwordStep ? <ChangePasswordForm /> : <TotpSetup />}
        <Button type="link" onClick={() => signOut.mutate()} style={{ marginTop: 16, padding: 0 }}>
          {t('account.restricted.signOut')}
        </Button>
      </Card>
    </AuthScreen>
  );
}
