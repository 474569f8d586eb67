import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { applyFieldErrors } from '../../ui/form-errors';
import { revealTalent } from './talents.api';

export type Revealed = { idNumber: string; phone: string | null; birthDate: string };

type RevealDialogProps = {
  talentId: string;
  open: boolean;
  onClose: () => void;
  onRevealed: (revealed: Revealed) => void;
  /** The form's name (its fields' ids): the detail page and the edit form each have a dialog. */
  name?: string;
};

/** Asks the office for a reason, then shows the unmasked ID number, phone and birth date (the server audits every reveal). */
export function RevealDialog({ talentId, open, onClose, onRevealed, name = 'reveal' }: RevealDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const handleClose = () => {
    setFormError(null);
    onClose();
  };

  const mutation = useMutation({
    mutationFn: ({ reason }: { reason: string }) => revealTalent(talentId, reason.trim()),
    onSuccess: (revealed) => {
      onRevealed(revealed);
      handleClose();
    },
    onError: (error) => {
      if (!isApiError(error)) return setFormError(String(error));
      const unmatched = applyFieldErrors(form, error.fields, ['reason']);
      setFormError(error.code === 'validation' && unmatched.length === 0 ? null : error.message);
    },
  });

  return (
    <Modal
      open={open}
      title={t('talents.reveal.title')}
      okText={t('talents.reveal.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={handleClose}
      forceRender
    >
      <Form form={form} name={name} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Typography.Paragraph type="secondary">{t('talents.reveal.help')}</Typography.Paragraph>
        {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="reason" label={t('talents.reveal.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('talents.reveal.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
