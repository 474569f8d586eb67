import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { DecisionForm, decisionPayload, type DecisionValues } from '../../ui/DecisionForm';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
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


function DecideForm({ detail, onSaved, onStale }: { detail: ApplicationDetail; onSaved: (saved: ApplicationDetail) => void; onStale: () => void }) {
  const { t } = useTranslation();
  return (
    <DecisionForm<DecisionValues, ApplicationDetail>
      title={t('apartments.detail.decide')}
      name="apartment-decide"
      prefix="decide"
      cardTestId="decide-form"
      texts="apartments.detail"
      doneText={t('apartments.detail.decided')}
      send={(values) => decideApplication(detail.id, decisionPayload(values, detail.version))}
      onSaved={onSaved}
      onStale={onStale}
    />
  );
}
