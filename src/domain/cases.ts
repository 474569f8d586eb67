/**
 * The case engine (办件) as data shared by server and web: the types of case, their statuses and actions. A case type
 * declares its steps (units, 会签 all / 或签 any, time limit in working days); the engine keeps the rest.
 */
import type { ApplicationStatus } from './policies/policy';

export const caseTypes = ['policy', 'serviceRequest', 'loan'] as const;
export type CaseType = (typeof caseTypes)[number];

/** online: raised by the requester; window: recorded by staff at the one-stop window on the requester's behalf (代办). */
export const caseChannels = ['online', 'window'] as const;
export type CaseChannel = (typeof caseChannels)[number];

/** Every action the history records. reassign: the office moves the current step to another unit. */
export const caseActions = ['submit', 'approve', 'reject', 'return', 'resubmit', 'withdraw', 'escalate', 'reassign'] as const;
export type CaseAction = (typeof caseActions)[number];

/** The same statuses for every type (labels differ: a handled service request is 已办结). */
export type CaseStatus = ApplicationStatus;

/** The page of a case in the web app. */
export const caseLink = (type: CaseType, id: string) => (type === 'policy' ? `/applications/${id}` : type === 'loan' ? `/loans/${id}` : `/service-requests/${id}`);

export const inboxTabs = ['todo', 'done'] as const;
export type InboxTab = (typeof inboxTabs)[number];
