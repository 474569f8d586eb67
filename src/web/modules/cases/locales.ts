/** Texts of the case engine's pages (待办事项, 我的办件, 诉求), merged into the app's resources by app/i18n.ts. */
export const casesZhCN = {
  nav: { inbox: '待办事项', myCases: '我的办件', serviceRequests: '诉求办理' },
  cases: {
    types: { policy: '政策申请', serviceRequest: '诉求', apartment: '人才公寓', loan: '创业担保贷款' },
    statuses: { inReview: '办理中', returned: '待补正', approved: '已办结', rejected: '不予受理', withdrawn: '已撤回' },
    actions: { submit: '提交', approve: '办结/同意', reject: '不予受理', return: '退回补正', resubmit: '补正后重新提交', withdraw: '撤回', escalate: '超时督办', reassign: '改派', split: '联办分派', subtaskDone: '联办办结', subtaskReturn: '联办退回', rate: '评价', reopen: '不满意重新办理' },
    channels: { online: '网上提交', window: '窗口代办' },
    ratings: { '5': '非常满意', '4': '满意', '3': '基本满意', '2': '不满意', '1': '非常不满意' },
    subtaskStatuses: { open: '办理中', done: '已办结', returned: '已退回' },
    timings: { onTime: '按时办结', late: '超时办结', overdue: '超时未办' },
    ratingFilters: { rated: '已评价', satisfied: '满意及以上' },
    columns: { type: '类型', title: '事项', subject: '申请人', status: '状态', step: '当前环节', due: '办理时限', submittedAt: '提交时间', category: '诉求类别', units: '承办单位' },
    overdue: '已超时',
    escalated: '已督办',
    inbox: { title: '待办事项', description: '本单位待办理的政策申请和诉求，以及您已办理的事项。', todo: '待办', done: '已办' },
    mine: { title: '我的办件', description: '您提交的政策申请和诉求，以及每一件的办理进度。', raise: '提出诉求', timeline: '办理进度', empty: '暂无办件。' },
    list: {
      title: '诉求办理', description: '人才和企业提出的诉求，按类别分派到承办单位办理。', statusFilter: '状态', performance: '办理绩效', categories: '诉求类别',
      filtered: '当前筛选：', filterTag: '{{label}}：{{value}}', unit: '承办单位', period: '办结日期', timing: '时效', rating: '评价', clear: '清除筛选',
    },
    performance: {
      title: '承办单位办理绩效', description: '按承办单位统计所选期间办结的诉求：按时办结率、平均办理工作日、满意度，以及当前在办和超时未办的件数。点击数字查看对应诉求。',
      period: '办结期间', unit: '承办单位', handled: '办结件数', onTimeRate: '按时办结率', averageDays: '平均办理工作日', satisfiedRate: '满意率（满意及以上）', averageScore: '平均评分',
      open: '在办', overdue: '超时未办', empty: '所选期间没有办结的诉求。', noValue: '—', rated: '{{count}} 件已评价',
    },
    categories: {
      title: '诉求类别', description: '每类诉求分派到哪个承办单位、办理时限（工作日）和是否受理新诉求。', name: '类别名称', nameEn: '英文名称', unit: '承办单位', workingDays: '办理时限（工作日）',
      active: '受理新诉求', activeYes: '受理', activeNo: '已停用', edit: '编辑', editTitle: '编辑诉求类别', save: '保存', saved: '已保存', stale: '该类别已被他人修改，请重新加载后再改', reload: '重新加载',
    },
    raise: {
      title: '提出诉求', category: '诉求类别', requestTitle: '诉求标题', requestText: '诉求内容', submit: '提交', done: '诉求已提交',
      routedTo: '将由 {{unit}} 办理，时限 {{days}} 个工作日', requesterKind: '诉求人类型', requesterId: '诉求人', requesterSearch: '输入姓名或企业名称搜索', talent: '人才', enterprise: '企业',
      attachments: '附件', upload: '上传文件', uploading: '正在上传…', removeFile: '移除 {{name}}',
    },
    detail: {
      title: '诉求详情', text: '诉求内容', channel: '提交方式', history: '办理记录', attachments: '附件', internalNote: '内部意见', none: '无',
      handle: '办理', decision: '办理结果', decisions: { approve: '办结', return: '退回补正', reject: '不予受理' }, comment: '答复意见（申请人可见）', commentRequired: '退回或不予受理时必须填写意见',
      submit: '提交', handled: '已提交办理结果', stale: '该诉求已被他人处理或已更新，已重新加载', resubmit: '补正后重新提交', resubmitText: '补正后的诉求内容', withdraw: '撤回诉求', withdrawn: '诉求已撤回',
      subtasks: '联办事项', subtaskUnit: '联办单位', subtaskTask: '联办内容', subtaskDays: '时限（工作日）', subtaskStatus: '状态', subtaskNote: '办理说明', subtaskDue: '办理时限',
      noSubtasks: '暂无联办事项。', split: '分派联办', addSubtask: '添加联办单位', removeSubtask: '移除', splitSubmit: '分派', splitDone: '已分派联办事项',
      subtaskDone: '办结联办事项', subtaskReturn: '退回承办单位', subtaskNoteRequired: '退回时必须说明原因', subtaskSaved: '联办事项已办理', subtasksOpen: '联办事项全部办结后才能办结本诉求。',
      rating: '服务评价', rate: '评价本次服务', score: '满意程度', ratingComment: '评价意见', rateSubmit: '提交评价', rated: '感谢您的评价',
      reopen: '申请重新办理', reopenHint: '您对办理结果不满意，可以申请重新办理一次，诉求将退回承办单位并告知人才办。', reopenComment: '仍需解决的问题', reopenSubmit: '重新办理', reopenedDone: '诉求已重新办理',
      reopenedOnce: '本诉求已重新办理过一次。',
    },
  },
};

type TextsOf<T> = { [Key in keyof T]: T[Key] extends string ? string : TextsOf<T[Key]> };

export const casesEnUS: TextsOf<typeof casesZhCN> = {
  nav: { inbox: 'To do', myCases: 'My cases', serviceRequests: 'Service requests' },
  cases: {
    types: { policy: 'Policy application', serviceRequest: 'Service request', apartment: 'Talent apartment', loan: 'Start-up loan' },
    statuses: { inReview: 'In progress', returned: 'To correct', approved: 'Done', rejected: 'Declined', withdrawn: 'Withdrawn' },
    actions: { submit: 'Submitted', approve: 'Handled / approved', reject: 'Declined', return: 'Returned for correction', resubmit: 'Resubmitted after correction', withdraw: 'Withdrawn', escalate: 'Escalated (overdue)', reassign: 'Reassigned', split: 'Sub-task handed out', subtaskDone: 'Sub-task done', subtaskReturn: 'Sub-task returned', rate: 'Rated', reopen: 'Reopened (dissatisfied)' },
    channels: { online: 'Online', window: 'At the window, on behalf' },
    ratings: { '5': 'Very satisfied', '4': 'Satisfied', '3': 'Fairly satisfied', '2': 'Dissatisfied', '1': 'Very dissatisfied' },
    subtaskStatuses: { open: 'In progress', done: 'Done', returned: 'Returned' },
    timings: { onTime: 'Done on time', late: 'Done late', overdue: 'Open and overdue' },
    ratingFilters: { rated: 'Rated', satisfied: 'Satisfied or better' },
    columns: { type: 'Type', title: 'Matter', subject: 'Applicant', status: 'Status', step: 'Current step', due: 'Due', submittedAt: 'Submitted', category: 'Category', units: 'Handling unit' },
    overdue: 'Overdue',
    escalated: 'Escalated',
    inbox: { title: 'To do', description: 'Policy applications and service requests waiting for your unit, and those you handled.', todo: 'To do', done: 'Done' },
    mine: { title: 'My cases', description: 'Your policy applications and service requests, each with its progress.', raise: 'Raise a request', timeline: 'Progress', empty: 'No cases yet.' },
    list: {
      title: 'Service requests', description: 'Requests of talents and enterprises, routed to the handling unit by category.', statusFilter: 'Status', performance: 'Unit performance', categories: 'Categories',
      filtered: 'Filtered by:', filterTag: '{{label}}: {{value}}', unit: 'Handling unit', period: 'Done between', timing: 'Timing', rating: 'Rating', clear: 'Clear filters',
    },
    performance: {
      title: 'Unit performance', description: 'Per handling unit, the requests done in the period: share on time, average working days, satisfaction, and those open and overdue now. Click a figure for its requests.',
      period: 'Done between', unit: 'Handling unit', handled: 'Done', onTimeRate: 'On time', averageDays: 'Average working days', satisfiedRate: 'Satisfied or better', averageScore: 'Average rating',
      open: 'Open', overdue: 'Overdue', empty: 'No request was done in this period.', noValue: '—', rated: '{{count}} rated',
    },
    categories: {
      title: 'Request categories', description: 'Which unit handles each category, its time limit in working days, and whether it takes new requests.', name: 'Name', nameEn: 'English name', unit: 'Handling unit', workingDays: 'Time limit (working days)',
      active: 'Takes new requests', activeYes: 'Yes', activeNo: 'Switched off', edit: 'Edit', editTitle: 'Edit the category', save: 'Save', saved: 'Saved', stale: 'Someone else changed this category; reload it and edit again', reload: 'Reload',
    },
    raise: {
      title: 'Raise a request', category: 'Category', requestTitle: 'Subject', requestText: 'Details', submit: 'Submit', done: 'Request submitted',
      routedTo: 'Handled by {{unit}} within {{days}} working days', requesterKind: 'Requester type', requesterId: 'Requester', requesterSearch: 'Type a name to search', talent: 'Talent', enterprise: 'Enterprise',
      attachments: 'Attachments', upload: 'Upload a file', uploading: 'Uploading…', removeFile: 'Remove {{name}}',
    },
    detail: {
      title: 'Service request', text: 'Details', channel: 'Channel', history: 'History', attachments: 'Attachments', internalNote: 'Internal note', none: 'None',
      handle: 'Handle', decision: 'Result', decisions: { approve: 'Done', return: 'Return for correction', reject: 'Decline' }, comment: 'Reply (the requester sees it)', commentRequired: 'A comment is required to return or decline',
      submit: 'Submit', handled: 'Result saved', stale: 'Someone else handled or changed this request; reloaded', resubmit: 'Resubmit after correction', resubmitText: 'Corrected details', withdraw: 'Withdraw the request', withdrawn: 'Request withdrawn',
      subtasks: 'Sub-tasks', subtaskUnit: 'Unit', subtaskTask: 'What to do', subtaskDays: 'Time limit (working days)', subtaskStatus: 'Status', subtaskNote: 'Note', subtaskDue: 'Due',
      noSubtasks: 'No sub-tasks.', split: 'Hand out sub-tasks', addSubtask: 'Add a unit', removeSubtask: 'Remove', splitSubmit: 'Hand out', splitDone: 'Sub-tasks handed out',
      subtaskDone: 'Sub-task done', subtaskReturn: 'Return to the handling unit', subtaskNoteRequired: 'Say why when returning', subtaskSaved: 'Sub-task ended', subtasksOpen: 'The request can be done once every sub-task is ended.',
      rating: 'Rating', rate: 'Rate this service', score: 'How satisfied are you', ratingComment: 'Comment', rateSubmit: 'Send the rating', rated: 'Thank you for your rating',
      reopen: 'Ask to reopen', reopenHint: 'You are not satisfied with the result: you may have the request reopened once; it goes back to the unit and the talent office is told.', reopenComment: 'What is still to be solved', reopenSubmit: 'Reopen', reopenedDone: 'Request reopened',
      reopenedOnce: 'This request has been reopened once.',
    },
  },
};
