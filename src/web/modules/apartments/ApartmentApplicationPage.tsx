import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Radio, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { reviewDecisions, type ReviewDecision } from '../../../domain/policies/policy';
import { isApiError } from '../../app/api';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldErrors } from '../../ui/form-errors';
import { formatDateTime, formatMoney } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { CaseDeadline, CaseStatusTag } from '../cases/CaseTags';
import { ExplanationTree } from '../policies/policy-ui';
import { decideApplication, fetchApplication, withdrawApplication, type ApplicationDetail } from './apartments.api';
import { AllocateDialog, LeaseActions, LeaseDialog, type LeaseAction } from './ApartmentsPage';

/** One apartment application: preferences, the conditions as the calculator says them, position, lease, history; the review and allocation. */
export function ApartmentApplicationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [allocating, setAllocating] = useState(false);
  const [leaseAction, setLeaseAction] = useState<LeaseAction | null>(null);
  const application = useQuery({ queryKey: ['apartment-application', id], queryFn: () => fetchApplication(id) });
  const stored = (saved: ApplicationDetail) => {
    queryClient.setQueryData(['apartment-application', id], saved);
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    void queryClient.invalidateQueries({ queryKey: ['apartments'] });
  };
  const withdraw = useMutation({
    mutationFn: (version: number) => withdrawApplication(id, version),
    onSuccess: (saved) => (stored(saved), void message.success(t('apartments.detail.withdrawn'))),
    onError: (caught) => void message.error(isApiError(caught) ? caught.message : String(caught)),
  });
  if (application.isLoading) return <CenteredSpin />;
  if (application.isError || !application.data) return <ErrorAlert message={String(application.error)} onRetry={() => void application.refetch()} />;
  const detail = application.data;
  const lease = detail.lease;
  return (
    <>
      <PageHeader title={t('apartments.detail.title')} description={detail.talent.name} />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions
            column={{ xs: 1, lg: 2 }}
            items={[
              { key: 'status', label: t('apartments.columns.status'), children: <span data-testid="application-status"><CaseStatusTag status={detail.status} /></span> },
              { key: 'talent', label: t('apartments.columns.talent'), children: detail.talent.name },
              { key: 'tier', label: t('apartments.columns.tier'), children: detail.talent.tier ?? t('apartments.noTier') },
              { key: 'due', label: t('cases.columns.due'), children: <CaseDeadline dueAt={detail.dueAt} overdue={detail.overdue} escalated={detail.escalated} /> },
              { key: 'layout', label: t('apartments.apply.layout'), children: detail.preferences.layout ? t(`apartments.layouts.${detail.preferences.layout}`) : t('apartments.apply.any') },
              { key: 'family', label: t('apartments.apply.familySize'), children: t('apartments.persons', { count: detail.preferences.familySize }) },
              { key: 'submittedAt', label: t('apartments.columns.submittedAt'), children: formatDateTime(detail.submittedAt) },
              {
                key: 'position', label: t('apartments.columns.position'),
                children: detail.position ? <span data-testid="application-position">{t('apartments.mine.position', { position: detail.position, count: detail.waitingCount })}</span> : t('common.none'),
              },
              ...(detail.preferences.note ? [{ key: 'note', label: t('apartments.apply.note'), span: 2, children: detail.preferences.note }] : []),
            ]}
          />
          {detail.position ? <Alert type="info" showIcon title={t('apartments.rule')} style={{ marginTop: 16 }} /> : null}
          <Flex gap={8} style={{ marginTop: 16 }}>
            {detail.permissions.withdraw ? <Button danger onClick={() => withdraw.mutate(detail.version)} loading={withdraw.isPending}>{t('apartments.detail.withdraw')}</Button> : null}
            {detail.permissions.allocate ? <Button type="primary" onClick={() => setAllocating(true)} data-testid="allocate-open">{t('apartments.detail.allocate')}</Button> : null}
          </Flex>
        </Card>
        {lease ? (
          <Card title={t('apartments.detail.lease')} data-testid="application-lease" extra={detail.permissions.manage ? <LeaseActions lease={lease} onAct={setLeaseAction} /> : null}>
            <Descriptions
              column={{ xs: 1, lg: 3 }}
              items={[
                { key: 'unit', label: t('apartments.columns.number'), children: `${lease.buildingName} ${lease.unitNumber}` },
                { key: 'layout', label: t('apartments.columns.layout'), children: t(`apartments.layouts.${lease.layout}`) },
                { key: 'rent', label: t('apartments.columns.rent'), children: formatMoney(lease.monthlyRent) },
                { key: 'status', label: t('apartments.columns.status'), children: <span data-testid="lease-status">{t(`apartments.leaseStatuses.${lease.status}`)}</span> },
                { key: 'term', label: t('apartments.columns.term'), children: `${lease.startDate} ~ ${lease.endDate}` },
                { key: 'moveIn', label: t('apartments.columns.moveIn'), children: lease.moveInDate ?? t('common.none') },
              ]}
            />
          </Card>
        ) : null}
        {detail.permissions.decide ? <DecideForm detail={detail} onSaved={stored} onStale={() => void application.refetch()} /> : null}
        {detail.eligibility ? (
          <Card title={`${t('apartments.detail.eligibility')} · ${detail.policy.title}`}>
            <ExplanationTree node={detail.eligibility.trace} />
          </Card>
        ) : null}
        <Card title={t('apartments.detail.history')}>
          <Timeline
            data-testid="application-history"
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
      {allocating ? <AllocateDialog application={detail} onClose={() => setAllocating(false)} /> : null}
      {lease && leaseAction ? <LeaseDialog lease={lease} action={leaseAction} onClose={() => setLeaseAction(null)} /> : null}
    </>
  );
}

type DecideValues = { decision: ReviewDecision; comment?: string; internalNote?: string };

function DecideForm({ detail, onSaved, onStale }: { detail: ApplicationDetail; onSaved: (saved: ApplicationDetail) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecideValues>();
  const [error, setError] = useState<string | null>(null);
  const decision = Form.useWatch('decision', form);
  const mutation = useMutation({
    mutationFn: (values: DecideValues) => decideApplication(detail.id, { decision: values.decision, comment: values.comment?.trim() ?? '', internalNote: values.internalNote?.trim() ?? '', version: detail.version }),
    onSuccess: (saved) => (onSaved(saved), form.resetFields(), void message.success(t('apartments.detail.decided'))),
    onError: (caught) => {
      if (!isApiError(caught)) return setError(String(caught));
      if (caught.status === 409) {
        setError(caught.message);
        onStale();
        return;
      }
      const unmatched = applyFieldErrors(form, caught.fields, ['decision', 'comment', 'internalNote']);
      setError(caught.code === 'validation' && unmatched.length === 0 ? null : [caught.message, ...unmatched].join(' '));
    },
  });
  const needsComment = decision === 'return' || decision === 'reject';
  return (
    <Card title={t('apartments.detail.decide')} data-testid="decide-form">
      <Form<DecideValues> form={form} name="apartment-decide" layout="vertical" initialValues={{ decision: 'approve' }} onFinish={(values) => (setError(null), mutation.mutate(values))}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="decision" label={t('apartments.detail.decision')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={reviewDecisions.map((value) => ({ value, label: t(`apartments.detail.decisions.${value}`) }))} />
        </Form.Item>
        <Form.Item name="comment" label={t('apartments.detail.comment')} rules={needsComment ? [{ required: true, whitespace: true, message: t('apartments.detail.commentRequired') }] : []}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="decide-comment" />
        </Form.Item>
        <Form.Item name="internalNote" label={t('apartments.detail.internalNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="decide-submit">{t('apartments.detail.submit')}</Button>
      </Form>
    </Card>
  );
}
