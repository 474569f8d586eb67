import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Flex, Progress, Segmented, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SubjectKind } from '../../../domain/policies/facts';
import type { ApplicationStatus, EntitlementStatus, PeriodKind, PolicyMode, PolicyStatus } from '../../../domain/policies/policy';
import type { ExplainNode } from '../../../domain/rules';
import { can } from '../../../domain/permissions';
import { currentLanguage } from '../../app/i18n';
import { useCurrentUser } from '../auth/RequireSession';
import { JsonView } from '../../ui/JsonView';
import { fetchUnits } from '../organisations/organisations.api';
import { tierName, industryName, useReference } from '../reference/reference.api';
import type { Budget, PolicyParameter } from './policies.api';
import { ruleLines } from './rule-text';
import { formatMoney } from '../../ui/format';


/** The period of an entitlement or a batch: `2026-11`, `2026`, or `once`, the one payment of a one-off policy (一次性). */
export const periodLabel = (t: TFunction, period: string) => (period === 'once' ? t('ledger.once') : period);

/**
 * The round of an application: the year for a yearly policy; `once` otherwise, where one application covers the
 * whole entitlement period of a monthly policy (整个享受期) or the one payment of a one-off policy (一次性).
 */
export const roundLabel = (t: TFunction, round: string, periodKind: PeriodKind) =>
  round !== 'once' ? round : periodKind === 'oneOff' ? t('ledger.once') : t('applications.wholePeriod');

const policyStatusColors: Record<PolicyStatus, string> = { draft: 'default', published: 'green', retired: 'red' };
const applicationStatusColors: Record<ApplicationStatus, string> = { inReview: 'processing', returned: 'orange', approved: 'green', rejected: 'red', withdrawn: 'default' };
const entitlementStatusColors: Record<EntitlementStatus, string> = { pending: 'gold', scheduled: 'blue', inBatch: 'processing', paid: 'green', failed: 'red', paused: 'default', declined: 'default' };

export function PolicyStatusTag({ status }: { status: PolicyStatus }) {
  const { t } = useTranslation();
  return <Tag color={policyStatusColors[status]}>{t(`policyCodes.statuses.${status}`)}</Tag>;
}

export function ModeTag({ mode }: { mode: PolicyMode }) {
  const { t } = useTranslation();
  return <Tag color={mode === 'automatic' ? 'cyan' : 'geekblue'}>{t(`policyCodes.modes.${mode}`)}</Tag>;
}

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={applicationStatusColors[status]} data-status={status}>
      {t(`policyCodes.applicationStatuses.${status}`)}
    </Tag>
  );
}

export function EntitlementStatusTag({ status }: { status: EntitlementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={entitlementStatusColors[status]} data-status={status}>
      {t(`policyCodes.entitlementStatuses.${status}`)}
    </Tag>
  );
}

/** Budget use as one bar: paid (solid) within committed (the bar), against the total. */
export function BudgetBar({ budget, testId }: { budget: Budget; testId?: string }) {
  const { t } = useTranslation();
  const percent = (value: number) => (budget.total > 0 ? Math.min(100, Math.round((value / budget.total) * 1000) / 10) : 0);
  return (
    <Tooltip title={t('policies.budgetTooltip', { committed: formatMoney(budget.committed), paid: formatMoney(budget.paid), remaining: formatMoney(budget.remaining), total: formatMoney(budget.total) })}>
      <div style={{ minWidth: 160 }} data-testid={testId}>
        <Progress percent={percent(budget.committed)} success={{ percent: percent(budget.paid) }} size="small" status={budget.remaining < 0 ? 'exception' : 'normal'} aria-label={`${formatMoney(budget.committed)} / ${formatMoney(budget.total)}`} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatMoney(budget.committed)} / {formatMoney(budget.total)}
        </Typography.Text>
      </div>
    </Tooltip>
  );
}

/** The responsible units, for selects and for naming unit codes. */
export function useUnits() {
  const user = useCurrentUser();
  // a talent may not read the list of units (units.read): steps then show the units' codes
  return useQuery({ queryKey: ['units'], queryFn: fetchUnits, staleTime: 10 * 60_000, enabled: can(user.roles, 'units.read') });
}

export function useUnitName() {
  const units = useUnits().data;
  const english = currentLanguage() === 'en-US';
  return (code: string) => {
    const unit = units?.find((entry) => entry.code === code);
    return unit ? (english ? unit.nameEn : unit.name) : code;
  };
}

/** Labels of codes that are data (industries, tiers) for the rule's words. */
export function useCodeLabel() {
  const { t } = useTranslation();
  const reference = useReference().data;
  return (kind: string, code: string) => (kind === 'industries' ? industryName(t, reference, code) : kind === 'tiers' ? tierName(reference, code) : undefined);
}

type RuleViewProps = { rule: unknown; kind: SubjectKind; parameters: PolicyParameter[]; testId?: string };

/** A rule in words and, one click away, its JSON. */
export function RuleView({ rule, kind, parameters, testId }: RuleViewProps) {
  const { t } = useTranslation();
  const codeLabel = useCodeLabel();
  const [view, setView] = useState<'text' | 'json'>('text');
  const lines = ruleLines(rule, { t, language: currentLanguage(), kind, parameters, codeLabel });
  return (
    <div data-testid={testId}>
      <Segmented<'text' | 'json'>
        size="small"
        value={view}
        onChange={setView}
        options={[
          { value: 'text', label: t('policies.detail.readable') },
          { value: 'json', label: t('policies.detail.rawJson') },
        ]}
        style={{ marginBottom: 8 }}
      />
      {view === 'json' ? (
        <JsonView value={rule} />
      ) : (
        <div data-testid={testId ? `${testId}-text` : undefined}>
          {lines.map((line, index) => (
            <div key={index} style={{ paddingInlineStart: line.depth * 20, lineHeight: 1.8 }}>
              {line.depth > 0 ? '• ' : null}
              {line.text}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

const statusIcons: Record<ExplainNode['status'], ReactNode> = {
  met: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  notMet: <CloseCircleFilled style={{ color: '#cf1322' }} />,
  missing: <QuestionCircleFilled style={{ color: '#d48806' }} />,
};

/** The explanation trace: each condition met, not met or missing information, in the reader's language. */
export function ExplanationTree({ node, depth = 0 }: { node: ExplainNode; depth?: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div>
      <Flex gap={6} align="flex-start" style={{ paddingInlineStart: depth * 20, lineHeight: 1.8 }} data-testid="explain-node" data-status={node.status}>
        <span aria-label={t(`policyCodes.explainStatuses.${node.status}`)}>{statusIcons[node.status]}</span>
        <Typography.Text type={node.children ? 'secondary' : undefined}>{node.text[language]}</Typography.Text>
      </Flex>
      {node.children?.map((child) => <ExplanationTree key={child.path} node={child} depth={depth + 1} />)}
    </div>
  );
}

/** A subject's name with its kind, for lists that mix talents and enterprises. */
export function SubjectName({ subject }: { subject: { kind: SubjectKind; name: string } }) {
  return <span>{subject.name}</span>;
}
