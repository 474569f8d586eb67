import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Spin, Steps, Table, Tag, Typography, type ButtonProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TitleLevel } from '../../../domain/dictionaries';
import { can } from '../../../domain/permissions';
import { scoreRange, titleRoundStatuses, type TitleDeclarationStatus } from '../../../domain/title-evaluations/titles';
import { currentLanguage } from '../../app/i18n';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate, formatDateTime } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { TalentSelect } from '../talents/TalentSelect';
import {
  advanceRound, checkDeclaration, declare, decideDeclaration, fetchDeclaration, fetchDeclarations, fetchRound, raiseObjection, resolveObjection, resubmit, scoreDeclaration,
  type Declaration, type DeclarationDetail, type TitleRoundDetail,
} from './title-evaluations.api';
import { FiguresCard, roundStatusColor } from './TitleRoundsPage';

const declarationColor: Record<TitleDeclarationStatus, string> = { submitted: 'blue', returned: 'orange', accepted: 'gold', passed: 'green', failed: 'default' };
const materialsOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean).map((name) => ({ name }));

/** A round: its stage, window, expert group and figures, and the declarations in the reader's scope. */
export function TitleRoundPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const manages = can(user.roles, 'titles.manage');
  const declares = can(user.roles, 'titles.declare');
  const round = useQuery({ queryKey: ['title-round', id], queryFn: () => fetchRound(id) });
  const list = useListPage();
  const query = { roundId: id, page: list.page, pageSize: list.pageSize };
  const declarations = useQuery({ queryKey: ['title-declarations', query], queryFn: () => fetchDeclarations(query), placeholderData: keepPreviousData });
  const [open, setOpen] = useState<string | null>(null);
  const [declaring, setDeclaring] = useState(false);
  const english = currentLanguage() === 'en-US';
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['title-round', id] });
    void queryClient.invalidateQueries({ queryKey: ['title-declarations'] });
    void queryClient.invalidateQueries({ queryKey: ['title-declaration'] });
  };
  const advance = useMutation({
    mutationFn: (detail: TitleRoundDetail) => advanceRound(detail.id, detail.version),
    onSuccess: (detail) => {
      void message.success(t('titles.advance.done', { status: t(`titles.roundStatus.${detail.status}`) }));
      refresh();
    },
    onError: (error) => void message.error(error.message),
  });
  if (round.isPending) return <Spin />;
  if (round.isError) return <Alert type="error" message={round.error.message} />;
  const detail = round.data;

  const columns: TableColumnsType<Declaration> = [
    { key: 'candidate', title: t('titles.columns.candidate'), render: (_, row) => <Link to={`/talents/${row.talentId}`}>{row.talentName}</Link> },
    { key: 'enterprise', title: t('titles.columns.enterprise'), dataIndex: 'organisationName' },
    { key: 'level', title: t('titles.columns.level'), render: (_, row) => t(`titles.level.${row.level}`) },
    { key: 'status', title: t('titles.columns.status'), render: (_, row) => <Tag color={declarationColor[row.status]}>{t(`titles.declarationStatus.${row.status}`)}</Tag> },
    { key: 'averageScore', title: t('titles.columns.averageScore'), align: 'right', render: (_, row) => (row.averageScore === null ? '—' : row.averageScore.toFixed(1)) },
    { key: 'submittedAt', title: t('titles.columns.submittedAt'), render: (_, row) => formatDate(row.submittedAt.slice(0, 10)), responsive: ['xxl'] },
    {
      key: 'actions', title: t('titles.columns.actions'),
      render: (_, row) => <Button size="small" onClick={() => setOpen(row.id)} aria-label={`${t('titles.detail')} ${row.talentName}`} data-testid="title-declaration-open">{t('titles.detail')}</Button>,
    },
  ];
  const nextAction = detail.status === 'completed' ? null : t(`titles.advance.${detail.status}`);

  return (
    <>
      <PageHeader
        title={detail.name}
        description={`${detail.year} · ${english ? detail.seriesNameEn : detail.seriesName}`}
        extra={
          <Space wrap>
            {declares && detail.status === 'declaring' ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)} data-testid="title-declare">{t('titles.declare')}</Button> : null}
            {manages && nextAction ? (
              <Button type="primary" loading={advance.isPending} onClick={() => void modal.confirm({ title: nextAction, content: t('titles.advance.confirm'), onOk: () => advance.mutateAsync(detail) })} data-testid="title-round-advance">
                {nextAction}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps size="small" current={titleRoundStatuses.indexOf(detail.status)} items={titleRoundStatuses.map((status) => ({ title: t(`titles.roundStatus.${status}`) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, lg: 2 }}>
          <Descriptions.Item label={t('titles.columns.status')}><Tag color={roundStatusColor[detail.status]} data-testid="title-round-status">{t(`titles.roundStatus.${detail.status}`)}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('titles.round.levels')}>{detail.levels.map((level) => t(`titles.level.${level}`)).join(t('common.listSeparator'))}</Descriptions.Item>
          <Descriptions.Item label={t('titles.round.window')}>{`${formatDate(detail.declareFrom)} – ${formatDate(detail.declareTo)}`}</Descriptions.Item>
          <Descriptions.Item label={t('titles.round.publicity')}>
            {detail.publicityUntil ? t('titles.round.publicityUntil', { date: formatDate(detail.publicityUntil.slice(0, 10)), days: detail.publicityDays }) : `${detail.publicityDays}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('titles.round.experts')} span={2}>
            {detail.experts.length ? detail.experts.map((expert) => (expert.organisationName ? `${expert.name}（${expert.organisationName}）` : expert.name)).join(t('common.listSeparator')) : t('titles.noExperts')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <FiguresCard figures={detail.figures} title={t('titles.figures.bySeries')} />
      <Card title={t('titles.declarations')}>
        <ListTable<Declaration> rowKey="id" list={list} query={declarations} columns={columns} />
      </Card>
      {open ? <DeclarationDrawer id={open} round={detail} onClose={() => setOpen(null)} onChanged={refresh} /> : null}
      {declaring ? <DeclareDialog round={detail} onClose={() => setDeclaring(false)} onDone={refresh} /> : null}
    </>
  );
}

function DeclareDialog({ round, onClose, onDone }: { round: TitleRoundDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ talentId: string; level: TitleLevel; materials: string }>();
  const save = useFormSave(form, ['talentId', 'level', 'materials']);
  const submit = useMutation({
    mutationFn: (values: { talentId: string; level: TitleLevel; materials: string }) => declare({ roundId: round.id, talentId: values.talentId, level: values.level, materials: materialsOf(values.materials) }),
    onSuccess: () => {
      void message.success(t('titles.declared'));
      onDone();
      onClose();
    },
    onError: save.refused,
  });
  const required = { required: true, message: t('titles.required') };
  return (
    <Modal open title={t('titles.declareTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('titles.declare')} cancelText={t('common.cancel')} confirmLoading={submit.isPending} okButtonProps={{ 'data-testid': 'title-declare-submit' } as ButtonProps}>
      <Form form={form} name="title-declare" layout="vertical" initialValues={{ level: round.levels[0] }} onFinish={(values) => { save.reset(); submit.mutate(values); }}>
        <FormErrorAlert save={save} testId="title-declare-error" />
        <Form.Item name="talentId" label={t('titles.talent')} rules={[required]}><TalentSelect placeholder={t('titles.talentPlaceholder')} testId="title-talent" /></Form.Item>
        <Form.Item name="level" label={t('titles.levelSought')} rules={[required]}>
          <Radio.Group options={round.levels.map((level) => ({ value: level, label: t(`titles.level.${level}`) }))} />
        </Form.Item>
        <Form.Item name="materials" label={t('titles.materials')} rules={[{ ...required, whitespace: true }]}>
          <Input.TextArea rows={4} placeholder={t('titles.materialsHint')} data-testid="title-materials" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One declaration: materials, the office's check, the experts' scores, the result, objections in 公示; each action where it is due. */
function DeclarationDrawer({ id, round, onClose, onChanged }: { id: string; round: TitleRoundDetail; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const declaration = useQuery({ queryKey: ['title-declaration', id], queryFn: () => fetchDeclaration(id) });
  const manages = can(user.roles, 'titles.manage');
  const scores = can(user.roles, 'titles.score');
  const declares = can(user.roles, 'titles.declare');
  const data = declaration.data;
  return (
    <Drawer open width={640} title={data ? `${t('titles.detail')} · ${data.talentName}` : t('titles.detail')} onClose={onClose} destroyOnHidden>
      {!data ? <Spin /> : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('titles.columns.candidate')}>{data.talentName}</Descriptions.Item>
            <Descriptions.Item label={t('titles.columns.enterprise')}>{data.organisationName}</Descriptions.Item>
            <Descriptions.Item label={t('titles.levelSought')}>{t(`titles.level.${data.level}`)}</Descriptions.Item>
            <Descriptions.Item label={t('titles.columns.status')}><Tag color={declarationColor[data.status]} data-testid="title-declaration-status">{t(`titles.declarationStatus.${data.status}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('titles.materialsList')}>{data.materials.map((file) => <div key={file.name} data-verbatim>{file.name}</div>)}</Descriptions.Item>
            {data.checkComment ? <Descriptions.Item label={t('titles.check.comment')}>{data.checkComment}</Descriptions.Item> : null}
            {data.averageScore !== null ? <Descriptions.Item label={t('titles.columns.averageScore')}>{data.averageScore.toFixed(1)}</Descriptions.Item> : null}
            {data.resultComment ? <Descriptions.Item label={t('titles.result.comment')}>{data.resultComment}</Descriptions.Item> : null}
          </Descriptions>
          {data.recordedAt ? <Alert type="success" showIcon message={t('titles.recordedAt', { date: formatDateTime(data.recordedAt) })} /> : null}
          {manages && data.status === 'submitted' && round.status === 'declaring' ? <CheckForm declaration={data} onChanged={onChanged} /> : null}
          {declares && data.status === 'returned' && round.status === 'declaring' ? <ResubmitForm declaration={data} round={round} onChanged={onChanged} /> : null}
          {data.experts.length || data.scores.length ? <ScoresPanel declaration={data} canScore={scores && round.status === 'reviewing' && data.status === 'accepted'} manages={manages} onChanged={onChanged} /> : null}
          {manages && round.status === 'reviewing' && ['accepted', 'passed', 'failed'].includes(data.status) ? <ResultForm declaration={data} onChanged={onChanged} /> : null}
          {round.status === 'publicizing' || round.status === 'completed' || data.objections.length ? (
            <ObjectionsPanel declaration={data} canRecord={manages && round.status === 'publicizing'} onChanged={onChanged} />
          ) : null}
        </Space>
      )}
    </Drawer>
  );
}

function CheckForm({ declaration, onChanged }: { declaration: DeclarationDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: 'accept' | 'return'; comment?: string }>();
  const save = useFormSave(form, ['outcome', 'comment']);
  const check = useMutation({
    mutationFn: (values: { outcome: 'accept' | 'return'; comment?: string }) => checkDeclaration(declaration.id, { ...values, comment: values.comment?.trim() || undefined, version: declaration.version }),
    onSuccess: () => { void message.success(t('titles.check.done')); onChanged(); },
    onError: save.refused,
  });
  return (
    <Card size="small" title={t('titles.check.title')}>
      <Form form={form} name="title-check" layout="vertical" initialValues={{ outcome: 'accept' }} onFinish={(values) => { save.reset(); check.mutate(values); }}>
        <FormErrorAlert save={save} testId="title-check-error" />
        <Form.Item name="outcome" label={t('titles.check.title')}>
          <Radio.Group options={[{ value: 'accept', label: t('titles.check.accept') }, { value: 'return', label: t('titles.check.return') }]} />
        </Form.Item>
        <Form.Item name="comment" label={t('titles.check.comment')}><Input maxLength={500} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={check.isPending} data-testid="title-check-submit">{t('titles.check.title')}</Button>
      </Form>
    </Card>
  );
}

function ResubmitForm({ declaration, round, onChanged }: { declaration: DeclarationDetail; round: TitleRoundDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ level: TitleLevel; materials: string }>();
  const save = useFormSave(form, ['level', 'materials']);
  const send = useMutation({
    mutationFn: (values: { level: TitleLevel; materials: string }) => resubmit(declaration.id, { level: values.level, materials: materialsOf(values.materials), version: declaration.version }),
    onSuccess: () => { void message.success(t('titles.resubmit.done')); onChanged(); },
    onError: save.refused,
  });
  return (
    <Card size="small" title={t('titles.resubmit.title')}>
      <Form form={form} name="title-resubmit" layout="vertical" initialValues={{ level: declaration.level, materials: declaration.materials.map((file) => file.name).join('\n') }} onFinish={(values) => { save.reset(); send.mutate(values); }}>
        <FormErrorAlert save={save} testId="title-resubmit-error" />
        <Form.Item name="level" label={t('titles.levelSought')}><Radio.Group options={round.levels.map((level) => ({ value: level, label: t(`titles.level.${level}`) }))} /></Form.Item>
        <Form.Item name="materials" label={t('titles.materials')} rules={[{ required: true, whitespace: true, message: t('titles.required') }]}><Input.TextArea rows={4} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending}>{t('titles.resubmit.submit')}</Button>
      </Form>
    </Card>
  );
}

function ScoresPanel({ declaration, canScore, manages, onChanged }: { declaration: DeclarationDetail; canScore: boolean; manages: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ expertId?: string; score: number; opinion: string }>();
  const save = useFormSave(form, ['expertId', 'score', 'opinion']);
  const own = declaration.experts.find((expert) => expert.mine);
  const selectable = declaration.experts.filter((expert) => !expert.conflict && (manages || expert.mine));
  const score = useMutation({
    mutationFn: (values: { expertId?: string; score: number; opinion: string }) => scoreDeclaration(declaration.id, { expertId: values.expertId, score: values.score, opinion: values.opinion.trim() }),
    onSuccess: () => { void message.success(t('titles.scores.done')); form.resetFields(); onChanged(); },
    onError: save.refused,
  });
  const rows = declaration.experts.map((expert) => ({ ...expert, entry: declaration.scores.find((row) => row.expertId === expert.id) }));
  return (
    <Card size="small" title={t('titles.scores.title')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { key: 'expert', title: t('titles.scores.expert'), dataIndex: 'name' },
          { key: 'score', title: t('titles.scores.score'), align: 'right', render: (_, row) => (row.conflict ? <Tag>{t('titles.scores.conflict')}</Tag> : row.entry ? row.entry.score : <Typography.Text type="secondary">{t('titles.scores.pending')}</Typography.Text>) },
          { key: 'opinion', title: t('titles.scores.opinion'), render: (_, row) => row.entry?.opinion ?? '' },
        ]}
      />
      {canScore && selectable.length ? (
        <Form form={form} name="title-score" layout="vertical" style={{ marginTop: 12 }} initialValues={{ expertId: own?.id ?? selectable[0]?.id }} onFinish={(values) => { save.reset(); score.mutate(values); }}>
          <FormErrorAlert save={save} testId="title-score-error" />
          <Space align="start" wrap>
            <Form.Item name="expertId" label={t('titles.scores.expert')} rules={[{ required: true, message: t('titles.required') }]}>
              <Select style={{ width: 160 }} options={selectable.map((expert) => ({ value: expert.id, label: expert.name }))} data-testid="title-score-expert" />
            </Form.Item>
            <Form.Item name="score" label={t('titles.scores.score')} rules={[{ required: true, message: t('titles.required') }]}>
              <InputNumber min={scoreRange.min} max={scoreRange.max} data-testid="title-score-value" />
            </Form.Item>
          </Space>
          <Form.Item name="opinion" label={t('titles.scores.opinion')} rules={[{ required: true, whitespace: true, message: t('titles.required') }]}>
            <Input maxLength={1000} data-testid="title-score-opinion" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={score.isPending} data-testid="title-score-submit">{t('titles.scores.submit')}</Button>
        </Form>
      ) : null}
    </Card>
  );
}

function ResultForm({ declaration, onChanged }: { declaration: DeclarationDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ result: 'pass' | 'fail'; comment?: string }>();
  const save = useFormSave(form, ['result', 'comment']);
  const decide = useMutation({
    mutationFn: (values: { result: 'pass' | 'fail'; comment?: string }) => decideDeclaration(declaration.id, { ...values, comment: values.comment?.trim() || undefined, version: declaration.version }),
    onSuccess: () => { void message.success(t('titles.result.done')); onChanged(); },
    onError: save.refused,
  });
  return (
    <Card size="small" title={t('titles.result.title')}>
      <Form form={form} name="title-result" layout="vertical" initialValues={{ result: declaration.status === 'failed' ? 'fail' : 'pass' }} onFinish={(values) => { save.reset(); decide.mutate(values); }}>
        <FormErrorAlert save={save} testId="title-result-error" />
        <Form.Item name="result" label={t('titles.result.title')}>
          <Radio.Group options={[{ value: 'pass', label: t('titles.result.pass') }, { value: 'fail', label: t('titles.result.fail') }]} />
        </Form.Item>
        <Form.Item name="comment" label={t('titles.result.comment')}><Input maxLength={500} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="title-result-submit">{t('titles.result.title')}</Button>
      </Form>
    </Card>
  );
}

function ObjectionsPanel({ declaration, canRecord, onChanged }: { declaration: DeclarationDetail; canRecord: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ objector: string; content: string }>();
  const save = useFormSave(form, ['objector', 'content']);
  const [resolving, setResolving] = useState<{ id: string; outcome: 'upheld' | 'dismissed' } | null>(null);
  const record = useMutation({
    mutationFn: (values: { objector: string; content: string }) => raiseObjection(declaration.id, { objector: values.objector.trim(), content: values.content.trim() }),
    onSuccess: () => { void message.success(t('titles.objections.done')); form.resetFields(); onChanged(); },
    onError: save.refused,
  });
  return (
    <Card size="small" title={t('titles.objections.title')}>
      <List
        size="small"
        dataSource={declaration.objections}
        locale={{ emptyText: t('titles.objections.none') }}
        renderItem={(objection) => (
          <List.Item
            actions={canRecord && objection.status === 'open' ? [
              <Button key="dismiss" size="small" onClick={() => setResolving({ id: objection.id, outcome: 'dismissed' })}>{t('titles.objections.dismiss')}</Button>,
              <Button key="uphold" size="small" danger onClick={() => setResolving({ id: objection.id, outcome: 'upheld' })}>{t('titles.objections.uphold')}</Button>,
            ] : []}
          >
            <List.Item.Meta
              title={<Space>{objection.objector ? <span>{objection.objector}</span> : null}<Tag>{t(`titles.objectionStatus.${objection.status}`)}</Tag></Space>}
              description={<>{objection.content}{objection.resolution ? <div>{`${t('titles.objections.resolution')}：${objection.resolution}`}</div> : null}</>}
            />
          </List.Item>
        )}
      />
      {canRecord && declaration.status === 'passed' ? (
        <Form form={form} name="title-objection" layout="vertical" style={{ marginTop: 12 }} onFinish={(values) => { save.reset(); record.mutate(values); }}>
          <FormErrorAlert save={save} testId="title-objection-error" />
          <Form.Item name="objector" label={t('titles.objections.objector')} rules={[{ required: true, whitespace: true, message: t('titles.required') }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="content" label={t('titles.objections.content')} rules={[{ required: true, whitespace: true, message: t('titles.required') }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <Button htmlType="submit" loading={record.isPending}>{t('titles.objections.add')}</Button>
        </Form>
      ) : null}
      {resolving ? <ResolveDialog {...resolving} onClose={() => setResolving(null)} onDone={onChanged} /> : null}
    </Card>
  );
}

function ResolveDialog({ id, outcome, onClose, onDone }: { id: string; outcome: 'upheld' | 'dismissed'; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ resolution: string }>();
  const save = useFormSave(form, ['resolution']);
  const resolve = useMutation({
    mutationFn: (values: { resolution: string }) => resolveObjection(id, { outcome, resolution: values.resolution.trim() }),
    onSuccess: () => { onDone(); onClose(); },
    onError: save.refused,
  });
  const label = outcome === 'upheld' ? t('titles.objections.uphold') : t('titles.objections.dismiss');
  return (
    <Modal open title={label} onCancel={onClose} onOk={() => form.submit()} okText={label} cancelText={t('common.cancel')} confirmLoading={resolve.isPending}>
      <Form form={form} name="title-resolution" layout="vertical" onFinish={(values) => { save.reset(); resolve.mutate(values); }}>
        <FormErrorAlert save={save} testId="title-resolution-error" />
        <Form.Item name="resolution" label={t('titles.objections.resolution')} rules={[{ required: true, whitespace: true, message: t('titles.required') }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}
