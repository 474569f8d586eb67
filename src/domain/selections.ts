/**
 * Selections (评选: 科技创新企业家评选, 优秀人才评选 …) as data shared by server and web. A selection is a call of one kind
 * and year: enterprises and units nominate talents, the office checks each nominee's eligibility by a published
 * policy's rule, the expert panel (`domain/panels.ts`) scores the eligible ones, the best `quota` are selected and
 * publicised (公示), and on completion the honour is written onto each selected talent's profile.
 */

/** nominating: 推荐中; reviewing: 评审中; publicizing: 公示中; completed: 已完成 (in this order, one step at a time). */
export const selectionStatuses = ['nominating', 'reviewing', 'publicizing', 'completed'] as const;
export type SelectionStatus = (typeof selectionStatuses)[number];

/** nominated: 待核验; eligible: 符合条件; ineligible: 不符合条件; selected: 入选; notSelected: 未入选. */
export const nominationStatuses = ['nominated', 'eligible', 'ineligible', 'selected', 'notSelected'] as const;
export type NominationStatus = (typeof nominationStatuses)[number];

/** Who nominates: enterprise HR (its own staff) or a unit's staff (any talent they may read). */
export const selectionNominators = ['enterprise', 'department'] as const;
export type SelectionNominator = (typeof selectionNominators)[number];

export const selectionObjectionStatuses = ['open', 'upheld', 'dismissed'] as const;
export type SelectionObjectionStatus = (typeof selectionObjectionStatuses)[number];

/** One condition of the policy's rule as the eligibility check found it, in both languages. */
export type EligibilityReason = { met: boolean; zh: string; en: string };
export type Eligibility = { eligible: boolean; asOf: string; policyVersionId: string; reasons: EligibilityReason[] };

/** The next status of a selection, or null at the end. */
export const nextSelectionStatus = (status: SelectionStatus): SelectionStatus | null => selectionStatuses[selectionStatuses.indexOf(status) + 1] ?? null;
