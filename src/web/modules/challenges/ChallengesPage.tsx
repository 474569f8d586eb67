import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Row, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { challengeStatuses, type ChallengeStatus, type ProposalStatus } from '../../../domain/growth';
import { can } from '../../../domain/permissions';
import { FilterField } from '../../ui/FilterField';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate, formatDateTime, formatMoney, moneyInputProps } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { fetchBoard, fetchChallenges, fetchMyProposals, postChallenge, submitProposal, type BoardItem, type ChallengeItem, type MyProposal } from './challenges.api';

export const challengeStatusColor: Record<ChallengeStatus, string> = { open: 'blue', awarded: 'green', closed: 'default' };
export const proposalStatusColor: Record<ProposalStatus, string> = { submitted: 'blue', awarded: 'green', notAwarded: 'default' };

type TabKey = 'manage' | 'board' | 'mine';

/** 揭榜挂帅: the challenges one manages or reviews, the open board, one's own proposals. */
export function ChallengesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs: TabKey[] = [
    ...(can(user.roles, 'challenges.read') ? (['manage'] as const) : []),
    'board',
    ...(can(user.roles, 'challenges.propose') ? (['mine'] as const) : []),
  ];
  const asked = searchParams.get('tab') as TabKey | null;
  const tab = asked && tabs.includes(asked) ? asked : tabs[0];
  const children: Record<TabKey, React.ReactNode> = { manage: <ChallengeList />, board: <Board />, mine: <MyProposals /> };
  return (
    <>
      <PageHeader title={t('challenges.title')} description={t('challenges.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams(key === tabs[0] ? {} : { tab: key }, { replace: true })}
        items={tabs.map((key) => ({ key, label: t(`challenges.tabs.${key}`), children: key === tab ? children[key] : null }))}
      />
    </>
  );
}

function ChallengeList() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useListPage();
  const status = list.oneOf<ChallengeStatus>('status', challengeStatuses);
  const query = { status, page: list.page, pageSize: list.pageSize };
  const challenges = useQuery({ queryKey: ['challenges', query], queryFn: () => fetchChallenges(query), placeholderData: keepPreviousData });
  const [posting, setPosting] = useState(false);
  const columns: TableColumnsType<ChallengeItem> = [
    { key: 'title', title: t('challenges.columns.title'), render: (_, item) => <Link to={`/challenges/${item.id}`}>{item.title}</Link> },
    { key: 'poster', title: t('challenges.columns.poster'), render: (_, item) => item.poster?.name ?? t('challenges.zone') },
    { key: 'budget', title: t('challenges.columns.budget'), render: (_, item) => formatMoney(item.budget), align: 'right' },
    { key: 'deadline', title: t('challenges.columns.deadline'), render: (_, item) => formatDate(item.deadline) },
    { key: 'proposals', title: t('challenges.columns.proposals'), dataIndex: 'proposals', align: 'right' },
    { key: 'status', title: t('challenges.columns.status'), render: (_, item) => <Tag color={challengeStatusColor[item.status]}>{t(`challenges.status.${item.status}`)}</Tag> },
  ];
  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="bottom">
        <Col xs={12} lg={6}>
          <FilterField label={t('challenges.statusFilter')}>
            <Select
              allowClear
              value={status}
              placeholder={t('challenges.statusFilter')}
              options={challengeStatuses.map((value) => ({ value, label: t(`challenges.status.${value}`) }))}
              onChange={(value?: string) => list.filter({ status: value })}
              style={{ width: '100%' }}
            />
          </FilterField>
        </Col>
        {can(user.roles, 'challenges.post') ? (
          <Col flex="auto" style={{ textAlign: 'right' }}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)} data-testid="challenge-post">
              {t('challenges.post')}
            </Button>
          </Col>
        ) : null}
      </Row>
      <ListTable<ChallengeItem> list={list} query={challenges} columns={columns} />
      {posting ? <PostDialog onClose={() => setPosting(false)} /> : null}
    </Card>
  );
}

type PostValues = { posterId?: string | null; title: string; problem: string; requirements?: string; budget: number; deadline: dayjs.Dayjs };

function PostDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PostValues>();
  const save = useFormSave(form, ['posterId', 'title', 'problem', 'requirements', 'budget', 'deadline']);
  const post = useMutation({
    mutationFn: (values: PostValues) =>
      postChallenge({ posterId: values.posterId ?? null, title: values.title, problem: values.problem, requirements: values.requirements ?? '', budget: values.budget, deadline: values.deadline.format('YYYY-MM-DD') }),
    onSuccess: (challenge) => {
      void message.success(t('challenges.posted'));
      void queryClient.invalidateQueries({ queryKey: ['challenges'] });
      navigate(`/challenges/${challenge.id}`);
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('challenges.post')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={post.isPending} width={640}>
      <Form form={form} name="challenge" layout="vertical" onFinish={(values) => { save.reset(); post.mutate(values); }}>
        <FormErrorAlert save={save} testId="challenge-error" />
        {user.roles.includes('office') ? (
          <Form.Item name="posterId" label={t('challenges.fields.poster')}>
            <EnterpriseSelect />
          </Form.Item>
        ) : null}
        <Form.Item name="title" label={t('challenges.fields.title')} rules={[{ required: true }]}>
          <Input maxLength={80} data-testid="challenge-title" />
        </Form.Item>
        <Form.Item name="problem" label={t('challenges.fields.problem')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="challenge-problem" />
        </Form.Item>
        <Form.Item name="requirements" label={t('challenges.fields.requirements')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="budget" label={t('challenges.fields.budget')} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: 220 }} {...moneyInputProps()} data-testid="challenge-budget" />
          </Form.Item>
          <Form.Item name="deadline" label={t('challenges.fields.deadline')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(day) => day.isBefore(dayjs(), 'day')} data-testid="challenge-deadline" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function Board() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const board = useQuery({ queryKey: ['challenge-board'], queryFn: fetchBoard });
  const [proposing, setProposing] = useState<BoardItem | null>(null);
  const proposes = can(user.roles, 'challenges.propose');
  return (
    <Card>
      <List
        loading={board.isFetching}
        dataSource={board.data ?? []}
        locale={{ emptyText: <Empty description={t('challenges.noBoard')} /> }}
        renderItem={(item) => (
          <List.Item
            key={item.id}
            actions={proposes && item.poster?.id !== user.organisationId ? [<Button key="propose" type="primary" onClick={() => setProposing(item)} data-testid="board-propose">{t('challenges.propose')}</Button>] : []}
          >
            <List.Item.Meta
              title={item.title}
              description={
                <Space orientation="vertical" size={4}>
                  <Typography.Text>{item.problem}</Typography.Text>
                  {item.requirements ? <Typography.Text type="secondary">{`${t('challenges.fields.requirements')}：${item.requirements}`}</Typography.Text> : null}
                  <Typography.Text type="secondary">
                    {`${item.poster?.name ?? t('challenges.zone')} · ${t('challenges.columns.budget')} ${formatMoney(item.budget)} · ${t('challenges.columns.deadline')} ${formatDate(item.deadline)}`}
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {proposing ? <ProposalDialog challenge={proposing} onClose={() => setProposing(null)} /> : null}
    </Card>
  );
}

type ProposalValues = { teamName: string; organisationName?: string; members: { name: string; role?: string }[]; plan: string; budget: number };

function ProposalDialog({ challenge, onClose }: { challenge: BoardItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [, setSearchParams] = useSearchParams();
  const [form] = Form.useForm<ProposalValues>();
  const save = useFormSave(form, ['teamName', 'organisationName', 'members', 'members.*.name', 'members.*.role', 'plan', 'budget']);
  const submit = useMutation({
    mutationFn: (values: ProposalValues) =>
      submitProposal(challenge.id, {
        teamName: values.teamName, organisationName: values.organisationName || undefined, members: values.members.map((member) => ({ name: member.name, role: member.role ?? '' })), plan: values.plan, budget: values.budget,
      }),
    onSuccess: () => {
      void message.success(t('challenges.proposed'));
      void queryClient.invalidateQueries({ queryKey: ['my-proposals'] });
      onClose();
      setSearchParams({ tab: 'mine' }, { replace: true });
    },
    onError: save.refused,
  });
  return (
    <Modal open title={t('challenges.proposeTitle', { title: challenge.title })} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={submit.isPending} width={640}>
      <Form form={form} name="proposal" layout="vertical" initialValues={{ members: [{ name: '', role: '' }] }} onFinish={(values) => { save.reset(); submit.mutate(values); }}>
        <FormErrorAlert save={save} testId="proposal-error" />
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('challenges.fields.problem')}>{challenge.problem}</Descriptions.Item>
        </Descriptions>
        <Form.Item name="teamName" label={t('challenges.proposal.teamName')} rules={[{ required: true }]}>
          <Input maxLength={80} data-testid="proposal-team" />
        </Form.Item>
        {user.roles.includes('enterprise') ? null : (
          <Form.Item name="organisationName" label={t('challenges.proposal.organisationName')}>
            <Input maxLength={120} />
          </Form.Item>
        )}
        <Form.Item label={t('challenges.proposal.members')} required>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('challenges.proposal.memberName') }]}>
                      <Input placeholder={t('challenges.proposal.memberName')} aria-label={`${t('challenges.proposal.memberName')} ${index + 1}`} maxLength={40} data-testid="proposal-member-name" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'role']}>
                      <Input placeholder={t('challenges.proposal.memberRole')} aria-label={`${t('challenges.proposal.memberRole')} ${index + 1}`} maxLength={40} />
                    </Form.Item>
                    {fields.length > 1 ? <MinusCircleOutlined aria-label={t('common.cancel')} onClick={() => remove(field.name)} /> : null}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', role: '' })}>
                  {t('challenges.proposal.addMember')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="plan" label={t('challenges.proposal.plan')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="proposal-plan" />
        </Form.Item>
        <Form.Item name="budget" label={t('challenges.proposal.budget')} rules={[{ required: true }]}>
          <InputNumber min={0} style={{ width: 220 }} {...moneyInputProps()} data-testid="proposal-budget" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MyProposals() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: ['my-proposals'], queryFn: fetchMyProposals });
  const columns: TableColumnsType<MyProposal> = [
    { key: 'challenge', title: t('challenges.columns.title'), render: (_, row) => row.challenge.title },
    { key: 'team', title: t('challenges.columns.team'), dataIndex: 'teamName' },
    { key: 'organisation', title: t('challenges.columns.organisation'), dataIndex: 'organisationName' },
    { key: 'budget', title: t('challenges.columns.budget'), render: (_, row) => formatMoney(row.budget), align: 'right' },
    { key: 'submittedAt', title: t('challenges.columns.submittedAt'), render: (_, row) => formatDateTime(row.submittedAt) },
    { key: 'status', title: t('challenges.columns.status'), render: (_, row) => <Tag color={proposalStatusColor[row.status]}>{t(`challenges.proposalStatus.${row.status}`)}</Tag> },
  ];
  return (
    <Card>
      <Table<MyProposal> rowKey="id" size="middle" loading={mine.isFetching} columns={columns} dataSource={mine.data ?? []} pagination={false} locale={{ emptyText: <Empty description={t('challenges.noProposals')} /> }} />
    </Card>
  );
}
