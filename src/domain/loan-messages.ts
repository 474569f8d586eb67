/** Server messages of start-up guaranteed loans (创业担保贷款), in both languages; merged into i18n.ts. */
type Bilingual = Record<'zh-CN' | 'en-US', string>;

export const loanErrorMessages = {
  loanOwn: { 'zh-CN': '不能办理本人申请或涉及本人的贷款', 'en-US': 'You cannot handle a loan you applied for or that concerns you' },
  loanPolicyMissing: { 'zh-CN': '创业担保贷款贴息政策（{code}）未发布，暂不能贴息', 'en-US': 'The start-up loan subsidy policy ({code}) is not published; no subsidy can be granted yet' },
  loanSubsidyTaken: { 'zh-CN': '申请人在以下期间已享受创业担保贷款贴息：{periods}', 'en-US': 'The applicant already receives the start-up loan subsidy for: {periods}' },
} satisfies Record<string, Bilingual>;

export const loanFieldMessages = {
  'loan.bankUnknown': { 'zh-CN': '不是可选的贷款银行', 'en-US': 'is not one of the lending banks' },
  'loan.guarantorUnknown': { 'zh-CN': '不是可选的担保机构', 'en-US': 'is not one of the guarantors' },
  'loan.amountAboveLimit': { 'zh-CN': '不能超过 {maximum} 元（{applicant}）', 'en-US': 'must be at most ¥{maximum} ({applicant})' },
  'loan.applicantUnknown': { 'zh-CN': '只有人才本人或企业可申请创业担保贷款', 'en-US': 'only a talent or an enterprise may apply for a start-up loan' },
  'loan.notThisStage': { 'zh-CN': '不属于当前环节（{stage}）', 'en-US': 'is not recorded at the current stage ({stage})' },
  'loan.aboveRequested': { 'zh-CN': '不能超过申请金额 {maximum} 元', 'en-US': 'must not exceed the amount applied for (¥{maximum})' },
  'loan.aboveApproved': { 'zh-CN': '不能超过银行审批金额 {maximum} 元', 'en-US': 'must not exceed the amount the bank approved (¥{maximum})' },
  'loan.aboveDisbursed': { 'zh-CN': '不能超过放款金额 {maximum} 元', 'en-US': 'must not exceed the amount disbursed (¥{maximum})' },
  'loan.positive': { 'zh-CN': '应大于 0', 'en-US': 'must be more than 0' },
  'loan.beforeSubmission': { 'zh-CN': '不能早于申请日期 {date}', 'en-US': 'must not be before the application date {date}' },
  'loan.beforeDisbursement': { 'zh-CN': '不能早于放款日期 {date}', 'en-US': 'must not be before the disbursement date {date}' },
} satisfies Record<string, Bilingual>;

export const loanFieldLabels: Record<string, Bilingual> = {
  bankCode: { 'zh-CN': '贷款银行', 'en-US': 'Bank' },
  guarantorCode: { 'zh-CN': '担保机构', 'en-US': 'Guarantor' },
  loanAmount: { 'zh-CN': '贷款金额', 'en-US': 'Loan amount' },
  termMonths: { 'zh-CN': '贷款期限（月）', 'en-US': 'Term (months)' },
  subsidyRate: { 'zh-CN': '贴息利率（%）', 'en-US': 'Subsidy rate (%)' },
  purpose: { 'zh-CN': '贷款用途', 'en-US': 'Purpose' },
  data: { 'zh-CN': '环节数据', 'en-US': 'Stage data' },
  approvedAmount: { 'zh-CN': '审批金额', 'en-US': 'Approved amount' },
  bankReference: { 'zh-CN': '银行审批编号', 'en-US': 'Bank reference' },
  disbursedAmount: { 'zh-CN': '放款金额', 'en-US': 'Amount disbursed' },
  disbursedOn: { 'zh-CN': '放款日期', 'en-US': 'Disbursement date' },
  balance: { 'zh-CN': '贷款余额', 'en-US': 'Balance' },
  settledOn: { 'zh-CN': '结清日期', 'en-US': 'Settlement date' },
  stage: { 'zh-CN': '办理环节', 'en-US': 'Stage' },
  year: { 'zh-CN': '年度', 'en-US': 'Year' },
};
