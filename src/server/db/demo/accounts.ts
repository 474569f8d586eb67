import type { Role } from '../../../domain/roles';

/* The demo accounts and their credentials, apart from the loader so that printing or answering them loads no demo data code. */

export const demoPassword = 'Demo@2026';
/**
 * The TOTP secret of the three demo administrators (sysadmin, secadmin, auditor), pre-enrolled so a newcomer and the
 * tests can sign in: add it to an authenticator app (or compute codes with otplib). Demo data only.
 */
export const demoTotpSecret = 'KRQWYZLOORNG63TFIRSW23ZSGAZDMIJB';

export const demoAccounts: { username: string; displayName: string; roles: Role[]; description: string }[] = [
  { username: 'office', displayName: '人才办 张敏', roles: ['office'], description: '人才办工作人员 / talent office' },
  { username: 'talent', displayName: '', roles: ['talent'], description: '人才 / talent' },
  { username: 'enterprise', displayName: '泵阀集团人力资源部 刘洋', roles: ['enterprise'], description: '企业人力资源 / enterprise HR' },
  { username: 'department', displayName: '人社局 赵静', roles: ['department'], description: '责任单位工作人员（人社局）/ department staff (human resources)' },
  { username: 'finance', displayName: '财政金融局 孙磊', roles: ['department'], description: '责任单位工作人员（财政金融局）/ department staff (finance)' },
  { username: 'housing', displayName: '规划建设局 周涛', roles: ['department'], description: '责任单位工作人员（规划建设局）/ department staff (planning and construction)' },
  { username: 'economy', displayName: '经济发展局 吴昊', roles: ['department'], description: '责任单位工作人员（经济发展局）/ department staff (economic development)' },
  { username: 'science', displayName: '科技创新局 林晓', roles: ['department'], description: '责任单位工作人员（科技创新局）/ department staff (science and technology)' },
  { username: 'leader', displayName: '领导干部 陈国强', roles: ['leader'], description: '领导干部 / leader' },
  { username: 'sysadmin', displayName: '系统管理员', roles: ['sysadmin'], description: '系统管理员 / system administrator' },
  { username: 'secadmin', displayName: '安全管理员', roles: ['secadmin'], description: '安全管理员 / security administrator' },
  { username: 'auditor', displayName: '审计管理员', roles: ['auditor'], description: '审计管理员 / auditor' },
];

/** The unit (by code) each demo department account reviews for: 人社局, 财政金融局, 规划建设局, 经济发展局, 科技创新局. */
export const demoReviewUnits: Record<string, string> = { department: 'U07', finance: 'U06', housing: 'U10', economy: 'U04', science: 'U05' };
