import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { applyFieldErrors } from '../../ui/form-errors';
import { resetUserPassword, type UserView } from './users.api';

type ResetValues = { newPassword: string };
type ResetPasswordDialogProps = { user: UserView | null; onClose: () => void };

/** Sets a new password for an account; the server lifts a lock and ends the account's sessions. */
export function ResetPasswordDialog({ user, onClose }: ResetPasswordDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ResetValues>();
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  function handleClose() {
    setFormError(null);
    onClose();
  }

  const mutation = useMutation({
    mutationFn: (values: ResetValues) => resetUserPassword(user!.id, values.newPassword),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void message.success(t('users.resetDone'));
      handleClose();
    },
    onError: (error) => {
      if (!isApiError(error)) return setFormError(String(error));
      const unmatched = applyFieldErrors(form, error.fields, ['newPassword']);
      setFormError(error.code === 'validation' && unmatched.length === 0 ? null : error.message);
    },
  });

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.reset.title', { name: user.displayName }) : ''}
      okText={t('users.reset.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={handleClose}
      forceRender
    >
      <Form<ResetValues> form={form} name="reset-password" layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Typography.Paragraph type="secondary">{t('users.reset.help')}</Typography.Paragraph>
        {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="newPassword" label={t('users.reset.newPassword')} extra={t('users.form.passwordHelp')} rules={[{ required: true, message: t('users.form.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
