import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { useFormSave } from '../../ui/use-form-save';
import { createBatch, fetchPolicies } from './policies.api';

import { useIdempotencyKey } from './use-idempotency-key';
import { formatMoney } from '../../ui/format';

type CreateBatchDialogProps = { open: boolean; policyId?: string; onClose: () => void };
type Values = { policyId: string; period: string };

const currentMonth = () => new Date().toISOString().slice(0, 7);

/**
 * 拨付批次 of a policy and period. One Idempotency-Key per policy and period while the dialog is open: a double click or a
 * retry after a lost answer gets the same batch back, never a second one; another period after a refusal is a new request.
 */
export function CreateBatchDialog({ open, policyId, onClose }: CreateBatchDialogProps) {
  return open ? <CreateBatchForm policyId={policyId} onClose={onClose} /> : null;
}

function CreateBatchForm({ policyId, onClose }: Omit<CreateBatchDialogProps, 'open'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // this form lives only while the dialog is open: keys are made per opening
  const keyFor = useIdempotencyKey();
  const save = useFormSave(form, ['policyId', 'period']);
  const policies = useQuery({ queryKey: ['policies', 'published-all'], queryFn: () => fetchPolicies({ status: 'published', page: 1, pageSize: 100 }), enabled: !policyId });

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const request = { policyId: policyId ?? values.policyId, period: values.period.trim() };
      return createBatch(request.policyId, request.period, keyFor(request));
    },
    onSuccess: (batch) => {
      void queryClient.invalidateQueries({ queryKey: ['batches'] });
      void queryClient.invalidateQueries({ queryKey: ['entitlements'] });
      void queryClient.invalidateQueries({ queryKey: ['policy'] });
      void message.success(t('batches.created', { count: batch.control.count, total: formatMoney(batch.control.total) }));
      onClose();
      navigate(`/batches/${batch.id}`);
    },
    onError: save.refused,
  });

  return (
    <Modal
      open
      title={t('batches.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('batches.create')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'batch-create-submit' }}
    >
      <Form<Values>
        form={form}
        name="batch-form"
        layout="vertical"
        initialValues={{ policyId, period: currentMonth() }}
        onFinish={(values) => {
          save.reset();
          mutation.mutate(values);
        }}
      >
        <FormErrorAlert save={save} testId="batch-form-error" />
        {policyId ? null : (
          <Form.Item name="policyId" label={t('batches.policy')} rules={[{ required: true, message: t('policies.form.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={policies.isPending}
              options={(policies.data?.items ?? []).map((policy) => ({ value: policy.id, label: `${policy.code} ${policy.title}` }))}
              data-testid="batch-policy"
            />
          </Form.Item>
        )}
        <Form.Item name="period" label={t('batches.period')} extra={t('batches.periodHelp')} rules={[{ required: true, message: t('policies.form.required') }]}>
          <Input maxLength={10} style={{ width: 160 }} />
        </Form.Item>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('batches.idempotencyNote')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
