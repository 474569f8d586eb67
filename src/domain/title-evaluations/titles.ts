/**
 * 职称评聘 (title evaluation) as data shared by server and web: round and declaration statuses, the levels a round
 * opens (the registry's title levels), score limits. The series (工程, 经济, 会计 …) are data: `title_series`.
 */
import { titleLevels, type TitleLevel } from '../dictionaries';

/** declaring 申报中 → reviewing 评审中 → publicizing 公示中 → completed 已完成. */
export const titleRoundStatuses = ['declaring', 'reviewing', 'publicizing', 'completed'] as const;
export type TitleRoundStatus = (typeof titleRoundStatuses)[number];

/**
 * submitted 待审核 (the office checks the materials) → accepted 待评审, or returned 退回补正 (the enterprise corrects and
 * resubmits while the round is declaring); the expert group decides passed 通过 / failed 未通过; an objection upheld in
 * 公示 turns passed into failed; completion records a passed declaration's title in the profile (`recordedAt`).
 */
export const titleDeclarationStatuses = ['submitted', 'returned', 'accepted', 'passed', 'failed'] as const;
export type TitleDeclarationStatus = (typeof titleDeclarationStatuses)[number];

export const titleCheckOutcomes = ['accept', 'return'] as const;
export const titleResults = ['pass', 'fail'] as const;
export type TitleResult = (typeof titleResults)[number];

/** open 待处理 → upheld 成立 (the result is withdrawn) or dismissed 不成立. */
export const titleObjectionStatuses = ['open', 'upheld', 'dismissed'] as const;
export type TitleObjectionStatus = (typeof titleObjectionStatuses)[number];

export const titleLevelValues = titleLevels;
export type { TitleLevel };

export const scoreRange = { min: 0, max: 100 } as const;
/** 公示 lasts at least 5 working days (the usual rule), at most 20. */
export const publicityDaysRange = { min: 5, max: 20 } as const;
