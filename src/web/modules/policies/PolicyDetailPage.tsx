import { CloudUploadOutlined, DownOutlined, EditOutlined, ExperimentOutlined, PlusOutlined, RadarChartOutlined, StopOutlined, TransactionOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Dropdown, Empty, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Table, Tag, Typography, type DescriptionsProps, type MenuProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { factModels } from '../../../domain/policies/facts';
import { can } from '../../../domain/permissions';
import { subjectKindOf, type ParameterInput } from '../../../domain/policies/policy';
import { currentLanguage } from '../../app/i18n';
import { isApiError } from '../../app/api';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDateTime, formatMoney, moneyInputProps } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { StatTile } from '../../ui/StatTile';
import { useFormSave } from '../../ui/use-form-save';
import { useCurrentUser } from '../auth/RequireSession';
import { CreateBatchDialog } from './CreateBatchDialog';
import { addParameterValue, fetchPolicy, fetchScans, publishPolicy, retirePolicy, scanPolicy, type PolicyDetail, type PolicyParameter, type PolicyVersion, type Scan } from './policies.api';
import { BudgetBar, ModeTag, PolicyStatusTag, RuleView, useUnitName } from './policy-ui';
import { PolicyFormDrawer } from './PolicyFormDrawer';

/** One policy: catalogue, budget, the version in force and the draft, parameters with their history, scans; the office's actions. */
export function PolicyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const manages = can(user.roles, 'policies.manage');
  const ledger = can(user.roles, 'ledger.manage');
  const simulates = can(user.roles, 'policies.simulate');
  const [editing, setEditing] = useState(false);
  const [parameterOpen, setParameterOpen] = useState(false);
  const [scanOpen, setScanOpen] = useState(false);
  const [batchOpen, setBatchOpen] = useState(false);

  const policy = useQuery({ queryKey: ['policy', id], queryFn: () => fetchPolicy(id) });
  const automatic = policy.data?.mode === 'automatic';
  const scans = useQuery({ queryKey: ['policy', id, 'scans'], queryFn: () => fetchScans(id), enabled: ledger && automatic });

  const handleError = (error: unknown) => void message.error(isApiError(error) ? [error.message, ...Object.values(error.fields)].join(' ') : String(error));
  const stored = (saved: PolicyDetail) => {
    queryClient.setQueryData(['policy', id], saved);
    void queryClient.invalidateQueries({ queryKey: ['policies'] });
  };
  const publish = useMutation({ mutationFn: () => publishPolicy(id), onSuccess: (saved) => (stored(saved), void message.success(t('policies.published'))), onError: handleError });
  const retire = useMutation({ mutationFn: () => retirePolicy(id), onSuccess: (saved) => (stored(saved), void message.success(t('policies.retired'))), onError: handleError });

  if (policy.isPending) return <CenteredSpin />;
  if (policy.isError) return <ErrorAlert message={policy.error.message} retryLabel={t('common.retry')} onRetry={() => void policy.refetch()} />;
  const data = policy.data;
  const kind = subjectKindOf(data.target);

  const confirm = (content: string, okText: string, run: () => Promise<unknown>, danger = false) =>
    void modal.confirm({ title: okText, content, okText, cancelText: t('common.cancel'), okButtonProps: { danger }, onOk: () => run().catch(() => undefined) });

  const catalogue: DescriptionsProps['items'] = [
    { key: 'code', label: t('policies.detail.code'), children: <Typography.Text code data-verbatim>{data.code}</Typography.Text> },
    { key: 'documentNo', label: t('policies.detail.documentNo'), children: data.documentNo || t('common.none') },
    { key: 'category', label: t('policies.columns.category'), children: t(`policyCodes.categories.${data.category}`) },
    { key: 'target', label: t('policies.columns.target'), children: t(`policyCodes.targets.${data.target}`) },
    { key: 'mode', label: t('policies.columns.mode'), children: <ModeTag mode={data.mode} /> },
    { key: 'unit', label: t('policies.detail.unit'), children: data.unit.name },
    { key: 'effective', label: t('policies.detail.effective'), children: data.effectiveTo ? `${data.effectiveFrom} ~ ${data.effectiveTo}` : t('policies.effectiveOpen', { from: data.effectiveFrom }) },
    { key: 'exclusions', label: t('policies.detail.exclusions'), children: data.excludedPolicies.length ? <Space wrap size={4}>{data.excludedPolicies.map((policy) => <Link key={policy.id} to={`/policies/${policy.id}`}>{policy.title}</Link>)}</Space> : t('common.none') },
    ...(data.documentUrl
      ? [{ key: 'url', label: t('policies.detail.documentUrl'), children: <a href={data.documentUrl} target="_blank" rel="noreferrer">{data.documentUrl}</a> }]
      : []),
    { key: 'summary', label: t('policies.detail.summary'), span: 'filled' as const, children: data.summary || t('common.none') },
  ];

  // The actions of the day's work as buttons; the rarer ones (catalogue, a new parameter value, stopping) under 更多.
  const more: MenuProps['items'] = [
    ...(manages
      ? [
          { key: 'edit', icon: <EditOutlined />, label: <span data-testid="policy-edit">{t('policies.actions.edit')}</span> },
          { key: 'addParameter', icon: <PlusOutlined />, label: <span data-testid="policy-add-parameter">{t('policies.actions.addParameter')}</span> },
        ]
      : []),
    ...(manages && data.status === 'published'
      ? [{ type: 'divider' as const }, { key: 'retire', danger: true, icon: <StopOutlined />, label: <span data-testid="policy-retire">{t('policies.actions.retire')}</span> }]
      : []),
  ];
  const handleMore: MenuProps['onClick'] = ({ key }) => {
    if (key === 'edit') setEditing(true);
    else if (key === 'addParameter') setParameterOpen(true);
    else if (key === 'retire') confirm(t('policies.confirmRetire'), t('policies.actions.retire'), () => retire.mutateAsync(), true);
  };

  const actions = (
    <Flex wrap gap={8} data-testid="policy-actions">
      {manages && data.draft ? (
        <Button type="primary" icon={<CloudUploadOutlined />} loading={publish.isPending} onClick={() => confirm(t('policies.confirmPublish'), t('policies.actions.publish'), () => publish.mutateAsync())} data-testid="policy-publish">
          {t('policies.actions.publish')}
        </Button>
      ) : null}
      {manages ? (
        <Button icon={<EditOutlined />} onClick={() => navigate(`/policies/${id}/draft`)} data-testid="policy-edit-draft">
          {t('policies.actions.editDraft')}
        </Button>
      ) : null}
      {simulates && (data.published || data.draft) ? (
        <Button icon={<ExperimentOutlined />} onClick={() => navigate(`/policies/${id}/simulate`)} data-testid="policy-simulate">
          {t('policies.actions.simulate')}
        </Button>
      ) : null}
      {ledger && automatic && data.status === 'published' ? (
        <Button icon={<RadarChartOutlined />} onClick={() => setScanOpen(true)} data-testid="policy-scan">
          {t('policies.actions.scan')}
        </Button>
      ) : null}
      {ledger && data.published ? (
        <Button icon={<TransactionOutlined />} onClick={() => setBatchOpen(true)} data-testid="policy-create-batch">
          {t('policies.actions.createBatch')}
        </Button>
      ) : null}
      {more.length ? (
        <Dropdown menu={{ items: more, onClick: handleMore }} trigger={['click']}>
          <Button loading={retire.isPending} data-testid="policy-more">
            {t('policies.actions.more')} <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      ) : null}
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="policy-title">{data.title}</span>
            <Flex gap={4} style={{ fontWeight: 'normal' }}>
              <PolicyStatusTag status={data.status} />
              <ModeTag mode={data.mode} />
            </Flex>
          </Flex>
        }
        description={[data.documentNo, data.unit.name].filter(Boolean).join(' · ')}
        extra={actions}
        actionsBelow
      />
      <Flex vertical gap={16}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <StatTile title={t('policies.detail.budgetTotal')} value={data.budget.total} money testId="policy-budget-total" />
          </Col>
          <Col xs={12} md={6}>
            <StatTile title={t('policies.detail.committed')} value={data.budget.committed} money testId="policy-budget-committed" accent="#1456c8" />
          </Col>
          <Col xs={12} md={6}>
            <StatTile title={t('policies.detail.paid')} value={data.budget.paid} money testId="policy-budget-paid" accent="#52c41a" />
          </Col>
          <Col xs={12} md={6}>
            <StatTile title={t('policies.detail.remaining')} value={data.budget.remaining} money testId="policy-budget-remaining" accent="#faad14" />
          </Col>
        </Row>
        <Card size="small">
          <BudgetBar budget={data.budget} testId="policy-budget-bar" />
        </Card>
        <Card title={t('policies.detail.catalogue')}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={catalogue} />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={data.draft ? 12 : 24}>
            <Card title={t('policies.detail.published')} data-testid="policy-published">
              {data.published ? <VersionView version={data.published} kind={kind} parameters={data.parameters} testId="published" /> : <Empty description={t('policies.detail.noPublished')} />}
            </Card>
          </Col>
          {data.draft ? (
            <Col xs={24} xl={12}>
              <Card title={t('policies.detail.draft')} data-testid="policy-draft" extra={manages ? <Link to={`/policies/${id}/draft`}>{t('policies.actions.editDraft')}</Link> : null}>
                <VersionView version={data.draft} kind={kind} parameters={data.parameters} testId="draft" />
              </Card>
            </Col>
          ) : null}
        </Row>
        <Card title={t('policies.detail.parameters')}>
          <ParametersTable parameters={data.parameters} kind={kind} />
        </Card>
        {data.versions.length ? (
          <Card title={t('policies.detail.versions')} size="small">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.versions}
              columns={[
                { key: 'number', title: '#', dataIndex: 'number' },
                { key: 'status', title: t('policies.columns.status'), render: (_, version) => t(`policyCodes.versionStatuses.${version.status as PolicyVersion['status']}`) },
                { key: 'publishedAt', title: t('policies.detail.publishedAt', { time: '' }), render: (_, version) => formatDateTime(version.publishedAt) || t('common.none') },
                { key: 'note', title: t('draft.note'), dataIndex: 'note' },
              ]}
            />
          </Card>
        ) : null}
        {ledger && automatic ? (
          <Card title={t('policies.detail.scans')} size="small" data-testid="policy-scans">
            <Table<Scan>
              rowKey="id"
              size="small"
              pagination={false}
              loading={scans.isFetching}
              dataSource={scans.data ?? []}
              locale={{ emptyText: t('policies.detail.noScans') }}
              scroll={{ x: 'max-content' }}
              columns={[
                { key: 'asOf', title: t('policies.detail.scanColumns.asOf'), dataIndex: 'asOf' },
                { key: 'trigger', title: t('policies.detail.scanColumns.trigger'), render: (_, scan) => t(`policyCodes.scanTriggers.${scan.trigger}`) },
                { key: 'eligible', title: t('policies.detail.scanColumns.eligible'), dataIndex: 'eligible' },
                { key: 'created', title: t('policies.detail.scanColumns.created'), dataIndex: 'created' },
                { key: 'createdAt', title: t('policies.detail.scanColumns.createdAt'), render: (_, scan) => formatDateTime(scan.createdAt) },
              ]}
            />
          </Card>
        ) : null}
      </Flex>
      <PolicyFormDrawer open={editing} policy={data} onClose={() => setEditing(false)} />
      <ParameterDialog open={parameterOpen} policy={data} onClose={() => setParameterOpen(false)} onSaved={stored} />
      <ScanDialog open={scanOpen} policyId={id} onClose={() => setScanOpen(false)} />
      <CreateBatchDialog open={batchOpen} policyId={id} onClose={() => setBatchOpen(false)} />
    </>
  );
}

type VersionViewProps = { version: PolicyVersion; kind: 'talent' | 'enterprise'; parameters: PolicyParameter[]; testId: string };

/** A version: eligibility and amount in words and JSON, periods, attachments, review steps. */
export function VersionView({ version, kind, parameters, testId }: VersionViewProps) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {t('policies.detail.versionTitle', { number: version.number })}
        {version.publishedAt ? ` · ${t('policies.detail.publishedAt', { time: formatDateTime(version.publishedAt) })}` : ''}
        {version.note ? ` · ${version.note}` : ''}
      </Typography.Text>
      <div>
        <Typography.Title level={5}>{t('policies.detail.eligibility')}</Typography.Title>
        <RuleView rule={version.eligibility} kind={kind} parameters={parameters} testId={`${testId}-eligibility`} />
      </div>
      <div>
        <Typography.Title level={5}>{t('policies.detail.amount')}</Typography.Title>
        <RuleView rule={version.amount} kind={kind} parameters={parameters} testId={`${testId}-amount`} />
      </div>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'periods', label: t('policies.detail.periods'), children: t('policies.detail.periodsValue', { kind: t(`policyCodes.periodKinds.${version.periodKind}`), periods: version.periods }) },
          {
            key: 'attachments',
            label: t('policies.detail.attachments'),
            children: version.attachments.length
              ? version.attachments.map((item) => (
                  <Tag key={item.code} color={item.required ? 'blue' : 'default'}>
                    {item.name}（{item.required ? t('policies.detail.required') : t('policies.detail.optional')}）
                  </Tag>
                ))
              : t('common.none'),
          },
          {
            key: 'steps',
            label: t('policies.detail.steps'),
            children: (
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {version.steps.map((step, index) => (
                  <li key={index}>
                    {t('policies.detail.stepLine', { name: step.name, units: step.units.map(unitName).join('、'), mode: t(`policyCodes.stepModes.${step.mode}`), days: step.workingDays })}
                  </li>
                ))}
              </ol>
            ),
          },
        ]}
      />
    </Flex>
  );
}

/** Parameters with the value in force, and their dated history with the legal reference of each value. */
function ParametersTable({ parameters, kind }: { parameters: PolicyParameter[]; kind: 'talent' | 'enterprise' }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const shown = (parameter: PolicyParameter, value: number | null) => {
    if (value === null) return t('common.none');
    const fact = parameter.fact ? factModels[kind][parameter.fact] : undefined;
    const rank = fact?.ranks?.[value];
    if (rank) return `${rank[language]}（${value}）`;
    return parameter.kind === 'yuan' ? formatMoney(value) : String(value);
  };
  if (!parameters.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('policies.detail.noParameters')} />;
  return (
    <Table<PolicyParameter>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={parameters}
      scroll={{ x: 'max-content' }}
      data-testid="policy-parameters"
      expandable={{
        expandedRowRender: (parameter) => (
          <Table
            rowKey="effectiveFrom"
            size="small"
            pagination={false}
            dataSource={parameter.history}
            columns={[
              { key: 'effectiveFrom', title: t('policies.detail.effectiveFrom'), dataIndex: 'effectiveFrom' },
              { key: 'value', title: t('policies.parameter.value'), render: (_, entry) => shown(parameter, entry.value) },
              { key: 'legalReference', title: t('policies.detail.legalReference'), dataIndex: 'legalReference' },
            ]}
          />
        ),
      }}
      columns={[
        {
          key: 'name',
          title: t('policies.detail.parameterName'),
          render: (_, parameter) => (
<span>{parameter.label}</span>
          ),
        },
        { key: 'kind', title: t('policies.parameter.kind'), render: (_, parameter) => t(`policyCodes.parameterKinds.${parameter.kind}`) },
        { key: 'value', title: t('policies.detail.parameterValue'), render: (_, parameter) => <span data-testid={`parameter-${parameter.name}`}>{shown(parameter, parameter.value)}</span> },
        { key: 'reference', title: t('policies.detail.legalReference'), render: (_, parameter) => parameter.history[0]?.legalReference ?? t('common.none') },
        { key: 'history', title: t('policies.detail.parameterHistory'), render: (_, parameter) => parameter.history.length },
      ]}
    />
  );
}

type ParameterValues = { mode: 'existing' | 'new'; name: string; label?: string; kind?: ParameterInput['kind']; fact?: string; value: number; effectiveFrom: Dayjs; legalReference: string };

/** A new dated value of a parameter (a change of threshold is data: the published rule stays), or a new parameter. */
function ParameterDialog({ open, policy, onClose, onSaved }: { open: boolean; policy: PolicyDetail; onClose: () => void; onSaved: (saved: PolicyDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ParameterValues>();
  const save = useFormSave(form, ['name', 'label', 'kind', 'fact', 'value', 'effectiveFrom', 'legalReference']);
  const mode = Form.useWatch('mode', form);
  const kind = Form.useWatch('kind', form);
  const chosenName = Form.useWatch('name', form);
  const valueKind = mode === 'existing' ? policy.parameters.find((parameter) => parameter.name === chosenName)?.kind : kind;
  const language = currentLanguage();
  const model = factModels[subjectKindOf(policy.target)];
  const mutation = useMutation({
    mutationFn: (values: ParameterValues) => {
      const existing = policy.parameters.find((parameter) => parameter.name === values.name);
      const payload: ParameterInput =
        values.mode === 'existing' && existing
          ? { name: existing.name, label: existing.label, kind: existing.kind, fact: existing.fact, value: values.value, effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'), legalReference: values.legalReference }
          : { name: values.name, label: values.label ?? values.name, kind: values.kind ?? 'number', fact: values.fact ?? null, value: values.value, effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'), legalReference: values.legalReference };
      return addParameterValue(policy.id, payload);
    },
    onSuccess: (saved) => {
      onSaved(saved);
      void message.success(t('policies.parameterSaved'));
      onClose();
    },
    onError: save.refused,
  });
  const required = [{ required: true, message: t('policies.form.required') }];
  return (
    <Modal
      open={open}
      title={t('policies.parameter.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) {
          form.resetFields();
          save.reset();
          form.setFieldsValue({ mode: policy.parameters.length ? 'existing' : 'new', name: policy.parameters[0]?.name, effectiveFrom: dayjs() });
        }
      }}
    >
      <Form<ParameterValues> form={form} name="parameter-form" layout="vertical" onFinish={(values) => (save.reset(), mutation.mutate(values))}>
        <FormErrorAlert save={save} testId="parameter-form-error" />
        <Form.Item name="mode">
          <Radio.Group
            options={[
              { value: 'existing', label: t('policies.parameter.existing'), disabled: !policy.parameters.length },
              { value: 'new', label: t('policies.parameter.newParameter') },
            ]}
          />
        </Form.Item>
        {mode === 'existing' ? (
          <Form.Item name="name" label={t('policies.parameter.name')} rules={required}>
            <Select options={policy.parameters.map((parameter) => ({ value: parameter.name, label: parameter.label }))} data-testid="parameter-name" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label={t('policies.parameter.name')} extra={t('policies.parameter.nameHelp')} rules={required}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="label" label={t('policies.parameter.label')} rules={required}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="kind" label={t('policies.parameter.kind')} rules={required}>
              <Select options={(['number', 'yuan', 'rank'] as const).map((value) => ({ value, label: t(`policyCodes.parameterKinds.${value}`) }))} />
            </Form.Item>
            {kind === 'rank' ? (
              <Form.Item name="fact" label={t('policies.parameter.fact')} rules={required}>
                <Select options={Object.entries(model).filter(([, fact]) => fact.type === 'ordinal').map(([name, fact]) => ({ value: name, label: fact.label[language] }))} />
              </Form.Item>
            ) : null}
          </>
        )}
        <Form.Item name="value" label={t('policies.parameter.value')} rules={required}>
          <InputNumber style={{ width: 200 }} data-testid="parameter-value" {...(valueKind === 'yuan' ? moneyInputProps() : {})} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('policies.parameter.effectiveFrom')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="legalReference" label={t('policies.parameter.legalReference')} rules={required}>
          <Input maxLength={200} data-testid="parameter-reference" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 免申即享 scan as of a date: grants to every eligible subject not yet enrolled (pending the office's confirmation). */
function ScanDialog({ open, policyId, onClose }: { open: boolean; policyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const [result, setResult] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => scanPolicy(policyId, asOf.format('YYYY-MM-DD')),
    onSuccess: (scan) => {
      const text = t('policies.scanDone', { eligible: scan.eligible, granted: scan.granted, entitlements: scan.entitlements });
      setResult(text);
      void message.success(text);
      void queryClient.invalidateQueries({ queryKey: ['policy', policyId] });
      void queryClient.invalidateQueries({ queryKey: ['entitlements'] });
    },
    onError: (error) => void message.error(isApiError(error) ? error.message : String(error)),
  });
  return (
    <Modal
      open={open}
      title={t('policies.actions.scan')}
      onCancel={() => (setResult(null), onClose())}
      onOk={() => mutation.mutate()}
      okText={t('policies.actions.scan')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'scan-submit' }}
    >
      <Flex vertical gap={12}>
        <Space>
          <span>{t('policies.detail.scanColumns.asOf')}</span>
          <DatePicker value={asOf} onChange={(value) => value && setAsOf(value)} allowClear={false} />
        </Space>
        {result ? <Alert type="success" showIcon title={result} data-testid="scan-result" /> : null}
      </Flex>
    </Modal>
  );
}
