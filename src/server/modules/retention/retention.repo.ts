/** Queries of retention (留才): the history, pairs and contacts, weights, visit tasks, departures and the flows report. */
import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  cases, departures, industries, liaisonContacts, liaisonPairs, organisations, retentionSignalWeights, retentionTasks, talentEvents, talents, users,
} from '../../db/schema';
import type { SignalWeight, TalentEvent, TalentEventDetail, TalentEventKind, TalentProfile } from '../../../domain/retention';
import type { SalaryBand } from '../../../domain/dictionaries';

async function rowsOf<T>(executor: Executor, query: SQL): Promise<T[]> {
  return ((await executor.execute(query)) as unknown as { rows: T[] }).rows;
}

export type NewTalentEvent = { talentId: string; kind: TalentEventKind; occurredOn: string; detail: TalentEventDetail; source: string };

export async function insertEvents(executor: Executor, rows: NewTalentEvent[]) {
  if (rows.length) await executor.insert(talentEvents).values(rows);
}

export async function eventsOfTalent(executor: Executor, talentId: string) {
  return executor.select().from(talentEvents).where(eq(talentEvents.talentId, talentId)).orderBy(desc(talentEvents.occurredOn), desc(talentEvents.id));
}

const profileColumns = { id: talents.id, arrivedOn: talents.arrivedOn, salaryBand: talents.salaryBand, chain: industries.chain, employerId: talents.employerId };

/** Registry facts the scorer uses, of the talents given (or, 20,000 at a time along the id, of everyone). */
export async function talentProfiles(executor: Executor, ids?: string[]): Promise<(TalentProfile & { status: string })[]> {
  const read = (condition: SQL | undefined, limit?: number) => {
    const query = executor.select({ ...profileColumns, status: talents.status }).from(talents).leftJoin(industries, eq(industries.code, talents.industry)).where(condition).orderBy(asc(talents.id));
    return limit ? query.limit(limit) : query;
  };
  if (ids) return ids.length ? (await read(inArray(talents.id, ids))).map(profileOf) : [];
  const all: (TalentProfile & { status: string })[] = [];
  let after: string | null = null;
  for (;;) {
    const rows = await read(after ? gt(talents.id, after) : undefined, 20_000);
    all.push(...rows.map(profileOf));
    if (rows.length < 20_000) return all;
    after = rows[rows.length - 1].id;
  }
}
const profileOf = (row: { id: string; arrivedOn: string | null; salaryBand: SalaryBand | null; chain: string | null; employerId: string | null; status: string }) => row;

/** Every event (or those of the given talents), in day order, read 50,000 at a time along the id. */
export async function historyEvents(executor: Executor, talentIds?: string[]): Promise<TalentEvent[]> {
  const columns = { id: talentEvents.id, talentId: talentEvents.talentId, kind: talentEvents.kind, on: talentEvents.occurredOn, detail: talentEvents.detail };
  if (talentIds) {
    if (!talentIds.length) return [];
    const rows = await executor.select(columns).from(talentEvents).where(inArray(talentEvents.talentId, talentIds)).orderBy(asc(talentEvents.occurredOn), asc(talentEvents.id));
    return rows;
  }
  const all: TalentEvent[] = [];
  let after = 0;
  for (;;) {
    const rows = await executor.select(columns).from(talentEvents).where(gt(talentEvents.id, after)).orderBy(asc(talentEvents.id)).limit(50_000);
    for (const row of rows) all.push({ talentId: row.talentId, kind: row.kind, on: row.on, detail: row.detail });
    if (rows.length < 50_000) break;
    after = rows[rows.length - 1].id;
  }
  return all.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/**
 * Every event in day order (ties by id), read `size` at a time by keyset on (day, id): the back-test applies each chunk
 * as it arrives and never holds the whole history.
 */
export async function* eventChunksInDayOrder(executor: Executor, size = 50_000): AsyncGenerator<TalentEvent[]> {
  const columns = { id: talentEvents.id, talentId: talentEvents.talentId, kind: talentEvents.kind, on: talentEvents.occurredOn, detail: talentEvents.detail };
  let after: { on: string; id: number } | null = null;
  for (;;) {
    const rows: { id: number; talentId: string; kind: TalentEventKind; on: string; detail: TalentEventDetail }[] = await executor.select(columns).from(talentEvents)
      .where(after ? sql`(${talentEvents.occurredOn}, ${talentEvents.id}) > (${after.on}::date, ${after.id})` : undefined)
      .orderBy(asc(talentEvents.occurredOn), asc(talentEvents.id)).limit(size);
    if (rows.length) yield rows.map((row) => ({ talentId: row.talentId, kind: row.kind, on: row.on, detail: row.detail }));
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = { on: last.on, id: last.id };
  }
}

/** Each talent's first departure day (the back-test's outcome labels) and the history's last day. */
export async function departureDays(executor: Executor) {
  const rows = await executor.select({ talentId: talentEvents.talentId, on: sql<string>`min(${talentEvents.occurredOn})::text` }).from(talentEvents)
    .where(eq(talentEvents.kind, 'departure')).groupBy(talentEvents.talentId);
  return new Map(rows.map((row) => [row.talentId, row.on]));
}

export async function lastEventDay(executor: Executor): Promise<string | null> {
  const [row] = await executor.select({ on: sql<string | null>`max(${talentEvents.occurredOn})::text` }).from(talentEvents);
  return row?.on ?? null;
}

/** Departure events after `from` up to `to` (inclusive), of anyone. */
export async function departureEventsBetween(executor: Executor, from: string, to: string): Promise<TalentEvent[]> {
  return executor
    .select({ talentId: talentEvents.talentId, kind: talentEvents.kind, on: talentEvents.occurredOn, detail: talentEvents.detail })
    .from(talentEvents)
    .where(and(eq(talentEvents.kind, 'departure'), gt(talentEvents.occurredOn, from), sql`${talentEvents.occurredOn} <= ${to}`));
}

/** Name, employer and tier of the talents given, by id. */
export async function talentSummaries(executor: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, { name: string; employer: string | null; tier: string | null; status: string }>();
  const rows = await executor
    .select({ id: talents.id, name: talents.name, employer: sql<string | null>`coalesce(${organisations.name}, ${talents.employerName})`, tier: talents.tier, status: talents.status })
    .from(talents)
    .leftJoin(organisations, eq(organisations.id, talents.employerId))
    .where(inArray(talents.id, ids));
  return new Map(rows.map(({ id, ...rest }) => [id, rest]));
}

/** Open service requests (cases in review or returned) of the given talents, with their categories. */
export async function openRequestsOf(executor: Executor, talentIds: string[]) {
  if (!talentIds.length) return [];
  return executor
    .select({ id: cases.id, talentId: cases.subjectId, category: cases.category, submittedAt: cases.submittedAt })
    .from(cases)
    .where(and(eq(cases.type, 'serviceRequest'), eq(cases.subjectKind, 'talent'), inArray(cases.subjectId, talentIds), inArray(cases.status, ['inReview', 'returned'])));
}

export async function listWeights(executor: Executor): Promise<(SignalWeight & { version: number })[]> {
  return executor.select({ signal: retentionSignalWeights.signal, weight: retentionSignalWeights.weight, threshold: retentionSignalWeights.threshold, version: retentionSignalWeights.version })
    .from(retentionSignalWeights).orderBy(asc(retentionSignalWeights.sort));
}

export async function lockWeights(executor: Executor) {
  return executor.select().from(retentionSignalWeights).orderBy(asc(retentionSignalWeights.sort)).for('update');
}

export async function updateWeight(executor: Executor, signal: string, values: { weight: number; threshold: number; version: number }) {
  await executor.update(retentionSignalWeights).set({ ...values, updatedAt: new Date() }).where(eq(retentionSignalWeights.signal, signal as SignalWeight['signal']));
}

// ——— pairs and contacts ———

export const pairScope = (user: { id: string; roles: readonly string[] }): SQL | undefined => (user.roles.includes('office') ? undefined : eq(liaisonPairs.leaderId, user.id));
const activePair = isNull(liaisonPairs.endedOn);

const pairColumns = {
  pair: liaisonPairs,
  talentName: talents.name,
  talentStatus: talents.status,
  tier: talents.tier,
  post: talents.post,
  employer: sql<string | null>`coalesce(${organisations.name}, ${talents.employerName})`,
  leaderName: users.displayName,
};

/** Active pairs in the scope, each with its talent, leader, last contact and open problems. */
export async function listPairRows(executor: Executor, scope: SQL | undefined) {
  const rows = await executor
    .select({
      ...pairColumns,
      lastContact: sql<string | null>`(select max(${liaisonContacts.contactedOn})::text from ${liaisonContacts} where ${liaisonContacts.pairId} = ${liaisonPairs.id})`,
    })
    .from(liaisonPairs)
    .innerJoin(talents, eq(talents.id, liaisonPairs.talentId))
    .innerJoin(users, eq(users.id, liaisonPairs.leaderId))
    .leftJoin(organisations, eq(organisations.id, talents.employerId))
    .where(and(activePair, scope))
    .orderBy(asc(talents.name), asc(liaisonPairs.id));
  return rows;
}

export async function findPairRow(executor: Executor, id: string, scope: SQL | undefined) {
  const [row] = await executor
    .select({ ...pairColumns, lastContact: sql<string | null>`(select max(${liaisonContacts.contactedOn})::text from ${liaisonContacts} where ${liaisonContacts.pairId} = ${liaisonPairs.id})` })
    .from(liaisonPairs)
    .innerJoin(talents, eq(talents.id, liaisonPairs.talentId))
    .innerJoin(users, eq(users.id, liaisonPairs.leaderId))
    .leftJoin(organisations, eq(organisations.id, talents.employerId))
    .where(and(eq(liaisonPairs.id, id), scope));
  return row;
}

export async function activePairOf(executor: Executor, talentId: string) {
  const [row] = await executor.select().from(liaisonPairs).where(and(eq(liaisonPairs.talentId, talentId), activePair));
  return row;
}

export async function insertPair(executor: Executor, values: typeof liaisonPairs.$inferInsert) {
  const [row] = await executor.insert(liaisonPairs).values(values).onConflictDoNothing().returning();
  return row;
}

export async function endPairRow(executor: Executor, id: string, version: number, endedOn: string) {
  const [row] = await executor.update(liaisonPairs).set({ endedOn, version: version + 1 }).where(and(eq(liaisonPairs.id, id), eq(liaisonPairs.version, version), activePair)).returning();
  return row;
}

export async function contactsOfPair(executor: Executor, pairId: string) {
  return executor.select().from(liaisonContacts).where(eq(liaisonContacts.pairId, pairId)).orderBy(desc(liaisonContacts.contactedOn), desc(liaisonContacts.createdAt));
}

export async function insertContact(executor: Executor, values: typeof liaisonContacts.$inferInsert) {
  const [row] = await executor.insert(liaisonContacts).values(values).returning();
  return row;
}

/** The service requests a pair's contacts raised, with their status (the case engine's). */
export async function problemCases(executor: Executor, caseIds: string[]) {
  if (!caseIds.length) return [];
  return executor.select({ id: cases.id, status: cases.status, form: cases.form, decidedAt: cases.decidedAt }).from(cases).where(inArray(cases.id, caseIds));
}

/** Open problems (requests still in review or returned) per pair, from the contacts' problems. */
export async function openProblemCounts(executor: Executor, pairIds: string[]) {
  if (!pairIds.length) return new Map<string, number>();
  const rows = await rowsOf<{ pair_id: string; open: number }>(executor, sql`
    select c.pair_id, count(*)::int as open
    from ${liaisonContacts} c, jsonb_array_elements(c.problems) p
    join ${cases} k on k.id = (p->>'caseId')::uuid
    where c.pair_id in (${sql.join(pairIds.map((id) => sql`${id}::uuid`), sql`, `)}) and k.status in ('inReview', 'returned')
    group by c.pair_id`);
  return new Map(rows.map((row) => [row.pair_id, row.open]));
}

/** Active pairs whose plan is overdue on `today` and not flagged since they became overdue. */
export async function overduePairs(executor: Executor, today: string) {
  return executor
    .select({ id: liaisonPairs.id, leaderId: liaisonPairs.leaderId, talentName: talents.name })
    .from(liaisonPairs)
    .innerJoin(talents, eq(talents.id, liaisonPairs.talentId))
    .where(and(
      activePair,
      ne(talents.status, 'left'),
      sql`coalesce((select max(${liaisonContacts.contactedOn}) from ${liaisonContacts} where ${liaisonContacts.pairId} = ${liaisonPairs.id}), ${liaisonPairs.pairedOn})
          + make_interval(months => ${liaisonPairs.planMonths}) < ${today}::date`,
      or(isNull(liaisonPairs.overdueNotifiedOn), sql`${liaisonPairs.overdueNotifiedOn} < coalesce((select max(${liaisonContacts.contactedOn}) from ${liaisonContacts} where ${liaisonContacts.pairId} = ${liaisonPairs.id}), ${liaisonPairs.pairedOn})`),
    ));
}

export async function markOverdueNotified(executor: Executor, ids: string[], today: string) {
  if (ids.length) await executor.update(liaisonPairs).set({ overdueNotifiedOn: today }).where(inArray(liaisonPairs.id, ids));
}

/** Leaders (accounts holding the leader role), for the office's pairing form. */
export async function leaderAccounts(executor: Executor) {
  return executor.select({ id: users.id, name: users.displayName }).from(users).where(and(eq(users.disabled, false), sql`'leader' = any(${users.roles})`)).orderBy(asc(users.displayName));
}

export async function isLeader(executor: Executor, userId: string) {
  const [row] = await executor.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.disabled, false), sql`'leader' = any(${users.roles})`));
  return Boolean(row);
}

// ——— visit tasks ———

export async function openTaskTalents(executor: Executor) {
  const rows = await executor.select({ talentId: retentionTasks.talentId }).from(retentionTasks).where(eq(retentionTasks.status, 'open'));
  return new Set(rows.map((row) => row.talentId));
}

export async function insertTasks(executor: Executor, rows: (typeof retentionTasks.$inferInsert)[]) {
  if (!rows.length) return [];
  return executor.insert(retentionTasks).values(rows).onConflictDoNothing().returning();
}

export async function openTaskOf(executor: Executor, talentId: string) {
  const [row] = await executor.select().from(retentionTasks).where(and(eq(retentionTasks.talentId, talentId), eq(retentionTasks.status, 'open')));
  return row;
}

export async function tasksOfTalent(executor: Executor, talentId: string) {
  return executor.select().from(retentionTasks).where(eq(retentionTasks.talentId, talentId)).orderBy(desc(retentionTasks.createdOn));
}

export async function closeTask(executor: Executor, id: string, values: { contactId: string; outcome: string }) {
  await executor.update(retentionTasks).set({ ...values, status: 'done', closedAt: new Date() }).where(and(eq(retentionTasks.id, id), eq(retentionTasks.status, 'open')));
}

/** The office sees every visit task; a leader those assigned to them. */
export const taskScope = (user: { id: string; roles: readonly string[] }): SQL | undefined => (user.roles.includes('office') ? undefined : eq(retentionTasks.assigneeId, user.id));

/** Visit tasks with whether their talent stayed (not left since): the report of visited high-risk talents. */
export async function taskOutcomes(executor: Executor, scope: SQL | undefined) {
  const [row] = await executor
    .select({
      routed: sql<number>`count(*)::int`,
      visited: sql<number>`(count(*) filter (where ${retentionTasks.status} = 'done'))::int`,
      visitedStayed: sql<number>`(count(*) filter (where ${retentionTasks.status} = 'done' and ${talents.status} <> 'left'))::int`,
      notVisited: sql<number>`(count(*) filter (where ${retentionTasks.status} = 'open'))::int`,
      notVisitedStayed: sql<number>`(count(*) filter (where ${retentionTasks.status} = 'open' and ${talents.status} <> 'left'))::int`,
    })
    .from(retentionTasks)
    .innerJoin(talents, eq(talents.id, retentionTasks.talentId))
    .where(scope);
  return row;
}

/** The records behind the report: the newest visit tasks with their talent, the visit (if any) and whether the talent stayed. */
export async function taskOutcomeRows(executor: Executor, scope: SQL | undefined, limit: number) {
  return executor
    .select({
      id: retentionTasks.id, talentId: retentionTasks.talentId, name: talents.name, talentStatus: talents.status, statusSince: talents.statusSince,
      createdOn: retentionTasks.createdOn, score: retentionTasks.score, contributions: retentionTasks.contributions, status: retentionTasks.status,
      outcome: retentionTasks.outcome, visitedOn: liaisonContacts.contactedOn, visitForm: liaisonContacts.form, leader: users.displayName,
    })
    .from(retentionTasks)
    .innerJoin(talents, eq(talents.id, retentionTasks.talentId))
    .leftJoin(liaisonContacts, eq(liaisonContacts.id, retentionTasks.contactId))
    .leftJoin(users, eq(users.id, retentionTasks.assigneeId))
    .where(scope)
    .orderBy(desc(retentionTasks.createdOn), asc(retentionTasks.id))
    .limit(limit);
}

// ——— departures ———

/** An enterprise sees its own staff's departures (the employer they left); the office and leaders all. */
export const departureScope = (user: { roles: readonly string[]; organisationId: string | null }): SQL | undefined =>
  user.roles.some((role) => role === 'office' || role === 'leader') ? undefined : user.organisationId ? eq(departures.employerId, user.organisationId) : sql`false`;

export async function insertDeparture(executor: Executor, values: typeof departures.$inferInsert) {
  const [row] = await executor.insert(departures).values(values).returning();
  return row;
}

const departureColumns = {
  departure: departures,
  talentName: talents.name,
  employer: sql<string | null>`coalesce(${organisations.name}, ${talents.employerName})`,
};

export async function listDepartureRows(executor: Executor, scope: SQL | undefined, page: number, pageSize: number) {
  const where = scope;
  const [rows, [{ total }]] = await Promise.all([
    executor.select(departureColumns).from(departures).innerJoin(talents, eq(talents.id, departures.talentId)).leftJoin(organisations, eq(organisations.id, departures.employerId))
      .where(where).orderBy(desc(departures.leftOn), desc(departures.createdAt)).limit(pageSize).offset((page - 1) * pageSize),
    executor.select({ total: sql<number>`count(*)::int` }).from(departures).where(where),
  ]);
  return { rows, total };
}

export async function findDepartureRow(executor: Executor, id: string, scope: SQL | undefined) {
  const [row] = await executor.select(departureColumns).from(departures).innerJoin(talents, eq(talents.id, departures.talentId)).leftJoin(organisations, eq(organisations.id, departures.employerId))
    .where(and(eq(departures.id, id), scope));
  return row;
}

/**
 * Monthly inflow (arrival events) and outflow (departure events) between two months, by a dimension: the industry's
 * chain, highest education, age band at the event, or the employer. `employerId` narrows to one employer (enterprise HR).
 */
export async function flowRows(executor: Executor, input: { from: string; to: string; dimension: 'chain' | 'education' | 'ageBand' | 'employer'; employerId?: string }) {
  const employerOfEvent = sql`coalesce((e.detail->>'employerId')::uuid, t.employer_id)`;
  const key = {
    chain: sql`coalesce(i.chain, '')`,
    education: sql`coalesce(t.highest_education, '')`,
    ageBand: sql`case when date_part('year', age(e.occurred_on, t.birth_date)) < 30 then 'under30' when date_part('year', age(e.occurred_on, t.birth_date)) < 40 then '30to39'
      when date_part('year', age(e.occurred_on, t.birth_date)) < 50 then '40to49' else '50plus' end`,
    employer: sql`coalesce(${employerOfEvent}::text, '')`,
  }[input.dimension];
  return rowsOf<{ month: string; key: string; label: string | null; inflow: number; outflow: number }>(executor, sql`
    select to_char(e.occurred_on, 'YYYY-MM') as month, ${key} as key, max(o.name) as label,
      (count(*) filter (where e.kind = 'arrival'))::int as inflow, (count(*) filter (where e.kind = 'departure'))::int as outflow
    from ${talentEvents} e
    join ${talents} t on t.id = e.talent_id
    left join ${industries} i on i.code = t.industry
    left join ${organisations} o on o.id = ${employerOfEvent}
    where e.kind in ('arrival', 'departure') and e.occurred_on >= ${`${input.from}-01`}::date and e.occurred_on < (${`${input.to}-01`}::date + interval '1 month')
      ${input.employerId ? sql`and ${employerOfEvent} = ${input.employerId}::uuid` : sql``}
    group by 1, 2
    order by 1, 2`);
}
