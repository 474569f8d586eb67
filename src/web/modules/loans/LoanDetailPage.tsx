import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Steps, Table, Timeline, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { stageFields, type LoanStage, type LoanStageData } from '../../../domain/loans';
import { isApiError } from '../../app/api';
import { DecisionForm, decisionPayload, type DecisionValues } from '../../ui/DecisionForm';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldErrors } from '../../ui/form-errors';
import { formatDate, formatDateTime, formatMoney, moneyInputProps } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { CaseDeadline, CaseStatusTag } from '../cases/CaseTags';
import { downloadAttachment } from '../policies/policies.api';
import { EntitlementStatusTag } from '../policies/policy-ui';
import { decideLoanStage, fetchLoan, resubmitLoan, withdrawLoan, type LoanDetail, type StageData } from './loans.api';
import { LoanStageTag } from './LoanTags';

/** One loan: what was applied for, its five stages, what each recorded, the subsidy on the ledger, its history, and what the user may do. */
export function LoanDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const language = english ? 'en-US' : 'zh-CN';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const loan = useQuery({ queryKey: ['loan', id], queryFn: () => fetchLoan(id) });
  const stored = (saved: LoanDetail) => {
    queryClient.setQueryData(['loan', id], saved);
    void queryClient.invalidateQueries({ queryKey: ['loans'] });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    void queryClient.invalidateQueries({ queryKey: ['entitlements'] });
  };
  const withdraw = useMutation({
    mutationFn: (version: number) => withdrawLoan(id, version),
    onSuccess: (saved) => (stored(saved), void message.success(t('loans.detail.withdrawn'))),
    onError: (caught) => void message.error(isApiError(caught) ? caught.message : String(caught)),
  });
  if (loan.isLoading) return <CenteredSpin />;
  if (loan.isError || !loan.data) return <ErrorAlert message={String(loan.error)} onRetry={() => void loan.refetch()} />;
  const detail = loan.data;
  const name = (item: { name: string; nameEn: string }) => (english ? item.nameEn : item.name);
  const none = t('common.none');
  const money = (value: number | null) => (value === null ? none : formatMoney(value));
  const current = detail.stages.findIndex((stage) => stage.state === 'current');
  return (
    <>
      <PageHeader title={`${detail.applicant.name} · ${name(detail.bank)}`} description={t('loans.detail.title')} />
      <Flex vertical gap={16}>
        <Card title={t('loans.detail.stages')}>
          <Steps
            data-testid="loan-stages"
            current={current === -1 ? detail.stages.length : current}
            status={detail.status === 'rejected' || detail.status === 'returned' ? 'error' : undefined}
            items={detail.stages.map((stage) => ({ title: t(`loans.stages.${stage.stage}`), description: stage.unitNames.map(name).join(t('common.listSeparator')) }))}
          />
        </Card>
        <Card title={t('loans.detail.loan')}>
          <Descriptions
            column={{ xs: 1, lg: 2 }}
            items={[
              { key: 'stage', label: t('loans.columns.stage'), children: <Flex gap={4}><LoanStageTag stage={detail.stage} /><CaseStatusTag status={detail.status} /></Flex> },
              { key: 'applicant', label: t('loans.columns.applicant'), children: `${detail.applicant.name} · ${t(`loans.applicantKinds.${detail.applicant.kind}`)}` },
              { key: 'bank', label: t('loans.columns.bank'), children: name(detail.bank) },
              { key: 'guarantor', label: t('loans.columns.guarantor'), children: name(detail.guarantor) },
              { key: 'amount', label: t('loans.columns.amount'), children: formatMoney(detail.loanAmount) },
              { key: 'term', label: t('loans.columns.term'), children: t('loans.months', { count: detail.termMonths }) },
              { key: 'rate', label: t('loans.columns.rate'), children: t('loans.percent', { rate: detail.subsidyRate }) },
              { key: 'due', label: t('loans.columns.due'), children: <CaseDeadline dueAt={detail.dueAt} overdue={detail.overdue} escalated={detail.escalated} /> },
              { key: 'approved', label: t('loans.detail.approvedAmount'), children: money(detail.approvedAmount) },
              { key: 'reference', label: t('loans.detail.bankReference'), children: detail.bankReference ?? none },
              { key: 'disbursed', label: t('loans.columns.disbursed'), children: money(detail.disbursedAmount) },
              { key: 'disbursedOn', label: t('loans.columns.disbursedOn'), children: formatDate(detail.disbursedOn) || none },
              { key: 'maturity', label: t('loans.detail.maturityOn'), children: formatDate(detail.maturityOn) || none },
              { key: 'settledOn', label: t('loans.detail.settledOn'), children: formatDate(detail.settledOn) || none },
              { key: 'submittedAt', label: t('loans.columns.submittedAt'), children: formatDateTime(detail.submittedAt) },
              { key: 'purpose', label: t('loans.detail.purpose'), span: 2, children: detail.purpose },
            ]}
          />
          {detail.permissions.withdraw ? (
            <Button danger onClick={() => withdraw.mutate(detail.version)} loading={withdraw.isPending} data-testid="loan-withdraw" style={{ marginTop: 16 }}>
              {t('loans.detail.withdraw')}
            </Button>
          ) : null}
        </Card>
        <Card title={t('loans.detail.subsidy')} data-testid="loan-subsidy">
          {!detail.subsidy ? (
            <Typography.Text type="secondary">{t('loans.detail.subsidyPending')}</Typography.Text>
          ) : !detail.subsidy.eligible ? (
            <Alert type="info" showIcon title={t('loans.detail.subsidyNone')} description={detail.subsidy.reasons?.[language]} />
          ) : (
            <Flex vertical gap={12}>
              <Typography.Text>{t('loans.detail.subsidyEligible')}</Typography.Text>
              <Typography.Text data-testid="loan-subsidy-basis">
                {t('loans.detail.basis')}：{detail.subsidy.basis?.[language]}
              </Typography.Text>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={detail.subsidy.entitlements}
                columns={[
                  { key: 'period', title: t('loans.detail.period'), render: (_, entry) => t('loans.detail.periodYear', { year: entry.period }) },
                  { key: 'amount', title: t('loans.detail.subsidyAmount'), align: 'right', render: (_, entry) => formatMoney(entry.amount) },
                  { key: 'status', title: t('loans.detail.entitlementStatus'), render: (_, entry) => <EntitlementStatusTag status={entry.status} /> },
                  { key: 'paidAt', title: t('loans.detail.paidAt'), render: (_, entry) => formatDateTime(entry.paidAt) || none },
                ]}
              />
              <Link to="/ledger" data-testid="loan-ledger-link">{t('loans.detail.ledger')}</Link>
            </Flex>
          )}
        </Card>
        {detail.permissions.handle ? <StageForm detail={detail} onSaved={stored} onStale={() => void loan.refetch()} /> : null}
        {detail.permissions.resubmit ? <ResubmitForm detail={detail} onSaved={stored} /> : null}
        {detail.attachments.length ? (
          <Card title={t('loans.detail.attachments')}>
            <Flex vertical gap={4}>
              {detail.attachments.map((file) => (
                <Button key={file.id} type="link" style={{ padding: 0, alignSelf: 'start' }} onClick={() => void downloadAttachment(file)}>
                  {file.fileName}
                </Button>
              ))}
            </Flex>
          </Card>
        ) : null}
        <Card title={t('loans.detail.history')}>
          <Timeline
            data-testid="loan-history"
            items={detail.history.map((entry) => ({
              content: (
                <Flex vertical>
                  <span>
                    <Typography.Text strong>{t(`cases.actions.${entry.action}`)}</Typography.Text>
                    {entry.stage && entry.action !== 'submit' ? <Typography.Text> · {t(`loans.stages.${entry.stage}`)}</Typography.Text> : null}
                    {entry.unit ? <Typography.Text> · {english ? entry.unitEn : entry.unit}</Typography.Text> : null}
                    {entry.actor ? <Typography.Text> · {entry.actor}</Typography.Text> : null}
                    <Typography.Text type="secondary"> · {formatDateTime(entry.at)}</Typography.Text>
                  </span>
                  {entry.comment ? <span>{entry.comment}</span> : null}
                  {entry.internalNote ? <Typography.Text type="secondary">{t('loans.detail.internalNote')}：{entry.internalNote}</Typography.Text> : null}
                </Flex>
              ),
            }))}
          />
        </Card>
      </Flex>
    </>
  );
}

type StageValues = DecisionValues & { data?: { approvedAmount?: number; bankReference?: string; disbursedAmount?: number; disbursedOn?: dayjs.Dayjs; balance?: number; settledOn?: dayjs.Dayjs } };
const dataFields: (keyof LoanStageData)[] = ['approvedAmount', 'bankReference', 'disbursedAmount', 'disbursedOn', 'balance', 'settledOn'];
const dateFields = new Set<keyof LoanStageData>(['disbursedOn', 'settledOn']);

/** The unit's decision on the current stage, with the data that stage records (on approval); sent with the version read. */
function StageForm({ detail, onSaved, onStale }: { detail: LoanDetail; onSaved: (saved: LoanDetail) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const stage = detail.stage as LoanStage;
  const wanted = [...stageFields[stage].required, ...stageFields[stage].optional];
  const send = (values: StageValues) => {
    const data: StageData = {};
    if (values.decision === 'approve') {
      for (const key of wanted) {
        const value = values.data?.[key];
        if (value === undefined || value === null || value === '') continue;
        (data as Record<string, unknown>)[key] = dateFields.has(key) ? (value as dayjs.Dayjs).format('YYYY-MM-DD') : typeof value === 'string' ? value.trim() : value;
      }
    }
    return decideLoanStage(detail.id, { ...decisionPayload(values, detail.version), data });
  };
  const input = (key: keyof LoanStageData) => {
    if (dateFields.has(key)) return <DatePicker style={{ width: '100%' }} data-testid={`stage-${key}`} />;
    if (key === 'bankReference') return <Input maxLength={60} data-testid={`stage-${key}`} />;
    return <InputNumber {...moneyInputProps()} min={0} style={{ width: '100%' }} data-testid={`stage-${key}`} />;
  };
  return (
    <DecisionForm<StageValues, LoanDetail>
      title={t('loans.detail.handle', { stage: t(`loans.stages.${stage}`) })}
      name="loan-stage"
      prefix="stage"
      cardTestId="loan-stage-form"
      texts="loans.detail"
      doneText={t('loans.detail.handled')}
      stale={{ code: 'caseStale', text: t('loans.detail.stale') }}
      send={send}
      onSaved={onSaved}
      onStale={onStale}
      extraFields={dataFields.map((key) => `data.${key}`)}
    >
      {(decision) =>
        decision === 'approve' && wanted.length ? (
          <Flex wrap gap={16}>
            {wanted.map((key) => (
              <Form.Item key={key} name={['data', key]} label={t(`loans.fields.${key}`)} style={{ minWidth: 240 }}>
                {input(key)}
              </Form.Item>
            ))}
          </Flex>
        ) : null
      }
    </DecisionForm>
  );
}

/** 补正: the applicant sends the loan again (a corrected purpose if need be). */
function ResubmitForm({ detail, onSaved }: { detail: LoanDetail; onSaved: (saved: LoanDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ purpose: string }>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (values: { purpose: string }) => resubmitLoan(detail.id, { purpose: values.purpose.trim() === detail.purpose ? undefined : values.purpose.trim(), attachmentIds: [], version: detail.version }),
    onSuccess: onSaved,
    onError: (caught) => setError(isApiError(caught) ? [caught.message, ...applyFieldErrors(form, caught.fields, ['purpose'])].join(' ') : String(caught)),
  });
  return (
    <Card title={t('loans.detail.resubmit')} data-testid="loan-resubmit-form">
      <Form form={form} name="resubmit-loan" layout="vertical" initialValues={{ purpose: detail.purpose }} onFinish={(values) => (setError(null), mutation.mutate(values))}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="purpose" label={t('loans.detail.resubmitPurpose')} rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="loan-resubmit">
          {t('loans.detail.submit')}
        </Button>
      </Form>
    </Card>
  );
}
