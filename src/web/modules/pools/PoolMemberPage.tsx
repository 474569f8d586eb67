import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Radio, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PoolDecision } from '../../../domain/pools';
import { currentLanguage } from '../../app/i18n';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { decide, fetchMember, type PoolMemberDetail } from './pools.api';
import { poolStatusColor } from './PoolsPage';

/** One membership of a reserve pool: the nomination, the assessment, its history; the office's decisions on it. */
export function PoolMemberPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const english = currentLanguage() === 'en-US';
  const member = useQuery({ queryKey: ['pool-member', id], queryFn: () => fetchMember(id) });
  if (member.isLoading) return <CenteredSpin />;
  if (member.isError || !member.data) return <ErrorAlert message={String(member.error)} onRetry={() => void member.refetch()} />;
  const detail = member.data;
  const none = t('pools.detail.none');
  const nominator = detail.nominator.kind === 'department' ? (english ? detail.nominator.unitNameEn : detail.nominator.unitName) : t(`pools.nominators.${detail.nominator.kind}`);
  return (
    <>
      <Link to="/pools">
        <ArrowLeftOutlined /> {t('pools.detail.back')}
      </Link>
      <PageHeader
        title={t('pools.detail.title', { name: detail.talent.name, pool: english ? detail.pool.nameEn : detail.pool.name })}
        extra={<Tag color={poolStatusColor[detail.status]} data-testid="pool-member-status">{t(`pools.statuses.${detail.status}`)}</Tag>}
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions
            column={{ xs: 1, lg: 2 }}
            items={[
              { key: 'talent', label: t('pools.talent'), children: <Link to={`/talents/${detail.talent.id}`}>{detail.talent.name}</Link> },
              { key: 'employer', label: t('pools.detail.employer'), children: detail.talent.employerName ?? none },
              { key: 'tier', label: t('pools.detail.tier'), children: (english ? detail.talent.tierNameEn : detail.talent.tierName) ?? none },
              { key: 'nominator', label: t('pools.detail.nominator'), children: `${nominator} · ${detail.nominator.userName}` },
              { key: 'nominatedAt', label: t('pools.detail.nominatedAt'), children: formatDateTime(detail.nominatedAt) },
              { key: 'score', label: t('pools.detail.score'), children: detail.score ?? none },
              { key: 'enteredOn', label: t('pools.detail.enteredOn'), children: detail.enteredOn ? formatDate(detail.enteredOn) : none },
              { key: 'nextReviewOn', label: t('pools.detail.nextReviewOn'), children: detail.nextReviewOn ? formatDate(detail.nextReviewOn) : none },
              ...(detail.lastReviewedOn ? [{ key: 'lastReviewedOn', label: t('pools.detail.lastReviewedOn'), children: formatDate(detail.lastReviewedOn) }] : []),
              ...(detail.leftOn ? [{ key: 'leftOn', label: t('pools.detail.leftOn'), children: formatDate(detail.leftOn) }] : []),
              { key: 'reason', label: t('pools.detail.reason'), span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{detail.reason}</Typography.Paragraph> },
            ]}
          />
        </Card>
        {detail.decisions.length ? <DecisionForm key={detail.version} detail={detail} onStale={() => void member.refetch()} /> : null}
        <Card title={t('pools.detail.history')}>
          <Timeline
            data-testid="pool-member-history"
            items={detail.history.map((entry) => ({
              content: (
                <Flex vertical>
                  <span>
                    <Typography.Text strong>{t(`pools.actions.${entry.action}`)}</Typography.Text>
                    <Typography.Text> · {t(`pools.statuses.${entry.toStatus}`)}</Typography.Text>
                    {entry.score !== null ? <Typography.Text> · {t('pools.detail.score')} {entry.score}</Typography.Text> : null}
                    {entry.actor ? <Typography.Text> · {entry.actor}</Typography.Text> : null}
                    <Typography.Text type="secondary"> · {formatDateTime(entry.at)}</Typography.Text>
                  </span>
                  {entry.note ? <span>{entry.note}</span> : null}
                </Flex>
              ),
            }))}
          />
        </Card>
      </Flex>
    </>
  );
}

type DecisionValues = { decision: PoolDecision; score?: number | null; opinion?: string };

/** The office's decision on the version read: a 409 reloads the membership and says why. */
function DecisionForm({ detail, onStale }: { detail: PoolMemberDetail; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionValues>();
  const save = useFormSave(form, ['decision', 'score', 'opinion']);
  const decision = Form.useWatch('decision', form) ?? detail.decisions[0];
  const send = useMutation({
    mutationFn: (values: DecisionValues) => decide(detail.id, { decision: values.decision, score: values.decision === 'admit' || values.decision === 'review' ? (values.score ?? null) : null, opinion: values.opinion?.trim() ?? '', version: detail.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['pool-member', detail.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['pool-members'] });
      void queryClient.invalidateQueries({ queryKey: ['pools'] });
      form.resetFields();
      void message.success(t('pools.decision.done'));
    },
    onError: (caught) => {
      save.refused(caught);
      onStale();
    },
  });
  const scored = decision === 'admit' || decision === 'review';
  return (
    <Card title={t('pools.decision.title')} data-testid="pool-decision-form">
      <Form<DecisionValues> form={form} name="pool-decision" layout="vertical" initialValues={{ decision: detail.decisions[0] }} onFinish={(values) => { save.reset(); send.mutate(values); }}>
        <FormErrorAlert save={save} testId="pool-decision-error" />
        <Form.Item name="decision" label={t('pools.decision.action')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={detail.decisions.map((value) => ({ value, label: t(`pools.actions.${value}`) }))} />
        </Form.Item>
        {scored ? (
          <Form.Item name="score" label={t('pools.decision.score')} rules={decision === 'admit' ? [{ required: true, message: t('pools.required') }] : []}>
            <InputNumber min={0} max={100} data-testid="pool-decision-score" />
          </Form.Item>
        ) : null}
        <Form.Item name="opinion" label={t(`pools.decision.opinionHints.${decision}`)} rules={decision === 'admit' ? [] : [{ required: true, whitespace: true, message: t('pools.required') }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="pool-decision-opinion" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="pool-decision-submit">
          {t(`pools.actions.${decision}`)}
        </Button>
      </Form>
    </Card>
  );
}
