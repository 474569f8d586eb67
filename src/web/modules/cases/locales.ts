/** Texts of the case engine's pages (待办事项, 我的办件, 诉求), merged into the app's resources by app/i18n.ts. */
export const casesZhCN = {
  nav: { inbox: '待办事项', myCases: '我的办件', serviceRequests: '诉求办理' },
  cases: {
    types: { policy: '政策申请', serviceRequest: '诉求', loan: '创业担保贷款' },
    statuses: { inReview: '办理中', returned: '待补正', approved: '已办结', rejected: '不予受理', withdrawn: '已撤回' },
    actions: { submit: '提交', approve: '办结/同意', reject: '不予受理', return: '退回补正', resubmit: '补正后重新提交', withdraw: '撤回', escalate: '超时督办', reassign: '改派' },
    channels: { online: '网上提交', window: '窗口代办' },
    columns: { type: '类型', title: '事项', subject: '申请人', status: '状态', step: '当前环节', due: '办理时限', submittedAt: '提交时间', category: '诉求类别', units: '承办单位' },
    overdue: '已超时',
    escalated: '已督办',
    inbox: { title: '待办事项', description: '本单位待办理的政策申请和诉求，以及您已办理的事项。', todo: '待办', done: '已办' },
    mine: { title: '我的办件', description: '您提交的政策申请和诉求，以及每一件的办理进度。', raise: '提出诉求', timeline: '办理进度', empty: '暂无办件。' },
    list: { title: '诉求办理', description: '人才和企业提出的诉求，按类别分派到承办单位办理。', statusFilter: '状态' },
    raise: {
      title: '提出诉求', category: '诉求类别', requestTitle: '诉求标题', requestText: '诉求内容', submit: '提交', done: '诉求已提交',
      routedTo: '将由 {{unit}} 办理，时限 {{days}} 个工作日', requesterKind: '诉求人类型', requesterId: '诉求人编号（人才或企业）', talent: '人才', enterprise: '企业',
    },
    detail: {
      title: '诉求详情', text: '诉求内容', channel: '提交方式', history: '办理记录', attachments: '附件', internalNote: '内部意见', none: '无',
      handle: '办理', decision: '办理结果', decisions: { approve: '办结', return: '退回补正', reject: '不予受理' }, comment: '答复意见（申请人可见）', commentRequired: '退回或不予受理时必须填写意见',
      submit: '提交', handled: '已提交办理结果', stale: '该诉求已被他人处理或已更新，已重新加载', resubmit: '补正后重新提交', resubmitText: '补正后的诉求内容', withdraw: '撤回诉求', withdrawn: '诉求已撤回',
    },
  },
};

type TextsOf<T> = { [Key in keyof T]: T[Key] extends string ? string : TextsOf<T[Key]> };

export const casesEnUS: TextsOf<typeof casesZhCN> = {
  nav: { inbox: 'To do', myCases: 'My cases', serviceRequests: 'Service requests' },
  cases: {
    types: { policy: 'Policy application', serviceRequest: 'Service request', loan: 'Start-up loan' },
    statuses: { inReview: 'In progress', returned: 'To correct', approved: 'Done', rejected: 'Declined', withdrawn: 'Withdrawn' },
    actions: { submit: 'Submitted', approve: 'Handled / approved', reject: 'Declined', return: 'Returned for correction', resubmit: 'Resubmitted after correction', withdraw: 'Withdrawn', escalate: 'Escalated (overdue)', reassign: 'Reassigned' },
    channels: { online: 'Online', window: 'At the window, on behalf' },
    columns: { type: 'Type', title: 'Matter', subject: 'Applicant', status: 'Status', step: 'Current step', due: 'Due', submittedAt: 'Submitted', category: 'Category', units: 'Handling unit' },
    overdue: 'Overdue',
    escalated: 'Escalated',
    inbox: { title: 'To do', description: 'Policy applications and service requests waiting for your unit, and those you handled.', todo: 'To do', done: 'Done' },
    mine: { title: 'My cases', description: 'Your policy applications and service requests, each with its progress.', raise: 'Raise a request', timeline: 'Progress', empty: 'No cases yet.' },
    list: { title: 'Service requests', description: 'Requests of talents and enterprises, routed to the handling unit by category.', statusFilter: 'Status' },
    raise: {
      title: 'Raise a request', category: 'Category', requestTitle: 'Subject', requestText: 'Details', submit: 'Submit', done: 'Request submitted',
      routedTo: 'Handled by {{unit}} within {{days}} working days', requesterKind: 'Requester type', requesterId: 'Requester ID (talent or enterprise)', talent: 'Talent', enterprise: 'Enterprise',
    },
    detail: {
      title: 'Service request', text: 'Details', channel: 'Channel', history: 'History', attachments: 'Attachments', internalNote: 'Internal note', none: 'None',
      handle: 'Handle', decision: 'Result', decisions: { approve: 'Done', return: 'Return for correction', reject: 'Decline' }, comment: 'Reply (the requester sees it)', commentRequired: 'A comment is required to return or decline',
      submit: 'Submit', handled: 'Result saved', stale: 'Someone else handled or changed this request; reloaded', resubmit: 'Resubmit after correction', resubmitText: 'Corrected details', withdraw: 'Withdraw the request', withdrawn: 'Request withdrawn',
    },
  },
};
