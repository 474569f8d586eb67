import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../domain/roles';
import type {
  ArrivalRoute, ChainSegment, Degree, EducationLevel, EnterpriseSize, Gender, OrganisationKind, PoliticalStatus, SalaryBand, TalentStatus, TitleLevel,
} from '../../domain/dictionaries';

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
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('organisations_kind_name_key').on(table.kind, table.name), index('organisations_industry_idx').on(table.industry)],
);

/**
 * The talent registry (人才库). ID number and phone are stored encrypted (AES-256-GCM) with a keyed hash for
 * uniqueness and exact look-up, and their masked form for lists. Search words are computed at write time.
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
    idNumberMasked: text('id_number_masked').notNull(),
    ethnicity: text('ethnicity'),
    nativePlace: text('native_place'),
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
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

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
  },
  (table) => [
    index('audit_log_at_idx').on(table.at),
    index('audit_log_actor_idx').on(table.actorId, table.at),
    index('audit_log_ip_action_idx').on(table.ip, table.action, table.at),
    index('audit_log_target_idx').on(table.targetType, table.targetId),
  ],
);
