/** Texts of the notification bell, merged into the app's resources by app/i18n.ts. */
export const notificationsZhCN = {
  notifications: {
    bell: '消息',
    title: '消息通知',
    unread: '{{count}} 条未读',
    empty: '暂无消息。申请的办理进展、待您审核的事项和到账的补贴会在这里通知您。',
    markAllRead: '全部已读',
    loadFailed: '消息加载失败',
    kinds: { review: '待审核', returned: '退回补正', rejected: '未通过', approved: '已通过', overdue: '超时督办', automatic: '免申即享', serviceRequest: '诉求', poolNomination: '后备人才库', poolDecision: '后备人才库', poolReview: '年度复核', executiveTerm: '任期届满提醒', loan: '创业担保贷款', liaison: '结对联系', jointTask: '协同任务', selectionNomination: '评选推荐', selectionReview: '评选评分', selectionResult: '评选结果' },
  },
};

type TextsOf<T> = { [Key in keyof T]: T[Key] extends string ? string : TextsOf<T[Key]> };

export const notificationsEnUS: TextsOf<typeof notificationsZhCN> = {
  notifications: {
    bell: 'Notifications',
    title: 'Notifications',
    unread: '{{count}} unread',
    empty: 'No notifications. Progress of applications, items waiting for your review and money paid to you are announced here.',
    markAllRead: 'Mark all read',
    loadFailed: 'Could not load notifications',
    kinds: { review: 'To review', returned: 'Returned', rejected: 'Rejected', approved: 'Approved', overdue: 'Overdue', automatic: 'Granted automatically', serviceRequest: 'Service request', poolNomination: 'Reserve pool', poolDecision: 'Reserve pool', poolReview: 'Yearly review', executiveTerm: 'Term ending', loan: 'Start-up loan', liaison: 'Leader contact', jointTask: 'Joint task', selectionNomination: 'Selection nomination', selectionReview: 'Selection scoring', selectionResult: 'Selection result' },
  },
};
