/** Texts of the start-up loan pages (创业担保贷款), merged into the app's resources by app/i18n.ts. */
export const loansZhCN = {
  nav: { loans: '创业担保贷款', loanTotals: '贷款统计' },
  loans: {
    stages: { accept: '受理', bankApproval: '银行审批', disbursement: '放款', subsidy: '贴息', settlement: '结清', settled: '已结清' },
    applicantKinds: { talent: '人才', enterprise: '企业' },
    columns: {
      applicant: '申请人', bank: '贷款银行', guarantor: '担保机构', amount: '贷款金额', disbursed: '放款金额', term: '期限', rate: '贴息利率', stage: '办理环节', status: '状态',
      units: '承办单位', due: '办理时限', disbursedOn: '放款日期', subsidy: '贴息合计', submittedAt: '申请时间',
    },
    months: '{{count}} 个月',
    percent: '{{rate}}%',
    list: { title: '创业担保贷款', description: '创业担保贷款从受理、银行审批、放款、贴息到结清的办理情况；贴息按政策计入兑现台账。', apply: '申请贷款', stage: '办理环节', status: '状态', bank: '贷款银行', year: '放款年度', applicantKind: '申请人类型', totals: '贷款统计' },
    apply: {
      title: '申请创业担保贷款', submit: '提交申请', done: '贷款申请已提交', bank: '贷款银行', guarantor: '担保机构', amount: '贷款金额', term: '贷款期限（月）', rate: '贴息利率（%）', purpose: '贷款用途',
      limits: '个人最高 30 万元，小微企业最高 300 万元；期限 6–36 个月。', files: '贷款材料（贷款合同、担保函等，PDF/JPG/PNG）', upload: '上传文件', uploaded: '已上传：{{name}}',
    },
    detail: {
      title: '创业担保贷款', loan: '贷款信息', purpose: '贷款用途', approvedAmount: '审批金额', bankReference: '银行审批编号', approvedAt: '审批时间', maturityOn: '到期日', settledOn: '结清日期',
      subsidy: '贴息', subsidyEligible: '贴息按政策“创业担保贷款贴息”计入兑现台账，按期拨付。', subsidyNone: '本笔贷款不予贴息', subsidyPending: '放款后在“贴息”环节按政策计算并计入兑现台账。',
      basis: '计算依据', period: '期间', subsidyAmount: '贴息金额', periodYear: '{{year}} 年度', entitlementStatus: '台账状态', paidAt: '拨付时间', ledger: '在兑现台账中查看',
      stages: '办理环节', history: '办理记录', attachments: '材料', internalNote: '内部意见', none: '无',
      handle: '办理当前环节：{{stage}}', decision: '办理结果', decisions: { approve: '完成本环节', return: '退回补正', reject: '不予办理' }, comment: '意见（申请人可见）', commentRequired: '退回或不予办理时必须填写意见',
      submit: '提交', handled: '已提交办理结果', stale: '该贷款已被他人处理或已更新，已重新加载', stageData: '本环节登记',
      resubmit: '补正后重新提交', resubmitPurpose: '贷款用途（可修改）', withdraw: '撤回申请', withdrawn: '申请已撤回',
    },
    fields: { approvedAmount: '审批金额', bankReference: '银行审批编号', disbursedAmount: '放款金额', disbursedOn: '放款日期', balance: '贷款余额（不填按放款金额）', settledOn: '结清日期' },
    totals: {
      title: '贷款统计', description: '按放款年度和贷款银行统计已放款的创业担保贷款：笔数、扶持金额、贴息（已计入台账与已拨付）。', year: '年度', allYears: '全部年度', bank: '贷款银行',
      count: '笔数', amount: '扶持金额', granted: '贴息计入台账', paid: '贴息已拨付', byYear: '按年度', byBank: '按银行', total: '合计', yearLabel: '{{year}} 年',
    },
    ledgerLoan: '贷款：{{bank}}，{{amount}}',
  },
};

type TextsOf<T> = { [Key in keyof T]: T[Key] extends string ? string : TextsOf<T[Key]> };

export const loansEnUS: TextsOf<typeof loansZhCN> = {
  nav: { loans: 'Start-up loans', loanTotals: 'Loan totals' },
  loans: {
    stages: { accept: 'Acceptance', bankApproval: 'Bank approval', disbursement: 'Disbursement', subsidy: 'Interest subsidy', settlement: 'Settlement', settled: 'Settled' },
    applicantKinds: { talent: 'Talent', enterprise: 'Enterprise' },
    columns: {
      applicant: 'Applicant', bank: 'Bank', guarantor: 'Guarantor', amount: 'Loan amount', disbursed: 'Disbursed', term: 'Term', rate: 'Subsidy rate', stage: 'Stage', status: 'Status',
      units: 'Handling unit', due: 'Due', disbursedOn: 'Disbursed on', subsidy: 'Subsidy total', submittedAt: 'Applied',
    },
    months: '{{count}} months',
    percent: '{{rate}}%',
    list: { title: 'Start-up guaranteed loans', description: 'Start-up loans from acceptance, bank approval and disbursement to the interest subsidy and settlement; the subsidy goes on the entitlement ledger.', apply: 'Apply for a loan', stage: 'Stage', status: 'Status', bank: 'Bank', year: 'Year disbursed', applicantKind: 'Applicant type', totals: 'Loan totals' },
    apply: {
      title: 'Apply for a start-up guaranteed loan', submit: 'Submit', done: 'Loan application submitted', bank: 'Bank', guarantor: 'Guarantor', amount: 'Loan amount', term: 'Term (months)', rate: 'Subsidy rate (%)', purpose: 'Purpose',
      limits: 'At most ¥300,000 for a person, ¥3,000,000 for a small enterprise; 6 to 36 months.', files: 'Loan documents (loan contract, guarantee letter …; PDF/JPG/PNG)', upload: 'Upload a file', uploaded: 'Uploaded: {{name}}',
    },
    detail: {
      title: 'Start-up guaranteed loan', loan: 'Loan', purpose: 'Purpose', approvedAmount: 'Approved amount', bankReference: 'Bank reference', approvedAt: 'Approved', maturityOn: 'Matures', settledOn: 'Settled on',
      subsidy: 'Interest subsidy', subsidyEligible: 'The subsidy is on the entitlement ledger under the policy "创业担保贷款贴息" and paid period by period.', subsidyNone: 'This loan gets no subsidy', subsidyPending: 'After disbursement, the subsidy is computed at the subsidy stage and put on the ledger.',
      basis: 'How it was computed', period: 'Period', subsidyAmount: 'Subsidy', periodYear: 'Year {{year}}', entitlementStatus: 'Ledger status', paidAt: 'Paid', ledger: 'See it on the ledger',
      stages: 'Stages', history: 'History', attachments: 'Documents', internalNote: 'Internal note', none: 'None',
      handle: 'Handle the current stage: {{stage}}', decision: 'Result', decisions: { approve: 'Complete this stage', return: 'Return for correction', reject: 'Refuse' }, comment: 'Comment (the applicant sees it)', commentRequired: 'A comment is required to return or refuse',
      submit: 'Submit', handled: 'Result saved', stale: 'Someone else handled or changed this loan; reloaded', stageData: 'Recorded at this stage',
      resubmit: 'Resubmit after correction', resubmitPurpose: 'Purpose (may be corrected)', withdraw: 'Withdraw the application', withdrawn: 'Application withdrawn',
    },
    fields: { approvedAmount: 'Approved amount', bankReference: 'Bank reference', disbursedAmount: 'Amount disbursed', disbursedOn: 'Disbursement date', balance: 'Balance (empty: the amount disbursed)', settledOn: 'Settlement date' },
    totals: {
      title: 'Loan totals', description: 'Start-up loans disbursed, by year and by bank: how many, the amount helped, and the subsidy (on the ledger and paid).', year: 'Year', allYears: 'All years', bank: 'Bank',
      count: 'Loans', amount: 'Amount helped', granted: 'Subsidy on the ledger', paid: 'Subsidy paid', byYear: 'By year', byBank: 'By bank', total: 'Total', yearLabel: '{{year}}',
    },
    ledgerLoan: 'Loan: {{bank}}, {{amount}}',
  },
};
