/** Messages of the policies module, merged into the server's message tables (domain/i18n.ts). */
import type { ApplicationStatus, EntitlementStatus } from './policy';

type Bilingual = { 'zh-CN': string; 'en-US': string };
type Language = keyof Bilingual;

/**
 * A placeholder's value in both languages, `{<name>Zh}` and `{<name>En}`, for messages that name things with words of
 * their own language (fact labels, reasons, statuses): the message of each language reads its own.
 */
export function inBothLanguages<Name extends string>(name: Name, make: (language: Language) => string) {
  return { [`${name}Zh`]: make('zh-CN'), [`${name}En`]: make('en-US') } as Record<`${Name}Zh` | `${Name}En`, string>;
}

export const applicationStatusLabels: Record<ApplicationStatus, Bilingual> = {
  inReview: { 'zh-CN': '审核中', 'en-US': 'in review' },
  returned: { 'zh-CN': '退回补正', 'en-US': 'returned for correction' },
  approved: { 'zh-CN': '已通过', 'en-US': 'approved' },
  rejected: { 'zh-CN': '未通过', 'en-US': 'rejected' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'withdrawn' },
};

export const entitlementStatusLabels: Record<EntitlementStatus, Bilingual> = {
  pending: { 'zh-CN': '待确认', 'en-US': 'to confirm' },
  scheduled: { 'zh-CN': '待拨付', 'en-US': 'scheduled' },
  inBatch: { 'zh-CN': '拨付中', 'en-US': 'in a batch' },
  paid: { 'zh-CN': '已拨付', 'en-US': 'paid' },
  failed: { 'zh-CN': '拨付失败', 'en-US': 'payment failed' },
  paused: { 'zh-CN': '已暂停', 'en-US': 'paused' },
  declined: { 'zh-CN': '已放弃', 'en-US': 'declined' },
};

export const policyErrorMessages = {
  policyNotPublished: { 'zh-CN': '该政策未发布或已停止执行', 'en-US': 'This policy is not published or has been retired' },
  policyNotEditable: { 'zh-CN': '该版本已发布，不能修改；请先创建新草稿', 'en-US': 'This version is published and frozen; create a new draft first' },
  policyNoDraft: { 'zh-CN': '没有待发布的草稿', 'en-US': 'There is no draft to publish' },
  // placeholders ending in Zh/En carry a value in each language (inBothLanguages): each message picks its own
  policyNotEligible: { 'zh-CN': '不符合申请条件：{reasonsZh}', 'en-US': 'Not eligible: {reasonsEn}' },
  policyMissingData: { 'zh-CN': '档案缺少判断所需的信息：{factsZh}。请先完善人才档案', 'en-US': 'The profile lacks facts the rule needs: {factsEn}. Complete the profile first' },
  policyExcluded: { 'zh-CN': '已享受不可同时享受的政策：{policies}', 'en-US': 'Already benefits from a policy that cannot be combined: {policies}' },
  applicationOpen: { 'zh-CN': '本期已有一份正在办理的申请', 'en-US': 'An application for this round is already open' },
  applicationAlreadyGranted: { 'zh-CN': '本期已享受该政策', 'en-US': 'This policy is already granted for this round' },
  applicationState: { 'zh-CN': '申请当前状态为“{statusZh}”，不能执行此操作', 'en-US': 'The application is "{statusEn}"; this action is not possible now' },
  applicationStale: { 'zh-CN': '申请已被他人处理或已更新，请刷新后重试', 'en-US': 'The application was handled or changed by someone else; reload and try again' },
  reviewNotYourStep: { 'zh-CN': '当前审核环节不属于您的单位', 'en-US': 'The current review step is not assigned to your unit' },
  reviewAlreadyDecided: { 'zh-CN': '您的单位已对本环节作出决定', 'en-US': 'Your unit has already decided this step' },
  reviewOwnApplication: { 'zh-CN': '不能审核本人提交或涉及本人的申请', 'en-US': 'You cannot review an application you submitted or that concerns you' },
  budgetExceeded: { 'zh-CN': '预算不足：剩余 {remaining} 元，本次需要 {needed} 元', 'en-US': 'Budget exceeded: {remaining} yuan left, {needed} yuan needed' },
  attachmentType: { 'zh-CN': '附件只接受 PDF、JPG、PNG 文件（按文件内容识别）', 'en-US': 'Attachments must be PDF, JPG or PNG files (judged by their content)' },
  attachmentTooLarge: { 'zh-CN': '附件不能超过 {megabytes} MB', 'en-US': 'An attachment must not exceed {megabytes} MB' },
  idempotencyMismatch: { 'zh-CN': '同一幂等键已用于不同的请求内容', 'en-US': 'This idempotency key was already used with a different request body' },
  idempotencyKeyInUse: { 'zh-CN': '使用同一幂等键的请求正在处理，请稍后重试', 'en-US': 'A request with this idempotency key is still being processed; try again shortly' },
  idempotencyKeyMissing: { 'zh-CN': '缺少 Idempotency-Key 请求头', 'en-US': 'The Idempotency-Key header is missing' },
  batchEmpty: { 'zh-CN': '该期没有待拨付的兑现记录', 'en-US': 'Nothing is due for payment in this period' },
  entitlementState: { 'zh-CN': '兑现记录当前状态为“{statusZh}”，不能执行此操作', 'en-US': 'The entitlement is "{statusEn}"; this action is not possible now' },
  scanNotAutomatic: { 'zh-CN': '只有“免申即享”政策可以扫描', 'en-US': 'Only 免申即享 (automatic) policies can be scanned' },
} satisfies Record<string, Bilingual>;

export const policyFieldMessages = {
  // a rule problem carries its reason in both languages (ruleProblemParams): each message picks its own
  'rule.invalid': { 'zh-CN': '规则有误（{path}）：{detailZh}', 'en-US': 'the rule is invalid at {path}: {detailEn}' },
  'rule.notSql': { 'zh-CN': '“免申即享”政策的规则必须能在数据库中批量筛选（{path}）：{detailZh}', 'en-US': 'an automatic policy needs a rule the database can scan ({path}): {detailEn}' },
  'rule.unknownFact': { 'zh-CN': '规则引用了未定义的信息项“{fact}”', 'en-US': 'the rule reads an unknown fact "{fact}"' },
  'rule.unknownParameter': { 'zh-CN': '规则引用了未定义的参数“{name}”', 'en-US': 'the rule reads an undefined parameter "{name}"' },
  'policy.codeTaken': { 'zh-CN': '政策编号已被使用', 'en-US': 'this policy code is already used' },
  'policy.unknownExclusion': { 'zh-CN': '不存在编号为“{code}”的政策', 'en-US': 'there is no policy with code "{code}"' },
  'policy.unknownUnit': { 'zh-CN': '不是有效的责任单位', 'en-US': 'is not a responsible unit' },
  'attachment.missing': { 'zh-CN': '请上传“{name}”', 'en-US': 'missing: upload "{name}"' },
  'attachment.unknown': { 'zh-CN': '附件不存在或不属于本人', 'en-US': 'the attachment does not exist or is not yours' },
  'review.commentRequired': { 'zh-CN': '退回或不通过时必须填写意见', 'en-US': 'a comment is required to return or reject' },
  'settlement.duplicate': { 'zh-CN': '与第 {first} 条重复：同一兑现记录只能列出一次', 'en-US': 'lists the same entitlement as entry {first}; an entitlement may be listed once' },
  'parameter.exists': { 'zh-CN': '该参数在此日期已有取值', 'en-US': 'the parameter already has a value from this date' },
} satisfies Record<string, Bilingual>;

export const policyFieldLabels: Record<string, Bilingual> = {
  attachmentIds: { 'zh-CN': '附件', 'en-US': 'Attachments' },
  code: { 'zh-CN': '编号', 'en-US': 'Code' },
  title: { 'zh-CN': '政策名称', 'en-US': 'Title' },
  documentNo: { 'zh-CN': '文号', 'en-US': 'Document No.' },
  documentUrl: { 'zh-CN': '文件链接', 'en-US': 'Document link' },
  summary: { 'zh-CN': '政策摘要', 'en-US': 'Summary' },
  category: { 'zh-CN': '政策类别', 'en-US': 'Category' },
  target: { 'zh-CN': '支持对象', 'en-US': 'Target' },
  unit: { 'zh-CN': '责任单位', 'en-US': 'Responsible unit' },
  mode: { 'zh-CN': '兑现方式', 'en-US': 'Mode' },
  budgetTotal: { 'zh-CN': '预算总额', 'en-US': 'Total budget' },
  effectiveFrom: { 'zh-CN': '生效日期', 'en-US': 'Effective from' },
  effectiveTo: { 'zh-CN': '失效日期', 'en-US': 'Effective to' },
  exclusions: { 'zh-CN': '不可同时享受', 'en-US': 'Cannot combine with' },
  eligibility: { 'zh-CN': '申请条件', 'en-US': 'Eligibility rule' },
  amount: { 'zh-CN': '补贴金额', 'en-US': 'Amount rule' },
  periodKind: { 'zh-CN': '发放周期', 'en-US': 'Period' },
  periods: { 'zh-CN': '发放期数', 'en-US': 'Number of periods' },
  attachments: { 'zh-CN': '申请材料', 'en-US': 'Attachments' },
  steps: { 'zh-CN': '审核流程', 'en-US': 'Review steps' },
  units: { 'zh-CN': '审核单位', 'en-US': 'Reviewing units' },
  workingDays: { 'zh-CN': '办理时限（工作日）', 'en-US': 'Time limit (working days)' },
  note: { 'zh-CN': '版本说明', 'en-US': 'Version note' },
  label: { 'zh-CN': '参数名称', 'en-US': 'Label' },
  kind: { 'zh-CN': '参数类型', 'en-US': 'Kind' },
  value: { 'zh-CN': '参数值', 'en-US': 'Value' },
  legalReference: { 'zh-CN': '依据', 'en-US': 'Legal reference' },
  comment: { 'zh-CN': '意见', 'en-US': 'Comment' },
  internalNote: { 'zh-CN': '内部备注', 'en-US': 'Internal note' },
  decision: { 'zh-CN': '审核结论', 'en-US': 'Decision' },
  form: { 'zh-CN': '申请表', 'en-US': 'Application form' },
  policyId: { 'zh-CN': '政策', 'en-US': 'Policy' },
  subjectId: { 'zh-CN': '申请对象', 'en-US': 'Subject' },
  period: { 'zh-CN': '期次', 'en-US': 'Period' },
  reason: { 'zh-CN': '原因', 'en-US': 'Reason' },
  asOf: { 'zh-CN': '快照日期', 'en-US': 'Snapshot date' },
  results: { 'zh-CN': '拨付结果', 'en-US': 'Results' },
  entitlementId: { 'zh-CN': '兑现记录', 'en-US': 'Entitlement' },
};
