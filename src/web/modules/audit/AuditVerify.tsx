import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditActionLabel } from '../../app/labels';
import { formatDateTime } from '../../ui/format';
import { verifyAudit, type ChainReport } from './audit.api';

/** The auditor's integrity check: recomputes the audit log's hash chain on the server and shows the first broken link. */
export function useAuditVerify() {
  return useMutation({ mutationFn: verifyAudit });
}

export function AuditVerifyButton({ verify }: { verify: ReturnType<typeof useAuditVerify> }) {
  const { t } = useTranslation();
  return (
    <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
      {verify.isPending ? t('audit.verify.running') : t('audit.verify.action')}
    </Button>
  );
}

export function AuditVerifyResult({ verify }: { verify: ReturnType<typeof useAuditVerify> }) {
  const { t } = useTranslation();
  if (verify.isError) return <Alert type="error" showIcon title={t('audit.verify.failed')} style={{ marginBottom: 16 }} />;
  const report: ChainReport | undefined = verify.data;
  if (!report) return null;
  const legacy = report.legacyRows ? ` ${t('audit.verify.legacy', { count: report.legacyRows })}` : '';
  if (report.intact) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-verify-result"
        title={t('audit.verify.intact')}
        description={
          <Typography.Text>
            {t('audit.verify.intactDetail', { checked: report.checked, lastSeq: report.lastSeq ?? t('common.none'), lastHash: report.lastHash ?? t('common.none') })}
            {legacy}
          </Typography.Text>
        }
        style={{ marginBottom: 16 }}
      />
    );
  }
  const broken = report.firstBroken!;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      title={t('audit.verify.broken')}
      description={
        <>
          <div>
            {t('audit.verify.brokenDetail', {
              seq: broken.seq ?? t('audit.verify.noSeq'),
              id: broken.id,
              at: formatDateTime(broken.at),
              action: auditActionLabel(t, broken.action),
              actor: broken.actorUsername ?? t('audit.anonymous'),
              checked: report.checked,
            })}
          </div>
          <Typography.Text strong data-problem={broken.problem}>
            {t(`audit.verify.problems.${broken.problem}`)}
          </Typography.Text>
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
