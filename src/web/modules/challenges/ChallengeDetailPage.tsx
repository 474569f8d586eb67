import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { can } from '../../../domain/permissions';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate, formatMoney } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { useCurrentUser } from '../auth/RequireSession';
import { CandidateList } from '../demands/CandidateList';
import { fetchChallengeCandidates } from '../demands/demands.api';
import { challengeStatusColor, proposalStatusColor } from './ChallengesPage';
import { addMilestone, appointReviewer, awardChallenge, fetchChallenge, scoreProposal, updateMilestone, type ChallengeDetail, type Milestone, type Proposal } from './challenges.api';

/** 推荐人选 (office, leaders): talents, flexible experts and resident teams that fit the challenge, with reasons. */
function SuggestedCandidates({ challengeId }: { challengeId: string }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const matches = can(user.roles, 'demands.match');
  const candidates = useQuery({ queryKey: ['challenge-candidates', challengeId, i18n.language], queryFn: () => fetchChallengeCandidates(challengeId), enabled: matches });
  if (!matches) return null;
  return (
    <Card title={t('demands.detail.candidates')} style={{ marginBottom: 16 }} data-testid="challenge-candidates">
      <CandidateList data={candidates.data} loading={candidates.isLoading} error={candidates.error} linkTalents />
    </Card>
  );
}

/** One challenge: its problem, reviewers, proposals with scores (reviewers score, the office awards) and milestones. */
export function ChallengeDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['challenge', id], queryFn: () => fetchChallenge(id) });
  const [scoring, setScoring] = useState<Proposal | null>(null);
  const [appointing, setAppointing] = useState(false);
  const [addingMilestone, setAddingMilestone] = useState(false);
  const updated = (next: ChallengeDetail) => {
    queryClient.setQueryData(['challenge', id], next);
    void queryClient.invalidateQueries({ queryKey: ['challenges'] });
  };
  const act = useMutation({
    mutationFn: (run: () => Promise<ChallengeDetail>) => run(),
    onSuccess: (next) => {
      updated(next);
      void message.success(t('challenges.detail.saved'));
    },
    onError: (error) => void message.error(error.message),
  });
  if (detail.isError) return <ErrorAlert message={detail.error.message} retryLabel={t('common.retry')} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <CenteredSpin />;
  const data = detail.data;
  const open = data.status === 'open';

  const columns: TableColumnsType<Proposal> = [
    {
      key: 'team', title: t('challenges.columns.team'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{row.teamName}</Typography.Text>
          <Typography.Text type="secondary">{row.organisationName}</Typography.Text>
        </Space>
      ),
    },
    { key: 'members', title: t('challenges.detail.members'), render: (_, row) => row.members.map((member) => (member.role ? `${member.name}（${member.role}）` : member.name)).join(t('common.listSeparator')), responsive: ['xxl'] },
    { key: 'plan', title: t('challenges.proposal.plan'), dataIndex: 'plan', responsive: ['xxl'], ellipsis: true },
    { key: 'budget', title: t('challenges.detail.budget'), render: (_, row) => formatMoney(row.budget), align: 'right' },
    {
      key: 'score', title: t('challenges.detail.average'),
      render: (_, row) => (
        <Tooltip title={row.scores?.map((score) => `${score.reviewer}: ${score.score}${score.comment ? `（${score.comment}）` : ''}`).join('\n') ?? t('challenges.detail.scores', { count: row.scoreCount })}>
          <span data-testid="proposal-average">{row.averageScore === null ? t('common.none') : `${row.averageScore}（${row.scoreCount}）`}</span>
        </Tooltip>
      ),
      align: 'right',
    },
    { key: 'status', title: t('challenges.columns.status'), render: (_, row) => <Tag color={proposalStatusColor[row.status]}>{t(`challenges.proposalStatus.${row.status}`)}</Tag> },
    {
      key: 'actions', title: t('common.actions'),
      render: (_, row) => (
        <Space size="small" wrap>
          {data.permissions.review ? (
            row.conflictOfInterest ? (
              <Tag color="red" data-testid="proposal-conflict">{t('challenges.detail.conflict')}</Tag>
            ) : (
              <Button size="small" onClick={() => setScoring(row)} data-testid="proposal-score">
                {row.myScore === null ? t('challenges.detail.score') : `${t('challenges.detail.myScore')} ${row.myScore}`}
              </Button>
            )
          ) : null}
          {data.permissions.manage && open ? (
            <Button
              size="small"
              type="primary"
              data-testid="proposal-award"
              onClick={() => void modal.confirm({ title: t('challenges.detail.award'), content: t('challenges.detail.awardConfirm', { team: row.teamName }), onOk: () => act.mutateAsync(() => awardChallenge(id, { proposalId: row.id, version: data.version })) })}
            >
              {t('challenges.detail.award')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  const milestoneColumns: TableColumnsType<Milestone> = [
    { key: 'title', title: t('challenges.detail.milestoneTitle'), dataIndex: 'title' },
    { key: 'dueOn', title: t('challenges.detail.dueOn'), render: (_, row) => <Space>{formatDate(row.dueOn)}{row.overdue ? <Tag color="red">{t('challenges.detail.overdue')}</Tag> : null}</Space> },
    { key: 'doneOn', title: t('challenges.detail.doneOn'), render: (_, row) => formatDate(row.doneOn) || t('common.none') },
    { key: 'status', title: t('challenges.columns.status'), render: (_, row) => <Tag color={row.status === 'done' ? 'green' : row.status === 'inProgress' ? 'blue' : 'default'}>{t(`challenges.milestoneStatus.${row.status}`)}</Tag> },
    ...(data.permissions.manage
      ? [{
          key: 'actions',
          title: t('common.actions'),
          render: (_: unknown, row: Milestone) => (
            <Space size="small">
              {row.status === 'planned' ? <Button size="small" onClick={() => act.mutate(() => updateMilestone(id, row.id, { status: 'inProgress', version: row.version }))}>{t('challenges.detail.markInProgress')}</Button> : null}
              {row.status !== 'done' ? <Button size="small" onClick={() => act.mutate(() => updateMilestone(id, row.id, { status: 'done', version: row.version }))} data-testid="milestone-done">{t('challenges.detail.markDone')}</Button> : null}
            </Space>
          ),
        }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={data.title}
        extra={
          <Space>
            <Tag color={challengeStatusColor[data.status]}>{t(`challenges.status.${data.status}`)}</Tag>
            {data.awardedOn ? <Typography.Text type="secondary">{t('challenges.detail.awarded', { date: formatDate(data.awardedOn) })}</Typography.Text> : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('challenges.columns.poster')}>{data.poster?.name ?? t('challenges.zone')}</Descriptions.Item>
          <Descriptions.Item label={t('challenges.columns.budget')}>{formatMoney(data.budget)}</Descriptions.Item>
          <Descriptions.Item label={t('challenges.columns.deadline')}>{formatDate(data.deadline)}</Descriptions.Item>
          <Descriptions.Item label={t('challenges.detail.problem')} span="filled">{data.problem}</Descriptions.Item>
          {data.requirements ? <Descriptions.Item label={t('challenges.detail.requirements')} span="filled">{data.requirements}</Descriptions.Item> : null}
          <Descriptions.Item label={t('challenges.detail.reviewers')} span="filled">
            <Space wrap>
              {data.reviewers.length ? data.reviewers.map((reviewer) => <Tag key={reviewer.id}>{reviewer.name}</Tag>) : t('challenges.detail.noReviewers')}
              {data.permissions.manage && open ? <Button size="small" icon={<PlusOutlined />} onClick={() => setAppointing(true)} data-testid="challenge-appoint">{t('challenges.detail.appoint')}</Button> : null}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('challenges.detail.proposals')} style={{ marginBottom: 16 }}>
        <Table<Proposal> rowKey="id" size="middle" pagination={false} columns={columns} dataSource={data.proposalList} locale={{ emptyText: <Empty description={t('challenges.noProposals')} /> }} />
      </Card>
      {open ? <SuggestedCandidates challengeId={id} /> : null}
      {data.status === 'awarded' ? (
        <Card
          title={t('challenges.detail.milestones')}
          extra={data.permissions.manage ? <Button icon={<PlusOutlined />} onClick={() => setAddingMilestone(true)} data-testid="milestone-add">{t('challenges.detail.addMilestone')}</Button> : null}
        >
          <Table<Milestone> rowKey="id" size="small" pagination={false} columns={milestoneColumns} dataSource={data.milestones} locale={{ emptyText: <Empty description={t('challenges.detail.noMilestones')} /> }} />
        </Card>
      ) : null}
      {scoring ? <ScoreDialog challengeId={id} proposal={scoring} onClose={() => setScoring(null)} onDone={updated} /> : null}
      {appointing ? <AppointDialog challengeId={id} onClose={() => setAppointing(false)} onDone={updated} /> : null}
      {addingMilestone ? <MilestoneDialog challengeId={id} onClose={() => setAddingMilestone(false)} onDone={updated} /> : null}
    </>
  );
}

function ScoreDialog({ challengeId, proposal, onClose, onDone }: { challengeId: string; proposal: Proposal; onClose: () => void; onDone: (next: ChallengeDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const save = useFormSave(form, ['score', 'comment']);
  const submit = useMutation({
    mutationFn: (values: { score: number; comment?: string }) => scoreProposal(challengeId, proposal.id, { score: values.score, comment: values.comment ?? '' }),
    onSuccess: (next) => {
      onDone(next);
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('challenges.detail.scoreTitle', { team: proposal.teamName })} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={submit.isPending}>
      <Form form={form} name="proposal-score" layout="vertical" initialValues={{ score: proposal.myScore ?? undefined }} onFinish={(values) => { save.reset(); submit.mutate(values); }}>
        <FormErrorAlert save={save} testId="score-error" />
        <Form.Item name="score" label={t('challenges.detail.score')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={0} data-testid="score-value" />
        </Form.Item>
        <Form.Item name="comment" label={t('challenges.detail.comment')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AppointDialog({ challengeId, onClose, onDone }: { challengeId: string; onClose: () => void; onDone: (next: ChallengeDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ username: string }>();
  const save = useFormSave(form, ['username']);
  const submit = useMutation({
    mutationFn: (values: { username: string }) => appointReviewer(challengeId, values.username.trim()),
    onSuccess: (next) => {
      onDone(next);
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('challenges.detail.appoint')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={submit.isPending}>
      <Form form={form} name="challenge-reviewer" layout="vertical" onFinish={(values) => { save.reset(); submit.mutate(values); }}>
        <FormErrorAlert save={save} testId="appoint-error" />
        <Form.Item name="username" label={t('challenges.detail.username')} rules={[{ required: true }]}>
          <Input maxLength={64} data-testid="appoint-username" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MilestoneDialog({ challengeId, onClose, onDone }: { challengeId: string; onClose: () => void; onDone: (next: ChallengeDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title: string; dueOn: dayjs.Dayjs }>();
  const save = useFormSave(form, ['title', 'dueOn']);
  const submit = useMutation({
    mutationFn: (values: { title: string; dueOn: dayjs.Dayjs }) => addMilestone(challengeId, { title: values.title, dueOn: values.dueOn.format('YYYY-MM-DD') }),
    onSuccess: (next) => {
      onDone(next);
      onClose();
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('challenges.detail.addMilestone')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={submit.isPending}>
      <Form form={form} name="challenge-milestone" layout="vertical" onFinish={(values) => { save.reset(); submit.mutate(values); }}>
        <FormErrorAlert save={save} testId="milestone-error" />
        <Form.Item name="title" label={t('challenges.detail.milestoneTitle')} rules={[{ required: true }]}>
          <Input maxLength={120} data-testid="milestone-title" />
        </Form.Item>
        <Form.Item name="dueOn" label={t('challenges.detail.dueOn')} rules={[{ required: true }]}>
          <DatePicker data-testid="milestone-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
