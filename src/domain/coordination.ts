/**
 * 协同用才: joint tasks across the zone's units (a cross-unit talent matter with an owner unit and helper units) and the
 * government–enterprise board (政企对接). Shared by server and web; labels live in the locale files (web) and in
 * coordination-messages.ts (server).
 */

/** todo: 待办 (raised, nobody has reported yet); inProgress: 进行中; done: 已完成 (closed by the owner); cancelled: 已取消. */
export const jointTaskStatuses = ['todo', 'inProgress', 'done', 'cancelled'] as const;
export type JointTaskStatus = (typeof jointTaskStatuses)[number];

/** Statuses in which a task is still open (notes, parts, closing, overdue). */
export const openJointTaskStatuses: readonly JointTaskStatus[] = ['todo', 'inProgress'];

/** How the owner closes a task: done (已完成) or cancelled (已取消). */
export const jointTaskOutcomes = ['done', 'cancelled'] as const;
export type JointTaskOutcome = (typeof jointTaskOutcomes)[number];

export const isOpenJointTask = (status: JointTaskStatus) => openJointTaskStatuses.includes(status);

/** Overdue: still open and its due day (a Beijing date) is before today. */
export const isJointTaskOverdue = (task: { status: JointTaskStatus; dueOn: string }, today: string) => isOpenJointTask(task.status) && task.dueOn < today;

/** The kinds of open call the board lists, each linking to its page. */
export const boardItemKinds = ['challenge', 'training', 'policy', 'pool', 'selection'] as const;
export type BoardItemKind = (typeof boardItemKinds)[number];

/** Why an item is on an enterprise's board: each reason becomes a sentence in the reader's language. */
export const boardReasons = ['sameChain', 'sameIndustry', 'zoneWide', 'ownChallenge', 'forEnterprise', 'trainingForYou', 'trainingOpen', 'enterpriseEligible', 'staffEligible', 'poolOpen', 'selectionOpen'] as const;
export type BoardReason = (typeof boardReasons)[number];
