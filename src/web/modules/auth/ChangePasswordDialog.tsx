import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { applyFieldErrors } from '../../ui/form-errors';
import { changeOwnPassword } from './auth.api';
import { storeSession } from './session';

type ChangePasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };
type ChangePasswordDialogProps = { open: boolean; onClose: () => void };

/** The form's state and its submission: the server ends every other session and issues a new one (with a new CSRF token). */
function useChangePassword(onDone: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (values: ChangePasswordValues) => changeOwnPassword(values.currentPassword, values.newPassword),
    onSuccess: (session) => {
      storeSession(queryClient, session);
      void message.success(t('changePassword.done'));
      form.resetFields();
      setFormError(null);
      onDone();
    },
    onError: (error) => {
      if (!isApiError(error)) return setFormError(String(error));
      const unmatched = applyFieldErrors(form, error.fields, ['currentPassword', 'newPassword']);
      setFormError(error.code === 'validation' && unmatched.length === 0 ? null : error.message);
    },
  });
  const handleSubmit = (values: ChangePasswordValues) => {
    setFormError(null);
    mutation.mutate(values);
  };
  return { form, formError, setFormError, mutation, handleSubmit };
}

function PasswordFields({ form, formError, onFinish, children }: { form: FormInstance<ChangePasswordValues>; formError: string | null; onFinish: (values: ChangePasswordValues) => void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} name="change-password">
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="currentPassword" label={t('changePassword.currentPassword')} rules={[{ required: true, message: t('changePassword.required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('changePassword.newPassword')} extra={t('changePassword.rule')} rules={[{ required: true, message: t('changePassword.required') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('changePassword.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('changePassword.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('changePassword.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {children}
    </Form>
  );
}

/** The change-password form on a page of its own (a session whose one-time password must be replaced first). */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { form, formError, mutation, handleSubmit } = useChangePassword(() => undefined);
  return (
    <PasswordFields form={form} formError={formError} onFinish={handleSubmit}>
      <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="change-password-submit">
        {t('changePassword.submit')}
      </Button>
    </PasswordFields>
  );
}

/** Changes one's own password, from the account menu. */
export function ChangePasswordDialog({ open, onClose }: ChangePasswordDialogProps) {
  const { t } = useTranslation();
  const { form, formError, setFormError, mutation, handleSubmit } = useChangePassword(() => onClose());

  function handleClose() {
    form.resetFields();
    setFormError(null);
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('changePassword.title')}
      okText={t('changePassword.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={handleClose}
      destroyOnHidden
      forceRender
    >
      <PasswordFields form={form} formError={formError} onFinish={handleSubmit} />
    </Modal>
  );
}
