import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Segmented, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { RuleGroupType } from 'react-querybuilder';
import { periodKinds, subjectKindOf, type AttachmentRequirement, type PeriodKind, type PolicyVersionInput, type ReviewStepDefinition } from '../../../domain/policies/policy';
import { validateRule } from '../../../domain/rules';
import { currentLanguage } from '../../app/i18n';
import { isApiError } from '../../app/api';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldErrors } from '../../ui/form-errors';
import { JsonView } from '../../ui/JsonView';
import { PageHeader } from '../../ui/PageHeader';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { countMatches, fetchPolicy, publishPolicy, saveDraft, type PolicyDetail, type PolicyParameter } from './policies.api';
import { RuleView, useUnits } from './policy-ui';
import { queryToRule, RuleBuilder, ruleToQuery, useRuleFields } from './RuleBuilder';

type DraftValues = {
  amount: string;
  periodKind: PeriodKind;
  periods: number;
  attachments: AttachmentRequirement[];
  steps: ReviewStepDefinition[];
  note: string;
};

const formFields = ['amount', 'periodKind', 'periods', 'note', 'attachments', 'attachments.*.code', 'attachments.*.name', 'steps', 'steps.*.name', 'steps.*.units', 'steps.*.mode', 'steps.*.workingDays'];

/** `steps.0.units.1` (one unit of a step) is shown on the step's unit select. */
const fieldOf = (path: string) => path.replace(/^(steps\.\d+\.units)\.\d+$/, '$1');

/** A JSON text as a rule: the parsed value, or the message saying what is wrong (JSON syntax, then the engine's check). */
export function parseRuleText(text: string, t: TFunction, language: 'zh-CN' | 'en-US'): { rule?: unknown; error?: string } {
  let rule: unknown;
  try {
    rule = JSON.parse(text);
  } catch (error) {
    return { error: t('draft.jsonInvalid', { message: error instanceof Error ? error.message : String(error) }) };
  }
  const [problem] = validateRule(rule);
  if (problem) return { error: t('draft.ruleInvalid', { path: problem.path, detail: language === 'zh-CN' ? problem.messageZh : problem.message }) };
  return { rule };
}

const paramsOf = (parameters: PolicyParameter[]) => Object.fromEntries(parameters.filter((parameter) => parameter.value !== null).map((parameter) => [parameter.name, parameter.value as number]));

/** The office edits a policy's draft version: the eligibility rule (builder or JSON), amount, periods, attachments, review steps. */
export function DraftEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const policy = useQuery({ queryKey: ['policy', id], queryFn: () => fetchPolicy(id) });
  if (policy.isPending) return <CenteredSpin />;
  if (policy.isError) return <ErrorAlert message={policy.error.message} retryLabel={t('common.retry')} onRetry={() => void policy.refetch()} />;
  return <DraftEditor key={policy.data.id} policy={policy.data} />;
}

function DraftEditor({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const kind = subjectKindOf(policy.target);
  const base = policy.draft ?? policy.published;
  const units = useUnits().data ?? [];
  const [form] = Form.useForm<DraftValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const fields = useRuleFields(kind, policy.parameters);

  // The builder shows a rule only when it can give it back unchanged; anything else (if/then, arithmetic …) stays JSON.
  const [initial] = useState(() => {
    const rule = base?.eligibility ?? { and: [] };
    return { rule, query: ruleToQuery(rule, kind, fields) };
  });
  const [ruleText, setRuleText] = useState(() => JSON.stringify(initial.rule, null, 2));
  const [query, setQuery] = useState<RuleGroupType | null>(initial.query);
  const [editor, setEditor] = useState<'builder' | 'json'>(initial.query ? 'builder' : 'json');
  const [eligibilityError, setEligibilityError] = useState<string | null>(null);

  const parsedRule = useMemo(() => parseRuleText(ruleText, t, language), [ruleText, t, language]);
  const handleQueryChange = (next: RuleGroupType) => {
    setQuery(next);
    setRuleText(JSON.stringify(queryToRule(next, kind), null, 2));
    setEligibilityError(null);
  };
  const handleEditorChange = (next: 'builder' | 'json') => {
    if (next === 'builder') {
      const parsed = parsedRule.rule === undefined ? null : ruleToQuery(parsedRule.rule, kind, fields);
      if (!parsed) {
        void message.warning(t('draft.notVisual'));
        return;
      }
      setQuery(parsed);
    }
    setEditor(next);
  };

  const debouncedRule = useDebouncedValue(parsedRule.rule, 500);
  const params = useMemo(() => paramsOf(policy.parameters), [policy.parameters]);
  const matches = useQuery({
    queryKey: ['match-count', policy.target, debouncedRule, params],
    queryFn: () => countMatches({ target: policy.target, eligibility: debouncedRule, params }),
    enabled: debouncedRule !== undefined,
    retry: false,
    staleTime: 60_000,
  });

  useEffect(() => {
    if (!base) return;
    form.setFieldsValue({
      amount: JSON.stringify(base.amount, null, 2),
      periodKind: base.periodKind,
      periods: base.periods,
      attachments: base.attachments,
      steps: base.steps,
      note: base.note,
    });
  }, [base, form]);

  const save = useMutation({
    mutationFn: async ({ values, publish }: { values: DraftValues; publish: boolean }) => {
      const payload: PolicyVersionInput = {
        eligibility: parsedRule.rule,
        amount: JSON.parse(values.amount) as unknown,
        periodKind: values.periodKind,
        periods: values.periodKind === 'oneOff' ? 1 : values.periods,
        attachments: values.attachments ?? [],
        steps: values.steps ?? [],
        note: values.note ?? '',
      };
      const saved = await saveDraft(policy.id, payload);
      return publish ? publishPolicy(policy.id) : saved;
    },
    onSuccess: (saved, { publish }) => {
      queryClient.setQueryData(['policy', policy.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['policies'] });
      void message.success(publish ? t('policies.published') : t('draft.saved'));
      navigate(`/policies/${policy.id}`);
    },
    onError: (error) => {
      if (!isApiError(error)) return setFormError(String(error));
      const fields = Object.fromEntries(Object.entries(error.fields).map(([path, text]) => [fieldOf(path), text]));
      const { eligibility, ...rest } = fields;
      setEligibilityError(eligibility ?? null);
      const unmatched = applyFieldErrors(form, rest, formFields);
      setFormError(error.code === 'validation' && unmatched.length === 0 ? (eligibility ? error.message : null) : [error.message, ...unmatched].join(' '));
    },
  });

  const submit = (publish: boolean) => {
    setFormError(null);
    if (parsedRule.error) {
      setEligibilityError(parsedRule.error);
      return;
    }
    void form.validateFields().then(
      (values) => {
        if (!publish) return save.mutate({ values, publish });
        void modal.confirm({ title: t('policies.actions.publish'), content: t('policies.confirmPublish'), okText: t('policies.actions.publish'), cancelText: t('common.cancel'), onOk: () => save.mutateAsync({ values, publish }).catch(() => undefined) });
      },
      () => undefined,
    );
  };

  const periodKind = Form.useWatch('periodKind', form);
  const unitOptions = units.map((unit) => ({ value: unit.code, label: `${unit.code} ${language === 'zh-CN' ? unit.name : unit.nameEn}` }));
  const amountRule = {
    validator: async (_: unknown, value: string) => {
      const parsed = parseRuleText(value ?? '', t, language);
      if (parsed.error) throw new Error(parsed.error);
    },
  };
  const required = { required: true, message: t('policies.form.required') };

  return (
    <>
      <PageHeader
        title={t('draft.title', { title: policy.title })}
        description={t('draft.description')}
        extra={
          <Space wrap>
            <Button onClick={() => navigate(`/policies/${policy.id}`)}>{t('common.cancel')}</Button>
            <Button loading={save.isPending} onClick={() => submit(false)} data-testid="draft-save">
              {t('draft.save')}
            </Button>
            <Button type="primary" loading={save.isPending} onClick={() => submit(true)} data-testid="draft-save-publish">
              {t('draft.saveAndPublish')}
            </Button>
          </Space>
        }
      />
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="draft-error" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            title={t('draft.eligibility')}
            extra={
              <Segmented<'builder' | 'json'>
                value={editor}
                onChange={handleEditorChange}
                options={[
                  { value: 'builder', label: t('draft.builder') },
                  { value: 'json', label: t('draft.json') },
                ]}
                data-testid="eligibility-mode"
              />
            }
          >
            {eligibilityError ? <Alert type="error" showIcon title={eligibilityError} style={{ marginBottom: 12 }} data-testid="eligibility-error" /> : null}
            {editor === 'builder' && query ? (
              <RuleBuilder kind={kind} fields={fields} query={query} onChange={handleQueryChange} />
            ) : editor === 'json' ? (
              <>
                <Input.TextArea
                  value={ruleText}
                  onChange={(event) => (setRuleText(event.target.value), setEligibilityError(null))}
                  autoSize={{ minRows: 8, maxRows: 24 }}
                  style={{ fontFamily: 'monospace', fontSize: 12 }}
                  status={parsedRule.error ? 'error' : undefined}
                  data-testid="eligibility-json"
                />
                {parsedRule.error ? <Typography.Text type="danger" data-testid="eligibility-json-error">{parsedRule.error}</Typography.Text> : null}
              </>
            ) : (
              <CenteredSpin />
            )}
            {policy.parameters.length ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {t('draft.paramsHelp')}{' '}
                {policy.parameters.map((parameter) => (
                  <Tag key={parameter.name}>
                    {parameter.label} = {parameter.value ?? '—'}
                  </Tag>
                ))}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16} style={{ position: 'sticky', top: 72 }}>
            <Card size="small" data-testid="match-count">
              {parsedRule.error ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : matches.isError ? (
                <Typography.Text type="danger">{isApiError(matches.error) ? [matches.error.message, ...Object.values(matches.error.fields)].join(' ') : String(matches.error)}</Typography.Text>
              ) : matches.data ? (
                <Statistic
                  title={t('draft.matchCount', { matched: matches.data.matched, subjects: matches.data.subjects })}
                  value={matches.data.matched}
                  suffix={`/ ${matches.data.subjects}`}
                  loading={matches.isFetching}
                  styles={{ content: { fontWeight: 600 } }}
                />
              ) : (
                <Typography.Text type="secondary">{t('draft.matchCountLoading')}</Typography.Text>
              )}
              {matches.data ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {matches.data.sql ? t('draft.matchCountSql') : t('draft.matchCountEngine')}
                </Typography.Text>
              ) : null}
            </Card>
            <Card size="small" title={t('draft.jsonPreview')}>
              {parsedRule.rule !== undefined ? (
                <Flex vertical gap={8}>
                  <RuleView rule={parsedRule.rule} kind={kind} parameters={policy.parameters} testId="draft-rule" />
                  <JsonView value={parsedRule.rule} />
                </Flex>
              ) : (
                <Typography.Text type="danger">{parsedRule.error}</Typography.Text>
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
      <Form<DraftValues> form={form} name="draft-form" layout="vertical" autoComplete="off" style={{ marginTop: 16 }}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title={t('draft.amount')}>
              <Form.Item name="amount" extra={t('draft.amountHelp')} rules={[required, amountRule]}>
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="amount-json" />
              </Form.Item>
              <Space wrap size={12}>
                <Form.Item name="periodKind" label={t('draft.periodKind')} rules={[required]}>
                  <Select style={{ width: 140 }} options={periodKinds.map((value) => ({ value, label: t(`policyCodes.periodKinds.${value}`) }))} data-testid="period-kind" />
                </Form.Item>
                <Form.Item name="periods" label={t('draft.periods')} rules={[required]}>
                  <InputNumber min={1} max={120} disabled={periodKind === 'oneOff'} data-testid="periods" />
                </Form.Item>
              </Space>
              <Form.Item name="note" label={t('draft.note')}>
                <Input maxLength={500} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('draft.attachments')}>
              <Form.List name="attachments">
                {(items, { add, remove }) => (
                  <Flex vertical gap={4}>
                    {items.map((item) => (
                      <Flex key={item.key} gap={8} wrap align="flex-start">
                        <Form.Item name={[item.name, 'code']} rules={[required]} style={{ marginBottom: 8 }}>
                          <Input placeholder={t('draft.attachmentCode')} style={{ width: 130 }} />
                        </Form.Item>
                        <Form.Item name={[item.name, 'name']} rules={[required]} style={{ marginBottom: 8, flex: 1, minWidth: 140 }}>
                          <Input placeholder={t('draft.attachmentName')} />
                        </Form.Item>
                        <Form.Item name={[item.name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
                          <Checkbox>{t('draft.attachmentRequired')}</Checkbox>
                        </Form.Item>
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('draft.remove')} onClick={() => remove(item.name)} />
                      </Flex>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', name: '', required: true })} data-testid="add-attachment">
                      {t('draft.addAttachment')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Card>
          </Col>
          <Col span={24}>
            <Card title={t('draft.steps')}>
              <Form.List name="steps">
                {(items, { add, remove }) => (
                  <Flex vertical gap={8}>
                    {items.map((item, index) => (
                      <Card key={item.key} size="small" type="inner" title={`${index + 1}.`} extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('draft.remove')} onClick={() => remove(item.name)} disabled={items.length <= 1} />}>
                        <Row gutter={12}>
                          <Col xs={24} md={5}>
                            <Form.Item name={[item.name, 'name']} label={t('draft.stepName')} rules={[required]}>
                              <Input maxLength={60} />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={10}>
                            <Form.Item name={[item.name, 'units']} label={t('draft.stepUnits')} rules={[{ ...required, type: 'array', min: 1 }]}>
                              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={unitOptions} data-testid={`step-units-${index}`} />
                            </Form.Item>
                          </Col>
                          <Col xs={12} md={5}>
                            <Form.Item name={[item.name, 'mode']} label={t('draft.stepMode')} rules={[required]}>
                              <Select options={(['any', 'all'] as const).map((value) => ({ value, label: t(`policyCodes.stepModes.${value}`), title: t(`policyCodes.stepModeHelp.${value}`) }))} />
                            </Form.Item>
                          </Col>
                          <Col xs={12} md={4}>
                            <Form.Item name={[item.name, 'workingDays']} label={t('draft.stepDays')} rules={[required]}>
                              <InputNumber min={1} max={60} style={{ width: '100%' }} />
                            </Form.Item>
                          </Col>
                        </Row>
                      </Card>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', units: [], mode: 'any', workingDays: 5 })} disabled={items.length >= 6} data-testid="add-step">
                      {t('draft.addStep')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Card>
          </Col>
        </Row>
      </Form>
    </>
  );
}
