import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Col, Divider, Form, Modal, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { verifiableFields, verifyTalent, type TalentDetail, type VerifiableField } from './talents.api';

type VerifyDialogProps = { talent: TalentDetail; open: boolean; onClose: () => void };

const isVerifiable = (field: string): field is VerifiableField => (verifiableFields as readonly string[]).includes(field);

/** The office ticks the data it checked against the originals; the server keeps who and when, and locks them for the talent. */
export function VerifyDialog({ talent, open, onClose }: VerifyDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ fields: VerifiableField[] }>();
  const [formError, setFormError] = useState<string | null>(null);
  const chosen = Form.useWatch('fields', form) ?? [];

  useEffect(() => {
    if (!open) return;
    // Already verified data starts ticked: the list sent replaces the verified set.
    form.setFieldsValue({ fields: talent.verification.fields.filter(isVerifiable) });
  }, [open, talent, form]);

  const handleClose = () => {
    setFormError(null);
    onClose();
  };

  const mutation = useMutation({
    mutationFn: (fields: VerifiableField[]) => verifyTalent(talent.id, fields),
    onSuccess: (saved) => {
      queryClient.setQueryData(['talent', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['talents'] });
      void queryClient.invalidateQueries({ queryKey: ['talent-audit', saved.id] });
      void message.success(t('talents.verify.done'));
      handleClose();
    },
    onError: (error) => setFormError(isApiError(error) ? error.message : String(error)),
  });

  const allChosen = chosen.length === verifiableFields.length;

  return (
    <Modal
      open={open}
      title={t('talents.verify.title')}
      okText={t('talents.verify.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={handleClose}
      forceRender
    >
      <Form form={form} name="verify" layout="vertical" onFinish={({ fields }) => mutation.mutate(fields)}>
        <Typography.Paragraph type="secondary">{t('talents.verify.help')}</Typography.Paragraph>
        {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
        <Checkbox
          checked={allChosen}
          indeterminate={chosen.length > 0 && !allChosen}
          onChange={(event) => form.setFieldsValue({ fields: event.target.checked ? [...verifiableFields] : [] })}
          data-testid="verify-all"
        >
          {t('talents.verify.selectAll')}
        </Checkbox>
        <Divider style={{ margin: '12px 0' }} />
        <Form.Item name="fields" rules={[{ required: true, type: 'array', min: 1, message: t('talents.verify.required') }]}>
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 8]}>
              {verifiableFields.map((field) => (
                <Col key={field} xs={12} sm={8}>
                  <Checkbox value={field}>{t(`talents.verify.fields.${field}`)}</Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
