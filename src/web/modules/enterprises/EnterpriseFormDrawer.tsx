import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chainSegments, enterpriseSizes, type ChainSegment, type EnterpriseSize } from '../../../domain/dictionaries';
import { creditCodeField, enterpriseInput, enterpriseUpdateInput, phoneField } from '../../../domain/talent';
import { currentLanguage } from '../../app/i18n';
import { FormDrawer, FormErrorAlert } from '../../ui/FormDrawer';
import { useFormSave } from '../../ui/use-form-save';
import { safeParseLikeServer, zodRule } from '../../ui/zod-form';
import { industryOptions, useReference } from '../reference/reference.api';
import { createEnterprise, updateEnterprise, type EnterpriseDetail, type EnterprisePayload, type EnterpriseUpdatePayload } from './enterprises.api';

type EnterpriseFormValues = {
  name?: string;
  creditCode?: string;
  industry?: string | null;
  chainSegment?: ChainSegment | null;
  parkId?: string | null;
  size?: EnterpriseSize | null;
  foundedOn?: Dayjs | null;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  description?: string;
};

const fieldNames = ['name', 'creditCode', 'industry', 'chainSegment', 'parkId', 'size', 'foundedOn', 'address', 'contactName', 'contactPhone', 'description'];
const blank = (value: string | null | undefined) => value?.trim() || null;

function payloadOf(values: EnterpriseFormValues): EnterprisePayload {
  return {
    name: values.name ?? '',
    creditCode: values.creditCode?.trim() ?? '',
    industry: values.industry ?? '',
    chainSegment: values.chainSegment ?? null,
    parkId: values.parkId ?? null,
    size: values.size ?? null,
    foundedOn: values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : null,
    address: blank(values.address),
    contactName: blank(values.contactName),
    contactPhone: blank(values.contactPhone),
    description: values.description?.trim() ?? '',
  };
}

/** An update: every field, the contact phone only when replaced (an empty one then clears it). */
function updatePayloadOf(values: EnterpriseFormValues, replacePhone: boolean): EnterpriseUpdatePayload {
  const { contactPhone, ...rest } = payloadOf(values);
  return replacePhone ? { ...rest, contactPhone } : rest;
}

type EnterpriseFormDrawerProps = {
  open: boolean;
  enterprise: EnterpriseDetail | null;
  onClose: () => void;
  onSaved?: (enterprise: EnterpriseDetail) => void;
  onReload?: () => Promise<unknown>;
};

/**
 * Registers (office) or edits (office, the enterprise's own HR) an enterprise; checked with the shared schema first.
 * Editing shows the contact phone masked and keeps it unless the user chooses to replace it.
 */
export function EnterpriseFormDrawer({ open, enterprise, onClose, onSaved, onReload }: EnterpriseFormDrawerProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reference = useReference().data;
  const [form] = Form.useForm<EnterpriseFormValues>();
  const save = useFormSave(form, fieldNames);
  // replacing the masked phone, for one version of one record (closing the drawer forgets it)
  const [replacingPhoneOf, setReplacingPhoneOf] = useState<string | null>(null);
  const editing = enterprise !== null;
  const enterpriseKey = enterprise ? `${enterprise.id}:${enterprise.version}` : null;
  const replacingPhone = replacingPhoneOf !== null && replacingPhoneOf === enterpriseKey;
  /** A phone is typed in on registration, on replacing, and when none is on record. */
  const phoneInput = !editing || replacingPhone || !enterprise.contactPhone;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (enterprise) {
      form.setFieldsValue({
        name: enterprise.name,
        creditCode: enterprise.creditCode ?? '',
        industry: enterprise.industry,
        chainSegment: enterprise.chainSegment,
        parkId: enterprise.park?.id ?? null,
        size: enterprise.size,
        foundedOn: enterprise.foundedOn ? dayjs(enterprise.foundedOn) : null,
        address: enterprise.address ?? '',
        contactName: enterprise.contactName ?? '',
        // the phone arrives masked: left out of the update unless replaced
        contactPhone: '',
        description: enterprise.description,
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, enterpriseKey, form]);

  const handleClose = () => {
    setReplacingPhoneOf(null);
    save.reset();
    onClose();
  };

  const mutation = useMutation({
    mutationFn: (values: EnterpriseFormValues) =>
      enterprise ? updateEnterprise(enterprise.id, { ...updatePayloadOf(values, phoneInput), version: enterprise.version }) : createEnterprise(payloadOf(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(['enterprise', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
      void queryClient.invalidateQueries({ queryKey: ['enterprise-options'] });
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      void message.success(editing ? t('enterprises.form.updated') : t('enterprises.form.created', { name: saved.name }));
      handleClose();
      onSaved?.(saved);
    },
    onError: save.refused,
  });

  const handleSubmit = async () => {
    const values = await save.check((checked) =>
      editing ? safeParseLikeServer(enterpriseUpdateInput, updatePayloadOf(checked, phoneInput)) : safeParseLikeServer(enterpriseInput, payloadOf(checked)),
    );
    if (values) mutation.mutate(values);
  };

  const handleCreditCodeChange = (value: string) => {
    if (value.trim().length >= 18) void form.validateFields(['creditCode']).catch(() => undefined);
    else form.setFields([{ name: 'creditCode', errors: [] }]);
  };

  const half = { xs: 24, sm: 12 };
  return (
    <FormDrawer
      open={open}
      onClose={handleClose}
      title={editing ? t('enterprises.form.editTitle', { name: enterprise.name }) : t('enterprises.form.createTitle')}
      width={640}
      saving={mutation.isPending}
      onSave={() => void handleSubmit()}
      saveTestId="enterprise-form-submit"
    >
      <Form<EnterpriseFormValues> form={form} name="enterprise-form" layout="vertical" autoComplete="off" onFinish={() => void handleSubmit()}>
        <FormErrorAlert save={save} testId="enterprise-form-error" onReload={onReload} reloadLabel={t('enterprises.form.conflictReload')} />
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="name" label={t('enterprises.form.name')} required>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="creditCode" label={t('enterprises.form.creditCode')} required extra={t('enterprises.form.creditCodeHelp')} validateTrigger="onBlur" rules={[zodRule(creditCodeField, language)]}>
              <Input maxLength={18} onChange={(event) => handleCreditCodeChange(event.target.value)} style={{ fontVariantNumeric: 'tabular-nums' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="industry" label={t('enterprises.form.industry')} required>
              <Select allowClear options={industryOptions(reference, enterprise?.industry)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="chainSegment" label={t('enterprises.form.chainSegment')}>
              <Select allowClear options={chainSegments.map((value) => ({ value, label: t(`dictionaries.chainSegments.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="parkId" label={t('enterprises.form.park')}>
              <Select allowClear options={(reference?.parks ?? []).map((park) => ({ value: park.id, label: park.name }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="size" label={t('enterprises.form.size')}>
              <Select allowClear options={enterpriseSizes.map((value) => ({ value, label: t(`dictionaries.enterpriseSizes.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="foundedOn" label={t('enterprises.form.foundedOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={t('enterprises.form.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contactName" label={t('enterprises.form.contactName')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label={t('enterprises.form.contactPhone')}
              extra={editing && enterprise.contactPhone ? (phoneInput ? t('talents.form.phoneClearHint') : t('talents.form.phoneKept')) : undefined}
            >
              <Space.Compact style={{ width: '100%' }}>
                {phoneInput ? (
                  <Form.Item name="contactPhone" noStyle validateTrigger="onBlur" rules={[zodRule(phoneField, language)]}>
                    <Input maxLength={20} inputMode="tel" placeholder={editing && enterprise.contactPhone ? t('talents.form.newPhone') : undefined} data-testid="enterprise-form-phone" />
                  </Form.Item>
                ) : (
                  <Input value={enterprise?.contactPhone ?? ''} disabled data-testid="enterprise-form-phone-kept" />
                )}
                {editing && enterprise.contactPhone ? (
                  <Button
                    icon={replacingPhone ? <UndoOutlined /> : <EditOutlined />}
                    onClick={() => {
                      setReplacingPhoneOf(replacingPhone ? null : enterpriseKey);
                      form.setFields([{ name: 'contactPhone', value: '', errors: [] }]);
                    }}
                    data-testid="enterprise-form-replace-phone"
                  >
                    {replacingPhone ? t('talents.form.keepNumber') : t('talents.form.replaceNumber')}
                  </Button>
                ) : null}
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('enterprises.form.description')}>
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
