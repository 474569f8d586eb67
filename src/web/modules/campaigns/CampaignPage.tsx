import { DownloadOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, App, Button, Card, Col, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Progress, Radio, Row, Select, Space, Statistic, Steps, Table, Tag, Typography, Upload,
  type ButtonProps, type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { applicantStates, campaignPostInput, scoredStages, type ApplicantState, type CampaignStage } from '../../../domain/demands';
import { degrees, educationLevels, type Degree, type EducationLevel } from '../../../domain/dictionaries';
import { can } from '../../../domain/permissions';
import { idNumberField, phoneField } from '../../../domain/talent';
import { isApiError } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FilterField } from '../../ui/FilterField';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { moneyInputProps } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { safeParseLikeServer, zodRule } from '../../ui/zod-form';
import { useCurrentUser } from '../auth/RequireSession';
import { CandidateList } from '../demands/CandidateList';
import { fetchDemands, fetchDictionaries, fetchPostCandidates } from '../demands/demands.api';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { ProblemTable } from '../imports/ImportPage';
import type { ImportProblem } from '../imports/imports.api';
import {
  addApplicant, addPost, downloadApplicants, downloadScoreTemplate, fetchApplicants, fetchCampaign, hireApplicant, recordResult, uploadScores, withdrawApplicant, type Applicant, type CampaignDetail, type CampaignPost, type HireResult,
  type ScoreUpload,
} from './campaigns.api';
import { ApplicantSheetDialog } from './ApplicantSheetDialog';
import { campaignTypeColours } from './CampaignsPage';

const stateColours: Record<ApplicantState, string> = { inProgress: 'blue', failed: 'red', withdrawn: 'default', hired: 'green' };

/**
 * One campaign: plan against hires by discipline, the applicants at each stage, the posts (tied to demands or not),
 * and the applicants: registering one, a stage's result with its score, the score sheet by Excel (template, check,
 * write), and the hire into the registry (a new talent, or the one with the same ID number updated — the page says which).
 */
export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const manages = can(user.roles, 'campaigns.manage');
  const detail = useQuery({ queryKey: ['campaign', id], queryFn: () => fetchCampaign(id) });
  const [addingPost, setAddingPost] = useState(false);
  const [scoring, setScoring] = useState(false);
  const [suggesting, setSuggesting] = useState<CampaignPost | null>(null);
  const matches = can(user.roles, 'demands.match');
  if (detail.isError) return <ErrorAlert message={detail.error.message} retryLabel={t('common.retry')} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <CenteredSpin />;
  const data = detail.data;
  const named = (value: { name: string; nameEn: string }) => (english ? value.nameEn : value.name);

  const planColumns: TableColumnsType<CampaignDetail['plan'][number]> = [
    { key: 'discipline', title: t('campaigns.fields.discipline'), render: (_, row) => named(row.discipline) },
    { key: 'planned', title: t('campaigns.fields.planned'), dataIndex: 'planned', align: 'right' },
    { key: 'hired', title: t('campaigns.fields.hired'), dataIndex: 'hired', align: 'right' },
    { key: 'rate', title: t('campaigns.columns.rate'), render: (_, row) => <Progress percent={row.planned ? Math.round((row.hired / row.planned) * 100) : 100} size="small" style={{ width: 140 }} aria-label={t('campaigns.columns.rate')} /> },
  ];
  const postColumns: TableColumnsType<CampaignPost> = [
    { key: 'title', title: t('campaigns.posts.title'), dataIndex: 'title' },
    { key: 'discipline', title: t('campaigns.fields.discipline'), render: (_, row) => named(row.discipline) },
    { key: 'enterprise', title: t('campaigns.posts.enterprise'), render: (_, row) => row.enterprise?.name ?? t('common.none') },
    { key: 'demand', title: t('campaigns.posts.demand'), render: (_, row) => (row.demand ? <Link to={`/demands?demand=${row.demand.id}`}>{`${row.demand.post}（${t(`demands.statuses.${row.demand.status}`)}）`}</Link> : t('common.none')) },
    { key: 'headcount', title: t('campaigns.posts.headcount'), render: (_, row) => `${row.hired} / ${row.headcount}`, align: 'right' },
    { key: 'applicants', title: t('campaigns.columns.applicants'), dataIndex: 'applicants', align: 'right' },
    ...(matches ? [{ key: 'candidates', title: t('demands.detail.candidates'), render: (_: unknown, row: CampaignPost) => <Button size="small" onClick={() => setSuggesting(row)} data-testid="post-candidates">{t('campaigns.posts.suggest')}</Button> }] : []),
  ];
  return (
    <>
      <PageHeader
        title={data.name}
        description={<Space wrap><Tag color={campaignTypeColours[data.type]}>{t(`campaigns.types.${data.type}`)}</Tag>{t('campaigns.detail.summary', { year: data.year, applicants: data.applicants, hired: data.hired, planned: data.planned })}</Space>}
        extra={<Link to="/campaigns">{t('campaigns.detail.back')}</Link>}
      />
      <Card title={t('campaigns.detail.stages')} size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          responsive
          items={data.stageCounts.map((entry) => ({
            title: t(`campaigns.stages.${entry.stage}`),
            description: t('campaigns.detail.stageCount', { inProgress: entry.inProgress, failed: entry.failed }),
            status: 'process' as const,
          }))}
          data-testid="campaign-stage-counts"
        />
      </Card>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xxl={10}>
          <Card title={t('campaigns.detail.plan')} size="small" style={{ height: '100%' }}>
            <Table rowKey={(row) => row.discipline.code} size="small" columns={planColumns} dataSource={data.plan} pagination={false} data-testid="campaign-plan" />
          </Card>
        </Col>
        <Col xs={24} xxl={14}>
          <Card
            title={t('campaigns.detail.posts')}
            size="small"
            style={{ height: '100%' }}
            extra={manages ? <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingPost(true)} data-testid="campaign-add-post">{t('campaigns.posts.add')}</Button> : null}
          >
            <Table rowKey="id" size="small" columns={postColumns} dataSource={data.posts} pagination={false} scroll={{ x: 'max-content' }} data-testid="campaign-posts" />
          </Card>
        </Col>
      </Row>
      <Applicants campaign={data} manages={manages} onScores={() => setScoring(true)} />
      {addingPost ? <PostDialog campaign={data} onClose={() => setAddingPost(false)} /> : null}
      {scoring ? <ScoreDialog campaign={data} onClose={() => setScoring(false)} /> : null}
      <PostCandidatesDrawer campaignId={data.id} post={suggesting} onClose={() => setSuggesting(null)} />
    </>
  );
}

/** 推荐人选 of a post (office, leaders): talents ranked against its demand, or its title and discipline. */
function PostCandidatesDrawer({ campaignId, post, onClose }: { campaignId: string; post: CampaignPost | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const candidates = useQuery({ queryKey: ['post-candidates', campaignId, post?.id, i18n.language], queryFn: () => fetchPostCandidates(campaignId, post!.id), enabled: Boolean(post) });
  return (
    <Drawer open={Boolean(post)} onClose={onClose} size={640} title={post ? t('campaigns.posts.suggestTitle', { title: post.title }) : ''} data-testid="post-candidates-drawer">
      {post ? <CandidateList data={candidates.data} loading={candidates.isLoading} error={candidates.error} linkTalents /> : null}
    </Drawer>
  );
}

function Applicants({ campaign, manages, onScores }: { campaign: CampaignDetail; manages: boolean; onScores: () => void }) {
  const { t } = useTranslation();
  const list = useListPage();
  const state = list.oneOf<ApplicantState>('state', applicantStates);
  const postId = list.param('post');
  const query = { state, postId, page: list.page, pageSize: list.pageSize };
  const applicants = useQuery({ queryKey: ['campaign-applicants', campaign.id, query], queryFn: () => fetchApplicants(campaign.id, query), placeholderData: keepPreviousData });
  const [adding, setAdding] = useState(false);
  const [resulting, setResulting] = useState<Applicant | null>(null);
  const [hiring, setHiring] = useState<Applicant | null>(null);
  const [hired, setHired] = useState<HireResult | null>(null);
  const [importing, setImporting] = useState(false);
  const withdraw = useMutation({
    mutationFn: (row: Applicant) => withdrawApplicant(campaign.id, row.id, row.version),
    onSuccess: (row) => {
      refresh();
      void message.success(t('campaigns.withdraw.done', { name: row.name }));
    },
    onError: (error) => void message.error(isApiError(error) ? error.message : String(error)),
  });
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();
  const refresh = useRefresh(campaign.id);
  const handleExport = async () => {
    setExporting(true);
    try {
      await downloadApplicants(campaign.id, t('campaigns.applicantSheet.exportFile'));
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };
  const columns: TableColumnsType<Applicant> = [
    { key: 'number', title: t('campaigns.applicants.number'), dataIndex: 'number', width: 80 },
    { key: 'name', title: t('campaigns.applicants.name'), render: (_, row) => (row.talentId ? <Link to={`/talents/${row.talentId}`}>{row.name}</Link> : row.name) },
    { key: 'idNumber', title: t('campaigns.applicants.idNumber'), dataIndex: 'idNumber', responsive: ['xxl'] },
    { key: 'education', title: t('campaigns.applicants.education'), render: (_, row) => `${t(`dictionaries.educationLevels.${row.education}`)} · ${row.school}`, responsive: ['xl'] },
    { key: 'post', title: t('campaigns.posts.title'), render: (_, row) => row.post.title },
    { key: 'stage', title: t('campaigns.applicants.stage'), render: (_, row) => (row.stage ? t(`campaigns.stages.${row.stage}`) : t('common.none')) },
    {
      key: 'results', title: t('campaigns.applicants.results'),
      render: (_, row) => (
        <Space size={4} wrap>
          {row.results.map((result) => (
            <Tag key={result.stage} color={result.passed ? 'green' : 'red'}>{`${t(`campaigns.stages.${result.stage}`)}${result.score !== null ? ` ${result.score}` : ''}`}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'state', title: t('campaigns.applicants.state'), render: (_, row) => <Tag color={stateColours[row.state]} data-testid="applicant-state">{t(`campaigns.applicantStates.${row.state}`)}</Tag> },
    ...(manages ? [{
      key: 'actions', title: t('campaigns.applicants.actions'),
      render: (_: unknown, row: Applicant) => row.state !== 'inProgress' ? null : (
        <Space size={4}>
          {row.stage === 'offer' ? (
            <Button size="small" type="primary" onClick={() => setHiring(row)} data-testid="applicant-hire">{t('campaigns.hire.action')}</Button>
          ) : (
            <Button size="small" onClick={() => setResulting(row)} data-testid="applicant-result">{t('campaigns.result.action')}</Button>
          )}
          <Popconfirm title={t('campaigns.withdraw.confirm')} okText={t('campaigns.withdraw.action')} cancelText={t('common.cancel')} onConfirm={() => withdraw.mutate(row)}>
            <Button size="small" danger data-testid="applicant-withdraw">{t('campaigns.withdraw.action')}</Button>
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];
  return (
    <Card
      title={t('campaigns.detail.applicants')}
      extra={(
        <Space wrap>
          {manages ? (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={campaign.posts.length === 0} data-testid="applicant-add">{t('campaigns.applicants.add')}</Button>
              <Button onClick={() => setImporting(true)} disabled={campaign.posts.length === 0} data-testid="campaign-applicants-import">{t('campaigns.applicantSheet.action')}</Button>
              <Button onClick={onScores} data-testid="campaign-scores">{t('campaigns.scores.action')}</Button>
            </>
          ) : null}
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void handleExport()} data-testid="campaign-applicants-export">{t('campaigns.applicantSheet.export')}</Button>
        </Space>
      )}
    >
      {hired ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setHired(null)}
          style={{ marginBottom: 16 }}
          title={hired.talentCreated ? t('campaigns.hire.created', { name: hired.applicant.name }) : t('campaigns.hire.updated', { name: hired.applicant.name })}
          description={<Link to={`/talents/${hired.talentId}`} data-testid="hire-talent-link">{t('campaigns.hire.openTalent')}</Link>}
          data-testid="hire-result"
        />
      ) : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <FilterField label={t('campaigns.applicants.state')}>
          <Select<ApplicantState> allowClear value={state} placeholder={t('campaigns.applicants.state')} onChange={(value) => list.filter({ state: value })} options={applicantStates.map((value) => ({ value, label: t(`campaigns.applicantStates.${value}`) }))} style={{ width: 160 }} />
        </FilterField>
        <FilterField label={t('campaigns.posts.title')}>
          <Select<string> allowClear value={postId} placeholder={t('campaigns.posts.title')} onChange={(value) => list.filter({ post: value })} options={campaign.posts.map((post) => ({ value: post.id, label: post.title }))} style={{ width: 220 }} />
        </FilterField>
      </Space>
      <ListTable<Applicant> list={list} query={applicants} columns={columns} data-testid="applicants-table" />
      {adding ? <ApplicantDialog campaign={campaign} onClose={() => setAdding(false)} /> : null}
      {importing ? <ApplicantSheetDialog campaign={campaign} onClose={() => setImporting(false)} onImported={refresh} /> : null}
      {resulting ? <ResultDialog campaign={campaign} applicant={resulting} onClose={() => setResulting(null)} /> : null}
      {hiring ? <HireDialog campaign={campaign} applicant={hiring} onClose={() => setHiring(null)} onHired={(result) => { setHiring(null); setHired(result); }} /> : null}
    </Card>
  );
}

/** After a write: the campaign (counts) and its applicants read again. */
function useRefresh(campaignId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['campaign', campaignId] });
    void queryClient.invalidateQueries({ queryKey: ['campaign-applicants', campaignId] });
    void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    void queryClient.invalidateQueries({ queryKey: ['demands'] });
  };
}

type PostValues = { title?: string; discipline?: string; headcount?: number; demandId?: string | null; enterpriseId?: string | null };

/** A post: title, discipline, headcount; tied to an open demand (its hires fill it, the employer is the demand's enterprise) or to an employer. */
function PostDialog({ campaign, onClose }: { campaign: CampaignDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = useRefresh(campaign.id);
  const dictionaries = useQuery({ queryKey: ['demand-dictionaries'], queryFn: fetchDictionaries, staleTime: Infinity });
  const openDemands = useQuery({ queryKey: ['demands', 'for-post'], queryFn: async () => (await Promise.all([fetchDemands({ status: 'open', page: 1, pageSize: 100 }), fetchDemands({ status: 'partlyFilled', page: 1, pageSize: 100 })])).flatMap((page) => page.items) });
  const [form] = Form.useForm<PostValues>();
  const save = useFormSave(form, ['title', 'discipline', 'headcount', 'demandId', 'enterpriseId']);
  const demandId = Form.useWatch('demandId', form);
  const payloadOf = (values: PostValues) => ({ title: values.title ?? '', discipline: values.discipline ?? '', headcount: values.headcount as number, demandId: values.demandId ?? null, enterpriseId: values.demandId ? null : (values.enterpriseId ?? null) });
  const add = useMutation({
    mutationFn: (values: PostValues) => addPost(campaign.id, payloadOf(values)),
    onSuccess: (next) => {
      queryClient.setQueryData(['campaign', campaign.id], next);
      refresh();
      void message.success(t('campaigns.posts.added'));
      onClose();
    },
    onError: save.refused,
  });
  const handleSubmit = async () => {
    const values = await save.check((checked) => safeParseLikeServer(campaignPostInput, payloadOf(checked)));
    if (values) add.mutate(values);
  };
  const handleDemand = (id: string | undefined) => {
    const demand = openDemands.data?.find((entry) => entry.id === id);
    if (demand) form.setFieldsValue({ title: form.getFieldValue('title') || demand.post, discipline: demand.discipline.code, headcount: demand.headcount - demand.filled });
  };
  return (
    <Modal open title={t('campaigns.posts.add')} onCancel={onClose} onOk={() => void handleSubmit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={add.isPending} width={640} okButtonProps={{ 'data-testid': 'post-save' } as ButtonProps}>
      <Form<PostValues> form={form} name="campaign-post" layout="vertical" initialValues={{ headcount: 1 }}>
        <FormErrorAlert save={save} testId="post-error" />
        <Form.Item name="demandId" label={t('campaigns.posts.demand')} extra={t('campaigns.posts.demandHelp')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={openDemands.isLoading}
            onChange={handleDemand}
            options={(openDemands.data ?? []).map((demand) => ({ value: demand.id, label: `${demand.post} · ${demand.enterprise.name} (${demand.filled}/${demand.headcount})` }))}
            data-testid="post-demand"
          />
        </Form.Item>
        <Form.Item name="title" label={t('campaigns.posts.title')} required>
          <Input maxLength={60} data-testid="post-title" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="discipline" label={t('campaigns.fields.discipline')} required>
            <Select style={{ width: 220 }} options={(dictionaries.data?.disciplines ?? []).map((entry) => ({ value: entry.code, label: english ? entry.nameEn : entry.name }))} data-testid="post-discipline" />
          </Form.Item>
          <Form.Item name="headcount" label={t('campaigns.posts.headcountField')} required>
            <InputNumber min={1} max={500} precision={0} />
          </Form.Item>
        </Space>
        {demandId ? null : (
          <Form.Item name="enterpriseId" label={t('campaigns.posts.enterprise')} extra={t('campaigns.posts.enterpriseHelp')}>
            <EnterpriseSelect />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

type ApplicantValues = { postId?: string; name?: string; idNumber?: string; phone?: string; education?: EducationLevel; degree?: Degree; school?: string; major?: string; graduationYear?: number };

/** 报名: one applicant of a post (identity checked as the registry checks it; one application per person and campaign). */
function ApplicantDialog({ campaign, onClose }: { campaign: CampaignDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const refresh = useRefresh(campaign.id);
  const [form] = Form.useForm<ApplicantValues>();
  const save = useFormSave(form, ['postId', 'name', 'idNumber', 'phone', 'education', 'degree', 'school', 'major', 'graduationYear']);
  const add = useMutation({
    mutationFn: (values: ApplicantValues) =>
      addApplicant(campaign.id, {
        postId: values.postId ?? '', name: values.name ?? '', idNumber: values.idNumber?.trim() ?? '', phone: values.phone?.trim() || null, education: values.education as EducationLevel,
        degree: values.degree ?? 'none', school: values.school ?? '', major: values.major ?? '', graduationYear: values.graduationYear as number,
      }),
    onSuccess: (applicant) => {
      refresh();
      void message.success(t('campaigns.applicants.added', { name: applicant.name, number: applicant.number }));
      onClose();
    },
    onError: save.refused,
  });
  const handleSubmit = async () => {
    const ok = await form.validateFields().then(() => true, () => false);
    if (ok) {
      save.reset();
      add.mutate(form.getFieldsValue(true) as ApplicantValues);
    }
  };
  const half = { xs: 24, sm: 12 };
  return (
    <Modal open title={t('campaigns.applicants.add')} onCancel={onClose} onOk={() => void handleSubmit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={add.isPending} width={680} okButtonProps={{ 'data-testid': 'applicant-save' } as ButtonProps}>
      <Form<ApplicantValues> form={form} name="campaign-applicant" layout="vertical" initialValues={{ postId: campaign.posts[0]?.id, degree: 'none' }}>
        <FormErrorAlert save={save} testId="applicant-error" />
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="postId" label={t('campaigns.posts.title')} rules={[{ required: true }]}>
              <Select options={campaign.posts.map((post) => ({ value: post.id, label: post.title }))} data-testid="applicant-post" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="name" label={t('campaigns.applicants.name')} rules={[{ required: true }]}>
              <Input maxLength={40} data-testid="applicant-name" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="idNumber" label={t('campaigns.applicants.idNumber')} rules={[{ required: true }, zodRule(idNumberField, language)]} validateTrigger="onBlur">
              <Input maxLength={18} data-testid="applicant-id-number" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={t('campaigns.applicants.phone')} rules={[zodRule(phoneField, language)]} validateTrigger="onBlur">
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="education" label={t('campaigns.applicants.education')} rules={[{ required: true }]}>
              <Select options={educationLevels.map((value) => ({ value, label: t(`dictionaries.educationLevels.${value}`) }))} data-testid="applicant-education" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="degree" label={t('campaigns.applicants.degree')}>
              <Select options={degrees.map((value) => ({ value, label: t(`dictionaries.degrees.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="graduationYear" label={t('campaigns.applicants.graduationYear')} rules={[{ required: true }]}>
              <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} data-testid="applicant-graduation" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="school" label={t('campaigns.applicants.school')} rules={[{ required: true }]}>
              <Input maxLength={80} data-testid="applicant-school" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="major" label={t('campaigns.applicants.major')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** The result of the applicant's current stage: passed (on to the next) or not (stops there), with a score for the exams. */
function ResultDialog({ campaign, applicant, onClose }: { campaign: CampaignDetail; applicant: Applicant; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh(campaign.id);
  const stage = applicant.stage as CampaignStage;
  const scored = scoredStages.includes(stage);
  const [form] = Form.useForm<{ passed: boolean; score?: number | null }>();
  const save = useFormSave(form, ['passed', 'score']);
  const record = useMutation({
    mutationFn: (values: { passed: boolean; score?: number | null }) => recordResult(campaign.id, applicant.id, { stage, passed: values.passed, score: values.score ?? null, version: applicant.version }),
    onSuccess: () => {
      refresh();
      void message.success(t('campaigns.result.saved'));
      onClose();
    },
    onError: save.refused,
  });
  const handleSubmit = async () => {
    const ok = await form.validateFields().then(() => true, () => false);
    if (ok) {
      save.reset();
      record.mutate(form.getFieldsValue(true) as { passed: boolean; score?: number | null });
    }
  };
  return (
    <Modal open title={t('campaigns.result.title', { name: applicant.name, stage: t(`campaigns.stages.${stage}`) })} onCancel={onClose} onOk={() => void handleSubmit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={record.isPending} okButtonProps={{ 'data-testid': 'result-save' } as ButtonProps}>
      <Form form={form} name="applicant-result" layout="vertical" initialValues={{ passed: true }}>
        <FormErrorAlert save={save} testId="result-error" />
        <Form.Item name="passed" label={t('campaigns.result.passed')}>
          <Radio.Group options={[{ value: true, label: t('campaigns.result.pass') }, { value: false, label: t('campaigns.result.fail') }]} data-testid="result-passed" />
        </Form.Item>
        <Form.Item name="score" label={t('campaigns.result.score')} rules={scored ? [{ required: true }] : []} extra={scored ? t('campaigns.result.scoreRequired') : undefined}>
          <InputNumber min={0} max={100} step={0.5} style={{ width: 160 }} data-testid="result-score" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type HireValues = { hiredOn?: Dayjs; termStart?: Dayjs; termEnd?: Dayjs; agreementSalary?: number };

/** 录用: into the registry (new, or the same ID number's talent updated), the tied demand filled; for 市场化选聘 the term and agreement salary. */
function HireDialog({ campaign, applicant, onClose, onHired }: { campaign: CampaignDetail; applicant: Applicant; onClose: () => void; onHired: (result: HireResult) => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh(campaign.id);
  const executive = campaign.type === 'marketSelection';
  const [form] = Form.useForm<HireValues>();
  const save = useFormSave(form, ['hiredOn', 'term', 'term.termStart', 'term.termEnd', 'term.agreementSalary']);
  const hire = useMutation({
    mutationFn: (values: HireValues) =>
      hireApplicant(campaign.id, applicant.id, {
        hiredOn: values.hiredOn!.format('YYYY-MM-DD'),
        term: executive ? { termStart: values.termStart!.format('YYYY-MM-DD'), termEnd: values.termEnd!.format('YYYY-MM-DD'), agreementSalary: values.agreementSalary! } : null,
        version: applicant.version,
      }),
    onSuccess: (result) => {
      refresh();
      void rereadTalents();
      onHired(result);
    },
    onError: save.refused,
  });
  const queryClient = useQueryClient();
  const rereadTalents = () => queryClient.invalidateQueries({ queryKey: ['talents'] });
  const handleSubmit = async () => {
    const ok = await form.validateFields().then(() => true, () => false);
    if (ok) {
      save.reset();
      hire.mutate(form.getFieldsValue(true) as HireValues);
    }
  };
  return (
    <Modal open title={t('campaigns.hire.title', { name: applicant.name })} onCancel={onClose} onOk={() => void handleSubmit()} okText={t('campaigns.hire.action')} cancelText={t('common.cancel')} confirmLoading={hire.isPending} okButtonProps={{ 'data-testid': 'hire-save' } as ButtonProps}>
      <Typography.Paragraph type="secondary">{t('campaigns.hire.help')}</Typography.Paragraph>
      <Form<HireValues> form={form} name="applicant-hire" layout="vertical" initialValues={{ hiredOn: dayjs(), termStart: dayjs() }}>
        <FormErrorAlert save={save} testId="hire-error" />
        <Form.Item name="hiredOn" label={t('campaigns.hire.hiredOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} data-testid="hire-date" />
        </Form.Item>
        {executive ? (
          <>
            <Space wrap>
              <Form.Item name="termStart" label={t('executives.columns.termStart')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="termEnd" label={t('executives.columns.termEnd')} rules={[{ required: true }]}>
                <DatePicker data-testid="hire-term-end" />
              </Form.Item>
            </Space>
            <Form.Item name="agreementSalary" label={t('executives.columns.agreementSalary')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: 220 }} {...moneyInputProps()} data-testid="hire-salary" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** `{ E7: 'E7：应为 0–100 的成绩' }` → the problems table's rows (row 7, column E). */
const problemsOfFields = (fields: Record<string, string>): ImportProblem[] =>
  Object.entries(fields).map(([cell, text]) => {
    const [, column = '', row = '0'] = /^([A-Z]+)(\d+)$/.exec(cell) ?? [];
    return { row: Number(row), column, message: text };
  });

/**
 * 成绩批量录入: the template of the applicants in progress (at one stage, or all), the filled sheet checked first — the
 * problems by cell, or what would be written — then written, all rows or none.
 */
function ScoreDialog({ campaign, onClose }: { campaign: CampaignDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh(campaign.id);
  const [stage, setStage] = useState<CampaignStage | undefined>(campaign.stages.find((entry) => scoredStages.includes(entry)));
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ScoreUpload | null>(null);
  const [problems, setProblems] = useState<{ message: string; problems: ImportProblem[] } | null>(null);
  const [downloading, setDownloading] = useState(false);
  const check = useMutation({
    mutationFn: (chosen: File) => uploadScores(campaign.id, chosen, true),
    onMutate: () => {
      setChecked(null);
      setProblems(null);
    },
    onSuccess: setChecked,
    onError: (error) => setProblems({ message: isApiError(error) ? error.message : String(error), problems: isApiError(error) ? problemsOfFields(error.fields) : [] }),
  });
  const write = useMutation({
    mutationFn: () => uploadScores(campaign.id, file!, false),
    onSuccess: (result) => {
      refresh();
      void message.success(t('campaigns.scores.written', { count: result.updated }));
      onClose();
    },
    onError: (error) => setProblems({ message: isApiError(error) ? error.message : String(error), problems: isApiError(error) ? problemsOfFields(error.fields) : [] }),
  });
  const handleTemplate = async () => {
    setDownloading(true);
    try {
      await downloadScoreTemplate(campaign.id, stage, t('campaigns.scores.templateFile'));
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setDownloading(false);
    }
  };
  const handleFile = (chosen: File) => {
    setFile(chosen);
    check.mutate(chosen);
    return Upload.LIST_IGNORE;
  };
  return (
    <Modal
      open
      width={760}
      title={t('campaigns.scores.title')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="write" type="primary" disabled={!checked} loading={write.isPending} onClick={() => write.mutate()} data-testid="scores-write">{t('campaigns.scores.write')}</Button>,
      ]}
    >
      <Steps size="small" current={checked ? 2 : file ? 1 : 0} items={[{ title: t('campaigns.scores.steps.template') }, { title: t('campaigns.scores.steps.check') }, { title: t('campaigns.scores.steps.write') }]} style={{ marginBottom: 16 }} />
      <Space wrap style={{ marginBottom: 16 }}>
        <FilterField label={t('campaigns.applicants.stage')}>
          <Select<CampaignStage> allowClear value={stage} placeholder={t('campaigns.scores.allStages')} onChange={setStage} options={campaign.stages.filter((entry) => entry !== 'offer').map((entry) => ({ value: entry, label: t(`campaigns.stages.${entry}`) }))} style={{ width: 180 }} data-testid="scores-stage" />
        </FilterField>
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void handleTemplate()} data-testid="scores-template">{t('campaigns.scores.template')}</Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('campaigns.scores.help')}</Typography.Paragraph>
      <div data-testid="scores-upload">
        <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple={false} showUploadList={false} beforeUpload={handleFile} disabled={check.isPending || write.isPending}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{check.isPending ? t('campaigns.scores.checking') : file ? t('campaigns.scores.uploadAgain') : t('campaigns.scores.upload')}</p>
        </Upload.Dragger>
      </div>
      {checked ? (
        <Card size="small" style={{ marginTop: 16 }} data-testid="scores-preview">
          <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
            <Descriptions.Item label={t('campaigns.scores.file')}>{file?.name}</Descriptions.Item>
          </Descriptions>
          <Space size="large">
            <Statistic title={t('campaigns.scores.rows')} value={checked.updated} />
            <Statistic title={t('campaigns.result.pass')} value={checked.passed} styles={{ content: { color: '#389e0d' } }} />
            <Statistic title={t('campaigns.result.fail')} value={checked.failed} styles={{ content: { color: checked.failed ? '#cf1322' : undefined } }} />
          </Space>
          <Alert type="success" showIcon title={t('campaigns.scores.ready')} style={{ marginTop: 12 }} />
        </Card>
      ) : null}
      {problems ? (
        <div style={{ marginTop: 16 }} data-testid="scores-problems">
          <Alert type="error" showIcon title={problems.message} style={{ marginBottom: 12 }} />
          {problems.problems.length ? <ProblemTable problems={problems.problems} /> : null}
        </div>
      ) : null}
    </Modal>
  );
}

