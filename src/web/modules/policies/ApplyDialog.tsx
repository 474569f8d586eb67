import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRequirement } from '../../../domain/policies/policy';
import { ApiError, isApiError } from '../../app/api';
import { applyFieldErrors } from '../../ui/form-errors';
import { uploadAttachment, type Attachment } from './policies.api';

export type ApplyValues = { form: Record<string, string>; attachmentIds: string[] };

type ApplyDialogProps = {
  title: string;
  requirements: AttachmentRequirement[];
  /** Correcting a returned application: files already sent count, new ones replace nothing. */
  resubmit?: boolean;
  initialNote?: string;
  okText: string;
  onSubmit: (values: ApplyValues) => Promise<unknown>;
  onClose: () => void;
};

/** The application form (申请表): a note and the required attachments (PDF/JPG/PNG), uploaded one by one before sending. */
export function ApplyDialog({ title, requirements, resubmit = false, initialNote = '', okText, onSubmit, onClose }: ApplyDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const [uploads, setUploads] = useState<Record<string, Attachment>>({});
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // the attachments' field error: a required file not uploaded (checked before sending), or the server's word on them
  const [attachmentError, setAttachmentError] = useState<string | null>(null);

  const handleUpload = async (requirement: string, file: File) => {
    setError(null);
    setUploading(requirement);
    try {
      const stored = await uploadAttachment(file, requirement);
      setUploads((current) => ({ ...current, [requirement]: stored }));
      setAttachmentError(null);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setUploading(null);
    }
  };

  const handleOk = async () => {
    setError(null);
    // A new application must carry every required file (a correction keeps the files already sent: the server checks).
    const missing = resubmit ? [] : requirements.filter((requirement) => requirement.required && !uploads[requirement.code]);
    setAttachmentError(missing.length ? t('apply.missingFiles', { names: missing.map((requirement) => `“${requirement.name}”`).join(t('common.listSeparator')) }) : null);
    const { note } = await form.validateFields();
    if (missing.length) return;
    setSending(true);
    try {
      await onSubmit({ form: note?.trim() ? { note: note.trim() } : {}, attachmentIds: Object.values(uploads).map((upload) => upload.id) });
      onClose();
    } catch (caught) {
      if (caught instanceof ApiError) {
        const { attachmentIds: attachmentsText, ...others } = caught.fields;
        if (attachmentsText) setAttachmentError(attachmentsText);
        const unmatched = applyFieldErrors(form, Object.fromEntries(Object.entries(others).map(([path, text]) => [path.replace(/^form\./, ''), text])), ['note']);
        setError([caught.message, ...unmatched].join(' '));
      } else setError(String(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void handleOk().catch(() => undefined)}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={sending}
      okButtonProps={{ disabled: uploading !== null, 'data-testid': 'apply-submit' }}
      width={560}
    >
      <Form form={form} name="apply-form" layout="vertical" initialValues={{ note: initialNote }}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="apply-error" /> : null}
        {resubmit ? <Alert type="info" showIcon title={t('apply.keepExisting')} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="note" label={t('apply.note')}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('apply.notePlaceholder')} data-testid="apply-note" />
        </Form.Item>
        {requirements.length ? (
          <Form.Item label={t('apply.attachments')} extra={t('apply.uploadHelp')} validateStatus={attachmentError ? 'error' : undefined} help={attachmentError ?? undefined} data-testid="apply-attachments">
            <Flex vertical gap={8}>
              {requirements.map((requirement) => (
                <Flex key={requirement.code} gap={8} align="center" wrap data-testid={`attachment-${requirement.code}`}>
                  <span style={{ minWidth: 120 }}>
                    {requirement.name}
                    {requirement.required ? (
                      <Tag color="red" style={{ marginInlineStart: 6 }}>
                        {t('apply.required')}
                      </Tag>
                    ) : null}
                  </span>
                  <Upload
                    accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void handleUpload(requirement.code, file);
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />} loading={uploading === requirement.code}>
                      {t('apply.upload')}
                    </Button>
                  </Upload>
                  {uploads[requirement.code] ? (
                    <Typography.Text type="success" data-testid="attachment-uploaded">
                      <PaperClipOutlined /> {t('apply.uploaded', { name: uploads[requirement.code].fileName })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ))}
            </Flex>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
