import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, check, customType, date, index, integer, json, jsonb, numeric, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { AdminRole, Role } from '../../domain/roles';
import type {
  ArrivalRoute, ChainSegment, Degree, EducationLevel, EnterpriseSize, Gender, OrganisationKind, PoliticalStatus, SalaryBand, TalentStatus, TitleLevel,
} from '../../domain/dictionaries';
import type { SchoolCategory } from '../../domain/policies/facts';
import type { CardCheckOutcome, CardPrivilegeKind } from '../../domain/talent-card/card';
import type { PoolAction, PoolMemberStatus, PoolNominator } from '../../domain/pools';
import type { JointTaskStatus } from '../../domain/coordination';
import type { CaseAction, CaseChannel, CaseType, SubtaskStatus } from '../../domain/cases';
import type { ApartmentLayout, ApartmentUnitStatus, LeaseStatus } from '../../domain/apartments';
import type { TitleDeclarationStatus, TitleObjectionStatus, TitleRoundStatus } from '../../domain/title-evaluations/titles';
import type { Eligibility, NominationStatus, SelectionNominator, SelectionObjectionStatus, SelectionStatus } from '../../domain/selections';
import type { ApplicantState, AppraisalOutcome, CampaignStage, CampaignType, DemandStatus, DemandUrgency, ExecutiveStatus, FillChannel } from '../../domain/demands';
import type { ChallengeStatus, MilestoneStatus, ProposalStatus, TrainingClassKind, TrainingClassStatus, TrainingOrderStatus } from '../../domain/growth';
import type {
  CooperationKind, CooperationStatus, ExpertKind, FollowUpStatus, InternEvaluation, PlatformLevel, PlatformType, ProjectStatus, TransferStage,
} from '../../domain/cooperation';
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

/**
 * A talent import's rows between staging and switch-in (migration 0032): per chunk and target table, the rows as the
 * table will hold them (JSON, the keys named by `columns`). Dropped when the run ends, fails or is found interrupted.
 */
export const importStagedRows = pgTable(
  'import_staged_rows',
  {
    importId: uuid('import_id').notNull().references(() => imports.id, { onDelete: 'cascade' }),
    chunk: integer('chunk').notNull(),
    target: text('target').notNull(),
    columns: text('columns').array().notNull(),
    rows: json('rows').$type<Record<string, unknown>[]>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.importId, table.chunk, table.target] })],
);

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
    index('cases_decided_idx').on(table.type, table.decidedAt),
    uniqueIndex('applications_open_key')
      .on(table.policyId, table.subjectKind, table.subjectId, table.round)
      .where(sql`status in ('inReview', 'returned')`),
    // one open apartment application per talent (migration 0019)
    uniqueIndex('cases_apartment_open_key').on(table.subjectId).where(sql`type = 'apartment' and status in ('inReview', 'returned')`),
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
  /** Switched off by the office: no new requests of this category (those raised stay). */
  active: boolean('active').notNull().default(true),
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

/**
 * 联办: a part of a case handed to another unit (its unit by code, what to do, a time limit in working days from
 * `started_at`). The unit ends it done (with a note) or returns it to the handling unit; the case cannot close while one
 * is open. Overdue ones are flagged once (`escalated_at`) by the daily escalation (migration 0018).
 */
export const caseSubtasks = pgTable(
  'case_subtasks',
  {
    id: id(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    unitCode: text('unit_code').notNull(),
    task: text('task').notNull(),
    workingDays: integer('working_days').notNull(),
    status: text('status').$type<SubtaskStatus>().notNull().default('open'),
    note: text('note').notNull().default(''),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    index('case_subtasks_case_idx').on(table.caseId),
    index('case_subtasks_unit_idx').on(table.unitCode, table.status),
    check('case_subtasks_status_check', sql`${table.status} in ('open', 'done', 'returned')`),
  ],
);

/** 好差评: the requester's one rating of a closed case (5 非常满意 … 1 非常不满意) with a comment (migration 0018). */
export const caseRatings = pgTable(
  'case_ratings',
  {
    caseId: uuid('case_id').primaryKey().references(() => cases.id),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    ratedBy: uuid('rated_by').notNull(),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('case_ratings_score_check', sql`${table.score} between 1 and 5`)],
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

/** Reserve talent pools (后备人才库): data the office keeps — who may nominate into each and how often members are reviewed. */
export const talentPools = pgTable('talent_pools', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  description: text('description').notNull().default(''),
  descriptionEn: text('description_en').notNull().default(''),
  nominators: text('nominators').array().$type<PoolNominator[]>().notNull(),
  reviewMonths: integer('review_months').notNull().default(12),
  active: boolean('active').notNull().default(true),
  sort: integer('sort').notNull().default(0),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * A talent nominated into a pool, and where the nomination stands. At most one membership of a talent per pool is
 * active (nominated, in the pool or used): a partial unique index. The nominating unit or enterprise scopes who sees it.
 */
export const poolMembers = pgTable(
  'pool_members',
  {
    id: id(),
    poolId: uuid('pool_id').notNull().references(() => talentPools.id),
    talentId: uuid('talent_id').notNull().references(() => talents.id),
    status: text('status').$type<PoolMemberStatus>().notNull(),
    reason: text('reason').notNull(),
    nominatedBy: uuid('nominated_by').notNull().references(() => users.id),
    nominatorKind: text('nominator_kind').$type<PoolNominator>().notNull(),
    nominatingUnitId: uuid('nominating_unit_id').references(() => units.id),
    nominatingOrgId: uuid('nominating_org_id').references(() => organisations.id),
    nominatedAt: timestamp('nominated_at', { withTimezone: true }).notNull().defaultNow(),
    score: integer('score'),
    opinion: text('opinion'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    enteredOn: date('entered_on', { mode: 'string' }),
    lastReviewedOn: date('last_reviewed_on', { mode: 'string' }),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
    reviewRemindedFor: date('review_reminded_for', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('pool_members_one_active_idx').on(table.poolId, table.talentId).where(sql`${table.status} in ('nominated', 'inPool', 'used')`),
    index('pool_members_pool_status_idx').on(table.poolId, table.status, table.nominatedAt.desc()),
    index('pool_members_talent_idx').on(table.talentId),
    index('pool_members_review_idx').on(table.nextReviewOn).where(sql`${table.status} in ('inPool', 'used')`),
  ],
);

/** The history of a membership: each step, who took it and the opinion given. */
export const poolMemberEvents = pgTable(
  'pool_member_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: uuid('member_id').notNull().references(() => poolMembers.id),
    action: text('action').$type<PoolAction>().notNull(),
    fromStatus: text('from_status').$type<PoolMemberStatus>(),
    toStatus: text('to_status').$type<PoolMemberStatus>().notNull(),
    score: integer('score'),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('pool_member_events_member_idx').on(table.memberId, table.at)],
);

// ——— talent apartments (人才公寓, modules/apartments) ———

/** An apartment building (楼栋) of the zone's talent apartments. */
export const apartmentBuildings = pgTable('apartment_buildings', {
  id: id(),
  name: text('name').notNull().unique(),
  address: text('address').notNull(),
  park: text('park').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** An apartment (套): layout, area, furnished (拎包入住), monthly rent, status. Reserved and occupied come from leases. */
export const apartmentUnits = pgTable(
  'apartment_units',
  {
    id: id(),
    buildingId: uuid('building_id').notNull().references(() => apartmentBuildings.id),
    number: text('number').notNull(),
    layout: text('layout').$type<ApartmentLayout>().notNull(),
    area: numeric('area', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    furnished: boolean('furnished').notNull().default(true),
    monthlyRent: integer('monthly_rent').notNull(),
    status: text('status').$type<ApartmentUnitStatus>().notNull().default('vacant'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('apartment_units_number_key').on(table.buildingId, table.number), index('apartment_units_status_idx').on(table.status)],
);

/**
 * A lease (租约): a unit allocated to an approved application (reserved), moved into (active), moved out of (ended).
 * The partial unique indexes are the last word on "never two tenants in one unit" and "one home per talent".
 */
export const apartmentLeases = pgTable(
  'apartment_leases',
  {
    id: id(),
    unitId: uuid('unit_id').notNull().references(() => apartmentUnits.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    talentId: uuid('talent_id').notNull().references(() => talents.id),
    status: text('status').$type<LeaseStatus>().notNull().default('reserved'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    moveInDate: date('move_in_date', { mode: 'string' }),
    moveOutDate: date('move_out_date', { mode: 'string' }),
    renewals: integer('renewals').notNull().default(0),
    allocatedBy: uuid('allocated_by').notNull(),
    allocatedAt: timestamp('allocated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('apartment_leases_unit_open_key').on(table.unitId).where(sql`status in ('reserved', 'active')`),
    uniqueIndex('apartment_leases_talent_open_key').on(table.talentId).where(sql`status in ('reserved', 'active')`),
    uniqueIndex('apartment_leases_case_key').on(table.caseId),
    index('apartment_leases_unit_idx').on(table.unitId),
    index('apartment_leases_talent_idx').on(table.talentId),
  ],
);

/** Banks and guarantors (担保机构) of start-up guaranteed loans, as data the office keeps. */
export const loanInstitutions = pgTable('loan_institutions', {
  code: text('code').primaryKey(),
  kind: text('kind').$type<'bank' | 'guarantor'>().notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/**
 * A start-up guaranteed loan (创业担保贷款): the `loan` case it belongs to (one row per case), what was applied for, and
 * what each stage recorded (the bank's approval, the disbursement, the subsidy granted, the settlement).
 */
export const loans = pgTable(
  'loans',
  {
    caseId: uuid('case_id').primaryKey().references(() => cases.id),
    bankCode: text('bank_code').notNull().references(() => loanInstitutions.code),
    guarantorCode: text('guarantor_code').notNull().references(() => loanInstitutions.code),
    amount: integer('amount').notNull(),
    termMonths: integer('term_months').notNull(),
    /** The interest-subsidy rate in basis points a year (300 = 3.00 %). */
    subsidyRateBp: integer('subsidy_rate_bp').notNull(),
    purpose: text('purpose').notNull().default(''),
    approvedAmount: integer('approved_amount'),
    bankReference: text('bank_reference'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    disbursedAmount: integer('disbursed_amount'),
    disbursedOn: date('disbursed_on', { mode: 'string' }),
    /** The balance the subsidy was computed on, and its total over the periods granted (0: not eligible). */
    subsidyBalance: integer('subsidy_balance'),
    subsidyTotal: integer('subsidy_total'),
    subsidyAt: timestamp('subsidy_at', { withTimezone: true }),
    settledOn: date('settled_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('loans_bank_idx').on(table.bankCode), index('loans_disbursed_idx').on(table.disbursedOn)],
);

// ——— 职称评聘 (title evaluation, migration 0021) ———

/** The title series (工程, 经济, 会计 …): data, seeded by the migration. */
export const titleSeries = pgTable('title_series', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  /** The series as the registry's titles name it (工程 → 工程技术), and each level's title (工程师, 高级工程师 …). */
  registrySeries: text('registry_series').notNull(),
  levelNames: jsonb('level_names').$type<Record<TitleLevel, string>>().notNull(),
  position: integer('position').notNull(),
});

/** An evaluation round: one per year and series, the levels it evaluates, its declaration window and 公示 length. */
export const titleRounds = pgTable(
  'title_rounds',
  {
    id: id(),
    year: integer('year').notNull(),
    series: text('series').notNull().references(() => titleSeries.code),
    name: text('name').notNull(),
    levels: jsonb('levels').$type<TitleLevel[]>().notNull(),
    declareFrom: date('declare_from', { mode: 'string' }).notNull(),
    declareTo: date('declare_to', { mode: 'string' }).notNull(),
    publicityDays: integer('publicity_days').notNull(),
    status: text('status').$type<TitleRoundStatus>().notNull().default('declaring'),
    publicityFrom: timestamp('publicity_from', { withTimezone: true }),
    publicityUntil: timestamp('publicity_until', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [uniqueIndex('title_rounds_year_series_key').on(table.year, table.series), index('title_rounds_status_idx').on(table.status, table.year)],
);

/** The round's expert group: a user (who then scores as themself) or a named outside expert; the organisation decides 回避. */
export const titleExperts = pgTable(
  'title_experts',
  {
    id: id(),
    roundId: uuid('round_id').notNull().references(() => titleRounds.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    userId: uuid('user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
  },
  (table) => [index('title_experts_round_idx').on(table.roundId), index('title_experts_user_idx').on(table.userId)],
);

/** An enterprise's candidate in a round, with the level sought and the materials (a file list). */
export const titleDeclarations = pgTable(
  'title_declarations',
  {
    id: id(),
    roundId: uuid('round_id').notNull().references(() => titleRounds.id),
    talentId: uuid('talent_id').notNull().references(() => talents.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    level: text('level').$type<TitleLevel>().notNull(),
    materials: jsonb('materials').$type<{ name: string }[]>().notNull(),
    status: text('status').$type<TitleDeclarationStatus>().notNull().default('submitted'),
    checkComment: text('check_comment'),
    checkedBy: uuid('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    resultComment: text('result_comment'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('title_declarations_round_talent_key').on(table.roundId, table.talentId),
    index('title_declarations_round_idx').on(table.roundId, table.status),
    index('title_declarations_organisation_idx').on(table.organisationId),
  ],
);

/** One expert's score and opinion of one declaration. */
export const titleScores = pgTable(
  'title_scores',
  {
    declarationId: uuid('declaration_id').notNull().references(() => titleDeclarations.id),
    expertId: uuid('expert_id').notNull().references(() => titleExperts.id),
    score: integer('score').notNull(),
    opinion: text('opinion').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.declarationId, table.expertId] })],
);

/** An objection raised during 公示 against a passed candidate, and how the office resolved it. */
export const titleObjections = pgTable(
  'title_objections',
  {
    id: id(),
    declarationId: uuid('declaration_id').notNull().references(() => titleDeclarations.id),
    objector: text('objector').notNull(),
    content: text('content').notNull(),
    status: text('status').$type<TitleObjectionStatus>().notNull().default('open'),
    resolution: text('resolution'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [index('title_objections_declaration_idx').on(table.declarationId)],
);

// ——— Talent demand, recruitment campaigns, market-hired executives (issue 13, migration 0022) ———

/** Disciplines (学科/专业方向: 经济金融, 工程建设, 化工 …) as data; `keywords` say which majors and posts belong to one. */
export const disciplines = pgTable('disciplines', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** The skill dictionary: a skill and the words that mean it (synonyms), for matching. Data the office edits. */
export const skills = pgTable('skills', {
  name: text('name').primaryKey(),
  nameEn: text('name_en').notNull(),
  synonyms: text('synonyms').array().notNull().default(sql`'{}'::text[]`),
});

/** An enterprise's talent demand (岗位需求): a record with dates, never a count. */
export const demands = pgTable(
  'demands',
  {
    id: id(),
    enterpriseId: uuid('enterprise_id').notNull().references(() => organisations.id),
    post: text('post').notNull(),
    industry: text('industry').notNull().references(() => industries.code),
    chainSegment: text('chain_segment').$type<ChainSegment>(),
    discipline: text('discipline').notNull().references(() => disciplines.code),
    education: text('education').$type<EducationLevel>(),
    title: text('title').$type<TitleLevel>(),
    minYears: integer('min_years').notNull().default(0),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    headcount: integer('headcount').notNull(),
    filled: integer('filled').notNull().default(0),
    salaryBand: text('salary_band').$type<SalaryBand>(),
    urgency: text('urgency').$type<DemandUrgency>().notNull().default('normal'),
    deadline: date('deadline', { mode: 'string' }),
    description: text('description').notNull().default(''),
    status: text('status').$type<DemandStatus>().notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    postedBy: uuid('posted_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('demands_enterprise_idx').on(table.enterpriseId, table.createdAt),
    index('demands_status_idx').on(table.status, table.createdAt),
    index('demands_discipline_idx').on(table.discipline),
  ],
);

/** How a demand was filled: one dated record per hire (or group of hires) and channel. */
export const demandFills = pgTable(
  'demand_fills',
  {
    id: id(),
    demandId: uuid('demand_id').notNull().references(() => demands.id),
    channel: text('channel').$type<FillChannel>().notNull(),
    count: integer('count').notNull(),
    filledOn: date('filled_on', { mode: 'string' }).notNull(),
    talentId: uuid('talent_id').references(() => talents.id),
    /** The record the fill came from: a campaign applicant, a training order, an expert … (by id only). */
    sourceId: uuid('source_id'),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (table) => [index('demand_fills_demand_idx').on(table.demandId, table.filledOn)],
);

/** A recruitment campaign (校园招聘, 急需紧缺人才引进, 市场化选聘, 公开招聘) with its stages and its plan by discipline. */
export const campaigns = pgTable('campaigns', {
  id: id(),
  type: text('type').$type<CampaignType>().notNull(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  stages: text('stages').array().$type<CampaignStage[]>().notNull(),
  plan: jsonb('plan').$type<{ discipline: string; planned: number }[]>().notNull().default(sql`'[]'::jsonb`),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

export const campaignPosts = pgTable(
  'campaign_posts',
  {
    id: id(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
    title: text('title').notNull(),
    discipline: text('discipline').notNull().references(() => disciplines.code),
    headcount: integer('headcount').notNull(),
    demandId: uuid('demand_id').references(() => demands.id),
    enterpriseId: uuid('enterprise_id').references(() => organisations.id),
    createdAt: createdAt(),
  },
  (table) => [index('campaign_posts_campaign_idx').on(table.campaignId)],
);

/** An applicant of a campaign post: identity sealed like a talent's, the stage reached and each stage's result. */
export const campaignApplicants = pgTable(
  'campaign_applicants',
  {
    id: id(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
    postId: uuid('post_id').notNull().references(() => campaignPosts.id),
    /** 报名号: 1, 2, 3 … within the campaign, the key of the score sheet (no ID number in a spreadsheet). */
    number: integer('number').notNull(),
    name: text('name').notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneMasked: text('phone_masked'),
    education: text('education').$type<EducationLevel>().notNull(),
    degree: text('degree').$type<Degree>().notNull().default('none'),
    school: text('school').notNull(),
    major: text('major').notNull().default(''),
    graduationYear: integer('graduation_year').notNull(),
    state: text('state').$type<ApplicantState>().notNull().default('inProgress'),
    stageIndex: integer('stage_index').notNull().default(0),
    results: jsonb('results').$type<Partial<Record<CampaignStage, { passed: boolean; score: number | null; at: string }>>>().notNull().default(sql`'{}'::jsonb`),
    talentId: uuid('talent_id').references(() => talents.id),
    hiredOn: date('hired_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('campaign_applicants_person_idx').on(table.campaignId, table.idNumberHash),
    uniqueIndex('campaign_applicants_number_idx').on(table.campaignId, table.number),
    index('campaign_applicants_post_idx').on(table.postId),
  ],
);

/** A market-hired executive (市场化选聘): term of office, agreement salary, appraisal cycles. */
export const executives = pgTable(
  'executives',
  {
    id: id(),
    talentId: uuid('talent_id').notNull().references(() => talents.id),
    enterpriseId: uuid('enterprise_id').references(() => organisations.id),
    applicantId: uuid('applicant_id').references(() => campaignApplicants.id),
    post: text('post').notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    agreementSalary: integer('agreement_salary').notNull(),
    status: text('status').$type<ExecutiveStatus>().notNull().default('serving'),
    /** The term end the last reminder announced (a renewal moves the end, and the next reminder is due again). */
    remindedFor: date('reminded_for', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (table) => [index('executives_term_end_idx').on(table.status, table.termEnd)],
);

export const executiveAppraisals = pgTable(
  'executive_appraisals',
  {
    id: id(),
    executiveId: uuid('executive_id').notNull().references(() => executives.id),
    cycle: text('cycle').notNull(),
    targets: text('targets').notNull(),
    score: integer('score').notNull(),
    outcome: text('outcome').$type<AppraisalOutcome>().notNull(),
    newSalary: integer('new_salary'),
    newTermEnd: date('new_term_end', { mode: 'string' }),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('executive_appraisals_cycle_idx').on(table.executiveId, table.cycle)],
);

// ——— Skills training (订单式培训, 企业订单班, 高级管理人才研修班): migration 0023 ———

/**
 * An enterprise's skill order (订单式培训): a skill, a headcount, a deadline; the office matches a provider (an organisation
 * of kind college, university or research institute). `demandId` names an enterprise demand when the order answers one
 * (no foreign key here: the demands module adds it).
 */
export const trainingOrders = pgTable(
  'training_orders',
  {
    id: id(),
    enterpriseId: uuid('enterprise_id').notNull().references(() => organisations.id),
    skill: text('skill').notNull(),
    headcount: integer('headcount').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    demandId: uuid('demand_id'),
    note: text('note').notNull().default(''),
    providerId: uuid('provider_id').references(() => organisations.id),
    status: text('status').$type<TrainingOrderStatus>().notNull().default('open'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('training_orders_enterprise_idx').on(table.enterpriseId), index('training_orders_created_idx').on(table.createdAt.desc(), table.id)],
);

/** A class: of an order, a school's enterprise order class (企业订单班, with its enterprise) or a management programme (研修班). */
export const trainingClasses = pgTable(
  'training_classes',
  {
    id: id(),
    kind: text('kind').$type<TrainingClassKind>().notNull(),
    name: text('name').notNull(),
    orderId: uuid('order_id').references(() => trainingOrders.id),
    providerId: uuid('provider_id').notNull().references(() => organisations.id),
    enterpriseId: uuid('enterprise_id').references(() => organisations.id),
    skill: text('skill').notNull(),
    certificateName: text('certificate_name'),
    certificateLevel: integer('certificate_level'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').$type<TrainingClassStatus>().notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (table) => [
    index('training_classes_order_idx').on(table.orderId),
    index('training_classes_enterprise_idx').on(table.enterpriseId),
    index('training_classes_kind_idx').on(table.kind, table.startsOn.desc(), table.id),
  ],
);

/** A class's sessions (课次): dated, with topic and lecturer; attendance is kept per session and trainee. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: id(),
    classId: uuid('class_id').notNull().references(() => trainingClasses.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    topic: text('topic').notNull(),
    lecturer: text('lecturer').notNull().default(''),
    createdAt: createdAt(),
  },
  (table) => [index('training_sessions_class_idx').on(table.classId, table.heldOn)],
);

/** A trainee (participant) of a class: a talent of the registry; assessment, certificate and placement are dated. */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: id(),
    classId: uuid('class_id').notNull().references(() => trainingClasses.id),
    talentId: uuid('talent_id').notNull().references(() => talents.id),
    enrolledOn: date('enrolled_on', { mode: 'string' }).notNull(),
    assessmentScore: integer('assessment_score'),
    assessmentPassed: boolean('assessment_passed'),
    assessedOn: date('assessed_on', { mode: 'string' }),
    certificateNumber: text('certificate_number').unique(),
    certificateIssuedOn: date('certificate_issued_on', { mode: 'string' }),
    placedEnterpriseId: uuid('placed_enterprise_id').references(() => organisations.id),
    placedOn: date('placed_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('training_enrolments_class_talent_key').on(table.classId, table.talentId), index('training_enrolments_talent_idx').on(table.talentId)],
);

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    sessionId: uuid('session_id').notNull().references(() => trainingSessions.id),
    enrolmentId: uuid('enrolment_id').notNull().references(() => trainingEnrolments.id),
    present: boolean('present').notNull(),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.enrolmentId] })],
);

// ——— 揭榜挂帅 challenges: migration 0023 ———

/** A challenge (榜单): posted by an enterprise (`posterId`) or the office (null); budget in whole yuan. */
export const challenges = pgTable(
  'challenges',
  {
    id: id(),
    posterId: uuid('poster_id').references(() => organisations.id),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    requirements: text('requirements').notNull().default(''),
    budget: bigint('budget', { mode: 'number' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    demandId: uuid('demand_id'),
    status: text('status').$type<ChallengeStatus>().notNull().default('open'),
    awardedProposalId: uuid('awarded_proposal_id'),
    awardedOn: date('awarded_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('challenges_poster_idx').on(table.posterId), index('challenges_created_idx').on(table.createdAt.desc(), table.id)],
);

/** The reviewers the office appointed to a challenge (accounts; their organisation is read when they score). */
export const challengeReviewers = pgTable(
  'challenge_reviewers',
  {
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    appointedBy: uuid('appointed_by'),
    appointedAt: timestamp('appointed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.challengeId, table.userId] }), index('challenge_reviewers_user_idx').on(table.userId)],
);

/** A team's proposal (揭榜方案): team, organisation (a registered one when known), members, plan and budget. */
export const challengeProposals = pgTable(
  'challenge_proposals',
  {
    id: id(),
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id),
    teamName: text('team_name').notNull(),
    organisationName: text('organisation_name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    members: jsonb('members').$type<{ name: string; role: string }[]>().notNull(),
    plan: text('plan').notNull(),
    budget: bigint('budget', { mode: 'number' }).notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    status: text('status').$type<ProposalStatus>().notNull().default('submitted'),
    createdAt: createdAt(),
  },
  (table) => [index('challenge_proposals_challenge_idx').on(table.challengeId), index('challenge_proposals_submitter_idx').on(table.submittedBy)],
);

export const challengeScores = pgTable(
  'challenge_scores',
  {
    proposalId: uuid('proposal_id').notNull().references(() => challengeProposals.id),
    reviewerId: uuid('reviewer_id').notNull().references(() => users.id),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.proposalId, table.reviewerId] })],
);

/** The awarded work's milestones, dated, with their status. */
export const challengeMilestones = pgTable(
  'challenge_milestones',
  {
    id: id(),
    challengeId: uuid('challenge_id').notNull().references(() => challenges.id),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    status: text('status').$type<MilestoneStatus>().notNull().default('planned'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (table) => [index('challenge_milestones_challenge_idx').on(table.challengeId, table.dueOn)],
);

// ---- Flexible talent and the think tank, university cooperation, innovation platforms (migration 0024) ----

/** 招商引资项目: the investment projects that bring teams and talents (项目+人才). Amounts in 万元. */
export const investmentProjects = pgTable('investment_projects', {
  id: id(),
  name: text('name').notNull().unique(),
  investor: text('investor').notNull(),
  industry: text('industry').notNull().references(() => industries.code),
  amount: integer('amount').notNull(),
  status: text('status').$type<ProjectStatus>().notNull(),
  signedOn: date('signed_on', { mode: 'string' }),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
});

/** A resident talent team (常驻人才团队): the organisation of kind team, its leader, its project and service period. */
export const talentTeams = pgTable('talent_teams', {
  id: id(),
  organisationId: uuid('organisation_id').notNull().unique().references(() => organisations.id),
  leaderTalentId: uuid('leader_talent_id').references(() => talents.id),
  projectId: uuid('project_id').references(() => investmentProjects.id),
  serviceFrom: date('service_from', { mode: 'string' }).notNull(),
  serviceTo: date('service_to', { mode: 'string' }),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
}, (table) => [index('talent_teams_project_idx').on(table.projectId)]);

export const teamMembers = pgTable('team_members', {
  teamId: uuid('team_id').notNull().references(() => talentTeams.id),
  talentId: uuid('talent_id').notNull().references(() => talents.id),
  memberRole: text('member_role').notNull().default(''),
  addedAt: createdAt(),
}, (table) => [primaryKey({ columns: [table.teamId, table.talentId] }), index('team_members_talent_idx').on(table.talentId)]);

/** Flexibly engaged experts (柔性专家), linked to the registry when they are on record, to a team and to a project. */
export const experts = pgTable('experts', {
  id: id(),
  name: text('name').notNull(),
  kind: text('kind').$type<ExpertKind>().notNull(),
  field: text('field').notNull(),
  affiliation: text('affiliation').notNull(),
  talentId: uuid('talent_id').unique().references(() => talents.id),
  teamId: uuid('team_id').references(() => talentTeams.id),
  projectId: uuid('project_id').references(() => investmentProjects.id),
  engagementTerms: text('engagement_terms').notNull().default(''),
  engagedFrom: date('engaged_from', { mode: 'string' }).notNull(),
  engagedTo: date('engaged_to', { mode: 'string' }),
  serviceDays: integer('service_days').notNull().default(0),
  outputs: text('outputs').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (table) => [index('experts_team_idx').on(table.teamId), index('experts_name_idx').on(table.name, table.id)]);

/** 问诊把脉: a think-tank consultation of experts with an enterprise. */
export const consultations = pgTable('consultations', {
  id: id(),
  topic: text('topic').notNull(),
  enterpriseId: uuid('enterprise_id').notNull().references(() => organisations.id),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  recommendations: text('recommendations').notNull().default(''),
  followUpStatus: text('follow_up_status').$type<FollowUpStatus>().notNull(),
  followUpNote: text('follow_up_note').notNull().default(''),
  createdAt: createdAt(),
}, (table) => [index('consultations_enterprise_idx').on(table.enterpriseId)]);

export const consultationExperts = pgTable('consultation_experts', {
  consultationId: uuid('consultation_id').notNull().references(() => consultations.id),
  expertId: uuid('expert_id').notNull().references(() => experts.id),
}, (table) => [primaryKey({ columns: [table.consultationId, table.expertId] }), index('consultation_experts_expert_idx').on(table.expertId)]);

/** A university's framework agreement (省校合作框架协议), one per university. */
export const universityAgreements = pgTable('university_agreements', {
  universityId: uuid('university_id').primaryKey().references(() => organisations.id),
  signedOn: date('signed_on', { mode: 'string' }).notNull(),
  scope: text('scope').notNull(),
  contacts: text('contacts').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});

export const cooperationItems = pgTable('cooperation_items', {
  id: id(),
  universityId: uuid('university_id').notNull().references(() => organisations.id),
  kind: text('kind').$type<CooperationKind>().notNull(),
  title: text('title').notNull(),
  enterpriseId: uuid('enterprise_id').references(() => organisations.id),
  status: text('status').$type<CooperationStatus>().notNull(),
  startedOn: date('started_on', { mode: 'string' }),
  createdAt: createdAt(),
}, (table) => [index('cooperation_items_university_idx').on(table.universityId)]);

/** 实习实训基地: an enterprise with a university. */
export const internshipBases = pgTable('internship_bases', {
  id: id(),
  enterpriseId: uuid('enterprise_id').notNull().references(() => organisations.id),
  universityId: uuid('university_id').notNull().references(() => organisations.id),
  establishedOn: date('established_on', { mode: 'string' }).notNull(),
  capacity: integer('capacity').notNull(),
  createdAt: createdAt(),
}, (table) => [uniqueIndex('internship_bases_pair_key').on(table.enterpriseId, table.universityId)]);

/** An intern's placement at a base; a hired intern is linked to their record in the registry (a conversion). */
export const internships = pgTable('internships', {
  id: id(),
  baseId: uuid('base_id').notNull().references(() => internshipBases.id),
  studentName: text('student_name').notNull(),
  major: text('major').notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  mentor: text('mentor').notNull(),
  evaluation: text('evaluation').$type<InternEvaluation>(),
  evaluationNote: text('evaluation_note').notNull().default(''),
  hiredTalentId: uuid('hired_talent_id').unique().references(() => talents.id),
  hiredOn: date('hired_on', { mode: 'string' }),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
}, (table) => [index('internships_base_idx').on(table.baseId, table.periodFrom)]);

/** 成果转化: a technology from a university or institute taken up by an enterprise. Investment in 万元. */
export const techTransfers = pgTable('tech_transfers', {
  id: id(),
  technology: text('technology').notNull(),
  sourceId: uuid('source_id').notNull().references(() => organisations.id),
  enterpriseId: uuid('enterprise_id').notNull().references(() => organisations.id),
  stage: text('stage').$type<TransferStage>().notNull(),
  investment: integer('investment').notNull(),
  startedOn: date('started_on', { mode: 'string' }).notNull(),
  outputs: text('outputs').notNull().default(''),
  createdAt: createdAt(),
}, (table) => [index('tech_transfers_enterprise_idx').on(table.enterpriseId)]);

/** An innovation platform's profile (the organisation of kind platform), its tenants and the talents it hosts. */
export const platforms = pgTable('platforms', {
  organisationId: uuid('organisation_id').primaryKey().references(() => organisations.id),
  type: text('type').$type<PlatformType>().notNull(),
  level: text('level').$type<PlatformLevel>().notNull(),
  host: text('host').notNull(),
  capacity: integer('capacity').notNull(),
  establishedOn: date('established_on', { mode: 'string' }),
  createdAt: createdAt(),
});

export const platformTenants = pgTable('platform_tenants', {
  platformId: uuid('platform_id').notNull().references(() => platforms.organisationId),
  enterpriseId: uuid('enterprise_id').notNull().references(() => organisations.id),
  since: date('since', { mode: 'string' }).notNull(),
}, (table) => [primaryKey({ columns: [table.platformId, table.enterpriseId] }), index('platform_tenants_enterprise_idx').on(table.enterpriseId)]);

export const platformTalents = pgTable('platform_talents', {
  platformId: uuid('platform_id').notNull().references(() => platforms.organisationId),
  talentId: uuid('talent_id').notNull().references(() => talents.id),
  since: date('since', { mode: 'string' }).notNull(),
}, (table) => [primaryKey({ columns: [table.platformId, table.talentId] }), index('platform_talents_talent_idx').on(table.talentId)]);

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

// ——— 协同用才: joint tasks across units (modules/coordination, migration 0028) ———

/**
 * A cross-unit talent matter (协同任务): the owner unit (牵头单位) leads it, helper units (协办单位) each do a part; optional
 * talent and enterprise it is about; a due day (a Beijing date, from a date or a time limit in working days). Closed by
 * the owner (done or cancelled) with a note; an overdue task is announced once (`overdue_announced_on`).
 */
export const jointTasks = pgTable(
  'joint_tasks',
  {
    id: id(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerUnitId: uuid('owner_unit_id').notNull().references(() => units.id),
    talentId: uuid('talent_id').references(() => talents.id),
    enterpriseId: uuid('enterprise_id').references(() => organisations.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    workingDays: integer('working_days'),
    status: text('status').$type<JointTaskStatus>().notNull().default('todo'),
    closingNote: text('closing_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    overdueAnnouncedOn: date('overdue_announced_on', { mode: 'string' }),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('joint_tasks_owner_idx').on(table.ownerUnitId),
    index('joint_tasks_status_due_idx').on(table.status, table.dueOn),
    index('joint_tasks_created_idx').on(table.createdAt.desc(), table.id),
  ],
);

/** A helper unit's part of a joint task (what it is to do) and whether it is done. */
export const jointTaskHelpers = pgTable(
  'joint_task_helpers',
  {
    taskId: uuid('task_id').notNull().references(() => jointTasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    part: text('part').notNull().default(''),
    done: boolean('done').notNull().default(false),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id),
    doneNote: text('done_note').notNull().default(''),
  },
  (table) => [primaryKey({ columns: [table.taskId, table.unitId] }), index('joint_task_helpers_unit_idx').on(table.unitId)],
);

/** Progress notes of a joint task: dated, by a unit (null: the talent office), with their author. */
export const jointTaskNotes = pgTable(
  'joint_task_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: uuid('task_id').notNull().references(() => jointTasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => units.id),
    authorId: uuid('author_id').notNull().references(() => users.id),
    notedOn: date('noted_on', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('joint_task_notes_task_idx').on(table.taskId, table.createdAt)],
);


// ——— selections (评选, migration 0027): calls, nominations checked by a policy's rule, the expert panel, 公示, honours ———

/** Kinds of selection as data (科技创新企业家评选, 优秀人才评选 …), seeded by the migration. */
export const selectionKinds = pgTable('selection_kinds', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  position: integer('position').notNull(),
});

/** A call (评选): kind and year, the nomination window, the places, the policy whose rule decides eligibility, the honour. */
export const selections = pgTable(
  'selections',
  {
    id: id(),
    kind: text('kind').notNull().references(() => selectionKinds.code),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en').notNull(),
    honour: text('honour').notNull(),
    honourEn: text('honour_en').notNull(),
    quota: integer('quota').notNull(),
    policyId: uuid('policy_id').notNull().references(() => policies.id),
    nominateFrom: date('nominate_from', { mode: 'string' }).notNull(),
    nominateTo: date('nominate_to', { mode: 'string' }).notNull(),
    publicityDays: integer('publicity_days').notNull(),
    status: text('status').$type<SelectionStatus>().notNull().default('nominating'),
    publicityFrom: timestamp('publicity_from', { withTimezone: true }),
    publicityUntil: timestamp('publicity_until', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [uniqueIndex('selections_kind_year_key').on(table.kind, table.year), index('selections_status_idx').on(table.status, table.year)],
);

/** The selection's panel: a user (who scores as themself) or a named outside expert; the organisation decides 回避. */
export const selectionExperts = pgTable(
  'selection_experts',
  {
    id: id(),
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    userId: uuid('user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
  },
  (table) => [index('selection_experts_selection_idx').on(table.selectionId), index('selection_experts_user_idx').on(table.userId)],
);

/** A talent nominated for a selection by an enterprise or a unit, with the eligibility found and the panel's outcome. */
export const selectionNominations = pgTable(
  'selection_nominations',
  {
    id: id(),
    selectionId: uuid('selection_id').notNull().references(() => selections.id),
    talentId: uuid('talent_id').notNull().references(() => talents.id),
    nominatorKind: text('nominator_kind').$type<SelectionNominator>().notNull(),
    nominatingOrgId: uuid('nominating_org_id').references(() => organisations.id),
    nominatingUnitId: uuid('nominating_unit_id').references(() => units.id),
    /** The talent's employer when nominated (回避 compares it with each expert's organisation). */
    employerId: uuid('employer_id').references(() => organisations.id),
    reason: text('reason').notNull(),
    status: text('status').$type<NominationStatus>().notNull().default('nominated'),
    eligibility: jsonb('eligibility').$type<Eligibility>(),
    checkedBy: uuid('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    rank: integer('rank'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    nominatedBy: uuid('nominated_by').notNull().references(() => users.id),
    nominatedAt: timestamp('nominated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('selection_nominations_selection_talent_key').on(table.selectionId, table.talentId),
    index('selection_nominations_selection_idx').on(table.selectionId, table.status),
    index('selection_nominations_org_idx').on(table.nominatingOrgId),
    index('selection_nominations_unit_idx').on(table.nominatingUnitId),
  ],
);

/** One expert's score and opinion of one nomination. */
export const selectionScores = pgTable(
  'selection_scores',
  {
    nominationId: uuid('nomination_id').notNull().references(() => selectionNominations.id),
    expertId: uuid('expert_id').notNull().references(() => selectionExperts.id),
    score: integer('score').notNull(),
    opinion: text('opinion').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.nominationId, table.expertId] })],
);

/** An objection raised during 公示 against a selected nominee, and how the office resolved it. */
export const selectionObjections = pgTable(
  'selection_objections',
  {
    id: id(),
    nominationId: uuid('nomination_id').notNull().references(() => selectionNominations.id),
    objector: text('objector').notNull(),
    content: text('content').notNull(),
    status: text('status').$type<SelectionObjectionStatus>().notNull().default('open'),
    resolution: text('resolution'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [index('selection_objections_nomination_idx').on(table.nominationId)],
);

/** An honour on a talent's profile (荣誉), dated; a selection writes one per selected nominee on completion. */
export const talentHonours = pgTable(
  'talent_honours',
  {
    id: id(),
    talentId: uuid('talent_id').notNull().references(() => talents.id),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    year: integer('year').notNull(),
    awardedOn: date('awarded_on', { mode: 'string' }).notNull(),
    selectionId: uuid('selection_id').references(() => selections.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('talent_honours_talent_idx').on(table.talentId, table.awardedOn), uniqueIndex('talent_honours_selection_talent_key').on(table.selectionId, table.talentId)],
);

// ——— zone dashboard (migration 0033) ———

/**
 * The year's plan of a dashboard indicator (年度目标), as data the office edits. The dated tallies ("month.*" dimensions of
 * `tallies`, migration 0033) hold the figures; this only the targets they are measured against.
 */
export const indicatorPlans = pgTable(
  'indicator_plans',
  {
    year: integer('year').notNull(),
    indicator: text('indicator').notNull(),
    target: bigint('target', { mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.year, table.indicator] }), check('indicator_plans_target_check', sql`${table.target} >= 0`)],
);

// ——— Talent map and industry map (issue 15, migration 0034) ———

/** A key chain's profile: English name and what its upstream, midstream and downstream segments hold (data the office edits). */
export const chainProfiles = pgTable('chain_profiles', {
  chain: text('chain').primaryKey(),
  nameEn: text('name_en').notNull(),
  upstream: text('upstream').notNull().default(''),
  upstreamEn: text('upstream_en').notNull().default(''),
  midstream: text('midstream').notNull().default(''),
  midstreamEn: text('midstream_en').notNull().default(''),
  downstream: text('downstream').notNull().default(''),
  downstreamEn: text('downstream_en').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** The share (%) of a chain in the province's or the nation's talent, with its source and year: the location quotient's denominator. */
export const chainBenchmarks = pgTable(
  'chain_benchmarks',
  {
    chain: text('chain').notNull(),
    area: text('area').$type<'province' | 'national'>().notNull(),
    share: numeric('share', { precision: 7, scale: 4, mode: 'number' }).notNull(),
    source: text('source').notNull(),
    sourceEn: text('source_en').notNull(),
    year: integer('year').notNull(),
  },
  (table) => [
    primaryKey({ name: 'chain_benchmarks_pk', columns: [table.chain, table.area] }),
    check('chain_benchmarks_area_check', sql`${table.area} IN ('province', 'national')`),
    check('chain_benchmarks_share_check', sql`${table.share} > 0 AND ${table.share} <= 100`),
  ],
);

/** The shortage index (紧缺指数) of a post type (discipline), as of the last write that changed it (triggers of migration 0034). */
export const shortageIndices = pgTable('shortage_indices', {
  discipline: text('discipline').primaryKey().references(() => disciplines.code),
  openPosts: integer('open_posts').notNull(),
  supply: integer('supply').notNull(),
  timeToFill: numeric('time_to_fill', { precision: 8, scale: 1, mode: 'number' }),
  vacancyAge: numeric('vacancy_age', { precision: 8, scale: 1, mode: 'number' }),
  value: integer('value').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The index's history: one row per discipline and day (the day's last value). */
export const shortageHistory = pgTable(
  'shortage_history',
  {
    discipline: text('discipline').notNull().references(() => disciplines.code),
    day: date('day', { mode: 'string' }).notNull(),
    value: integer('value').notNull(),
    openPosts: integer('open_posts').notNull(),
    supply: integer('supply').notNull(),
  },
  (table) => [primaryKey({ name: 'shortage_history_pk', columns: [table.discipline, table.day] })],
);
