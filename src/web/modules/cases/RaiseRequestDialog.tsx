import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { applyFieldErrors } from '../../ui/form-errors';
import { fetchCategories, raiseServiceRequest, type RaisePayload, type ServiceRequestDetail } from './cases.api';

type Values = { requestCategory: string; requestTitle: string; requestText: string; requesterKind?: 'talent' | 'enterprise'; requesterId?: string };
const fields = ['requestCategory', 'requestTitle', 'requestText', 'requesterKind', 'requesterId'];

/** 提出诉求: a talent or enterprise online, or staff at the window for a requester (代办, `onBehalf`). */
export function RaiseRequestDialog({ open, onBehalf, onClose, onRaised }: { open: boolean; onBehalf: boolean; onClose: () => void; onRaised: (saved: ServiceRequestDetail) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const english = i18n.language === 'en-US';
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const categories = useQuery({ queryKey: ['service-request-categories'], queryFn: fetchCategories, enabled: open });
  const chosenCode = Form.useWatch('requestCategory', form);
  const chosen = categories.data?.find((category) => category.code === chosenCode);
  const mutation = useMutation({
    mutationFn: (values: Values) => raiseServiceRequest({ ...values, attachmentIds: [] } satisfies RaisePayload),
    onSuccess: (saved) => {
      form.resetFields();
      void message.success(t('cases.raise.done'));
      onRaised(saved);
    },
    onError: (caught) => {
      if (!isApiError(caught)) return setError(String(caught));
      const unmatched = applyFieldErrors(form, caught.fields, fields);
      setError(caught.code === 'validation' && unmatched.length === 0 ? null : [caught.message, ...unmatched].join(' '));
    },
  });
  return (
    <Modal open={open} title={t('cases.raise.title')} okText={t('cases.raise.submit')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={mutation.isPending} destroyOnHidden>
      <Form<Values> form={form} name="raise-request" layout="vertical" onFinish={(values) => (setError(null), mutation.mutate(values))} initialValues={{ requesterKind: 'talent' }}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="raise-error" /> : null}
        <Form.Item name="requestCategory" label={t('cases.raise.category')} rules={[{ required: true }]}>
          <Select
            data-testid="raise-category"
            loading={categories.isLoading}
            options={(categories.data ?? []).map((category) => ({ value: category.code, label: english ? category.nameEn : category.name }))}
          />
        </Form.Item>
        {chosen?.unitName ? (
          <Typography.Paragraph type="secondary">{t('cases.raise.routedTo', { unit: english ? chosen.unitNameEn : chosen.unitName, days: chosen.workingDays })}</Typography.Paragraph>
        ) : null}
        <Form.Item name="requestTitle" label={t('cases.raise.requestTitle')} rules={[{ required: true, whitespace: true, min: 2, max: 80 }]}>
          <Input maxLength={80} data-testid="raise-title" />
        </Form.Item>
        <Form.Item name="requestText" label={t('cases.raise.requestText')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="raise-text" />
        </Form.Item>
        {onBehalf ? (
          <>
            <Form.Item name="requesterKind" label={t('cases.raise.requesterKind')} rules={[{ required: true }]}>
              <Radio.Group options={[{ value: 'talent', label: t('cases.raise.talent') }, { value: 'enterprise', label: t('cases.raise.enterprise') }]} />
            </Form.Item>
            <Form.Item name="requesterId" label={t('cases.raise.requesterId')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="raise-requester" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
