/**
 * In-app notifications (站内消息) of policies as data: a notification is stored as its kind and the values it names
 * (`params`), and its title and body are rendered in the reader's language when listed. The kinds are those the web's
 * bell knows (review, returned, rejected, approved, overdue, automatic, paid); names of policies and subjects and the
 * reviewers' comments are data and stay as written.
 */
import { formatMoney } from '../money';
import { z } from 'zod';
import { periodKinds } from './policy';
import { renderAccountNotice } from '../account-notices';
import { loanStageLabels, loanStages } from '../loans';

type Language = 'zh-CN' | 'en-US';

const text = z.string();
const yuan = z.number();
const periodKind = z.enum(periodKinds);

/** The values each kind of notification names; what is stored in `notifications.params`. */
export const noticeParams = {
  /** An application waits for the reader's unit: just submitted, moved on from the previous step, or corrected and sent again. */
  review: z.object({ policy: text, subject: text, event: z.enum(['submitted', 'advanced', 'resubmitted']) }),
  /** 退回补正: the reviewer's comment says what to correct. */
  returned: z.object({ policy: text, comment: text }),
  rejected: z.object({ policy: text, comment: text }),
  approved: z.object({ policy: text, amount: yuan, periodKind }),
  /** A review step past its time limit, escalated to the office (督办). */
  overdue: z.object({ policy: text, subject: text, step: text }),
  /** 免申即享: granted without application by a scan; the subject may decline. */
  automatic: z.object({ policy: text, amount: yuan, periodKind }),
  paid: z.object({ policy: text, period: text, amount: yuan }),
  /**
   * A service request (诉求): for its unit, submitted / resubmitted / reassigned to it; for its requester, returned /
   * rejected / handled; for a 联办 unit, a sub-task handed to it; for the handling unit, a sub-task ended; for the
   * office and the unit, a request reopened after an unsatisfied rating. `policy` is the request's own title (as every
   * kind names its matter so).
   */
  serviceRequest: z.object({
    policy: text,
    subject: text,
    event: z.enum(['submitted', 'resubmitted', 'reassigned', 'returned', 'rejected', 'handled', 'subtask', 'subtaskEnded', 'reopened']),
    comment: text,
  }),
  /** 后备人才库: a nomination for the office to assess. `policy` names the pool (as every kind names its matter so), `subject` the talent. */
  poolNomination: z.object({ policy: text, subject: text }),
  /** The office admitted (入库) or declined a nomination: for the one who nominated. */
  poolDecision: z.object({ policy: text, subject: text, admitted: z.boolean() }),
  /** A member's yearly review (年度复核) is due. */
  poolReview: z.object({ policy: text, subject: text, due: text }),
  /** A start-up loan (创业担保贷款): for the unit of its stage, waiting; for its applicant, returned / rejected / a stage done / settled. `policy` is the applicant's name. */
  loan: z.object({ policy: text, stage: z.enum(loanStages), event: z.enum(['waiting', 'returned', 'rejected', 'advanced', 'settled']), comment: text }),
  /** A market-hired executive's term ends soon (市场化选聘 任期届满提醒): `policy` is the executive and post, `subject` the enterprise. */
  executiveTerm: z.object({ policy: text, subject: text, termEnd: text }),
  /** Retention (留才): a pair's contact plan is overdue, or a high-risk talent is routed to the reader for a visit; `policy` is the talent's name. */
  liaison: z.object({ policy: text, event: z.enum(['overdue', 'highRisk']) }),
  /**
   * 协同任务 (a joint task across units): for a helper unit, a task handed to it; for the owner unit, a helper's part done;
   * for the units, a task closed; for the units and the office, a task past its due day. `policy` is the task's title,
   * `subject` the unit that acted (or the owner unit), `due` its due day.
   */
  jointTask: z.object({ policy: text, subject: text, event: z.enum(['assigned', 'partDone', 'closed', 'overdue']), due: text }),
  /** 评选: a nomination for the office to check (`policy` names the selection, `subject` the nominee). */
  selectionNomination: z.object({ policy: text, subject: text }),
  /** 评选: the panel's review has opened; for each expert who is a user, with the nominations to score. */
  selectionReview: z.object({ policy: text, count: z.number().int() }),
  /** 评选: the result of a nomination, for the one who nominated (selected: the honour is on the talent's profile). */
  selectionResult: z.object({ policy: text, subject: text, selected: z.boolean() }),
};
export type NoticeKind = keyof typeof noticeParams;
export type NoticeParams<K extends NoticeKind> = z.infer<(typeof noticeParams)[K]>;
/** A notification to send: its kind, the values of its texts, and the page it is about. */
export type Notice = { [K in NoticeKind]: { kind: K; params: NoticeParams<K>; link?: string } }[NoticeKind];

export type NoticeTexts = { title: string; body: string };

const money = (amount: number, language: Language) => formatMoney(amount, language);

/** How much, per period of the policy: 每月 1,500 元 / ¥1,500 a month. */
function perPeriod(amount: number, kind: NoticeParams<'approved'>['periodKind'], language: Language) {
  if (language === 'zh-CN') return kind === 'oneOff' ? `一次性 ${money(amount, language)}` : `${kind === 'monthly' ? '每月' : '每年'} ${money(amount, language)}`;
  return kind === 'oneOff' ? `${money(amount, language)} once` : `${money(amount, language)} a ${kind === 'monthly' ? 'month' : 'year'}`;
}

const liaisonTexts = {
  overdue: { 'zh-CN': ['联系计划已逾期：{subject}', '结对人才已超过联系计划的间隔未联系，请尽快走访或联系。'], 'en-US': ['Contact overdue: {subject}', 'The paired talent has not been contacted within the plan; please visit or call soon.'] },
  highRisk: { 'zh-CN': ['流失预警走访任务：{subject}', '该人才流失风险较高，请走访并记录结果。'], 'en-US': ['Retention visit: {subject}', 'This talent is at high risk of leaving; please visit and record the outcome.'] },
} as const;

const texts: { [K in NoticeKind]: (params: NoticeParams<K>, language: Language) => NoticeTexts } = {
  review: ({ policy, subject, event }, language) =>
    language === 'zh-CN'
      ? {
          title: `${event === 'resubmitted' ? '补正后待审核' : '待审核'}：${policy}`,
          body: { submitted: `${subject} 提交了申请`, advanced: `${subject} 的申请已通过上一审核环节`, resubmitted: `${subject} 已补正材料，重新提交了申请` }[event],
        }
      : {
          title: `${event === 'resubmitted' ? 'Corrected, to review again' : 'To review'}: ${policy}`,
          body: { submitted: `${subject} applied`, advanced: `${subject}'s application passed the previous step`, resubmitted: `${subject} corrected and resubmitted the application` }[event],
        },
  returned: ({ policy, comment }, language) => ({ title: language === 'zh-CN' ? `申请被退回补正：${policy}` : `Returned for correction: ${policy}`, body: comment }),
  rejected: ({ policy, comment }, language) => ({ title: language === 'zh-CN' ? `申请未通过：${policy}` : `Application rejected: ${policy}`, body: comment }),
  approved: ({ policy, amount, periodKind }, language) => ({
    title: language === 'zh-CN' ? `申请已通过：${policy}` : `Application approved: ${policy}`,
    body: perPeriod(amount, periodKind, language),
  }),
  overdue: ({ policy, subject, step }, language) =>
    language === 'zh-CN'
      ? { title: `审核超时：${policy}`, body: `${subject} 的申请在“${step}”环节已超过办理时限，请督办` }
      : { title: `Review overdue: ${policy}`, body: `${subject}'s application is past the time limit of the step "${step}"; follow it up` },
  automatic: ({ policy, amount, periodKind }, language) =>
    language === 'zh-CN'
      ? { title: `已为您免申兑现：${policy}`, body: `${perPeriod(amount, periodKind, language)}，无需申请；如不需要可放弃` }
      : { title: `Granted to you without application: ${policy}`, body: `${perPeriod(amount, periodKind, language)}, no application needed; you may decline it` },
  paid: ({ policy, period, amount }, language) =>
    language === 'zh-CN'
      ? { title: `已拨付：${policy}`, body: period === 'once' ? `一次性 ${money(amount, language)}` : `${period} 期 ${money(amount, language)}` }
      : { title: `Paid: ${policy}`, body: period === 'once' ? `${money(amount, language)} (one-off)` : `${money(amount, language)} for ${period}` },
  serviceRequest: ({ policy, subject, event, comment }, language) =>
    language === 'zh-CN'
      ? {
          title: `${{ submitted: '新诉求', resubmitted: '诉求已补正', reassigned: '诉求改派至本单位', returned: '诉求需补正', rejected: '诉求不予受理', handled: '诉求已办结', subtask: '联办事项', subtaskEnded: '联办事项已办理', reopened: '诉求不满意，已重新办理' }[event]}：${policy}`,
          body: comment || `${subject} 的诉求`,
        }
      : {
          title: `${{ submitted: 'New request', resubmitted: 'Request corrected', reassigned: 'Request reassigned to your unit', returned: 'Request needs correction', rejected: 'Request declined', handled: 'Request handled', subtask: 'Sub-task for your unit', subtaskEnded: 'Sub-task ended', reopened: 'Request reopened after a dissatisfied rating' }[event]}: ${policy}`,
          body: comment || `Request of ${subject}`,
        },
  poolNomination: ({ policy: pool, subject }, language) =>
    language === 'zh-CN' ? { title: `新的入库推荐：${pool}`, body: `${subject} 被推荐入库，请考察` } : { title: `New nomination: ${pool}`, body: `${subject} was nominated; assess the nomination` },
  poolDecision: ({ policy: pool, subject, admitted }, language) =>
    language === 'zh-CN'
      ? { title: `${admitted ? '推荐已入库' : '推荐未入库'}：${pool}`, body: `${subject}${admitted ? ' 已列入人才库' : ' 未列入人才库'}` }
      : { title: `${admitted ? 'Nomination admitted' : 'Nomination declined'}: ${pool}`, body: `${subject} ${admitted ? 'is now in the pool' : 'was not admitted'}` },
  poolReview: ({ policy: pool, subject, due }, language) =>
    language === 'zh-CN' ? { title: `年度复核到期：${pool}`, body: `${subject} 的年度复核应于 ${due} 前完成` } : { title: `Yearly review due: ${pool}`, body: `${subject}'s yearly review is due by ${due}` },
  loan: ({ policy, stage, event, comment }, language) => {
    const name = loanStageLabels[stage][language];
    const title =
      language === 'zh-CN'
        ? { waiting: `创业担保贷款待${name}`, returned: `创业担保贷款需补正（${name}）`, rejected: `创业担保贷款未通过（${name}）`, advanced: `创业担保贷款已完成“${name}”`, settled: '创业担保贷款已结清' }[event]
        : { waiting: `Start-up loan waiting for ${name.toLowerCase()}`, returned: `Start-up loan needs correction (${name})`, rejected: `Start-up loan refused (${name})`, advanced: `Start-up loan: ${name.toLowerCase()} done`, settled: 'Start-up loan settled' }[event];
    return { title: language === 'zh-CN' ? `${title}：${policy}` : `${title}: ${policy}`, body: comment || (language === 'zh-CN' ? `${policy} 的创业担保贷款` : `Start-up loan of ${policy}`) };
  },
  executiveTerm: ({ policy, subject, termEnd }, language) =>
    language === 'zh-CN'
      ? { title: `任期即将届满：${policy}`, body: `${subject} 市场化选聘高管任期至 ${termEnd} 届满，请安排考核与续聘或解聘` }
      : { title: `Term ending soon: ${policy}`, body: `The term of this market-hired executive of ${subject} ends on ${termEnd}; arrange the appraisal and renewal or end of term` },
  liaison: ({ policy, event }, language) => {
    const [title, body] = liaisonTexts[event][language];
    return { title: title.replace('{subject}', policy), body };
  },
  jointTask: ({ policy, subject, event, due }, language) =>
    language === 'zh-CN'
      ? {
          title: `${{ assigned: '新的协同任务', partDone: '协办事项已完成', closed: '协同任务已办结', overdue: '协同任务已逾期' }[event]}：${policy}`,
          body: { assigned: `${subject} 牵头，请按时完成本单位协办事项（截止 ${due}）`, partDone: `${subject} 已完成协办事项`, closed: `${subject} 已办结该任务`, overdue: `该任务应于 ${due} 前完成，已逾期，请${subject}督促办理` }[event],
        }
      : {
          title: `${{ assigned: 'New joint task', partDone: 'Helper part done', closed: 'Joint task closed', overdue: 'Joint task overdue' }[event]}: ${policy}`,
          body: { assigned: `Led by ${subject}; do your unit's part by ${due}`, partDone: `${subject} finished its part`, closed: `${subject} closed the task`, overdue: `Due by ${due} and now overdue; ${subject} to follow it up` }[event],
        },
  selectionNomination: ({ policy, subject }, language) =>
    language === 'zh-CN' ? { title: `新的评选推荐：${policy}`, body: `${subject} 被推荐参评，请核验资格` } : { title: `New nomination: ${policy}`, body: `${subject} was nominated; check the eligibility` },
  selectionReview: ({ policy, count }, language) =>
    language === 'zh-CN' ? { title: `评选待评分：${policy}`, body: `本次评选进入专家评审，共 ${count} 名候选人待评分` } : { title: `Selection to score: ${policy}`, body: `The panel's review has opened: ${count} candidate(s) to score` },
  selectionResult: ({ policy, subject, selected }, language) =>
    language === 'zh-CN'
      ? { title: `${selected ? '评选入选' : '评选未入选'}：${policy}`, body: selected ? `${subject} 已入选，荣誉已记入人才档案` : `${subject} 本次未入选` }
      : { title: `${selected ? 'Selected' : 'Not selected'}: ${policy}`, body: selected ? `${subject} was selected; the honour is on the talent's profile` : `${subject} was not selected this time` },
};

const isKind = (kind: string): kind is NoticeKind => Object.hasOwn(noticeParams, kind);

/**
 * The title and body of a stored notification in a language, or null when the row cannot be rendered (written before
 * notifications kept their values, or of a kind this code does not know): the stored texts are shown then.
 */
export function renderNotice(kind: string, params: unknown, language: Language): NoticeTexts | null {
  if (!isKind(kind)) return renderAccountNotice(kind, params, language);
  const parsed = noticeParams[kind].safeParse(params);
  if (!parsed.success) return null;
  return (texts[kind] as (values: unknown, language: Language) => NoticeTexts)(parsed.data, language);
}
