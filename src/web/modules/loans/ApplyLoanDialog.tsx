import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loanInput, loanLimits } from '../../../domain/loans';
import { isApiError } from '../../app/api';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { moneyInputProps } from '../../ui/format';
import { useFormSave } from '../../ui/use-form-save';
import { uploadAttachment, type Attachment } from '../policies/policies.api';
import { applyForLoan, fetchInstitutions, type LoanDetail } from './loans.api';

type Values = { bankCode: string; guarantorCode: string; loanAmount: number; termMonths: number; subsidyRate: number; purpose: string };
const fields = ['bankCode', 'guarantorCode', 'loanAmount', 'termMonths', 'subsidyRate', 'purpose', 'attachmentIds'];

/** 申请创业担保贷款: bank and guarantor from the lists, amount, term, subsidy rate, purpose and the loan documents. */
export function ApplyLoanDialog({ open, onClose, onApplied }: { open: boolean; onClose: () => void; onApplied: (saved: LoanDetail) => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, fields);
  const [files, setFiles] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const institutions = useQuery({ queryKey: ['loan-institutions'], queryFn: fetchInstitutions, enabled: open });
  const mutation = useMutation({
    mutationFn: (values: Values) => applyForLoan({ ...values, purpose: values.purpose.trim(), attachmentIds: files.map((file) => file.id) }),
    onSuccess: (saved) => {
      form.resetFields();
      setFiles([]);
      void message.success(t('loans.apply.done'));
      onApplied(saved);
    },
    onError: save.refused,
  });
  const handleUpload = async (file: File) => {
    setUploading(true);
    try {
      const stored = await uploadAttachment(file, 'loan');
      setFiles((current) => [...current, stored]);
    } catch (caught) {
      void message.error(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setUploading(false);
    }
  };
  const handleFinish = async () => {
    const values = await save.check((current) => loanInput.safeParse({ ...current, attachmentIds: files.map((file) => file.id) }));
    if (values) mutation.mutate(values);
  };
  const name = (item: { name: string; nameEn: string }) => (english ? item.nameEn : item.name);
  return (
    <Modal
      open={open}
      title={t('loans.apply.title')}
      okText={t('loans.apply.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void handleFinish()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ disabled: uploading, 'data-testid': 'loan-apply-submit' }}
      destroyOnHidden
    >
      <Form<Values> form={form} name="apply-loan" layout="vertical" initialValues={{ termMonths: 24, subsidyRate: 3 }}>
        <FormErrorAlert save={save} testId="loan-apply-error" />
        <Typography.Paragraph type="secondary">{t('loans.apply.limits')}</Typography.Paragraph>
        <Form.Item name="bankCode" label={t('loans.apply.bank')} rules={[{ required: true }]}>
          <Select data-testid="loan-bank" loading={institutions.isLoading} options={(institutions.data?.banks ?? []).map((bank) => ({ value: bank.code, label: name(bank) }))} />
        </Form.Item>
        <Form.Item name="guarantorCode" label={t('loans.apply.guarantor')} rules={[{ required: true }]}>
          <Select data-testid="loan-guarantor" loading={institutions.isLoading} options={(institutions.data?.guarantors ?? []).map((guarantor) => ({ value: guarantor.code, label: name(guarantor) }))} />
        </Form.Item>
        <Form.Item name="loanAmount" label={t('loans.apply.amount')} rules={[{ required: true }]}>
          <InputNumber {...moneyInputProps()} min={loanLimits.minimum} max={loanLimits.enterprise} step={10_000} style={{ width: '100%' }} data-testid="loan-amount" />
        </Form.Item>
        <Form.Item name="termMonths" label={t('loans.apply.term')} rules={[{ required: true }]}>
          <InputNumber min={loanLimits.termMonths.min} max={loanLimits.termMonths.max} precision={0} style={{ width: '100%' }} data-testid="loan-term" />
        </Form.Item>
        <Form.Item name="subsidyRate" label={t('loans.apply.rate')} rules={[{ required: true }]}>
          <InputNumber min={loanLimits.subsidyRate.min} max={loanLimits.subsidyRate.max} step={0.25} precision={2} style={{ width: '100%' }} data-testid="loan-rate" />
        </Form.Item>
        <Form.Item name="purpose" label={t('loans.apply.purpose')} rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="loan-purpose" />
        </Form.Item>
        <Form.Item label={t('loans.apply.files')}>
          <Upload accept=".pdf,.jpg,.jpeg,.png" showUploadList={false} beforeUpload={(file) => (void handleUpload(file), false)}>
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="loan-upload">{t('loans.apply.upload')}</Button>
          </Upload>
          {files.map((file) => (
            <Typography.Paragraph key={file.id} style={{ marginTop: 8, marginBottom: 0 }}>{t('loans.apply.uploaded', { name: file.fileName })}</Typography.Paragraph>
          ))}
        </Form.Item>
      </Form>
    </Modal>
  );
}
