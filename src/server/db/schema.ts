import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../domain/roles';
import type { OrganisationKind, TalentStatus, ArrivalRoute } from '../../domain/dictionaries';

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

/** Enterprises, platforms, universities, research institutes and teams. */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    name: text('name').notNull(),
    industry: text('industry'),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('organisations_kind_name_key').on(table.kind, table.name)],
);

/** The talent registry's core record; the registry issue extends it. */
export const talents = pgTable(
  'talents',
  {
    id: id(),
    name: text('name').notNull(),
    gender: text('gender').$type<'male' | 'female'>().notNull(),
    employerId: uuid('employer_id').references(() => organisations.id),
    arrivalRoute: text('arrival_route').$type<ArrivalRoute>().notNull(),
    arrivedOn: date('arrived_on', { mode: 'string' }),
    status: text('status').$type<TalentStatus>().notNull().default('inZone'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('talents_employer_idx').on(table.employerId)],
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
