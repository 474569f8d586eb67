import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Empty, Flex, Form, Input, InputNumber, Row, Select, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RuleGroupType } from 'react-querybuilder';
import { factModels, type SubjectKind } from '../../../domain/policies/facts';
import { subjectKindOf } from '../../../domain/policies/policy';
import { currentLanguage } from '../../app/i18n';
import { isApiError } from '../../app/api';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime, formatMoney, moneyInputProps } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { industryName, tierName, useReference } from '../reference/reference.api';
import { fetchPolicy, fetchSimulations, runSimulation, type BreakdownRow, type PolicyDetail, type PolicyParameter, type Simulation } from './policies.api';
import { RuleView } from './policy-ui';
import { queryToRule, RuleBuilder, ruleToQuery, useRuleFields } from './RuleBuilder';

type Values = { name: string; asOf: Dayjs; params: Record<string, number | null> };

/** 政策模拟 (office): a change of parameters and/or the eligibility rule, run over a snapshot; saved runs side by side. */
export function SimulationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const policy = useQuery({ queryKey: ['policy', id], queryFn: () => fetchPolicy(id) });
  if (policy.isPending) return <CenteredSpin />;
  if (policy.isError) return <ErrorAlert message={policy.error.message} retryLabel={t('common.retry')} onRetry={() => void policy.refetch()} />;
  return <Simulator policy={policy.data} />;
}

function Simulator({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const kind = subjectKindOf(policy.target);
  const language = currentLanguage();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [changeRule, setChangeRule] = useState(false);
  const base = policy.published ?? policy.draft;
  const fields = useRuleFields(kind, policy.parameters);
  const [query, setQuery] = useState<RuleGroupType | null>(null);
  const [ruleText, setRuleText] = useState(() => JSON.stringify(base?.eligibility ?? {}, null, 2));
  const [result, setResult] = useState<Simulation | null>(null);
  const [compared, setCompared] = useState<string[]>([]);
  const runs = useQuery({ queryKey: ['simulations', policy.id], queryFn: () => fetchSimulations(policy.id) });

  const handleChangeRule = (checked: boolean) => {
    setChangeRule(checked);
    if (checked && !query) setQuery(ruleToQuery(base?.eligibility, kind, fields));
  };

  const run = useMutation({
    mutationFn: (values: Values) => {
      const params = Object.fromEntries(
        Object.entries(values.params ?? {}).filter(([name, value]) => value !== null && value !== undefined && value !== policy.parameters.find((parameter) => parameter.name === name)?.value),
      ) as Record<string, number>;
      let eligibility: unknown;
      if (changeRule) eligibility = query ? queryToRule(query, kind) : JSON.parse(ruleText);
      return runSimulation(policy.id, { name: values.name.trim(), asOf: values.asOf.format('YYYY-MM-DD'), params, ...(changeRule ? { eligibility } : {}) });
    },
    onSuccess: (saved) => {
      setResult(saved);
      void queryClient.invalidateQueries({ queryKey: ['simulations', policy.id] });
      void message.success(t('simulation.ran'));
    },
    onError: (caught) => setError(isApiError(caught) ? [caught.message, ...Object.values(caught.fields)].join(' ') : String(caught)),
  });

  const comparedRuns = (runs.data ?? []).filter((entry) => compared.includes(entry.id));

  return (
    <>
      <PageHeader title={t('simulation.title', { title: policy.title })} description={t('simulation.description')} />
      <Flex vertical gap={16}>
        <Card>
          <Form<Values>
            form={form}
            name="simulation-form"
            layout="vertical"
            initialValues={{ name: '', asOf: dayjs(), params: Object.fromEntries(policy.parameters.map((parameter) => [parameter.name, parameter.value])) }}
            onFinish={(values) => (setError(null), run.mutate(values))}
          >
            {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="simulation-error" /> : null}
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="name" label={t('simulation.name')} rules={[{ required: true, whitespace: true, message: t('policies.form.required') }]}>
                  <Input maxLength={60} data-testid="simulation-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="asOf" label={t('simulation.asOf')} rules={[{ required: true, message: t('policies.form.required') }]}>
                  <DatePicker allowClear={false} />
                </Form.Item>
              </Col>
            </Row>
            {policy.parameters.length ? (
              <>
                <Typography.Title level={5}>{t('simulation.params')}</Typography.Title>
                <Row gutter={16}>
                  {policy.parameters.map((parameter) => (
                    <Col key={parameter.name} xs={24} md={12} lg={8}>
                      <Form.Item name={['params', parameter.name]} label={parameter.label} extra={t('simulation.current', { value: parameterText(parameter, parameter.value, kind, language) })}>
                        <ParameterInput parameter={parameter} kind={kind} />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </>
            ) : null}
            <Checkbox checked={changeRule} onChange={(event) => handleChangeRule(event.target.checked)} style={{ marginBottom: 12 }} data-testid="simulation-change-rule">
              {t('simulation.changeRule')}
            </Checkbox>
            {changeRule ? (
              <div style={{ marginBottom: 16 }}>
                {query ? (
                  <RuleBuilder kind={kind} fields={fields} query={query} onChange={setQuery} />
                ) : (
                  <Input.TextArea value={ruleText} onChange={(event) => setRuleText(event.target.value)} autoSize={{ minRows: 6 }} style={{ fontFamily: 'monospace', fontSize: 12 }} />
                )}
              </div>
            ) : null}
            <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="simulation-run">
              {t('simulation.run')}
            </Button>
          </Form>
        </Card>
        {result ? <SimulationResult simulation={result} policy={policy} /> : null}
        <Card title={t('simulation.saved')}>
          <Typography.Paragraph type="secondary">{t('simulation.compareHint')}</Typography.Paragraph>
          <Table<Simulation>
            rowKey="id"
            size="small"
            loading={runs.isFetching}
            dataSource={runs.data ?? []}
            locale={{ emptyText: t('simulation.noRuns') }}
            scroll={{ x: 'max-content' }}
            pagination={false}
            data-testid="simulation-runs"
            rowSelection={{ selectedRowKeys: compared, onChange: (keys) => setCompared(keys.map(String)) }}
            onRow={(entry) => ({ onClick: () => setResult(entry), style: { cursor: 'pointer' } })}
            columns={[
              { key: 'name', title: t('simulation.name'), dataIndex: 'name' },
              { key: 'asOf', title: t('simulation.asOf'), dataIndex: 'asOf' },
              { key: 'change', title: t('simulation.changeSummary'), render: (_, entry) => <ChangeSummary simulation={entry} policy={policy} /> },
              { key: 'eligible', title: t('simulation.eligibleAfter'), render: (_, entry) => `${entry.result.baseline.eligible} → ${entry.result.variant.eligible}` },
              { key: 'total', title: t('simulation.total'), align: 'right', render: (_, entry) => formatMoney(entry.result.variant.total) },
              { key: 'createdAt', title: t('batches.columns.createdAt'), render: (_, entry) => formatDateTime(entry.createdAt) },
            ]}
          />
        </Card>
        {comparedRuns.length >= 2 ? <Comparison runs={comparedRuns} policy={policy} /> : null}
      </Flex>
    </>
  );
}

function parameterText(parameter: PolicyParameter, value: number | null | undefined, kind: SubjectKind, language: 'zh-CN' | 'en-US') {
  if (value === null || value === undefined) return '—';
  const fact = parameter.fact ? factModels[kind][parameter.fact] : undefined;
  const rank = fact?.ranks?.[value];
  if (rank) return rank[language];
  return parameter.kind === 'yuan' ? formatMoney(value) : String(value);
}

/** A parameter's new value: a rank by its labels, a number or an amount as a number. */
function ParameterInput({ parameter, kind, value, onChange }: { parameter: PolicyParameter; kind: SubjectKind; value?: number | null; onChange?: (value: number | null) => void }) {
  const language = currentLanguage();
  const fact = parameter.fact ? factModels[kind][parameter.fact] : undefined;
  if (parameter.kind === 'rank' && fact?.ranks) {
    return (
      <Select<number>
        value={value ?? undefined}
        onChange={(next) => onChange?.(next)}
        options={Object.entries(fact.ranks).map(([rank, labels]) => ({ value: Number(rank), label: labels[language] }))}
        data-testid={`simulation-param-${parameter.name}`}
      />
    );
  }
  return <InputNumber value={value} onChange={(next) => onChange?.(next)} style={{ width: '100%' }} data-testid={`simulation-param-${parameter.name}`} {...(parameter.kind === 'yuan' ? moneyInputProps() : {})} />;
}

function ChangeSummary({ simulation, policy }: { simulation: Simulation; policy: PolicyDetail }) {
  const { t } = useTranslation();
  const kind = subjectKindOf(policy.target);
  const language = currentLanguage();
  return (
    <Flex gap={4} wrap>
      {Object.entries(simulation.change.params).map(([name, value]) => {
        const parameter = policy.parameters.find((entry) => entry.name === name);
        const before = simulation.result.baseParams[name];
        return parameter ? (
          <Tag key={name}>
            {parameter.label}: {parameterText(parameter, before, kind, language)} → {parameterText(parameter, value, kind, language)}
          </Tag>
        ) : (
          <Tag key={name}>
            {name}: {before} → {value}
          </Tag>
        );
      })}
      {simulation.change.eligibility ? <Tag color="purple">{t('simulation.ruleChanged')}</Tag> : null}
    </Flex>
  );
}

/** Labels of breakdown keys: industries and tiers by name, education by its rank's label. */
function useGroupLabel(kind: SubjectKind) {
  const { t } = useTranslation();
  const reference = useReference().data;
  const language = currentLanguage();
  return (dimension: 'industry' | 'education' | 'tier', key: string | null) => {
    if (key === null) return t('simulation.unknownGroup');
    if (dimension === 'industry') return industryName(t, reference, key);
    if (dimension === 'tier') return tierName(reference, key);
    const fact = factModels[kind].education;
    return fact?.ranks?.[Number(key)]?.[language] ?? key;
  };
}

function SimulationResult({ simulation, policy }: { simulation: Simulation; policy: PolicyDetail }) {
  const { t } = useTranslation();
  const kind = subjectKindOf(policy.target);
  const groupLabel = useGroupLabel(kind);
  const { result } = simulation;
  const over = result.variant.total - result.budget.remaining;
  const dimensions = ['industry', 'education', 'tier'] as const;
  const names = (list: { count: number; items: { id: string; name: string }[] }) =>
    list.count ? `${list.items.slice(0, 20).map((item) => item.name).join('、')}${list.count > 20 ? ` ${t('simulation.more', { count: list.count - 20 })}` : ''}` : t('common.none');
  return (
    <Card title={`${t('simulation.results')} · ${simulation.name} · ${simulation.asOf}`} data-testid="simulation-result" extra={<ChangeSummary simulation={simulation} policy={policy} />}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('simulation.subjects', { count: result.subjects })}</Typography.Text>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Statistic title={t('simulation.eligibleNow')} value={result.baseline.eligible} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('simulation.eligibleAfter')} value={result.variant.eligible} styles={{ content: { color: '#1456c8', fontWeight: 600 } }} data-testid="simulation-eligible-after" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('simulation.newly')} value={result.newlyEligible.count} prefix="+" styles={{ content: { color: '#389e0d' } }} data-testid="simulation-newly" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('simulation.noLonger')} value={result.noLongerEligible.count} prefix="−" styles={{ content: { color: '#cf1322' } }} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('simulation.perPeriod')} value={`${formatMoney(result.baseline.perPeriod)} → ${formatMoney(result.variant.perPeriod)}`} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('simulation.total')} value={`${formatMoney(result.baseline.total)} → ${formatMoney(result.variant.total)}`} />
          </Col>
          <Col xs={24} md={12}>
            <Statistic title={t('simulation.budgetRemaining')} value={formatMoney(result.budget.remaining)} />
            <Typography.Text type={over > 0 ? 'danger' : 'success'} data-testid="simulation-budget">
              {over > 0 ? t('simulation.overBudget', { amount: formatMoney(over) }) : t('simulation.withinBudget')}
            </Typography.Text>
          </Col>
        </Row>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <Typography.Text strong>{t('simulation.newly')}：</Typography.Text>
            <Typography.Paragraph data-testid="simulation-newly-names">{names(result.newlyEligible)}</Typography.Paragraph>
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text strong>{t('simulation.noLonger')}：</Typography.Text>
            <Typography.Paragraph>{names(result.noLongerEligible)}</Typography.Paragraph>
          </Col>
        </Row>
        <Tabs
          items={dimensions.map((dimension) => ({
            key: dimension,
            label: t(`simulation.by.${dimension}`),
            children: (
              <Table<BreakdownRow>
                rowKey={(row) => row.key ?? '∅'}
                size="small"
                pagination={false}
                dataSource={result.breakdown[dimension]}
                scroll={{ x: 'max-content' }}
                data-testid={`simulation-breakdown-${dimension}`}
                columns={[
                  { key: 'key', title: t('simulation.breakdownColumns.key'), render: (_, row) => groupLabel(dimension, row.key) },
                  { key: 'baseline', title: t('simulation.breakdownColumns.baseline'), dataIndex: 'baseline', align: 'right' },
                  { key: 'variant', title: t('simulation.breakdownColumns.variant'), dataIndex: 'variant', align: 'right' },
                  {
                    key: 'change',
                    title: t('simulation.breakdownColumns.change'),
                    align: 'right',
                    render: (_, row) => {
                      const change = row.variant - row.baseline;
                      return <Typography.Text type={change > 0 ? 'success' : change < 0 ? 'danger' : 'secondary'}>{change > 0 ? `+${change}` : change}</Typography.Text>;
                    },
                  },
                ]}
              />
            ),
          }))}
        />
        {simulation.change.eligibility ? (
          <div>
            <Typography.Text strong>{t('simulation.ruleChanged')}</Typography.Text>
            <RuleView rule={simulation.change.eligibility} kind={kind} parameters={policy.parameters} />
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}

/** Two or more saved runs side by side: the same figures in columns. */
function Comparison({ runs, policy }: { runs: Simulation[]; policy: PolicyDetail }) {
  const { t } = useTranslation();
  const rows = useMemo(
    () => [
      { key: 'asOf', label: t('simulation.asOf'), value: (run: Simulation) => run.asOf },
      { key: 'change', label: t('simulation.changeSummary'), value: (run: Simulation) => <ChangeSummary simulation={run} policy={policy} /> },
      { key: 'now', label: t('simulation.eligibleNow'), value: (run: Simulation) => run.result.baseline.eligible },
      { key: 'after', label: t('simulation.eligibleAfter'), value: (run: Simulation) => run.result.variant.eligible },
      { key: 'newly', label: t('simulation.newly'), value: (run: Simulation) => `+${run.result.newlyEligible.count}` },
      { key: 'lost', label: t('simulation.noLonger'), value: (run: Simulation) => `−${run.result.noLongerEligible.count}` },
      { key: 'perPeriod', label: t('simulation.perPeriod'), value: (run: Simulation) => formatMoney(run.result.variant.perPeriod) },
      { key: 'total', label: t('simulation.total'), value: (run: Simulation) => formatMoney(run.result.variant.total) },
      {
        key: 'budget',
        label: t('simulation.budgetRemaining'),
        value: (run: Simulation) => {
          const over = run.result.variant.total - run.result.budget.remaining;
          return <Typography.Text type={over > 0 ? 'danger' : 'success'}>{over > 0 ? t('simulation.overBudget', { amount: formatMoney(over) }) : t('simulation.withinBudget')}</Typography.Text>;
        },
      },
    ],
    [t, policy],
  );
  return (
    <Card title={t('simulation.compareTitle')} data-testid="simulation-compare">
      {runs.length ? (
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'label', title: '', render: (_, row) => <Typography.Text strong>{row.label}</Typography.Text> },
            ...runs.map((run) => ({ key: run.id, title: run.name, render: (_: unknown, row: (typeof rows)[number]) => row.value(run) })),
          ]}
        />
      ) : (
        <Empty />
      )}
    </Card>
  );
}
