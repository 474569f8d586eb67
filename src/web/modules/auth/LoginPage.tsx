import { LockOutlined, ReloadOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Tag, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { isApiError } from '../../app/api';
import { fetchCaptcha, fetchSetupStatus, type Captcha } from './auth.api';
import { AuthScreen } from './AuthScreen';
import { isChallenge, useSession, useSignIn, useSignInSecondStep } from './session';

type LoginValues = { username: string; password: string; captchaAnswer?: string };
type SecondStepValues = { code?: string; recoveryCode?: string };

/**
 * The second step of a sign-in with TOTP: a 6-digit code of the authenticator app, or one of the recovery codes.
 */
function SecondStepForm({ challengeToken, onDone, onBack }: { challengeToken: string; onDone: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [useRecovery, setUseRecovery] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const secondStep = useSignInSecondStep();
  const handleSubmit = (values: SecondStepValues) => {
    setErrorMessage(null);
    secondStep.mutate(
      { challengeToken, ...(useRecovery ? { recoveryCode: values.recoveryCode } : { code: values.code }) },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isApiError(error) && error.code === 'challengeExpired') return onBack();
          setErrorMessage(isApiError(error) ? error.message : String(error));
        },
      },
    );
  };
  return (
    <Form<SecondStepValues> name="second-factor" layout="vertical" size="large" requiredMark={false} onFinish={handleSubmit}>
      <h2 style={{ margin: '0 0 8px', fontSize: token.fontSizeHeading5, lineHeight: token.lineHeightHeading5, fontWeight: token.fontWeightStrong, color: token.colorTextHeading }}>
        {t('account.secondStep.title')}
      </h2>
      <p style={{ margin: '0 0 1em', color: token.colorTextSecondary }}>{t('account.secondStep.help')}</p>
      {useRecovery ? (
        <Form.Item name="recoveryCode" label={t('account.secondStep.recoveryCode')} rules={[{ required: true, whitespace: true, message: t('account.secondStep.recoveryRequired') }]}>
          <Input autoComplete="off" autoFocus maxLength={20} />
        </Form.Item>
      ) : (
        <Form.Item name="code" label={t('account.secondStep.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.secondStep.codeRequired') }]}>
          <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="numeric" autoFocus maxLength={6} />
        </Form.Item>
      )}
      {errorMessage ? <Alert type="error" showIcon title={errorMessage} role="alert" data-testid="login-error" style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" block loading={secondStep.isPending}>
        {t('account.secondStep.submit')}
      </Button>
      <Flex justify="space-between" style={{ marginTop: 12 }}>
        <Button type="link" onClick={() => setUseRecovery(!useRecovery)} style={{ padding: 0 }}>
          {useRecovery ? t('account.secondStep.useCode') : t('account.secondStep.useRecovery')}
        </Button>
        <Button type="link" onClick={onBack} style={{ padding: 0 }}>
          {t('account.secondStep.back')}
        </Button>
      </Flex>
    </Form>
  );
}

/**
 * The sign-in page. Lean on purpose (issue 11: the sign-in page's scripts ≤ 150 KB compressed): no antd Card,
 * Typography or Space (Card brings Tabs and Skeleton, Typography Tooltip); the card and headings are plain elements
 * drawn with the theme's tokens, so they look as antd's would.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const location = useLocation();
  const { user } = useSession();
  const [form] = Form.useForm<LoginValues>();
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [challengeToken, setChallengeToken] = useState<string | null>(null);
  const setup = useQuery({ queryKey: ['setup-status'], queryFn: fetchSetupStatus, staleTime: 60_000 });
  const signIn = useSignIn();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (user && !signIn.isPending) return <Navigate to={from} replace />;

  /** A new image captcha (the server asks for one after a few failures; each is single-use). */
  const loadCaptcha = () => {
    form.setFieldValue('captchaAnswer', undefined);
    fetchCaptcha().then(setCaptcha, () => setCaptcha(null));
  };

  const handleSubmit = (values: LoginValues) => {
    setErrorMessage(null);
    signIn.mutate(
      { username: values.username, password: values.password, ...(captcha ? { captchaId: captcha.id, captchaAnswer: values.captchaAnswer } : {}) },
      {
        onSuccess: (answer) => {
          setCaptcha(null);
          if (isChallenge(answer)) setChallengeToken(answer.challengeToken);
          else navigate(from, { replace: true });
        },
        onError: (error) => {
          setErrorMessage(isApiError(error) ? error.message : String(error));
          // a used captcha is gone: show a new one whenever the server asks for it (or one was shown)
          if ((isApiError(error) && error.code === 'captchaRequired') || captcha) loadCaptcha();
        },
      },
    );
  };

  const handleDemoAccount = (username: string) => {
    form.setFieldsValue({ username, password: setup.data?.demoPassword });
    setErrorMessage(null);
  };

  return (
    <AuthScreen extra={<LanguageSwitch />}>
      <main
        style={{
          boxSizing: 'border-box',
          width: '100%',
          maxWidth: 420,
          padding: token.paddingLG,
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          boxShadow: '0 8px 32px rgba(15, 40, 90, 0.12)',
          color: token.colorText,
          fontFamily: token.fontFamily,
          fontSize: token.fontSize,
          lineHeight: token.lineHeight,
        }}
      >
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <h1 style={{ margin: '12px 0 0', textAlign: 'center', fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3, fontWeight: token.fontWeightStrong, color: token.colorTextHeading }}>
            {t('app.name')}
          </h1>
          <span style={{ color: token.colorTextSecondary }}>{t('login.subtitle')}</span>
        </Flex>
        {setup.data?.required ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('login.setupTitle')}
            description={
              <>
                {t('login.setupDescription')} <Link to="/setup">{t('login.setupLink')}</Link>
              </>
            }
          />
        ) : null}
        {challengeToken ? (
          <SecondStepForm challengeToken={challengeToken} onDone={() => navigate(from, { replace: true })} onBack={() => setChallengeToken(null)} />
        ) : null}
        <Form<LoginValues> form={form} name="login" layout="vertical" size="large" requiredMark={false} onFinish={handleSubmit} hidden={!!challengeToken}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={40} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
          </Form.Item>
          {captcha ? (
            <Form.Item label={t('account.captcha.label')} required>
              <Flex gap={8} align="center">
                <Form.Item name="captchaAnswer" noStyle rules={[{ required: true, whitespace: true, message: t('account.captcha.required') }]}>
                  <Input autoComplete="off" maxLength={10} style={{ flex: 1 }} data-testid="captcha-answer" />
                </Form.Item>
                <img src={captcha.image} alt={t('account.captcha.alt')} width={120} height={44} style={{ border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }} />
                <Button icon={<ReloadOutlined />} onClick={loadCaptcha} aria-label={t('account.captcha.refresh')} title={t('account.captcha.refresh')} />
              </Flex>
            </Form.Item>
          ) : null}
          {errorMessage ? <Alert type="error" showIcon title={errorMessage} role="alert" data-testid="login-error" style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        {setup.data?.demo ? (
          <Alert
            type="info"
            style={{ marginTop: 24 }}
            title={t('login.demoTitle')}
            description={
              <Flex vertical gap={8} style={{ width: '100%' }}>
                <span>{t('login.demoDescription', { password: setup.data.demoPassword })}</span>
                {setup.data.demoTotpSecret ? <span>{t('account.demoTotp', { secret: setup.data.demoTotpSecret })}</span> : null}
                <Flex wrap gap={6}>
                  {(setup.data.demoAccounts ?? []).map(({ username, roles }) => (
                    <Tag.CheckableTag key={username} checked={false} onChange={() => handleDemoAccount(username)} style={{ border: '1px solid #91caff' }}>
                      {username} · {roles.map((role) => t(`roles.${role}`)).join('、')}
                    </Tag.CheckableTag>
                  ))}
                </Flex>
              </Flex>
            }
          />
        ) : null}
      </main>
    </AuthScreen>
  );
}
