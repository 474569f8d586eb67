import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Drawer, Empty, Form, Input, List, Row, Select, Space, Spin, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactForms, departureKinds, departureReasons, destinationKinds, flowDimensions, type AgeBand, type FlowDimension } from '../../../domain/retention';
import type { EducationLevel } from '../../../domain/dictionaries';
import { currentLanguage } from '../../app/i18n';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { StatTile } from '../../ui/StatTile';
import { useFormSave } from '../../ui/use-form-save';
import { fetchCategories } from '../cases/cases.api';
import { TalentSelect } from '../talents/TalentSelect';
import {
  fetchBacktest, fetchDepartures, fetchFlows, fetchPair, fetchPairs, fetchRisks, fetchVisitOutcomes, logContact, recordDeparture, routeHighRisk, type Pair, type Risk, type RiskItem,
} from './retention.api';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function RiskTag({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  return <Tag color={risk.highRisk ? 'red' : risk.score > 0 ? 'orange' : 'green'}>{risk.highRisk ? `${t('retention.highRisk')} · ` : ''}{t('retention.score', { score: risk.score })}</Tag>;
}

function Reasons({ risk }: { risk: Risk }) {
  const english = currentLanguage() === 'en-US';
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="risk-reasons">
      {risk.contributions.map((item) => <li key={item.signal}>{english ? item.textEn : item.text}（+{item.points}）</li>)}
    </ul>
  );
}

function PairTable({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const pairs = useQuery({ queryKey: ['liaison', 'pairs'], queryFn: fetchPairs });
  const columns: TableColumnsType<Pair> = [
    { key: 'talent', title: t('retention.columns.talent'), render: (_, pair) => <Link to={`/talents/${pair.talent.id}`}>{pair.talent.name}</Link> },
    { key: 'employer', title: t('retention.columns.employer'), render: (_, pair) => pair.talent.employer ?? '' },
    { key: 'leader', title: t('retention.columns.leader'), render: (_, pair) => pair.leader.name, responsive: ['xxl'] },
    { key: 'lastContact', title: t('retention.columns.lastContact'), render: (_, pair) => (pair.lastContact ? formatDate(pair.lastContact) : t('retention.never')) },
    { key: 'nextContact', title: t('retention.columns.nextContact'), render: (_, pair) => <Space>{formatDate(pair.nextContact)}{pair.overdue ? <Tag color="red">{t('retention.overdue')}</Tag> : null}</Space> },
    { key: 'openProblems', title: t('retention.columns.openProblems'), dataIndex: 'openProblems' },
    { key: 'risk', title: t('retention.columns.risk'), render: (_, pair) => <RiskTag risk={pair.risk} />, sorter: (a, b) => a.risk.score - b.risk.score, defaultSortOrder: 'descend' },
    { key: 'open', title: '', render: (_, pair) => <Button size="small" onClick={() => onOpen(pair.id)} data-testid={`open-pair-${pair.talent.name}`}>{t('retention.open')}</Button> },
  ];
  return <Table<Pair> rowKey="id" loading={pairs.isLoading} dataSource={pairs.data ?? []} columns={columns} pagination={{ pageSize: 20 }} expandable={{ expandedRowRender: (pair) => <Reasons risk={pair.risk} />, rowExpandable: (pair) => pair.risk.contributions.length > 0 }} />;
}

type VisitValues = { contactedOn: dayjs.Dayjs; contactForm: string; topics: string; outcome?: string; requestCategory?: string; requestTitle?: string; requestText?: string };

function PairDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const english = currentLanguage() === 'en-US';
  const pair = useQuery({ queryKey: ['liaison', 'pair', id], queryFn: () => fetchPair(id) });
  const categories = useQuery({ queryKey: ['service-request-categories'], queryFn: fetchCategories });
  const [form] = Form.useForm<VisitValues>();
  const save = useFormSave(form, ['contactedOn', 'contactForm', 'topics', 'outcome', 'requestCategory', 'requestTitle', 'requestText']);
  const log = useMutation({
    mutationFn: (values: VisitValues) => logContact(id, {
      contactedOn: values.contactedOn.format('YYYY-MM-DD'), contactForm: values.contactForm as never, topics: values.topics ?? '', outcome: values.outcome || undefined,
      problems: values.requestTitle ? [{ requestCategory: values.requestCategory ?? 'other', requestTitle: values.requestTitle, requestText: values.requestText ?? '' }] : [],
    }),
    onSuccess: () => {
      void message.success(t('retention.visit.saved'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['liaison'] });
    },
    onError: (error) => {
      // a problem's field (problems.0.requestTitle) shows on its own control
      save.refused(error);
    },
  });
  const detail = pair.data;
  return (
    <Drawer open onClose={onClose} size="large" title={detail?.talent.name ?? ''} data-testid="pair-drawer">
      {!detail ? <Spin /> : (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={1} size="small" items={[
            { key: 'employer', label: t('retention.columns.employer'), children: detail.talent.employer ?? '' },
            { key: 'lastContact', label: t('retention.columns.lastContact'), children: detail.lastContact ? formatDate(detail.lastContact) : t('retention.never') },
            { key: 'nextContact', label: t('retention.columns.nextContact'), children: formatDate(detail.nextContact) },
            { key: 'risk', label: t('retention.columns.risk'), children: <RiskTag risk={detail.risk} /> },
            { key: 'reasons', label: t('retention.columns.reasons'), children: <Reasons risk={detail.risk} /> },
          ]} />
          <Card size="small" title={t('retention.logVisit')}>
            <Form form={form} layout="vertical" initialValues={{ contactedOn: dayjs(), contactForm: 'visit' }} onFinish={(values) => log.mutate(values)}>
              <FormErrorAlert save={save} testId="visit-error" />
              <Row gutter={12}>
                <Col span={12}><Form.Item name="contactedOn" label={t('retention.visit.contactedOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={12}><Form.Item name="contactForm" label={t('retention.visit.contactForm')}><Select options={contactForms.map((value) => ({ value, label: t(`retention.forms.${value}`) }))} /></Form.Item></Col>
              </Row>
              <Form.Item name="topics" label={t('retention.visit.topics')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
              <Form.Item name="outcome" label={t('retention.visit.outcome')}><Input maxLength={500} /></Form.Item>
              <Typography.Text strong>{t('retention.visit.problem')}</Typography.Text>
              <Row gutter={12}>
                <Col span={10}><Form.Item name="requestCategory" label={t('retention.visit.requestCategory')}><Select allowClear options={(categories.data ?? []).map((item) => ({ value: item.code, label: english ? item.nameEn : item.name }))} data-testid="visit-category" /></Form.Item></Col>
                <Col span={14}><Form.Item name="requestTitle" label={t('retention.visit.requestTitle')}><Input maxLength={100} data-testid="visit-problem" /></Form.Item></Col>
              </Row>
              <Form.Item name="requestText" label={t('retention.visit.requestText')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
              <Button type="primary" htmlType="submit" loading={log.isPending} data-testid="visit-save">{t('retention.visit.save')}</Button>
            </Form>
          </Card>
          <Card size="small" title={t('retention.contacts')}>
            {detail.contacts.length === 0 ? <Empty description={t('retention.noContacts')} /> : (
              <List dataSource={detail.contacts} renderItem={(contact) => (
                <List.Item>
                  <Space direction="vertical" size={2}>
                    <span>{formatDate(contact.contactedOn)} · {t(`retention.forms.${contact.form}`)}{contact.topics ? ` · ${contact.topics}` : ''}</span>
                    {contact.problems.map((problem) => (
                      <span key={problem.caseId} data-testid="visit-problem-row">
                        <Link to={`/service-requests/${problem.caseId}`}>{problem.title}</Link> <Tag>{t(`retention.caseStatus.${problem.status}`)}</Tag>
                      </span>
                    ))}
                  </Space>
                </List.Item>
              )} />
            )}
          </Card>
        </Space>
      )}
    </Drawer>
  );
}

/** 我联系的人才: a leader's paired talents, each with its risk and reasons; a visit logged from the drawer. */
export function MyTalentsPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('retention.myTalents.title')} description={t('retention.myTalents.description')} />
      <PairTable onOpen={setOpen} />
      {open ? <PairDrawer id={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function RiskList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const risks = useQuery({ queryKey: ['retention', 'risks'], queryFn: fetchRisks });
  const route = useMutation({ mutationFn: routeHighRisk, onSuccess: ({ routed }) => void message.success(t('retention.routed', { count: routed })), onError: (error) => void message.error(error.message) });
  const columns: TableColumnsType<RiskItem> = [
    { key: 'talent', title: t('retention.columns.talent'), render: (_, item) => <Link to={`/talents/${item.talentId}`}>{item.name}</Link> },
    { key: 'employer', title: t('retention.columns.employer'), render: (_, item) => item.employer ?? '' },
    { key: 'risk', title: t('retention.columns.risk'), render: (_, item) => <RiskTag risk={item} /> },
    { key: 'reasons', title: t('retention.columns.reasons'), render: (_, item) => <Reasons risk={item} /> },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={() => route.mutate()} loading={route.isPending}>{t('retention.route')}</Button>
      <Table<RiskItem> rowKey="talentId" loading={risks.isLoading} dataSource={risks.data?.items ?? []} columns={columns} pagination={{ pageSize: 20 }} />
    </Space>
  );
}

type DepartureValues = { talentId: string; leftOn: dayjs.Dayjs; kind: string; destinationRegion: string; destinationKind: string; reasons: string[]; exitInterview: string };

function Departures() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dimension, setDimension] = useState<FlowDimension>('chain');
  const list = useQuery({ queryKey: ['departures', 'list'], queryFn: () => fetchDepartures({ page: 1, pageSize: 20 }) });
  const flows = useQuery({ queryKey: ['departures', 'flows', dimension], queryFn: () => fetchFlows(dimension) });
  const [form] = Form.useForm<DepartureValues>();
  const save = useFormSave(form, ['talentId', 'leftOn', 'kind', 'destinationRegion', 'destinationKind', 'reasons', 'exitInterview']);
  const record = useMutation({
    mutationFn: (values: DepartureValues) => recordDeparture({ ...values, leftOn: values.leftOn.format('YYYY-MM-DD'), exitInterview: values.exitInterview ?? '', destinationRegion: values.destinationRegion ?? '' } as never),
    onSuccess: () => {
      void message.success(t('retention.departure.saved'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['departures'] });
    },
    onError: save.refused,
  });
  const groupLabel = (key: string, label: string | null) => {
    if (!key) return t('retention.flows.unknown');
    if (dimension === 'employer') return label ?? t('retention.flows.unknown');
    if (dimension === 'ageBand') return t(`retention.flows.ageBands.${key as AgeBand}`);
    // a chain's name is data (the office's industry list)
    return dimension === 'education' ? t(`dictionaries.educationLevels.${key as EducationLevel}`) : key;
  };
  const current = flows.data?.monthly.at(-1);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card size="small" title={t('retention.departure.record')}>
        <Form form={form} layout="vertical" initialValues={{ leftOn: dayjs(), kind: 'resignation', destinationKind: 'enterprise', reasons: [] }} onFinish={(values) => record.mutate(values)}>
          <FormErrorAlert save={save} testId="departure-error" />
          <Row gutter={12}>
            <Col span={8}><Form.Item name="talentId" label={t('retention.departure.talent')} rules={[{ required: true }]}><TalentSelect inZone testId="departure-talent" /></Form.Item></Col>
            <Col span={5}><Form.Item name="leftOn" label={t('retention.departure.leftOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={5}><Form.Item name="kind" label={t('retention.departure.kind')}><Select options={departureKinds.map((value) => ({ value, label: t(`retention.departure.kinds.${value}`) }))} /></Form.Item></Col>
            <Col span={6}><Form.Item name="destinationKind" label={t('retention.departure.destinationKind')}><Select options={destinationKinds.map((value) => ({ value, label: t(`retention.departure.destinationKinds.${value}`) }))} /></Form.Item></Col>
          </Row>
          <Row gutter={12}>
            <Col span={8}><Form.Item name="destinationRegion" label={t('retention.departure.destinationRegion')}><Input maxLength={60} /></Form.Item></Col>
            <Col span={16}><Form.Item name="reasons" label={t('retention.departure.reasons')} rules={[{ required: true }]}><Checkbox.Group options={departureReasons.map((value) => ({ value, label: t(`retention.departure.reasonLabels.${value}`) }))} data-testid="departure-reasons" /></Form.Item></Col>
          </Row>
          <Form.Item name="exitInterview" label={t('retention.departure.exitInterview')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="departure-save">{t('retention.departure.save')}</Button>
        </Form>
      </Card>
      <Table rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false} columns={[
        { key: 'talent', title: t('retention.columns.talent'), render: (_, item) => item.talent.name },
        { key: 'employer', title: t('retention.columns.employer'), render: (_, item) => item.employer ?? '' },
        { key: 'leftOn', title: t('retention.columns.leftOn'), render: (_, item) => formatDate(item.leftOn) },
        { key: 'kind', title: t('retention.columns.kind'), render: (_, item) => t(`retention.departure.kinds.${item.kind}`) },
        { key: 'destination', title: t('retention.columns.destination'), render: (_, item) => `${item.destinationRegion} ${t(`retention.departure.destinationKinds.${item.destinationKind}`)}` },
        { key: 'reasons', title: t('retention.columns.reasons2'), render: (_, item) => item.reasons.map((reason) => t(`retention.departure.reasonLabels.${reason}`)).join('、') },
      ]} />
      <Card size="small" title={t('retention.flows.title')} extra={
        <Space><label htmlFor="flow-dimension">{t('retention.flows.dimension')}</label>
          <Select id="flow-dimension" value={dimension} onChange={setDimension} style={{ width: 140 }} options={flowDimensions.map((value) => ({ value, label: t(`retention.flows.dimensions.${value}`) }))} /></Space>
      }>
        {current ? (
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col span={8}><StatTile title={`${current.month} ${t('retention.columns.inflow')}`} value={current.inflow} /></Col>
            <Col span={8}><StatTile title={`${current.month} ${t('retention.columns.outflow')}`} value={current.outflow} testId="outflow-current" /></Col>
            <Col span={8}><StatTile title={`${current.month} ${t('retention.columns.net')}`} value={current.net} /></Col>
          </Row>
        ) : null}
        <Table rowKey="key" size="small" pagination={false} dataSource={flows.data?.groups ?? []} columns={[
          { key: 'group', title: t('retention.columns.group'), render: (_, group) => groupLabel(group.key, group.label) },
          { key: 'inflow', title: t('retention.columns.inflow'), dataIndex: 'inflow' },
          { key: 'outflow', title: t('retention.columns.outflow'), dataIndex: 'outflow' },
          { key: 'net', title: t('retention.columns.net'), dataIndex: 'net' },
        ]} />
      </Card>
    </Space>
  );
}

/** Whether visited high-risk talents stayed: the counts and every visit task behind them. */
function VisitOutcomesView() {
  const { t } = useTranslation();
  const result = useQuery({ queryKey: ['retention', 'visit-outcomes'], queryFn: fetchVisitOutcomes });
  if (!result.data) return <Spin />;
  const data = result.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('retention.visits.summary')}</Typography.Paragraph>
      <Row gutter={12}>
        <Col span={6}><StatTile title={t('retention.visits.routed')} value={data.routed} /></Col>
        <Col span={6}><StatTile title={t('retention.visits.visited')} value={data.visited} /></Col>
        <Col span={6}><StatTile title={t('retention.visits.visitedStayed')} value={data.visitedStayed} suffix={data.visited ? `/ ${data.visited}` : undefined} testId="visits-visited-stayed" /></Col>
        <Col span={6}><StatTile title={t('retention.visits.notVisitedStayed')} value={data.notVisitedStayed} suffix={data.notVisited ? `/ ${data.notVisited}` : undefined} /></Col>
      </Row>
      <Table rowKey="id" size="small" pagination={{ pageSize: 10 }} dataSource={data.items} data-testid="visit-outcomes" columns={[
        { key: 'talent', title: t('retention.columns.talent'), render: (_, item) => <Link to={`/talents/${item.talent.id}`}>{item.talent.name}</Link> },
        { key: 'createdOn', title: t('retention.visits.createdOn'), render: (_, item) => formatDate(item.createdOn) },
        { key: 'score', title: t('retention.visits.score'), render: (_, item) => <RiskTag risk={item} /> },
        { key: 'reasons', title: t('retention.columns.reasons'), render: (_, item) => <Reasons risk={item} />, responsive: ['xxl'] },
        { key: 'leader', title: t('retention.columns.leader'), render: (_, item) => item.leader ?? '', responsive: ['xl'] },
        { key: 'visit', title: t('retention.visits.visit'), render: (_, item) => (item.visited && item.visitedOn ? `${formatDate(item.visitedOn)} ${item.visitForm ? t(`retention.forms.${item.visitForm}`) : ''}${item.outcome ? `：${item.outcome}` : ''}` : t('retention.visits.notYet')) },
        { key: 'result', title: t('retention.visits.result'), render: (_, item) => (item.stayed ? <Tag color="green">{t('retention.visits.stayed')}</Tag> : <Tag color="red">{t('retention.visits.left', { date: item.leftOn ? formatDate(item.leftOn) : '' })}</Tag>) },
      ]} />
    </Space>
  );
}

function BacktestView() {
  const { t } = useTranslation();
  const result = useQuery({ queryKey: ['retention', 'backtest'], queryFn: fetchBacktest, staleTime: 5 * 60_000 });
  if (!result.data) return <Spin />;
  const data = result.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('retention.backtest.summary', { from: data.from, to: data.to, horizon: data.horizonMonths })}</Typography.Paragraph>
      <Row gutter={12}>
        <Col span={6}><StatTile title={`${t('retention.backtest.model')} · ${t('retention.backtest.capture')}`} value={Number((data.model.topDecileCapture * 100).toFixed(1))} suffix="%" testId="backtest-model-capture" /></Col>
        <Col span={6}><StatTile title={`${t('retention.backtest.baseline')} · ${t('retention.backtest.capture')}`} value={Number((data.baseline.topDecileCapture * 100).toFixed(1))} suffix="%" testId="backtest-baseline-capture" /></Col>
        <Col span={6}><StatTile title={`${t('retention.backtest.model')} · ${t('retention.backtest.precision')}`} value={Number((data.model.precisionAt50 * 100).toFixed(1))} suffix="%" /></Col>
        <Col span={6}><StatTile title={`${t('retention.backtest.baseline')} · ${t('retention.backtest.precision')}`} value={Number((data.baseline.precisionAt50 * 100).toFixed(1))} suffix="%" /></Col>
      </Row>
      <Typography.Text type="secondary">{t('retention.backtest.took', { load: (data.loadMs / 1000).toFixed(1), replay: (data.replayMs / 1000).toFixed(1) })}</Typography.Text>
      <Table rowKey="month" size="small" pagination={{ pageSize: 12 }} dataSource={data.months} columns={[
        { key: 'month', title: t('retention.columns.month'), dataIndex: 'month' },
        { key: 'population', title: t('retention.columns.population'), dataIndex: 'population' },
        { key: 'leavers', title: t('retention.columns.leavers'), dataIndex: 'leavers' },
        { key: 'modelCapture', title: t('retention.columns.modelCapture'), render: (_, month) => percent(month.model.topDecileCapture) },
        { key: 'modelPrecision', title: t('retention.columns.modelPrecision'), render: (_, month) => percent(month.model.precisionAt50), responsive: ['xxl'] },
        { key: 'baselineCapture', title: t('retention.columns.baselineCapture'), render: (_, month) => percent(month.baseline.topDecileCapture) },
        { key: 'baselinePrecision', title: t('retention.columns.baselinePrecision'), render: (_, month) => percent(month.baseline.precisionAt50), responsive: ['xxl'] },
      ]} />
    </Space>
  );
}

/** 留才与外流 (the office): early warning, pairs, departures with the flows, the back-test. */
export function RetentionPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('retention.page.title')} description={t('retention.page.description')} />
      <Tabs destroyOnHidden items={[
        { key: 'risks', label: t('retention.tabs.risks'), children: <RiskList /> },
        { key: 'pairs', label: t('retention.tabs.pairs'), children: <PairTable onOpen={setOpen} /> },
        { key: 'departures', label: t('retention.tabs.departures'), children: <Departures /> },
        { key: 'visits', label: t('retention.tabs.visits'), children: <VisitOutcomesView /> },
        { key: 'backtest', label: t('retention.tabs.backtest'), children: <BacktestView /> },
      ]} />
      {open ? <PairDrawer id={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
