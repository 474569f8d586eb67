import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoanStageOrSettled } from './loans.api';

const stageColors: Record<LoanStageOrSettled, string> = { accept: 'blue', bankApproval: 'geekblue', disbursement: 'purple', subsidy: 'gold', settlement: 'cyan', settled: 'green' };

/** The stage a loan is at (受理 … 结清), or 已结清. */
export function LoanStageTag({ stage }: { stage: LoanStageOrSettled }) {
  const { t } = useTranslation();
  return <Tag color={stageColors[stage]}>{t(`loans.stages.${stage}`)}</Tag>;
}
