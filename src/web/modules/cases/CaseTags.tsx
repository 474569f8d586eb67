import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../domain/policies/policy';
import { formatDateTime } from '../../ui/format';

const statusColors: Record<ApplicationStatus, string> = { inReview: 'blue', returned: 'orange', approved: 'green', rejected: 'red', withdrawn: 'default' };

export function CaseStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`cases.statuses.${status}`)}</Tag>;
}

/** The due time of the current step with its overdue and escalated flags. */
export function CaseDeadline({ dueAt, overdue, escalated }: { dueAt: string | null; overdue: boolean; escalated: boolean }) {
  const { t } = useTranslation();
  if (!dueAt) return <>{t('common.none')}</>;
  return (
    <Flex gap={4} wrap>
      <span>{formatDateTime(dueAt)}</span>
      {overdue ? <Tag color="red">{t('cases.overdue')}</Tag> : null}
      {escalated ? <Tag color="volcano">{t('cases.escalated')}</Tag> : null}
    </Flex>
  );
}
