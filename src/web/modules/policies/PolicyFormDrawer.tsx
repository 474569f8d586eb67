import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { policyCategories, policyModes, policyTargets, type PolicyCategory, type PolicyInput, type PolicyMode, type PolicyTarget, type PolicyVersionInput } from '../../../domain/policies/policy';
import { currentLanguage } from '../../app/i18n';
import { FormDrawer, FormErrorAlert } from '../../ui/FormDrawer';
import { useFormSave } from '../../ui/use-form-save';
import { createPolicy, updatePolicy, type PolicyDetail } from './policies.api';
import { useUnits } from './policy-ui';
import { moneyInputProps } from '../../ui/format';

type FormValues = {
  code: string;
  title: string;
  documentNo?: string;
  documentUrl?: string;
  summary?: string;
  category: PolicyCategory;
  target: PolicyTarget;
  unit: string;
  mode: PolicyMode;
  budgetTotal: number;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  exclusions?: string[];
};

const fieldNames = ['code', 'title', 'documentNo', 'documentUrl', 'summary', 'category', 'target', 'unit', 'mode', 'budgetTotal', 'effectiveFrom', 'effectiveTo', 'exclusions'];

/** A new policy starts with a draft the office then edits: in the zone (or any enterprise), a placeholder amount, one review step. */
function firstDraft(target: PolicyTarget, unit: string): PolicyVersionInput {
  return {
    eligibility: target === 'talent' ? { '==': [{ var: 'status' }, 'inZone'] } : { '>=': [{ var: 'yearsSinceFounded' }, 0] },
    amount: 1000,
    periodKind: 'oneOff',
    periods: 1,
    attachments: [],
    steps: [{ name: currentLanguage() === 'zh-CN' ? '初审' : 'First review', units: [unit], mode: 'any', workingDays: 5 }],
    note: '',
  };
}

type PolicyFormDrawerProps = { open: boolean; policy: PolicyDetail | null; onClose: () => void };

/** Creates a policy (then opens its draft) or edits its catalogue entry (sending the version read). */
export function PolicyFormDrawer({ open, policy, onClose }: PolicyFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useUnits().data ?? [];
  const [form] = Form.useForm<FormValues>();
  const save = useFormSave(form, fieldNames);
  const english = currentLanguage() === 'en-US';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (policy) {
      form.setFieldsValue({
        code: policy.code,
        title: policy.title,
        documentNo: policy.documentNo,
        documentUrl: policy.documentUrl ?? undefined,
        summary: policy.summary,
        category: policy.category,
        target: policy.target,
        unit: policy.unit.code,
        mode: policy.mode,
        budgetTotal: policy.budget.total,
        effectiveFrom: dayjs(policy.effectiveFrom),
        effectiveTo: policy.effectiveTo ? dayjs(policy.effectiveTo) : null,
        exclusions: policy.exclusions,
      });
    } else {
      form.setFieldsValue({ target: 'talent', mode: 'apply', category: 'livingSubsidy', effectiveFrom: dayjs().startOf('year'), budgetTotal: 1_000_000 });
    }
  }, [open, policy, form]);

  const mutation = useMutation({
    mutationFn: (values: FormValues) => {
      const input: PolicyInput = {
        code: values.code.trim(),
        title: values.title.trim(),
        documentNo: values.documentNo?.trim() ?? '',
        documentUrl: values.documentUrl?.trim() || null,
        summary: values.summary?.trim() ?? '',
        category: values.category,
        target: values.target,
        unit: values.unit,
        mode: values.mode,
        budgetTotal: values.budgetTotal,
        effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
        effectiveTo: values.effectiveTo ? values.effectiveTo.format('YYYY-MM-DD') : null,
        exclusions: values.exclusions ?? [],
      };
      if (policy) return updatePolicy(policy.id, { ...input, version: policy.version });
      return createPolicy({ policy: input, version: firstDraft(values.target, values.unit), parameters: [] });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['policies'] });
      queryClient.setQueryData(['policy', saved.id], saved);
      void message.success(policy ? t('policies.form.saved') : t('policies.form.created'));
      handleClose();
      if (!policy) navigate(`/policies/${saved.id}/draft`);
    },
    onError: save.refused,
  });

  const required = [{ required: true, message: t('policies.form.required') }];
  const handleClose = () => {
    save.reset();
    onClose();
  };

  return (
    <FormDrawer
      open={open}
      onClose={handleClose}
      title={policy ? t('policies.form.editTitle', { title: policy.title }) : t('policies.form.createTitle')}
      width={560}
      wideFrom="sm"
      saving={mutation.isPending}
      onSave={() => form.submit()}
      saveTestId="policy-form-submit"
    >
      <Form<FormValues> form={form} name="policy-form" layout="vertical" onFinish={(values) => (save.reset(), mutation.mutate(values))} autoComplete="off">
        <FormErrorAlert save={save} testId="policy-form-error" />
        {policy ? null : <Alert type="info" showIcon title={t('policies.form.createHelp')} style={{ marginBottom: 16 }} />}
        <Form.Item name="code" label={t('policies.form.code')} extra={t('policies.form.codeHelp')} rules={required}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="title" label={t('policies.form.title')} rules={required}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="documentNo" label={t('policies.form.documentNo')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="documentUrl" label={t('policies.form.documentUrl')}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item name="summary" label={t('policies.form.summary')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space wrap size={12} style={{ width: '100%' }}>
          <Form.Item name="category" label={t('policies.form.category')} rules={required}>
            <Select style={{ width: 160 }} options={policyCategories.map((value) => ({ value, label: t(`policyCodes.categories.${value}`) }))} />
          </Form.Item>
          <Form.Item name="target" label={t('policies.form.target')} rules={required}>
            <Select style={{ width: 140 }} disabled={!!policy} options={policyTargets.map((value) => ({ value, label: t(`policyCodes.targets.${value}`) }))} />
          </Form.Item>
          <Form.Item name="mode" label={t('policies.form.mode')} rules={required} tooltip={t('policies.form.modeHelp')}>
            <Select style={{ width: 190 }} options={policyModes.map((value) => ({ value, label: t(`policyCodes.modes.${value}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="unit" label={t('policies.form.unit')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={units.filter((unit) => unit.isResponsibleUnit).map((unit) => ({ value: unit.code, label: `${unit.code} ${english ? unit.nameEn : unit.name}` }))}
          />
        </Form.Item>
        <Form.Item name="budgetTotal" label={t('policies.form.budgetTotal')} rules={required}>
          <InputNumber min={0} step={10000} style={{ width: '100%' }} {...moneyInputProps()} />
        </Form.Item>
        <Space wrap size={12}>
          <Form.Item name="effectiveFrom" label={t('policies.form.effectiveFrom')} rules={required}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="effectiveTo" label={t('policies.form.effectiveTo')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="exclusions" label={t('policies.form.exclusions')} extra={t('policies.form.exclusionsHelp')}>
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
