import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Empty, Flex, Row, Space, Steps, Table, Tag, Timeline, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { applicationActions, type ApplicationAction } from '../../../domain/policies/policy';
import { isApiError } from '../../app/api';
import { DecisionForm, decisionPayload, type DecisionValues } from '../../ui/DecisionForm';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime, formatMoney } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ApplyDialog } from './ApplyDialog';
import { downloadAttachment, fetchApplication, resubmitApplication, reviewApplication, withdrawApplication, type ApplicationDetail } from './policies.api';
import { ApplicationStatusTag, EntitlementStatusTag, ExplanationTree, periodLabel, roundLabel } from './policy-ui';

const isAction = (value: string): value is ApplicationAction => (applicationActions as readonly string[]).includes(value);
const actionColors: Partial<Record<ApplicationAction, string>> = { approve: 'green', reject: 'red', return: 'orange', escalate: 'volcano', withdraw: 'gray' };

/** One application: where it stands in its review chain, its history, files and entitlements; the actions the user may take. */
export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const english = i18n.language === 'en-US';
  const [resubmitting, setResubmitting] = useState(false);
  const application = useQuery({ queryKey: ['application', id], queryFn: () => fetchApplication(id) });

  const stored = (saved: ApplicationDetail) => {
    queryClient.setQueryData(['application', id], saved);
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
    void queryClient.invalidateQueries({ queryKey: ['calculator'] });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
  const withdraw = useMutation({
    mutationFn: (version: number) => withdrawApplication(id, version),
    onSuccess: (saved) => (stored(saved), void message.success(t('applications.withdrawn'))),
    onError: (error) => {
      void message.error(isApiError(error) ? error.message : String(error));
      void application.refetch();
    },
  });

  if (application.isPending) return <CenteredSpin />;
  if (application.isError) return <ErrorAlert message={application.error.message} retryLabel={t('common.retry')} onRetry={() => void application.refetch()} />;
  const data = application.data;
  const current = data.currentStep;
  // the response names each step's units in both languages: an applicant cannot read the units list
  const unitNames = new Map(data.steps.flatMap((step) => step.unitNames).map((unit) => [unit.code, english ? unit.nameEn : unit.name]));
  const unitName = (code: string) => unitNames.get(code) ?? code;
  const language = english ? 'en-US' : 'zh-CN';
  const missingNames = data.missingAttachments.map((requirement) => requirement.name).join(english ? ', ' : '、');
  const open = data.status === 'inReview' || data.status === 'returned';

  const details: DescriptionsProps['items'] = [
    { key: 'policy', label: t('applications.detail.policy'), children: <Link to={`/policies/${data.policy.id}`}>{data.policy.title}</Link> },
    {
      key: 'subject',
      label: t('applications.detail.subject'),
      children: (
        <Space size={8} wrap>
          <span data-testid="application-subject">{data.subject.name}</span>
          {data.subject.readable ? (
            <Link to={data.subject.kind === 'talent' ? `/talents/${data.subject.id}` : `/enterprises/${data.subject.id}`} data-testid="application-subject-link">
              {t(data.subject.kind === 'talent' ? 'applications.detail.openTalent' : 'applications.detail.openEnterprise')}
            </Link>
          ) : null}
        </Space>
      ),
    },
    { key: 'status', label: t('applications.detail.status'), children: <span data-testid="application-status"><ApplicationStatusTag status={data.status} /></span> },
    { key: 'amount', label: t('applications.detail.amount'), children: formatMoney(data.decision?.amount ?? 0) },
    { key: 'round', label: t('applications.detail.round'), children: roundLabel(t, data.round, data.periodKind) },
    { key: 'version', label: t('applications.detail.versionNumber'), children: t('policies.detail.versionTitle', { number: data.versionNumber }) },
    { key: 'submittedAt', label: t('applications.detail.submittedAt'), children: formatDateTime(data.submittedAt) },
    { key: 'decidedAt', label: t('applications.detail.decidedAt'), children: formatDateTime(data.decidedAt) || t('common.none') },
    { key: 'form', label: t('applications.detail.form'), span: 'filled' as const, children: typeof data.form.note === 'string' && data.form.note ? data.form.note : t('common.none') },
  ];

  const stepItems = data.steps.map((step, index) => ({
    title: step.name,
    status: step.state === 'done' ? ('finish' as const) : step.state === 'current' ? (data.status === 'returned' || data.status === 'rejected' ? ('error' as const) : ('process' as const)) : ('wait' as const),
    content: (
      <Flex vertical gap={2}>
        <span>{step.units.map(unitName).join('、')}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`policyCodes.stepModes.${step.mode}`)} · {t('draft.stepDays')} {step.workingDays}
        </Typography.Text>
        {current && current.index === index && data.status === 'inReview' ? (
          <Flex vertical gap={2} data-testid="current-step">
            {current.dueAt ? (
              <Space size={4} wrap>
                <Typography.Text style={{ fontSize: 12 }}>{t('applications.detail.due', { time: formatDateTime(current.dueAt) })}</Typography.Text>
                {current.overdue ? <Tag color="red">{t('applications.overdue')}</Tag> : null}
                {data.escalated ? <Tag color="volcano">{t('applications.escalated')}</Tag> : null}
              </Space>
            ) : null}
            {current.decidedUnits.length ? <Typography.Text type="success" style={{ fontSize: 12 }}>{t('applications.detail.decided', { units: current.decidedUnits.map(unitName).join('、') })}</Typography.Text> : null}
          </Flex>
        ) : null}
      </Flex>
    ),
  }));

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span>{data.policy.title}</span>
            <ApplicationStatusTag status={data.status} />
          </Flex>
        }
        description={`${t('applications.detail.title')} · ${data.subject.name}`}
        extra={
          <Space wrap>
            {data.permissions.resubmit ? (
              <Button type="primary" onClick={() => setResubmitting(true)} data-testid="application-resubmit">
                {t('applications.actions.resubmit')}
              </Button>
            ) : null}
            {data.permissions.withdraw ? (
              <Button
                danger
                loading={withdraw.isPending}
                onClick={() => void modal.confirm({ title: t('applications.actions.withdraw'), content: t('applications.confirmWithdraw'), okText: t('applications.actions.withdraw'), okButtonProps: { danger: true }, cancelText: t('common.cancel'), onOk: () => withdraw.mutateAsync(data.version).catch(() => undefined) })}
                data-testid="application-withdraw"
              >
                {t('applications.actions.withdraw')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        {data.status === 'returned' ? (
          <Alert type="warning" showIcon title={t('policyCodes.applicationStatuses.returned')} description={[...data.history].reverse().find((entry) => entry.action === 'return')?.comment} data-testid="application-returned" />
        ) : null}
        <Card title={t('applications.detail.steps')}>
          <Steps items={stepItems} current={current?.index ?? data.steps.length} responsive />
        </Card>
        {data.missingAttachments.length && open ? (
          <Alert
            type="warning"
            showIcon
            title={t('applications.detail.missingAttachments', { names: missingNames })}
            description={t(data.permissions.review ? 'applications.detail.missingForReviewer' : 'applications.detail.missingForApplicant')}
            data-testid="application-missing-attachments"
          />
        ) : null}
        {data.permissions.review ? <ReviewForm application={data} missingNames={missingNames} onSaved={stored} onStale={() => void application.refetch()} /> : null}
        <Card title={t('applications.detail.facts')} data-testid="application-facts">
          {data.usedFacts.length ? (
            <Flex vertical gap={8}>
              {data.decision?.asOf ? <Typography.Text type="secondary">{t('applications.detail.factsHint', { date: data.decision.asOf })}</Typography.Text> : null}
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2, xl: 3 }}
                items={data.usedFacts.map((line) => ({ key: line.fact, label: line.label[language], children: <span data-fact={line.fact}>{line.value[language]}</span> }))}
              />
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('applications.detail.noFacts')}</Typography.Text>
          )}
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card>
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={details} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('applications.detail.history')} data-testid="application-history">
              <Timeline
                items={data.history.map((entry) => ({
                  color: isAction(entry.action) ? actionColors[entry.action] ?? 'blue' : 'blue',
                  content: (
                    <Flex vertical gap={2}>
                      <Space size={4} wrap>
                        <Typography.Text strong>{isAction(entry.action) ? t(`policyCodes.applicationActions.${entry.action}`) : entry.action}</Typography.Text>
                        {entry.unit ? <Tag>{english ? (entry.unitEn ?? entry.unit) : entry.unit}</Tag> : null}
                        {entry.actor ? <Typography.Text type="secondary">{entry.actor}</Typography.Text> : null}
                      </Space>
                      {entry.comment ? <Typography.Text>{entry.comment}</Typography.Text> : null}
                      {entry.internalNote ? <Typography.Text type="secondary" italic>{t('applications.detail.internalNote', { note: entry.internalNote })}</Typography.Text> : null}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(entry.at)}
                      </Typography.Text>
                    </Flex>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('applications.detail.attachments')}>
              {data.attachments.length ? (
                <Flex vertical gap={4}>
                  {data.attachments.map((attachment) => (
                    <Flex key={attachment.id} gap={8} align="center" wrap>
                      <Tag>{attachment.requirementName}</Tag>
                      <span>{attachment.fileName}</span>
                      <Typography.Text type="secondary">{Math.ceil(attachment.size / 1024)} KB</Typography.Text>
                      <Button
                        type="link"
                        size="small"
                        icon={<DownloadOutlined />}
                        onClick={() => void downloadAttachment(attachment).catch((error: unknown) => void message.error(isApiError(error) ? error.message : String(error)))}
                        data-testid="attachment-download"
                      >
                        {t('applications.detail.download')}
                      </Button>
                    </Flex>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('applications.detail.noAttachments')}</Typography.Text>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('applications.detail.entitlements')} data-testid="application-entitlements">
              {data.entitlements.length ? (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={data.entitlements}
                  columns={[
                    { key: 'period', title: t('ledger.columns.period'), render: (_, row) => periodLabel(t, row.period) },
                    { key: 'amount', title: t('ledger.columns.amount'), align: 'right', render: (_, row) => formatMoney(row.amount) },
                    { key: 'status', title: t('ledger.columns.status'), render: (_, row) => <EntitlementStatusTag status={row.status} /> },
                  ]}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>
          </Col>
        </Row>
        {data.decision?.explanation ? (
          <Collapse items={[{ key: 'decision', label: `${t('applications.detail.decision')}${data.decision.asOf ? ` · ${data.decision.asOf}` : ''}`, children: <ExplanationTree node={data.decision.explanation.trace} /> }]} />
        ) : null}
      </Flex>
      {resubmitting ? (
        <ApplyDialog
          title={t('apply.resubmitTitle')}
          requirements={data.missingAttachments.map((requirement) => ({ ...requirement, required: true }))}
          resubmit
          initialNote={typeof data.form.note === 'string' ? data.form.note : ''}
          okText={t('apply.resubmit')}
          onClose={() => setResubmitting(false)}
          onSubmit={async (values) => {
            try {
              stored(await resubmitApplication(id, { ...values, version: data.version }));
              void message.success(t('apply.resubmitted'));
            } catch (error) {
              if (isApiError(error) && error.status === 409) void application.refetch();
              throw error;
            }
          }}
        />
      ) : null}
    </>
  );
}


/** The reviewer's decision on the current step, sent with the version read: a 409 reloads the application and says why. */
function ReviewForm({ application, missingNames, onSaved, onStale }: { application: ApplicationDetail; missingNames: string; onSaved: (saved: ApplicationDetail) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  // approving without a required file is allowed (it may have come on paper) but never unnoticed
  const confirm = (values: DecisionValues) =>
    values.decision !== 'approve' || !application.missingAttachments.length
      ? Promise.resolve(true)
      : new Promise<boolean>((resolve) => {
          void modal.confirm({
            title: t('applications.review.confirmMissingTitle'),
            content: t('applications.review.confirmMissing', { names: missingNames }),
            okText: t('applications.review.approveAnyway'),
            cancelText: t('common.cancel'),
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          });
        });
  return (
    <DecisionForm<DecisionValues, ApplicationDetail>
      title={t('applications.review.title')}
      name="review-form"
      prefix="review"
      cardTestId="review-form"
      texts="applications.review"
      doneText={t('applications.review.done')}
      stale={{ code: 'applicationStale', text: t('applications.review.stale') }}
      send={(values) => reviewApplication(application.id, decisionPayload(values, application.version))}
      onSaved={onSaved}
      onStale={onStale}
      confirm={confirm}
      style={{ borderColor: '#1456c8' }}
    />
  );
}
