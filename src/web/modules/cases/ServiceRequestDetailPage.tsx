import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { DecisionForm, decisionPayload, type DecisionValues } from '../../ui/DecisionForm';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldErrors } from '../../ui/form-errors';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { decideServiceRequest, downloadRequestFile, fetchServiceRequest, resubmitServiceRequest, withdrawServiceRequest, type ServiceRequestDetail } from './cases.api';
import { CaseDeadline, CaseStatusTag } from './CaseTags';
import { RatingCard, SubtasksCard } from './RequestFollowUp';

/** One service request: what was asked, where it stands, its history (internal notes for staff), and the actions the user may take. */
export function ServiceRequestDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const request = useQuery({ queryKey: ['service-request', id], queryFn: () => fetchServiceRequest(id) });
  const stored = (saved: ServiceRequestDetail) => {
    queryClient.setQueryData(['service-request', id], saved);
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    void queryClient.invalidateQueries({ queryKey: ['service-requests'] });
  };
  const withdraw = useMutation({
    mutationFn: (version: number) => withdrawServiceRequest(id, version),
    onSuccess: (saved) => (stored(saved), void message.success(t('cases.detail.withdrawn'))),
    onError: (caught) => void message.error(isApiError(caught) ? caught.message : String(caught)),
  });
  if (request.isLoading) return <CenteredSpin />;
  if (request.isError || !request.data) return <ErrorAlert message={String(request.error)} onRetry={() => void request.refetch()} />;
  const detail = request.data;
  const unitNames = detail.unitNames.map((unit) => (english ? unit.nameEn : unit.name)).join(t('common.listSeparator')) || t('common.none');
  return (
    <>
      <PageHeader title={detail.title} description={`${t('cases.detail.title')} · ${english ? detail.category.nameEn : detail.category.name}`} />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions
            column={{ xs: 1, lg: 2 }}
            items={[
              { key: 'status', label: t('cases.columns.status'), children: <CaseStatusTag status={detail.status} /> },
              { key: 'subject', label: t('cases.columns.subject'), children: detail.subject.name },
              { key: 'units', label: t('cases.columns.units'), children: unitNames },
              { key: 'due', label: t('cases.columns.due'), children: <CaseDeadline dueAt={detail.dueAt} overdue={detail.overdue} escalated={detail.escalated} /> },
              { key: 'channel', label: t('cases.detail.channel'), children: t(`cases.channels.${detail.channel}`) },
              { key: 'submittedAt', label: t('cases.columns.submittedAt'), children: formatDateTime(detail.submittedAt) },
              { key: 'text', label: t('cases.detail.text'), span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{detail.text}</Typography.Paragraph> },
              {
                key: 'attachments',
                label: t('cases.detail.attachments'),
                span: 2,
                children: detail.attachments.length ? (
                  <Flex gap={8} wrap data-testid="request-attachments">
                    {detail.attachments.map((file) => (
                      <Button key={file.id} type="link" icon={<PaperClipOutlined />} onClick={() => void downloadRequestFile(file).catch((caught: unknown) => void message.error(String(caught)))} style={{ padding: 0 }}>
                        {file.fileName}
                      </Button>
                    ))}
                  </Flex>
                ) : (
                  t('cases.detail.none')
                ),
              },
            ]}
          />
          {detail.permissions.withdraw ? (
            <Button danger onClick={() => withdraw.mutate(detail.version)} loading={withdraw.isPending} data-testid="request-withdraw" style={{ marginTop: 16 }}>
              {t('cases.detail.withdraw')}
            </Button>
          ) : null}
        </Card>
        <SubtasksCard detail={detail} onSaved={stored} />
        {detail.permissions.handle ? <HandleForm detail={detail} onSaved={stored} onStale={() => void request.refetch()} /> : null}
        {detail.permissions.resubmit ? <ResubmitForm detail={detail} onSaved={stored} /> : null}
        <RatingCard detail={detail} onSaved={stored} />
        <Card title={t('cases.detail.history')}>
          <Timeline
            data-testid="request-history"
            items={detail.history.map((entry) => ({
              content: (
                <Flex vertical>
                  <span>
                    <Typography.Text strong>{t(`cases.actions.${entry.action}`)}</Typography.Text>
                    {entry.unit ? <Typography.Text> · {english ? entry.unitEn : entry.unit}</Typography.Text> : null}
                    {entry.actor ? <Typography.Text> · {entry.actor}</Typography.Text> : null}
                    <Typography.Text type="secondary"> · {formatDateTime(entry.at)}</Typography.Text>
                  </span>
                  {entry.comment ? <span>{entry.comment}</span> : null}
                  {entry.internalNote ? <Typography.Text type="secondary">{t('cases.detail.internalNote')}：{entry.internalNote}</Typography.Text> : null}
                </Flex>
              ),
            }))}
          />
        </Card>
      </Flex>
    </>
  );
}


/** The unit's result, sent with the version read: a 409 reloads the request and says why. */
function HandleForm({ detail, onSaved, onStale }: { detail: ServiceRequestDetail; onSaved: (saved: ServiceRequestDetail) => void; onStale: () => void }) {
  const { t } = useTranslation();
  return (
    <DecisionForm<DecisionValues, ServiceRequestDetail>
      title={t('cases.detail.handle')}
      name="handle-form"
      prefix="handle"
      cardTestId="handle-form"
      texts="cases.detail"
      doneText={t('cases.detail.handled')}
      stale={{ code: 'caseStale', text: t('cases.detail.stale') }}
      send={(values) => decideServiceRequest(detail.id, decisionPayload(values, detail.version))}
      onSaved={onSaved}
      onStale={onStale}
    />
  );
}

/** 补正: the requester corrects the details and sends the request again. */
function ResubmitForm({ detail, onSaved }: { detail: ServiceRequestDetail; onSaved: (saved: ServiceRequestDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ requestText: string }>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (values: { requestText: string }) => resubmitServiceRequest(detail.id, { requestText: values.requestText, attachmentIds: [], version: detail.version }),
    onSuccess: onSaved,
    onError: (caught) => setError(isApiError(caught) ? [caught.message, ...applyFieldErrors(form, caught.fields, ['requestText'])].join(' ') : String(caught)),
  });
  return (
    <Card title={t('cases.detail.resubmit')} data-testid="resubmit-form">
      <Form form={form} name="resubmit-request" layout="vertical" initialValues={{ requestText: detail.text }} onFinish={(values) => (setError(null), mutation.mutate(values))}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="requestText" label={t('cases.detail.resubmitText')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('cases.detail.submit')}
        </Button>
      </Form>
    </Card>
  );
}
