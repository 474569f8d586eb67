import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Radio, Select, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { applyFieldErrors } from '../../ui/form-errors';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { fetchEnterprises } from '../enterprises/enterprises.api';
import { talentOptionLabel } from '../talents/TalentSelect';
import { fetchTalents } from '../talents/talents.api';
import { fetchCategories, raiseServiceRequest, uploadRequestFile, type Attachment, type RaisePayload, type ServiceRequestDetail } from './cases.api';

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
  const requesterKind = Form.useWatch('requesterKind', form);
  const chosen = categories.data?.find((category) => category.code === chosenCode);
  const [files, setFiles] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const handleUpload = async (file: File) => {
    setError(null);
    setUploading(true);
    try {
      const stored = await uploadRequestFile(file);
      setFiles((current) => [...current, stored]);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setUploading(false);
    }
  };
  const mutation = useMutation({
    mutationFn: (values: Values) => raiseServiceRequest({ ...values, attachmentIds: files.map((file) => file.id) } satisfies RaisePayload),
    onSuccess: (saved) => {
      form.resetFields();
      setFiles([]);
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
    <Modal open={open} title={t('cases.raise.title')} okText={t('cases.raise.submit')} okButtonProps={{ 'data-testid': 'raise-submit' }} onOk={() => form.submit()} onCancel={onClose} confirmLoading={mutation.isPending} destroyOnHidden>
      <Form<Values> form={form} name="raise-request" layout="vertical" onFinish={(values) => (setError(null), mutation.mutate(values))} initialValues={{ requesterKind: 'talent' }}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="raise-error" /> : null}
        <Form.Item name="requestCategory" label={t('cases.raise.category')} rules={[{ required: true }]}>
          <Select
            data-testid="raise-category"
            loading={categories.isLoading}
            options={(categories.data ?? []).filter((category) => category.active).map((category) => ({ value: category.code, label: english ? category.nameEn : category.name }))}
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
        <Form.Item label={t('cases.raise.attachments')}>
          <Flex vertical gap={8} align="start">
            <Upload showUploadList={false} beforeUpload={(file) => (void handleUpload(file), false)} disabled={uploading || files.length >= 10}>
              <Button icon={<UploadOutlined />} loading={uploading} data-testid="raise-upload">
                {uploading ? t('cases.raise.uploading') : t('cases.raise.upload')}
              </Button>
            </Upload>
            {files.length ? (
              <Flex gap={4} wrap data-testid="raise-files">
                {files.map((file) => (
                  <Tag
                    key={file.id}
                    icon={<PaperClipOutlined />}
                    closable
                    closeIcon={<span aria-label={t('cases.raise.removeFile', { name: file.fileName })}>×</span>}
                    onClose={() => setFiles((current) => current.filter((other) => other.id !== file.id))}
                  >
                    {file.fileName}
                  </Tag>
                ))}
              </Flex>
            ) : null}
          </Flex>
        </Form.Item>
        {onBehalf ? (
          <>
            <Form.Item name="requesterKind" label={t('cases.raise.requesterKind')} rules={[{ required: true }]}>
              <Radio.Group
                options={[{ value: 'talent', label: t('cases.raise.talent') }, { value: 'enterprise', label: t('cases.raise.enterprise') }]}
                onChange={() => form.setFieldValue('requesterId', undefined)}
              />
            </Form.Item>
            <Form.Item name="requesterId" label={t('cases.raise.requesterId')} rules={[{ required: true }]}>
              <RequesterPicker kind={requesterKind ?? 'talent'} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/**
 * The requester at the window: a search of the talents or enterprises by name through their own lists (so what the
 * user may see, masked as the registry masks it), not an id to type. Each option shows what tells namesakes apart.
 */
function RequesterPicker({ kind, id, value, onChange }: { kind: 'talent' | 'enterprise'; id?: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['requester-search', kind, q],
    queryFn: async () =>
      kind === 'talent'
        ? (await fetchTalents({ q, page: 1, pageSize: 20 })).items.map((talent) => ({ value: talent.id, label: talentOptionLabel(talent) }))
        : (await fetchEnterprises({ q, page: 1, pageSize: 20 })).items.map((enterprise) => ({ value: enterprise.id, label: [enterprise.name, enterprise.creditCode].filter(Boolean).join(' · ') })),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      placeholder={t('cases.raise.requesterSearch')}
      loading={found.isFetching}
      options={q ? (found.data ?? []) : []}
      notFoundContent={null}
      data-testid="raise-requester"
    />
  );
}
