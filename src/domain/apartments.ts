/**
 * Talent apartments (人才公寓) as data shared by server and web: unit layouts, unit and lease statuses, the waiting
 * list's ordering rule. Labels live in the web module's locales and in `apartment-messages.ts`.
 */

/** 一室 (studio), 一室一厅, 两室一厅, 三室一厅. */
export const apartmentLayouts = ['studio', 'oneBedroom', 'twoBedroom', 'threeBedroom'] as const;
export type ApartmentLayout = (typeof apartmentLayouts)[number];

/** A unit's state: vacant (may be allocated), reserved (allocated, not yet moved in), occupied, maintenance (维修中). */
export const apartmentUnitStatuses = ['vacant', 'reserved', 'occupied', 'maintenance'] as const;
export type ApartmentUnitStatus = (typeof apartmentUnitStatuses)[number];
/** What staff may set by hand: reserved and occupied come from allocations and move-ins only. */
export const manualUnitStatuses = ['vacant', 'maintenance'] as const;

/** A lease: reserved (allocated, awaiting move-in), active (moved in), ended (moved out). */
export const leaseStatuses = ['reserved', 'active', 'ended'] as const;
export type LeaseStatus = (typeof leaseStatuses)[number];

/**
 * The waiting list's ordering rule, the same for everyone and shown to applicants: talents of a higher tier first (A
 * before B … before E, a talent without a tier last), then by the date the application was submitted (earlier first).
 */
export const tierRank = (tier: string | null) => (tier && /^[A-E]$/.test(tier) ? tier.charCodeAt(0) - 64 : 9);

/** The housing unit (规划建设局) that reviews applications and, with the office, manages the apartments. */
export const housingUnitCode = 'U10';
/** The demo housing policy whose eligibility rule decides who may apply. */
export const apartmentPolicyCode = 'APARTMENT';
