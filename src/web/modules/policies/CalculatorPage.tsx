import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Badge, Button, Card, Col, Collapse, Empty, Flex, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { factModels, type SubjectKind } from '../../../domain/policies/facts';
import type { PolicyTarget } from '../../../domain/policies/policy';
import { currentLanguage } from '../../app/i18n';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchTalents } from '../talents/talents.api';
import { ApplyDialog } from './ApplyDialog';
import { fetchCalculator, submitApplication, type CalculatorItem } from './policies.api';
import { ApplicationStatusTag, ExplanationTree, ModeTag } from './policy-ui';
import { formatMoney } from '../../ui/format';

const statusColors = { eligible: 'green', notEligible: 'red', needsData: 'gold' } as const;
const badgeStatus = { eligible: 'success', notEligible: 'error', needsData: 'warning' } as const;

type Subject = { target: PolicyTarget; subjectId?: string };

/** 政策计算器: every published policy judged on the subject's profile, with reasons, amounts and an 申请 button. */
export function CalculatorPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const hr = user.roles.includes('enterprise') && !!user.organisationId;
  const [who, setWho] = useState<'me' | 'enterprise' | 'staff'>(user.talentId ? 'me' : hr ? 'enterprise' : 'me');
  const [staffId, setStaffId] = useState<string | undefined>();
  const [staffSearch, setStaffSearch] = useState('');
  const debouncedSearch = useDebouncedValue(staffSearch, 300);
  const staff = useQuery({
    queryKey: ['talents', 'staff-options', debouncedSearch],
    queryFn: () => fetchTalents({ q: debouncedSearch || undefined, page: 1, pageSize: 20 }),
    enabled: hr && who === 'staff',
  });

  const subject: Subject | null = who === 'me' ? (user.talentId ? { target: 'talent' } : null) : who === 'enterprise' ? { target: 'enterprise' } : staffId ? { target: 'talent', subjectId: staffId } : null;
  const result = useQuery({
    queryKey: ['calculator', subject],
    queryFn: () => fetchCalculator(subject!.target, subject!.subjectId),
    enabled: subject !== null,
  });

  const whoOptions = [
    ...(user.talentId ? [{ value: 'me' as const, label: t('calculator.me') }] : []),
    ...(hr ? [{ value: 'enterprise' as const, label: t('calculator.enterprise') }, { value: 'staff' as const, label: t('calculator.staff') }] : []),
  ];
  const counts = { eligible: 0, needsData: 0, notEligible: 0 };
  for (const item of result.data?.items ?? []) counts[item.status] += 1;

  return (
    <>
      <PageHeader title={t('calculator.title')} description={t('calculator.description')} />
      {whoOptions.length > 1 ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex gap={12} wrap align="center">
            <Typography.Text>{t('calculator.forWhom')}</Typography.Text>
            <Segmented value={who} onChange={(value) => setWho(value)} options={whoOptions} data-testid="calculator-who" />
            {who === 'staff' ? (
              <Select
                showSearch={{ filterOption: false, onSearch: setStaffSearch }}
                value={staffId}
                onChange={setStaffId}
                placeholder={t('calculator.staffPlaceholder')}
                loading={staff.isFetching}
                options={(staff.data?.items ?? []).map((talent) => ({ value: talent.id, label: `${talent.name}${talent.post ? ` · ${talent.post}` : ''}` }))}
                style={{ width: 260, maxWidth: '100%' }}
                data-testid="calculator-staff"
              />
            ) : null}
          </Flex>
        </Card>
      ) : null}
      {subject === null && who === 'me' ? <Alert type="info" showIcon title={t('calculator.noSubject')} /> : null}
      {result.isPending && subject ? <CenteredSpin /> : null}
      {result.isError ? <ErrorAlert message={result.error.message} retryLabel={t('common.retry')} onRetry={() => void result.refetch()} /> : null}
      {result.data ? (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary" data-testid="calculator-summary">
            {t('calculator.asOf', { date: result.data.asOf, name: result.data.subject.name })} · {t('calculator.summary', counts)}
          </Typography.Text>
          {result.data.items.length === 0 ? <Empty description={t('calculator.empty')} /> : null}
          <Row gutter={[12, 12]}>
            {result.data.items.map((item) => (
              <Col key={item.policy.id} xs={24} lg={12}>
                <PolicyResult item={item} subject={subject!} kind={result.data.subject.kind} />
              </Col>
            ))}
          </Row>
        </Flex>
      ) : null}
    </>
  );
}

/** One policy's answer: the verdict, the amount per period × periods, each condition, what is missing, and the way to apply. */
function PolicyResult({ item, subject, kind }: { item: CalculatorItem; subject: Subject; kind: SubjectKind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const [applying, setApplying] = useState(false);
  const open = item.application && ['inReview', 'returned'].includes(item.application.status);
  const canApply = item.status === 'eligible' && item.policy.mode === 'apply' && !open && item.entitlements.count === 0;
  const perPeriod = item.periodKind === 'oneOff' ? t('calculator.oneOff', { amount: formatMoney(item.amount) }) : t('calculator.amountLine', { amount: formatMoney(item.amount), periods: `${item.periods} ${t(`policyCodes.periodUnits.${item.periodKind}`)}` });

  return (
    <Badge.Ribbon text={t(`policyCodes.calculatorStatuses.${item.status}`)} color={statusColors[item.status]}>
      <Card
        size="small"
        title={
          <Flex vertical style={{ paddingInlineEnd: 80, whiteSpace: 'normal' }}>
            <Typography.Text strong>{item.policy.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {item.policy.documentNo} {item.policy.unit}
            </Typography.Text>
          </Flex>
        }
        data-testid="calculator-item"
        data-policy={item.policy.code}
        data-status={item.status}
        style={{ height: '100%' }}
      >
        <Flex vertical gap={8}>
          <Space wrap size={4}>
            <ModeTag mode={item.policy.mode} />
            <Tag>{t(`policyCodes.categories.${item.policy.category}`)}</Tag>
            <Badge status={badgeStatus[item.status]} text={t(`policyCodes.calculatorStatuses.${item.status}`)} />
          </Space>
          {item.status === 'eligible' ? (
            <Typography.Text strong style={{ color: '#1456c8' }} data-testid="calculator-amount">
              {perPeriod}
              {item.periodKind !== 'oneOff' ? ` · ${t('calculator.totalLine', { total: formatMoney(item.amount * item.periods) })}` : ''}
            </Typography.Text>
          ) : null}
          {item.status !== 'eligible' && item.explanation.unmet.length ? (
            <Alert
              type={item.status === 'needsData' ? 'warning' : 'error'}
              showIcon
              title={t('calculator.whatWouldHelp')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="calculator-unmet">
                  {item.explanation.unmet.map((node) => (
                    <li key={node.path}>{node.text[language]}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {item.status === 'needsData' && item.explanation.missing.length ? <Typography.Text type="warning">{t('calculator.missingFacts', { facts: item.explanation.missing.map((fact) => factModels[kind][fact]?.label[language] ?? fact).join(t('common.listSeparator')) })}</Typography.Text> : null}
          <Collapse
            size="small"
            defaultActiveKey={item.status === 'eligible' ? [] : ['conditions']}
            items={[{ key: 'conditions', label: t('calculator.conditions'), children: <ExplanationTree node={item.explanation.trace} /> }]}
          />
          {item.policy.mode === 'automatic' ? <Typography.Text type="secondary">{t('calculator.automaticNote')}</Typography.Text> : null}
          <Flex gap={8} wrap align="center">
            {canApply ? (
              <Button type="primary" onClick={() => setApplying(true)} data-testid="calculator-apply">
                {t('calculator.apply')}
              </Button>
            ) : null}
            {item.application ? (
              <Space size={4}>
                <ApplicationStatusTag status={item.application.status} />
                <Link to={`/applications/${item.application.id}`} data-testid="calculator-application">
                  {t('calculator.viewApplication')}
                </Link>
              </Space>
            ) : null}
            {item.entitlements.count ? (
              <Typography.Text type="success">{t('calculator.granted', { statuses: item.entitlements.statuses.map((status) => t(`policyCodes.entitlementStatuses.${status}`)).join(t('common.listSeparator')) })}</Typography.Text>
            ) : null}
          </Flex>
        </Flex>
      </Card>
      {applying ? (
        <ApplyDialog
          title={t('apply.title', { title: item.policy.title })}
          requirements={item.attachments}
          okText={t('apply.submit')}
          onClose={() => setApplying(false)}
          onSubmit={async (values) => {
            const application = await submitApplication({ policyId: item.policy.id, subjectId: subject.subjectId, ...values });
            void queryClient.invalidateQueries({ queryKey: ['calculator'] });
            void queryClient.invalidateQueries({ queryKey: ['applications'] });
            void message.success(t('apply.submitted'));
            navigate(`/applications/${application.id}`);
          }}
        />
      ) : null}
    </Badge.Ribbon>
  );
}
