import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { showOneTimePassword } from './OneTimePassword';
import { isFiled, resetUserPassword, type UserView } from './users.api';

type ResetPasswordDialogProps = { user: UserView | null; onClose: () => void };

/**
 * Resets an account's password to a one-time password the server chooses (shown once), ending its sessions. On an
 * admin account the reset is a request for the two other administrators.
 */
export function ResetPasswordDialog({ user, onClose }: ResetPasswordDialogProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  function handleClose() {
    setFormError(null);
    onClose();
  }

  const mutation = useMutation({
    mutationFn: () => resetUserPassword(user!.id),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['admin-requests'] });
      if (isFiled(answer)) void message.info(t('account.requests.filed'));
      else showOneTimePassword(modal, t, user!.displayName, answer.oneTimePassword);
      handleClose();
    },
    onError: (error) => setFormError(isApiError(error) ? error.message : String(error)),
  });

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.reset.title', { name: user.displayName }) : ''}
      okText={t('users.reset.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={handleClose}
    >
      <Typography.Paragraph type="secondary">{t('users.reset.help')}</Typography.Paragraph>
      {formError ? <Alert type="error" showIcon title={formError} /> : null}
    </Modal>
  );
}
