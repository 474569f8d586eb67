import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Divider, Form, Input, Result, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { adminRoles } from '../../../domain/roles';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { isApiError } from '../../app/api';
import { applyFieldErrors } from '../../ui/form-errors';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { fetchSetupStatus, runSetup, type SetupInput } from './auth.api';
import { AuthScreen } from './AuthScreen';

const accountFields = ['username', 'displayName', 'password'] as const;
const fieldNames = ['setupToken', ...adminRoles.flatMap((role) => accountFields.map((field) => `${role}.${field}`))];

/** First run in production: creates the three separated administrators (三权分立) with the token the server printed. */
export function SetupPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<SetupInput>();
  const [formError, setFormError] = useState<string | null>(null);
  const status = useQuery({ queryKey: ['setup-status'], queryFn: fetchSetupStatus });
  const mutation = useMutation({
    mutationFn: runSetup,
    onSuccess: () => {
      void message.success(t('setup.done'));
      navigate('/login', { replace: true });
    },
    onError: (error) => {
      if (!isApiError(error)) return setFormError(String(error));
      const unmatched = applyFieldErrors(form, error.fields, fieldNames);
      setFormError(error.code === 'validation' && unmatched.length === 0 ? null : error.message);
    },
  });

  const handleSubmit = (values: SetupInput) => {
    setFormError(null);
    mutation.mutate(values);
  };

  const required = [{ required: true, whitespace: true, message: t('setup.required') }];

  let content;
  if (status.isPending) content = <CenteredSpin />;
  else if (!status.data?.required)
    content = (
      <Result
        status="info"
        title={t('setup.notRequired')}
        extra={
          <Link to="/login">
            <Button type="primary">{t('setup.backToLogin')}</Button>
          </Link>
        }
      />
    );
  else
    content = (
      <Form<SetupInput> form={form} name="setup" layout="vertical" requiredMark={false} onFinish={handleSubmit}>
        <Typography.Paragraph type="secondary">{t('setup.description')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('setup.passwordRule', { rule: t('changePassword.rule') })}</Typography.Paragraph>
        {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="setupToken" label={t('setup.setupToken')} rules={[{ required: true, whitespace: true, message: t('setup.setupTokenRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {adminRoles.map((role) => (
          <div key={role}>
            <Divider titlePlacement="start" style={{ margin: '8px 0 16px' }}>
              {t(`setup.sections.${role}`)}
            </Divider>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name={[role, 'username']} label={t('setup.username')} rules={required}>
                  <Input autoComplete="off" maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={[role, 'displayName']} label={t('setup.displayName')} rules={required}>
                  <Input autoComplete="off" maxLength={60} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={[role, 'password']} label={t('setup.password')} rules={required}>
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Col>
            </Row>
          </div>
        ))}
        <Button type="primary" htmlType="submit" size="large" block loading={mutation.isPending}>
          {t('setup.submit')}
        </Button>
      </Form>
    );

  return (
    <AuthScreen extra={<LanguageSwitch />}>
      <Card title={t('setup.title')} variant="borderless" style={{ width: '100%', maxWidth: 880, boxShadow: '0 8px 32px rgba(15, 40, 90, 0.12)' }}>
        {content}
      </Card>
    </AuthScreen>
  );
}
