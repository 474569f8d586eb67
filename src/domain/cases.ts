/**
 * The case engine (办件) as data shared by server and web: the types of case, their statuses and actions. A case type
 * declares its steps (units, 会签 all / 或签 any, time limit in working days); the engine keeps the rest.
 */
import type { ApplicationStatus } from './policies/policy';

export const caseTypes = ['policy', 'serviceRequest', 'apartment', 'loan'] as const;
export type CaseType = (typeof caseTypes)[number];

/** online: raised by the requester; window: recorded by staff at the one-stop window on the requester's behalf (代办). */
export const caseChannels = ['online', 'window'] as const;
export type CaseChannel = (typeof caseChannels)[number];

/**
 * Every action the history records. reassign: the office moves the current step to another unit; split: 联办 sub-tasks
 * handed to other units; subtaskDone / subtaskReturn: a sub-task's unit ends it; rate: 好差评; reopen: the requester
 * reopens a closed case after an unsatisfied rating (once).
 */
export const caseActions = ['submit', 'approve', 'reject', 'return', 'resubmit', 'withdraw', 'escalate', 'reassign', 'split', 'subtaskDone', 'subtaskReturn', 'rate', 'reopen'] as const;
export type CaseAction = (typeof caseActions)[number];

/** The same statuses for every type (labels differ: a handled service request is 已办结). */
export type CaseStatus = ApplicationStatus;

/** The page of a case in the web app. */
const casePages: Record<CaseType, string> = { policy: '/applications', serviceRequest: '/service-requests', apartment: '/apartments/applications', loan: '/loans' };
export const caseLink = (type: CaseType, id: string) => `${casePages[type]}/${id}`;

export const inboxTabs = ['todo', 'done'] as const;
export type InboxTab = (typeof inboxTabs)[number];

/** A 联办 sub-task: open at its unit, done (with a note), or returned to the handling unit. */
export const subtaskStatuses = ['open', 'done', 'returned'] as const;
export type SubtaskStatus = (typeof subtaskStatuses)[number];
export const subtaskDecisions = ['done', 'return'] as const;
export type SubtaskDecision = (typeof subtaskDecisions)[number];

/** 好差评 scores, best first: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意 (labels in the locales). */
export const ratingScores = [5, 4, 3, 2, 1] as const;
export type RatingScore = (typeof ratingScores)[number];
/** A score at or below this lets the requester reopen the case (不满意, 非常不满意); at or above `satisfiedScore` counts as satisfied (满意+). */
export const reopenScore = 2;
export const satisfiedScore = 4;

/** The figures of the unit performance table that click through to a list of requests (`timing` filter of the list). */
export const requestTimings = ['onTime', 'late', 'overdue'] as const;
export type RequestTiming = (typeof requestTimings)[number];
