import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, check, customType, date, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { AdminRole, Role } from '../../domain/roles';
import type {
  ArrivalRoute, ChainSegment, Degree, EducationLevel, EnterpriseSize, Gender, OrganisationKind, PoliticalStatus, SalaryBand, TalentStatus, TitleLevel,
} from '../../domain/dictionaries';
import type { SchoolCategory } from '../../domain/policies/facts';
import type { CardCheckOutcome, CardPrivilegeKind } from '../../domain/talent-card/card';
import type { CaseAction, CaseChannel, CaseType } from '../../domain/cases';
import type {
  ContactForm, DepartureKind, DepartureReason, DestinationKind, PairBasis, RiskSignal, TalentEventDetail, TalentEventKind,
} from '../../domain/retention';
import type {
  ApplicationStatus, AttachmentRequirement, EntitlementStatus, PeriodKind, PolicyCategory, PolicyMode, PolicyStatus, PolicyTarget,
  ReviewStepDefinition,
} from '../../domain/policies/policy';

const id = () => uuid('id').primaryKey().$defaultFn(() => randomUUID());
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Responsible units (责任单位) and the departments of the talent service team (人才服务小组). */
export const units = pgTable('units', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  duties: text('duties').notNull().default(''),
  isResponsibleUnit: boolean('is_responsible_unit').notNull().default(false),
  inServiceTeam: boolean('in_service_team').notNull().default(false),
  createdAt: createdAt(),
});

/** A `tsvector` column (drizzle has no built-in type for it). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The zone's industry list (数字经济, 新能源电池, 泵阀 …) and the key chain each belongs to: data the office edits, not code. */
export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  chain: text('chain'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/** Talent tiers (A–E 类人才) with their definitions, as data. */
export const talentTiers = pgTable('talent_tiers', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  definition: text('definition').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Enterprises, platforms, universities, research institutes and teams. Enterprise details are filled for kind = enterprise. */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    name: text('name').notNull(),
    industry: text('industry').references(() => industries.code),
    description: text('description').notNull().default(''),
    creditCode: text('credit_code').unique(),
    chainSegment: text('chain_segment').$type<ChainSegment>(),
    parkId: uuid('park_id').references((): AnyPgColumn => organisations.id),
    size: text('size').$type<EnterpriseSize>(),
    foundedOn: date('founded_on', { mode: 'string' }),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhoneCipher: text('contact_phone_cipher'),
    contactPhoneMasked: text('contact_phone_masked'),
    /** The name in pinyin order (`nameSortKey`), written with the name; null until start-up fills it in for older rows. */
    nameSortKey: text('name_sort_key'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('organisations_kind_name_key').on(table.kind, table.name),
    index('organisations_industry_idx').on(table.industry),
    index('organisations_name_sort_idx').on(table.kind, table.nameSortKey, table.name, table.id),
  ],
);

/**
 * The talent registry (人才库). ID number and phone are stored encrypted (AES-256-GCM) with a keyed hash for
 * uniqueness and exact look-up; the phone also in its masked form (4 digits hidden). No digit of the ID number is kept
 * in clear: its mask is computed from the cipher text when shown; nor the native place, also encrypted. Search words are computed at write time.
 */
export const talents = pgTable(
  'talents',
  {
    id: id(),
    name: text('name').notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberHash: text('id_number_hash').notNull().unique(),
    ethnicity: text('ethnicity'),
    /**
     * Unused since migration 0012: the native place was kept here in clear; the start-up job (`sealNativePlaces`) moves
     * it to `nativePlaceCipher` and sets this to null. Dropped by a later migration once every installation ran the job.
     */
    nativePlace: text('native_place'),
    /** The native place (a GB/T 2260 city code), encrypted: in clear it would name the ID number's likely area. */
    nativePlaceCipher: text('native_place_cipher'),
    politicalStatus: text('political_status').$type<PoliticalStatus>(),
    phoneCipher: text('phone_cipher'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    email: text('email'),
    employerId: uuid('employer_id').references(() => organisations.id),
    employerName: text('employer_name'),
    post: text('post'),
    industry: text('industry').references(() => industries.code),
    salaryBand: text('salary_band').$type<SalaryBand>(),
    arrivalRoute: text('arrival_route').$type<ArrivalRoute>().notNull(),
    arrivedOn: date('arrived_on', { mode: 'string' }),
    tier: text('tier').references(() => talentTiers.code),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').$type<TalentStatus>().notNull().default('inZone'),
    statusSince: date('status_since', { mode: 'string' }),
    highestEducation: text('highest_education').$type<EducationLevel>(),
    highestTitle: text('highest_title').$type<TitleLevel>(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by'),
    verifiedFields: text('verified_fields').array().notNull().default(sql`'{}'::text[]`),
    searchVector: tsvector('search_vector'),
    nameInitials: text('name_initials').notNull().default(''),
    /** Which `searchDataVersion` wrote the search vector's name words and the initials; older rows are refreshed at start-up. */
    searchVersion: integer('search_version').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('talents_employer_idx').on(table.employerId),
    index('talents_phone_hash_idx').on(table.phoneHash),
    index('talents_industry_idx').on(table.industry),
    index('talents_status_idx').on(table.status),
    index('talents_education_idx').on(table.highestEducation),
    index('talents_name_idx').on(table.name),
    index('talents_initials_idx').on(sql`${table.nameInitials} text_pattern_ops`),
    index('talents_search_idx').using('gin', table.searchVector),
    index('talents_search_version_idx').on(table.searchVersion),
    // the native places still in clear, for the start-up job that seals them (empty once it ran)
    index('talents_native_place_clear_idx').on(table.id).where(sql`${table.nativePlace} is not null`),
    // the list's order (most recently updated first), also a broad search's: a page reads 20 rows, not every match
    index('talents_updated_idx').on(table.updatedAt.desc().nullsFirst(), table.id),
    // the list sorted by name (orderOf 'name' in talents.repo): initials, name, id
    index('talents_name_order_idx').on(table.nameInitials, table.name, table.id),
  ],
);

export const talentEducations = pgTable(
  'talent_educations',
  {
    id: id(),
    talentId: uuid('talent_id').notNull().references(() => talents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    level: text('level').$type<EducationLevel>().notNull(),
    degree: text('degree').$type<Degree>().notNull(),
    school: text('school').notNull(),
    major: text('major').notNull().default(''),
    startYear: integer('start_year'),
    graduationYear: integer('graduation_year').notNull(),
    fullTime: boolean('full_time').notNull(),
    overseas: boolean('overseas').notNull(),
  },
  (table) => [index('talent_educations_talent_idx').on(table.talentId)],
);

export const talentTitles = pgTable(
  'talent_titles',
  {
    id: id(),
    talentId: uuid('talent_id').notNull().references(() => talents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    level: text('level').$type<TitleLevel>().notNull(),
    series: text('series').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
  },
  (table) => [index('talent_titles_talent_idx').on(table.talentId)],
);

export const talentCertificates = pgTable(
  'talent_certificates',
  {
    id: id(),
    talentId: uuid('talent_id').notNull().references(() => talents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    level: integer('level').notNull(),
    issuer: text('issuer').notNull().default(''),
    year: integer('year').notNull(),
  },
  (table) => [index('talent_certificates_talent_idx').on(table.talentId)],
);

/** Dated status history (在区 / 柔性服务中 / 已离开). */
export const talentStatusHistory = pgTable(
  'talent_status_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    talentId: uuid('talent_id').notNull().references(() => talents.id, { onDelete: 'cascade' }),
    status: text('status').$type<TalentStatus>().notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('talent_status_history_talent_idx').on(table.talentId)],
);

/** Spreadsheet imports: the checked rows wait here between the preview and the import. */
export const imports = pgTable('imports', {
  id: id(),
  kind: text('kind').$type<'talents' | 'enterprises'>().notNull(),
  fileName: text('file_name').notNull(),
  fileHash: text('file_hash').notNull(),
  status: text('status').$type<'previewed' | 'running' | 'done' | 'failed'>().notNull(),
  mode: text('mode').$type<'allOrNothing' | 'validOnly'>(),
  total: integer('total').notNull(),
  valid: integer('valid').notNull(),
  processed: integer('processed').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  problems: jsonb('problems').$type<{ row: number; column: string; message: string }[]>().notNull(),
  rows: jsonb('rows').$type<unknown[]>(),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().$type<Role[]>().notNull(),
  talentId: uuid('talent_id').references(() => talents.id),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  unitId: uuid('unit_id').references(() => units.id),
  disabled: boolean('disabled').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  /** Set when the password was chosen by someone else (created or reset by an administrator): only a password change is allowed. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** The TOTP secret, encrypted (Secrets.encrypt); in use once `totpEnabledAt` is set. */
  totpSecret: text('totp_secret'),
  /** A secret being enrolled, encrypted, until a code from it confirms the enrolment. */
  totpPendingSecret: text('totp_pending_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** TOTP recovery codes: SHA-256 of each code, each usable once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('recovery_codes_user_idx').on(table.userId)],
);

/** The second step of a sign-in with TOTP: a short-lived token (SHA-256 kept) issued after the right password. */
export const loginChallenges = pgTable('login_challenges', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  ip: text('ip'),
  attempts: integer('attempts').notNull().default(0),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Failed sign-ins counted per key (`pair:<username>@<address>`, `address:<address>`, `account:<username>`), shared by every app server. */
export const loginFailures = pgTable('login_failures', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
});

/** Image captchas (图形验证码): the answer's hash, single-use, short-lived. */
export const loginCaptchas = pgTable('login_captchas', {
  id: id(),
  answerHash: text('answer_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export type AdminRequestKind = 'create' | 'update' | 'resetPassword';
export type AdminRequestStatus = 'pending' | 'done' | 'rejected' | 'cancelled';
export type AdminApproval = { userId: string; username: string; role: AdminRole; at: string };

/**
 * A change to an administrator account (三权分立): roles, disable/enable, password reset, or a new admin account. It takes
 * effect only when approved by holders of the two admin roles other than the requester's (never the requester, never
 * the target of a password reset).
 */
export const adminRequests = pgTable(
  'admin_requests',
  {
    id: id(),
    kind: text('kind').$type<AdminRequestKind>().notNull(),
    targetId: uuid('target_id').references(() => users.id),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    requestedBy: uuid('requested_by').notNull().references(() => users.id),
    approvals: jsonb('approvals').$type<AdminApproval[]>().notNull().default([]),
    status: text('status').$type<AdminRequestStatus>().notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [index('admin_requests_status_idx').on(table.status, table.createdAt)],
);

/**
 * Summary counts of talents and organisations (`talent.status`, `talent.route`, `talent.education`, `talent.industry`,
 * `talent.arrived` and `talent.left` by year, `organisation.kind`), appended by statement triggers (migration 0014) in
 * the writing transaction: a key's count is the sum of its rows; `compactTallies` folds them. See ARCHITECTURE.md.
 */
export const tallies = pgTable('tallies', { dimension: text('dimension').notNull(), key: text('key').notNull(), total: bigint('total', { mode: 'number' }).notNull() }, (table) => [
  index('tallies_dimension_idx').on(table.dimension, table.key),
]);

/** Server-side sessions: the cookie carries a random token, the table keeps only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

export type AuditResult = 'success' | 'failure' | 'denied';

/** Append-only (a trigger refuses UPDATE and DELETE); written in the transaction of the change it records. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    ip: text('ip'),
    result: text('result').$type<AuditResult>().notNull(),
    detail: text('detail'),
    /** Position in the hash chain (1, 2, 3 …, no gaps); null only for rows written before the chain began (migration 0008). */
    seq: bigint('seq', { mode: 'number' }),
    /** The previous row's `hash` (for seq 1: the genesis value over the rows before the chain). */
    prevHash: text('prev_hash'),
    /** HMAC-SHA-256 (key derived from the master secret) over the row's content and `prev_hash`: see audit.chain.ts. */
    hash: text('hash'),
  },
  (table) => [
    uniqueIndex('audit_log_seq_key').on(table.seq),
    // rows outside the chain: the pre-chain rows and anything written past recordAudit (verification finds them here)
    index('audit_log_unsealed_idx').on(table.id).where(sql`${table.seq} is null`),
    index('audit_log_at_idx').on(table.at),
    index('audit_log_actor_idx').on(table.actorId, table.at),
    index('audit_log_ip_action_idx').on(table.ip, table.action, table.at),
    index('audit_log_target_idx').on(table.targetType, table.targetId),
  ],
);

// ——— Policies and benefits (政策兑现) ———

/** School categories (985/211/双一流/境外高水平) as data: the fact `schoolCategories` of a talent reads them. */
export const schools = pgTable('schools', {
  name: text('name').primaryKey(),
  categories: text('categories').array().$type<SchoolCategory[]>().notNull(),
});

/** A policy's catalogue entry. What decides eligibility and money lives in its versions. */
export const policies = pgTable(
  'policies',
  {
    id: id(),
    code: text('code').notNull().unique(),
    title: text('title').notNull(),
    documentNo: text('document_no').notNull().default(''),
    documentUrl: text('document_url'),
    summary: text('summary').notNull().default(''),
    category: text('category').$type<PolicyCategory>().notNull(),
    target: text('target').$type<PolicyTarget>().notNull(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    mode: text('mode').$type<PolicyMode>().notNull(),
    status: text('status').$type<PolicyStatus>().notNull().default('draft'),
    /** The whole budget in yuan; approvals reserve from it and can never over-commit it. */
    budgetTotal: bigint('budget_total', { mode: 'number' }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    /** Codes of policies that cannot be combined with this one. */
    exclusions: text('exclusions').array().notNull().default(sql`'{}'::text[]`),
    publishedVersionId: uuid('published_version_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('policies_status_idx').on(table.status)],
);

/**
 * A version of a policy's decision logic. Publishing freezes it; editing a published policy makes a new draft.
 * Every decision stores the version and the parameter values it used, so it can be replayed.
 */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: id(),
    policyId: uuid('policy_id').notNull().references(() => policies.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: text('status').$type<'draft' | 'published' | 'superseded'>().notNull().default('draft'),
    /** JsonLogic over the fact model of the policy's target; truthy = eligible. */
    eligibility: jsonb('eligibility').notNull(),
    /** JsonLogic giving the amount in yuan per period. */
    amount: jsonb('amount').notNull(),
    periodKind: text('period_kind').$type<PeriodKind>().notNull(),
    periods: integer('periods').notNull().default(1),
    attachments: jsonb('attachments').$type<AttachmentRequirement[]>().notNull().default([]),
    steps: jsonb('steps').$type<ReviewStepDefinition[]>().notNull().default([]),
    note: text('note').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('policy_versions_number_key').on(table.policyId, table.number),
    uniqueIndex('policy_versions_one_draft_key').on(table.policyId).where(sql`status = 'draft'`),
  ],
);

/** Named parameters of a policy (thresholds, amounts); a rule reads `{"var": "params.<name>"}`. */
export const policyParameters = pgTable(
  'policy_parameters',
  {
    id: id(),
    policyId: uuid('policy_id').notNull().references(() => policies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    label: text('label').notNull(),
    /** How the value is read and shown: a number, a yuan amount, or a fact's rank (e.g. education). */
    kind: text('kind').$type<'number' | 'yuan' | 'rank'>().notNull(),
    /** For kind = rank: the fact whose ranks the value takes. */
    fact: text('fact'),
  },
  (table) => [uniqueIndex('policy_parameters_name_key').on(table.policyId, table.name)],
);

/** Dated values of a parameter with their legal reference; the value in force on a date is the latest one from before it. */
export const parameterValues = pgTable(
  'parameter_values',
  {
    id: id(),
    parameterId: uuid('parameter_id').notNull().references(() => policyParameters.id, { onDelete: 'cascade' }),
    value: jsonb('value').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    legalReference: text('legal_reference').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('parameter_values_date_key').on(table.parameterId, table.effectiveFrom)],
);

/**
 * A case (办件) of the case engine, of any type: a policy application (`policy`) or a service request
 * (`serviceRequest`, 诉求). The engine's state — status, the steps (units, 会签/或签 mode, time limit in working days), the
 * current step and when it started, escalation, who submitted it, the optimistic version — is the same for every type.
 * The policy columns (policy, version, round, decision) are the policy extension, null for other types; the
 * `applications` view (migration 0017) is the policy cases under their old name.
 */
export const cases = pgTable(
  'cases',
  {
    id: id(),
    type: text('type').$type<CaseType>().notNull().default('policy'),
    policyId: uuid('policy_id').references(() => policies.id),
    versionId: uuid('version_id').references(() => policyVersions.id),
    /** A service request's category (routing rule); null for other types. */
    category: text('category').references(() => serviceRequestCategories.code),
    /** online: raised by the requester; window: recorded by staff at the window on the requester's behalf (代办). */
    channel: text('channel').$type<CaseChannel>().notNull().default('online'),
    subjectKind: text('subject_kind').$type<'talent' | 'enterprise'>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The application round: the year for yearly policies, `once` otherwise. */
    round: text('round').notNull(),
    status: text('status').$type<ApplicationStatus>().notNull(),
    form: jsonb('form').$type<Record<string, unknown>>().notNull().default({}),
    /** The check at submission: eligibility trace, facts, parameter values, amount (policy cases). */
    decision: jsonb('decision').$type<Record<string, unknown>>().notNull().default({}),
    /** The steps as they were when the case was submitted (a policy's from its published version). */
    steps: jsonb('steps').$type<ReviewStepDefinition[]>().notNull().default([]),
    stepIndex: integer('step_index').notNull().default(0),
    stepStartedAt: timestamp('step_started_at', { withTimezone: true }).notNull().defaultNow(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('applications_subject_idx').on(table.subjectKind, table.subjectId),
    index('applications_policy_idx').on(table.policyId, table.status),
    index('cases_type_status_idx').on(table.type, table.status),
    uniqueIndex('applications_open_key')
      .on(table.policyId, table.subjectKind, table.subjectId, table.round)
      .where(sql`status in ('inReview', 'returned')`),
  ],
);

/** Service-request categories (诉求类别) as data, each routed to a unit by a rule the office edits. */
export const serviceRequestCategories = pgTable('service_request_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  /** The routing rule: the unit (by code) a request of this category goes to; null until the office sets one. */
  unitCode: text('unit_code'),
  workingDays: integer('working_days').notNull().default(5),
  sort: integer('sort').notNull().default(0),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});

/** Files attached to a case; the bytes live under the data directory, named by their SHA-256. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: id(),
    caseId: uuid('case_id').references(() => cases.id),
    requirement: text('requirement').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('application_attachments_application_idx').on(table.caseId),
    // the upload quota counts a user's uploads of the last 24 hours
    index('application_attachments_uploader_idx').on(table.uploadedBy, table.createdAt),
  ],
);

/** Every step of a case's life: submission, each unit's decision, corrections, escalation, reassignment. */
export const caseActions = pgTable(
  'case_actions',
  {
    id: id(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    stepIndex: integer('step_index'),
    unitId: uuid('unit_id').references(() => units.id),
    actorId: uuid('actor_id'),
    action: text('action').$type<CaseAction>().notNull(),
    /** Shown to the applicant. */
    comment: text('comment').notNull().default(''),
    /** Seen by reviewers and the office only. */
    internalNote: text('internal_note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (table) => [index('application_actions_application_idx').on(table.caseId, table.at)],
);

/** In-app notifications (站内消息). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The values the kind's texts name (domain/policies/notices.ts), rendered in the reader's language; null on rows
     * written before they were kept, which show `title` and `body` (Chinese) as stored. */
    params: jsonb('params').$type<Record<string, unknown>>(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.createdAt)],
);

/**
 * What a subject is owed by a policy for one period (兑现台账), unique per subject × policy × period. Created by an
 * approval or a 免申即享 scan, with the decision that justifies it; its amount is reserved from the budget.
 */
export const entitlements = pgTable(
  'entitlements',
  {
    id: id(),
    policyId: uuid('policy_id').notNull().references(() => policies.id),
    versionId: uuid('version_id').notNull().references(() => policyVersions.id),
    applicationId: uuid('application_id').references(() => cases.id),
    subjectKind: text('subject_kind').$type<'talent' | 'enterprise'>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** `once`, `2026` or `2026-11`. */
    period: text('period').notNull(),
    amount: integer('amount').notNull(),
    source: text('source').$type<'application' | 'automatic'>().notNull(),
    status: text('status').$type<EntitlementStatus>().notNull(),
    statusReason: text('status_reason'),
    decision: jsonb('decision').$type<Record<string, unknown>>().notNull(),
    batchId: uuid('batch_id'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('entitlements_subject_period_key').on(table.policyId, table.subjectKind, table.subjectId, table.period),
    index('entitlements_policy_status_idx').on(table.policyId, table.status, table.period),
    index('entitlements_subject_idx').on(table.subjectKind, table.subjectId),
  ],
);

/** A disbursement batch (拨付批次) of one policy and period, with its control totals. */
export const disbursementBatches = pgTable(
  'disbursement_batches',
  {
    id: id(),
    policyId: uuid('policy_id').notNull().references(() => policies.id),
    period: text('period').notNull(),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    count: integer('count').notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('disbursement_batches_policy_idx').on(table.policyId, table.period)],
);

/** Each payment attempt of an entitlement in a batch; a failed one can be retried in a later batch. */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    batchId: uuid('batch_id').notNull().references(() => disbursementBatches.id),
    entitlementId: uuid('entitlement_id').notNull().references(() => entitlements.id),
    amount: integer('amount').notNull(),
    status: text('status').$type<'pending' | 'paid' | 'failed'>().notNull().default('pending'),
    reason: text('reason'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('payments_batch_entitlement_key').on(table.batchId, table.entitlementId),
    index('payments_entitlement_idx').on(table.entitlementId),
  ],
);

/**
 * Idempotency keys of money-moving requests, claimed before the work runs: `running` while a request holds the key
 * (another one answers 409 until it is done, or takes it over when the claim is older than five minutes), then `done`
 * with the stored answer (a success, or a refusal as `{ error }`): same key and body → that answer; other body → 422.
 */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  scope: text('scope').notNull(),
  requestHash: text('request_hash').notNull(),
  status: text('status').$type<'running' | 'done'>().notNull().default('running'),
  /** The stored answer's HTTP status (200, or the 4xx of a refusal); null while running. */
  statusCode: integer('status_code'),
  /** The stored answer; null while running. */
  response: jsonb('response'),
  claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
  createdAt: createdAt(),
});

/** 免申即享 scans: when, as of which date, what they found. */
export const policyScans = pgTable('policy_scans', {
  id: id(),
  policyId: uuid('policy_id').notNull().references(() => policies.id),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  trigger: text('trigger').$type<'manual' | 'daily'>().notNull(),
  eligible: integer('eligible').notNull(),
  created: integer('created').notNull(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});

/** Saved policy simulations: the change tried, the snapshot date, the results (counts, cost, breakdowns, who). */
export const simulations = pgTable('simulations', {
  id: id(),
  policyId: uuid('policy_id').notNull().references(() => policies.id),
  name: text('name').notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  change: jsonb('change').$type<Record<string, unknown>>().notNull(),
  result: jsonb('result').$type<Record<string, unknown>>().notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
});

/**
 * Values the system keeps about itself: `keyCheck` (a keyed hash of a fixed text under the master secret, compared at
 * every start so that a database never runs with a key that cannot read it).
 */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: updatedAt(),
});

/**
 * The office's overrides of the working-day calendar (`src/domain/calendar`): a day made a holiday or a working day
 * (调休上班), over the `chinese-days` package's arrangement; e.g. next year's arrangement once the State Council
 * publishes it, before the package knows it. One row per date.
 */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  note: text('note'),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
}, (table) => [check('calendar_days_kind_check', sql`${table.kind} in ('holiday', 'workday')`)]);

/**
 * One row per daily job and day (Beijing date), claimed with INSERT … ON CONFLICT DO NOTHING before the job runs, so
 * several app servers on one database run each job once a day. A failed run keeps its error and may be claimed again
 * later that day (`policies/daily.ts`).
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    status: text('status').$type<'running' | 'done' | 'failed'>().notNull(),
    attempts: integer('attempts').notNull().default(1),
    /** Which process ran it (host name and process id). */
    instance: text('instance').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** What the run did (counts), or null. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
  },
  (table) => [uniqueIndex('job_runs_job_date_idx').on(table.job, table.runDate), index('job_runs_started_idx').on(table.startedAt)],
);

/** The privileges (绿色通道) a tier's talent card carries, one row per tier and kind: data the office edits. */
export const talentCardPrivileges = pgTable(
  'talent_card_privileges',
  {
    tier: text('tier').notNull().references(() => talentTiers.code),
    kind: text('kind').$type<CardPrivilegeKind>().notNull(),
    detail: text('detail').notNull(),
    detailEn: text('detail_en').notNull(),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.tier, table.kind] })],
);

/** Card numbers (RC2026000123): one sequence, so two cards issued at once never share a number. */
export const talentCardNumbers = pgSequence('talent_card_number_seq', { startWith: 1 });

/**
 * Talent cards (人才卡): one card at a time per talent (a partial unique index over the cards not revoked); issuing a new
 * card to a talent whose card lapsed revokes the lapsed one in the same transaction.
 */
export const talentCards = pgTable(
  'talent_cards',
  {
    id: id(),
    number: text('number').notNull().unique(),
    talentId: uuid('talent_id').notNull().references(() => talents.id),
    tier: text('tier').notNull().references(() => talentTiers.code),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid('issued_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokedReason: text('revoked_reason'),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('talent_cards_one_current_idx').on(table.talentId).where(sql`${table.revokedAt} is null`),
    index('talent_cards_issued_idx').on(table.issuedAt.desc(), table.id),
  ],
);

/** Every check of a card code at a service point, with what it found (the card is null when the code named none). */
export const talentCardChecks = pgTable(
  'talent_card_checks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cardId: uuid('card_id').references(() => talentCards.id),
    outcome: text('outcome').$type<CardCheckOutcome>().notNull(),
    servicePoint: text('service_point'),
    checkedBy: uuid('checked_by').notNull().references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('talent_card_checks_card_idx').on(table.cardId, table.checkedAt)],
);

// ——— retention (留才): talent history, leader pairing and visits, departures, early-warning weights and visit tasks ———

/** A dated event in a talent's history (入区, 变更单位, 合同, 补贴, 诉求, 领导联系, 离开 …): `domain/retention.ts`. */
export const talentEvents = pgTable(
  'talent_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    talentId: uuid('talent_id').notNull().references(() => talents.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<TalentEventKind>().notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    detail: jsonb('detail').$type<TalentEventDetail>().notNull().default({}),
    /** Who wrote it: the registry (at write time), a backfill from the audit log, liaison, departures, the demo history. */
    source: text('source').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('talent_events_talent_idx').on(table.talentId, table.occurredOn), index('talent_events_day_idx').on(table.occurredOn)],
);

/** A leader paired with a talent (结对联系), with a contact plan: at least one contact every `planMonths` months. */
export const liaisonPairs = pgTable(
  'liaison_pairs',
  {
    id: id(),
    leaderId: uuid('leader_id').notNull().references(() => users.id),
    talentId: uuid('talent_id').notNull().references(() => talents.id, { onDelete: 'cascade' }),
    basis: text('basis').$type<PairBasis>().notNull(),
    planMonths: integer('plan_months').notNull().default(3),
    pairedOn: date('paired_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    /** When the daily work last flagged the plan as overdue (null: not overdue, or not flagged yet). */
    overdueNotifiedOn: date('overdue_notified_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('liaison_pairs_active_talent_key').on(table.talentId).where(sql`${table.endedOn} is null`),
    index('liaison_pairs_leader_idx').on(table.leaderId),
  ],
);

/** A contact of a pair: a visit, symposium, 联谊 or call, with topics and the problems raised (each a service request). */
export const liaisonContacts = pgTable(
  'liaison_contacts',
  {
    id: id(),
    pairId: uuid('pair_id').notNull().references(() => liaisonPairs.id),
    contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
    form: text('form').$type<ContactForm>().notNull(),
    topics: text('topics').notNull().default(''),
    /** Each problem raised: its title and the service request it became. */
    problems: jsonb('problems').$type<{ title: string; caseId: string }[]>().notNull().default([]),
    /** The visit task this contact answers, if any. */
    taskId: uuid('task_id'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('liaison_contacts_pair_idx').on(table.pairId, table.contactedOn)],
);

/** The early warning's signals: each one's weight (points) and threshold, data the office tunes. */
export const retentionSignalWeights = pgTable('retention_signal_weights', {
  signal: text('signal').$type<RiskSignal>().primaryKey(),
  weight: integer('weight').notNull(),
  threshold: integer('threshold').notNull(),
  sort: integer('sort').notNull().default(0),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});

/** A visit task for a high-risk talent, routed to the paired leader (or the office: `assigneeId` null), with its outcome. */
export const retentionTasks = pgTable(
  'retention_tasks',
  {
    id: id(),
    talentId: uuid('talent_id').notNull().references(() => talents.id, { onDelete: 'cascade' }),
    pairId: uuid('pair_id').references(() => liaisonPairs.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    score: integer('score').notNull(),
    contributions: jsonb('contributions').$type<{ signal: RiskSignal; points: number; value: string }[]>().notNull(),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    status: text('status').$type<'open' | 'done'>().notNull().default('open'),
    contactId: uuid('contact_id'),
    outcome: text('outcome'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('retention_tasks_open_key').on(table.talentId).where(sql`${table.status} = 'open'`),
    index('retention_tasks_assignee_idx').on(table.assigneeId, table.status),
  ],
);

/** A departure (人才外流): kind, destination, reasons, exit interview; the employer left is kept for the outflow report. */
export const departures = pgTable(
  'departures',
  {
    id: id(),
    talentId: uuid('talent_id').notNull().references(() => talents.id, { onDelete: 'cascade' }),
    leftOn: date('left_on', { mode: 'string' }).notNull(),
    kind: text('kind').$type<DepartureKind>().notNull(),
    destinationRegion: text('destination_region').notNull().default(''),
    destinationKind: text('destination_kind').$type<DestinationKind>().notNull(),
    reasons: text('reasons').array().$type<DepartureReason[]>().notNull(),
    exitInterview: text('exit_interview').notNull().default(''),
    employerId: uuid('employer_id').references(() => organisations.id),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (table) => [index('departures_talent_idx').on(table.talentId), index('departures_employer_idx').on(table.employerId, table.leftOn), index('departures_day_idx').on(table.leftOn)],
);
