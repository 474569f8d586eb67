import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { confirmTotpEnrolment, disableTotp, fetchSecondFactor, startTotpEnrolment, type TotpEnrolment } from './auth.api';
import { refreshSession } from './session';

/**
 * TOTP enrolment: a QR code to scan (and the key to type), a first code to confirm, then the 10 recovery codes shown
 * once. When TOTP is on, staff may turn it off with their password (administrators must keep it).
 */
export function TotpSetup({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const status = useQuery({ queryKey: ['second-factor'], queryFn: fetchSecondFactor });
  const showError = (error: unknown) => setErrorMessage(isApiError(error) ? error.message : String(error));

  const start = useMutation({ mutationFn: startTotpEnrolment, onSuccess: setEnrolment, onError: showError });
  const confirm = useMutation({
    mutationFn: (code: string) => confirmTotpEnrolment(code),
    onSuccess: ({ recoveryCodes: codes }) => {
      setRecoveryCodes(codes);
      setEnrolment(null);
      void message.success(t('account.totp.enabledDone'));
    },
    onError: showError,
  });
  const disable = useMutation({
    mutationFn: (password: string) => disableTotp(password),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['second-factor'] });
      void message.success(t('account.totp.disabledDone'));
    },
    onError: showError,
  });

  const handleSaved = () => {
    setRecoveryCodes(null);
    void queryClient.invalidateQueries({ queryKey: ['second-factor'] });
    void refreshSession(queryClient);
    onDone?.();
  };

  if (recoveryCodes) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Title level={5}>{t('account.totp.recoveryTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('account.totp.recoveryHelp')}</Typography.Paragraph>
        <List
          size="small"
          bordered
          grid={{ column: 2 }}
          dataSource={recoveryCodes}
          renderItem={(code) => (
            <List.Item>
              <Typography.Text code copyable data-testid="recovery-code">
                {code}
              </Typography.Text>
            </List.Item>
          )}
        />
        <Button type="primary" onClick={handleSaved} data-testid="recovery-saved">
          {t('account.totp.recoverySaved')}
        </Button>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {errorMessage ? <Alert type="error" showIcon title={errorMessage} role="alert" /> : null}
      {status.data?.enabled ? (
        <>
          <Typography.Paragraph>{t('account.totp.enabled', { count: status.data.recoveryCodesLeft })}</Typography.Paragraph>
          {status.data.required ? (
            <Typography.Text type="secondary">{t('account.totp.requiredForAdmins')}</Typography.Text>
          ) : (
            <Form<{ password: string }> layout="inline" onFinish={({ password }) => disable.mutate(password)}>
              <Form.Item name="password" rules={[{ required: true, message: t('account.totp.disablePassword') }]}>
                <Input.Password placeholder={t('account.totp.disablePassword')} autoComplete="current-password" />
              </Form.Item>
              <Button danger htmlType="submit" loading={disable.isPending}>
                {t('account.totp.disable')}
              </Button>
            </Form>
          )}
        </>
      ) : enrolment ? (
        <Form<{ code: string }> layout="vertical" onFinish={({ code }) => confirm.mutate(code)} name="totp-confirm">
          <Flex vertical align="center" gap={8}>
            <img src={enrolment.qrCode} alt={t('account.totp.qrAlt')} width={220} height={220} />
            <Typography.Text type="secondary">{t('account.totp.secret')}</Typography.Text>
            <Typography.Text code copyable data-testid="totp-secret">
              {enrolment.secret}
            </Typography.Text>
          </Flex>
          <Form.Item name="code" label={t('account.secondStep.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.totp.codeRequired') }]}>
            <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={confirm.isPending} block>
            {t('account.totp.confirm')}
          </Button>
        </Form>
      ) : (
        <>
          {status.data ? <Typography.Paragraph type="secondary">{t('account.totp.disabledState')}</Typography.Paragraph> : null}
          <Button type="primary" onClick={() => start.mutate()} loading={start.isPending} data-testid="totp-start">
            {t('account.totp.start')}
          </Button>
        </>
      )}
    </Space>
  );
}
