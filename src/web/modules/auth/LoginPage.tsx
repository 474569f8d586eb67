import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { isApiError } from '../../app/api';
import { fetchSetupStatus } from './auth.api';
import { AuthScreen } from './AuthScreen';
import { useSession, useSignIn } from './session';

type LoginValues = { username: string; password: string };

/** The demo accounts the server creates with its demo data (shown only when the server says demo mode is on). */

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { user } = useSession();
  const [form] = Form.useForm<LoginValues>();
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const setup = useQuery({ queryKey: ['setup-status'], queryFn: fetchSetupStatus, staleTime: 60_000 });
  const signIn = useSignIn();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (user && !signIn.isPending) return <Navigate to={from} replace />;

  const handleSubmit = (values: LoginValues) => {
    setErrorMessage(null);
    signIn.mutate(values, {
      onSuccess: () => navigate(from, { replace: true }),
      onError: (error) => setErrorMessage(isApiError(error) ? error.message : String(error)),
    });
  };

  const handleDemoAccount = (username: string) => {
    form.setFieldsValue({ username, password: setup.data?.demoPassword });
    setErrorMessage(null);
  };

  return (
    <AuthScreen extra={<LanguageSwitch />}>
      <Card variant="borderless" style={{ width: '100%', maxWidth: 420, boxShadow: '0 8px 32px rgba(15, 40, 90, 0.12)' }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '12px 0 0', textAlign: 'center' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
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
        <Form<LoginValues> form={form} name="login" layout="vertical" size="large" requiredMark={false} onFinish={handleSubmit} onValuesChange={() => setErrorMessage(null)}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={40} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
          </Form.Item>
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
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                <span>{t('login.demoDescription', { password: setup.data.demoPassword })}</span>
                <Flex wrap gap={6}>
                  {(setup.data.demoAccounts ?? []).map(({ username, roles }) => (
                    <Tag.CheckableTag key={username} checked={false} onChange={() => handleDemoAccount(username)} style={{ border: '1px solid #91caff' }}>
                      {username} · {roles.map((role) => t(`roles.${role}`)).join('、')}
                    </Tag.CheckableTag>
                  ))}
                </Flex>
              </Space>
            }
          />
        ) : null}
      </Card>
    </AuthScreen>
  );
}
