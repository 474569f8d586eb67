import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, App, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, List, Modal, Popover, Select, Space, Spin, Steps, Table, Tag, Typography, type ButtonProps, type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '../../../domain/permissions';
import { selectionStatuses, type NominationStatus } from '../../../domain/selections';
import { currentLanguage } from '../../app/i18n';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useFormSave } from '../../ui/use-form-save';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchTalents } from '../talents/talents.api';
import {
  advanceSelection, checkEligibility, fetchNomination, fetchSelection, nominate, raiseObjection, resolveObjection, scoreNomination,
  type Eligibility, type SelectionDetail, type SelectionNomination,
} from './selections.api';
import { selectionStatusColor } from './SelectionsPage';

const nominationColor: Record<NominationStatus, string> = { nominated: 'blue', eligible: 'cyan', ineligible: 'default', selected: 'green', notSelected: 'default' };

/** The conditions of the policy's rule as the check found them, each met or not. */
function EligibilityReasons({ eligibility }: { eligibility: Eligibility }) {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en-US';
  if (!eligibility) return <Typography.Text type="secondary">{t('selections.detail.notChecked')}</Typography.Text>;
  return (
    <List
      size="small"
      header={t('selections.detail.asOf', { date: formatDate(eligibility.asOf) })}
      dataSource={eligibility.reasons}
      renderItem={(reason) => (
        <List.Item>
          <Space>
            <Tag color={reason.met ? 'green' : 'red'}>{reason.met ? t('selections.detail.met') : t('selections.detail.unmet')}</Tag>
            <span>{english ? reason.en : reason.zh}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** A selection: its stage, policy, panel and the nominations the reader may see, ranked; each action where it is due. */
export function SelectionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const selection = useQuery({ queryKey: ['selection', id], queryFn: () => fetchSelection(id) });
  const [nominating, setNominating] = useState(false);
  const [scoring, setScoring] = useState<SelectionNomination | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const english = currentLanguage() === 'en-US';
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['selection', id] });
    void queryClient.invalidateQueries({ queryKey: ['selections'] });
    void queryClient.invalidateQueries({ queryKey: ['selection-nomination'] });
  };
  const advance = useMutation({
    mutationFn: (detail: SelectionDetail) => advanceSelection(detail.id, detail.version),
    onSuccess: (detail) => { void message.success(t('selections.actions.done', { status: t(`selections.status.${detail.status}`) })); refresh(); },
    onError: (error) => void message.error(error.message),
  });
  const check = useMutation({
    mutationFn: (detail: SelectionDetail) => checkEligibility(detail.id, detail.version),
    onSuccess: () => { void message.success(t('selections.actions.checked')); refresh(); },
    onError: (error) => void message.error(error.message),
  });
  if (selection.isPending) return <Spin />;
  if (selection.isError) return <Alert type="error" message={selection.error.message} />;
  const detail = selection.data;
  const manages = detail.permissions.manage;
  const nextAction = detail.status === 'completed' ? null : t(`selections.actions.${detail.status}`);

  const columns: TableColumnsType<SelectionNomination> = [
    { key: 'rank', title: t('selections.detail.rank'), align: 'right', render: (_, row) => row.rank ?? '—', width: 72 },
    {
      key: 'candidate', title: t('selections.detail.candidate'),
      render: (_, row) => (can(user.roles, 'talents.read') ? <Link to={`/talents/${row.talent.id}`}>{row.talent.name}</Link> : row.talent.name),
    },
    { key: 'employer', title: t('selections.detail.employer'), render: (_, row) => row.talent.employerName ?? '—', responsive: ['xl'] },
    { key: 'nominator', title: t('selections.detail.nominator'), render: (_, row) => (english ? row.nominator.nameEn : row.nominator.name) ?? t(`selections.nominator.${row.nominator.kind}`), responsive: ['xxl'] },
    {
      key: 'status', title: t('selections.detail.eligibility'),
      render: (_, row) => (
        <Popover title={t('selections.detail.reasons')} content={<div style={{ maxWidth: 480 }}><EligibilityReasons eligibility={row.eligibility} /></div>}>
          <Tag color={nominationColor[row.status]} data-testid="nomination-status">{t(`selections.nominationStatus.${row.status}`)}</Tag>
        </Popover>
      ),
    },
    { key: 'average', title: t('selections.detail.average'), align: 'right', render: (_, row) => (row.averageScore === null ? '—' : `${row.averageScore.toFixed(1)}（${row.scoreCount}）`) },
    {
      key: 'actions', title: t('selections.detail.actions'),
      render: (_, row) => (
        <Space wrap>
          <Button size="small" onClick={() => setOpen(row.id)} aria-label={`${t('selections.actions.detail')} ${row.talent.name}`} data-testid="nomination-open">{t('selections.actions.detail')}</Button>
          {(detail.permissions.score || (manages && detail.status === 'reviewing')) && row.status === 'eligible' ? (
            row.abstain ? <Tag>{t('selections.actions.abstain')}</Tag> : (
              <Button size="small" type="primary" onClick={() => setScoring(row)} aria-label={`${t('selections.actions.score')} ${row.talent.name}`} data-testid="nomination-score">
                {row.myScore === null ? t('selections.actions.score') : t('selections.actions.myScore', { score: row.myScore })}
              </Button>
            )
          ) : null}
          {row.recordedAt ? <Tag color="green">{t('selections.detail.recorded')}</Tag> : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={english ? detail.titleEn : detail.title}
        description={`${detail.year} · ${english ? detail.kindNameEn : detail.kindName}`}
        extra={
          <Space wrap>
            {detail.canNominate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)} data-testid="selection-nominate">{t('selections.actions.nominate')}</Button> : null}
            {manages && detail.status === 'nominating' ? (
              <Button loading={check.isPending} onClick={() => check.mutate(detail)} data-testid="selection-check">{t('selections.actions.check')}</Button>
            ) : null}
            {manages && nextAction ? (
              <Button type="primary" loading={advance.isPending} onClick={() => void modal.confirm({ title: nextAction, content: t('selections.actions.confirm'), onOk: () => advance.mutateAsync(detail) })} data-testid="selection-advance">
                {nextAction}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps size="small" current={selectionStatuses.indexOf(detail.status)} items={selectionStatuses.map((status) => ({ title: t(`selections.status.${status}`) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, lg: 2 }}>
          <Descriptions.Item label={t('selections.columns.status')}><Tag color={selectionStatusColor[detail.status]} data-testid="selection-status">{t(`selections.status.${detail.status}`)}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('selections.detail.honour')}>{english ? detail.honourEn : detail.honour}</Descriptions.Item>
          <Descriptions.Item label={t('selections.detail.policy')}>{detail.policy.title}</Descriptions.Item>
          <Descriptions.Item label={t('selections.detail.quota')}>{detail.quota}</Descriptions.Item>
          <Descriptions.Item label={t('selections.detail.window')}>{`${formatDate(detail.nominateFrom)} – ${formatDate(detail.nominateTo)}`}</Descriptions.Item>
          <Descriptions.Item label={t('selections.detail.publicity')}>
            {detail.publicityUntil ? t('selections.detail.publicityUntil', { date: formatDate(detail.publicityUntil.slice(0, 10)), days: detail.publicityDays }) : `${detail.publicityDays}`}
          </Descriptions.Item>
          {detail.experts.length || manages ? (
            <Descriptions.Item label={t('selections.detail.experts')} span={2}>
              {detail.experts.length ? detail.experts.map((expert) => (expert.organisationName ? `${expert.name}（${expert.organisationName}）` : expert.name)).join(t('common.listSeparator')) : t('selections.detail.noExperts')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('selections.detail.nominations')}>
        <Table<SelectionNomination>
          rowKey="id" size="middle" columns={columns} dataSource={detail.nominations} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('selections.detail.none') }} aria-label={t('selections.detail.nominations')}
        />
      </Card>
      {nominating ? <NominateDialog selection={detail} onClose={() => setNominating(false)} onDone={refresh} /> : null}
      {scoring ? <ScoreDialog selection={detail} nomination={scoring} onClose={() => setScoring(null)} onDone={refresh} /> : null}
      {open ? <NominationDrawer id={open} selection={detail} onClose={() => setOpen(null)} onChanged={refresh} /> : null}
    </>
  );
}

/** Talents found by name as one types (the registry's scope: an enterprise its own staff). */
function TalentSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const talents = useQuery({ queryKey: ['talents', 'selection-candidates', q], queryFn: () => fetchTalents({ q: q || undefined, status: 'inZone', page: 1, pageSize: 20 }), enabled: q.length > 0 });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      placeholder={t('selections.nominate.talentPlaceholder')}
      notFoundContent={talents.isFetching ? <Spin size="small" /> : null}
      options={(talents.data?.items ?? []).map((talent) => ({ value: talent.id, label: talent.name }))}
      data-testid="selection-talent"
    />
  );
}

function NominateDialog({ selection, onClose, onDone }: { selection: SelectionDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ talentId: string; reason: string }>();
  const save = useFormSave(form, ['talentId', 'reason']);
  const submit = useMutation({
    mutationFn: (values: { talentId: string; reason: string }) => nominate(selection.id, { talentId: values.talentId, reason: values.reason.trim() }),
    onSuccess: () => { void message.success(t('selections.nominate.done')); onDone(); onClose(); },
    onError: save.refused,
  });
  return (
    <Modal open title={t('selections.nominate.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('selections.actions.nominate')} cancelText={t('common.cancel')} confirmLoading={submit.isPending} okButtonProps={{ 'data-testid': 'selection-nominate-submit' } as ButtonProps}>
      <Form form={form} name="selection-nominate" layout="vertical" onFinish={(values) => { save.reset(); submit.mutate(values); }}>
        <FormErrorAlert save={save} testId="selection-nominate-error" />
        <Form.Item name="talentId" label={t('selections.nominate.talent')} rules={[{ required: true, message: t('selections.form.required') }]}><TalentSelect /></Form.Item>
        <Form.Item name="reason" label={t('selections.nominate.reason')} rules={[{ required: true, whitespace: true, message: t('selections.form.required') }]}>
          <Input.TextArea rows={4} maxLength={1000} data-testid="selection-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An expert's score of one nominee: the expert who is a user scores as themself; the office picks a named expert. */
function ScoreDialog({ selection, nomination, onClose, onDone }: { selection: SelectionDetail; nomination: SelectionNomination; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ expertId?: string; score: number; opinion: string }>();
  const save = useFormSave(form, ['expertId', 'score', 'opinion']);
  const mine = selection.experts.find((expert) => expert.mine);
  // the office records a named expert's score (评审 on paper); an expert who abstains (回避) is not offered
  const recordable = mine ? [] : selection.experts.filter((expert) => !nomination.abstaining.includes(expert.id) && !expert.userId);
  const submit = useMutation({
    mutationFn: (values: { expertId?: string; score: number; opinion: string }) => scoreNomination(nomination.id, { expertId: mine?.id ?? values.expertId, score: values.score, opinion: values.opinion.trim() }),
    onSuccess: () => { void message.success(t('selections.score.done')); onDone(); onClose(); },
    onError: save.refused,
  });
  return (
    <Modal open title={t('selections.score.title', { name: nomination.talent.name })} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={submit.isPending} okButtonProps={{ 'data-testid': 'selection-score-submit' } as ButtonProps}>
      <Form form={form} name="selection-score" layout="vertical" initialValues={{ score: nomination.myScore ?? undefined }} onFinish={(values) => { save.reset(); submit.mutate(values); }}>
        <FormErrorAlert save={save} testId="selection-score-error" />
        {mine ? null : (
          <Form.Item name="expertId" label={t('selections.score.expert')} rules={[{ required: true, message: t('selections.form.required') }]}>
            <Select options={recordable.map((expert) => ({ value: expert.id, label: expert.name }))} data-testid="selection-score-expert" />
          </Form.Item>
        )}
        <Form.Item name="score" label={t('selections.score.score')} rules={[{ required: true, message: t('selections.form.required') }]}><InputNumber min={0} max={100} precision={0} data-testid="selection-score-value" /></Form.Item>
        <Form.Item name="opinion" label={t('selections.score.opinion')} rules={[{ required: true, whitespace: true, message: t('selections.form.required') }]}><Input.TextArea rows={3} maxLength={1000} data-testid="selection-score-opinion" /></Form.Item>
      </Form>
    </Modal>
  );
}

/** One nomination: the reason, eligibility with its conditions, the scores (staff), objections in 公示 (the office records and resolves them). */
function NominationDrawer({ id, selection, onClose, onChanged }: { id: string; selection: SelectionDetail; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const nomination = useQuery({ queryKey: ['selection-nomination', id], queryFn: () => fetchNomination(id) });
  const [form] = Form.useForm<{ objector: string; content: string }>();
  const save = useFormSave(form, ['objector', 'content']);
  const changed = () => { void queryClient.invalidateQueries({ queryKey: ['selection-nomination', id] }); onChanged(); };
  const object = useMutation({
    mutationFn: (values: { objector: string; content: string }) => raiseObjection(id, { objector: values.objector.trim(), content: values.content.trim() }),
    onSuccess: () => { void message.success(t('selections.objections.done')); form.resetFields(); changed(); },
    onError: save.refused,
  });
  const resolve = useMutation({
    mutationFn: (input: { objectionId: string; outcome: 'upheld' | 'dismissed' }) => resolveObjection(input.objectionId, { outcome: input.outcome, resolution: t(`selections.objections.status.${input.outcome}`) }),
    onSuccess: () => changed(),
    onError: (error) => void message.error(error.message),
  });
  const data = nomination.data;
  const manages = selection.permissions.manage;
  return (
    <Drawer open width={640} title={data?.talent.name ?? ''} onClose={onClose}>
      {nomination.isPending ? <Spin /> : nomination.isError ? <Alert type="error" message={nomination.error.message} /> : data ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('selections.detail.eligibility')}><Tag color={nominationColor[data.status]}>{t(`selections.nominationStatus.${data.status}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('selections.nominate.reason')}>{data.reason}</Descriptions.Item>
            <Descriptions.Item label={t('selections.detail.average')}>{data.averageScore === null ? '—' : data.averageScore.toFixed(1)}</Descriptions.Item>
            {data.recordedAt ? <Descriptions.Item label={t('selections.detail.recorded')}>{formatDateTime(data.recordedAt)}</Descriptions.Item> : null}
          </Descriptions>
          <Card size="small" title={t('selections.detail.reasons')}><EligibilityReasons eligibility={data.eligibility} /></Card>
          {data.scores.length ? (
            <Card size="small" title={t('selections.scores.title')}>
              <Table
                size="small" pagination={false} rowKey="expertId" dataSource={data.scores} aria-label={t('selections.scores.title')}
                columns={[
                  { key: 'expert', title: t('selections.scores.expert'), dataIndex: 'expertName' },
                  { key: 'score', title: t('selections.scores.score'), dataIndex: 'score', align: 'right' },
                  { key: 'opinion', title: t('selections.scores.opinion'), dataIndex: 'opinion' },
                ]}
              />
            </Card>
          ) : null}
          {data.objections.length || (manages && selection.status === 'publicizing' && data.status === 'selected') ? (
            <Card size="small" title={t('selections.objections.title')}>
              <List
                size="small"
                dataSource={data.objections}
                locale={{ emptyText: t('selections.objections.none') }}
                renderItem={(objection) => (
                  <List.Item
                    actions={manages && objection.status === 'open' && selection.status === 'publicizing' ? [
                      <Button key="uphold" size="small" danger onClick={() => resolve.mutate({ objectionId: objection.id, outcome: 'upheld' })}>{t('selections.objections.uphold')}</Button>,
                      <Button key="dismiss" size="small" onClick={() => resolve.mutate({ objectionId: objection.id, outcome: 'dismissed' })}>{t('selections.objections.dismiss')}</Button>,
                    ] : []}
                  >
                    <List.Item.Meta title={<Space>{objection.objector ? <span>{objection.objector}</span> : null}<Tag>{t(`selections.objections.status.${objection.status}`)}</Tag></Space>} description={objection.content} />
                  </List.Item>
                )}
              />
              {manages && selection.status === 'publicizing' && data.status === 'selected' ? (
                <Form form={form} name="selection-objection" layout="vertical" style={{ marginTop: 12 }} onFinish={(values) => { save.reset(); object.mutate(values); }}>
                  <FormErrorAlert save={save} testId="selection-objection-error" />
                  <Form.Item name="objector" label={t('selections.objections.objector')} rules={[{ required: true, whitespace: true, message: t('selections.form.required') }]}><Input maxLength={60} /></Form.Item>
                  <Form.Item name="content" label={t('selections.objections.content')} rules={[{ required: true, whitespace: true, message: t('selections.form.required') }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
                  <Button htmlType="submit" loading={object.isPending}>{t('selections.objections.add')}</Button>
                </Form>
              ) : null}
            </Card>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
