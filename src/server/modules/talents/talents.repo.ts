import { and, asc, count, desc, eq, getTableColumns, gt, gte, ilike, inArray, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ArrivalRoute, EducationLevel, TalentStatus, TitleLevel } from '../../../domain/dictionaries';
import { insertJsonRows } from '../../db/bulk';
import { queryRows, type Executor } from '../../db/client';
import { auditLog, organisations, talentCertificates, talentEducations, talentStatusHistory, talents, talentTitles, users } from '../../db/schema';
import { pageOf, type Page } from '../../http/pagination';
import { nameInitials, nameSearchWords, searchDataVersion } from '../../search/segment';
import { escapeLike } from '../audit/audit.service';
import { countTallied } from '../home/tallies.repo';

export type TalentRow = typeof talents.$inferSelect;
export type TalentValues = Omit<typeof talents.$inferInsert, 'searchVector'> & { searchDocument: string };
export type TalentChildren = {
  educations: Omit<typeof talentEducations.$inferInsert, 'talentId' | 'position'>[];
  titles: Omit<typeof talentTitles.$inferInsert, 'talentId' | 'position'>[];
  certificates: Omit<typeof talentCertificates.$inferInsert, 'talentId' | 'position'>[];
};
export type TalentRecord = { values: TalentValues; children: TalentChildren };

const vectorOf = (document: string) => sql`to_tsvector('simple', ${document})`;

/** The stored row: the search vector is the document plus the name's pinyin words (`nameSearchWords`), of this version. */
function rowValues({ searchDocument, ...values }: TalentValues) {
  const document = [searchDocument, ...nameSearchWords(values.name)].join(' ');
  return { ...values, searchVector: vectorOf(document) as unknown as string, searchVersion: searchDataVersion };
}

async function insertChildren(executor: Executor, talentId: string, children: TalentChildren) {
  const positioned = <T>(items: T[]) => items.map((item, position) => ({ ...item, talentId, position }));
  if (children.educations.length) await executor.insert(talentEducations).values(positioned(children.educations));
  if (children.titles.length) await executor.insert(talentTitles).values(positioned(children.titles));
  if (children.certificates.length) await executor.insert(talentCertificates).values(positioned(children.certificates));
}

/** The columns inserts answer and lists show: all but the search vector, which they never read and which costs as much as the rest. */
const { searchVector: _searchVector, ...talentColumns } = getTableColumns(talents);
export type TalentFields = Omit<TalentRow, 'searchVector'>;

/** Inserts talents with their education, titles, certificates and first status entry. Several at once for imports. */
export async function insertTalents(executor: Executor, records: TalentRecord[], recordedBy: string | null): Promise<TalentFields[]> {
  if (records.length === 0) return [];
  const rows = await executor.insert(talents).values(records.map((record) => rowValues(record.values))).returning(talentColumns);
  const positioned = <T>(pick: (record: TalentRecord) => T[], index: number) => pick(records[index]).map((item, position) => ({ ...item, talentId: rows[index].id, position }));
  const educations = rows.flatMap((_, index) => positioned((record) => record.children.educations, index));
  const titles = rows.flatMap((_, index) => positioned((record) => record.children.titles, index));
  const certificates = rows.flatMap((_, index) => positioned((record) => record.children.certificates, index));
  for (let start = 0; start < educations.length; start += 1000) await executor.insert(talentEducations).values(educations.slice(start, start + 1000));
  for (let start = 0; start < titles.length; start += 1000) await executor.insert(talentTitles).values(titles.slice(start, start + 1000));
  for (let start = 0; start < certificates.length; start += 1000) await executor.insert(talentCertificates).values(certificates.slice(start, start + 1000));
  await executor.insert(talentStatusHistory).values(
    rows.map((row) => ({ talentId: row.id, status: row.status, since: row.statusSince ?? row.arrivedOn ?? new Date().toISOString().slice(0, 10), recordedBy })),
  );
  return rows;
}

/**
 * `insertTalents` for bulk loads (the demo data, generated talents): the same rows, each table's sent as one JSON
 * parameter (`insertJsonRows`) instead of a parameter per value through the query builder, which costs more than the
 * database's own work at this size. The records carry their ids; answers how many talents were stored.
 */
export async function insertTalentsInBulk(executor: Executor, records: TalentRecord[], recordedBy: string | null): Promise<number> {
  if (records.length === 0) return 0;
  const tables = talentBulkRows(records, recordedBy);
  for (const { table, rows } of tables) await insertJsonRows(executor, table, rows, talentBulkComputed);
  return records.length;
}

/** The tables a talent's record fills, in the order they are written (the talent before what refers to it). */
export const talentBulkTables = { talents, talentEducations, talentTitles, talentCertificates, talentStatusHistory } as const;
export type TalentBulkTable = keyof typeof talentBulkTables;

/** The search vector arrives as its document and is made by the database, as vectorOf does. */
export const talentBulkComputed = { searchVector: (document: SQL) => sql`to_tsvector('simple', ${document})` };

/**
 * The rows of each table for records that carry their ids, as `insertTalentsInBulk` writes them (with
 * `talentBulkComputed`); imports stage the same rows and switch them in later.
 */
export function talentBulkRows(records: TalentRecord[], recordedBy: string | null): { name: TalentBulkTable; table: (typeof talentBulkTables)[TalentBulkTable]; rows: Record<string, unknown>[] }[] {
  const rows = records.map(({ values: { searchDocument, ...values } }) => ({
    ...values,
    searchVector: [searchDocument, ...nameSearchWords(values.name)].join(' '),
    searchVersion: searchDataVersion,
  }));
  const positioned = <T>(pick: (record: TalentRecord) => T[]) =>
    records.flatMap((record) => pick(record).map((item, position) => ({ ...item, talentId: record.values.id!, position })));
  const byTable: Record<TalentBulkTable, Record<string, unknown>[]> = {
    talents: rows,
    talentEducations: positioned((record) => record.children.educations),
    talentTitles: positioned((record) => record.children.titles),
    talentCertificates: positioned((record) => record.children.certificates),
    talentStatusHistory: rows.map((row) => ({ talentId: row.id!, status: row.status, since: row.statusSince ?? row.arrivedOn ?? new Date().toISOString().slice(0, 10), recordedBy })),
  };
  return (Object.keys(talentBulkTables) as TalentBulkTable[]).map((name) => ({ name, table: talentBulkTables[name], rows: byTable[name] }));
}

/** Replaces a talent's fields and child records if the version still matches; null when someone else changed it first. */
export async function updateTalentRecord(executor: Executor, id: string, version: number, record: TalentRecord): Promise<TalentRow | null> {
  const [row] = await executor
    .update(talents)
    .set({ ...rowValues(record.values), version: sql`${talents.version} + 1`, updatedAt: new Date() })
    .where(and(eq(talents.id, id), eq(talents.version, version)))
    .returning();
  if (!row) return null;
  await executor.delete(talentEducations).where(eq(talentEducations.talentId, id));
  await executor.delete(talentTitles).where(eq(talentTitles.talentId, id));
  await executor.delete(talentCertificates).where(eq(talentCertificates.talentId, id));
  await insertChildren(executor, id, record.children);
  return row;
}

export async function setVerification(executor: Executor, id: string, verifiedBy: string, fields: string[]) {
  const [row] = await executor
    .update(talents)
    .set({ verifiedAt: new Date(), verifiedBy, verifiedFields: fields, version: sql`${talents.version} + 1`, updatedAt: new Date() })
    .where(eq(talents.id, id))
    .returning();
  return row;
}

export async function addStatusEntry(executor: Executor, talentId: string, status: TalentStatus, since: string, note: string, recordedBy: string | null) {
  await executor.insert(talentStatusHistory).values({ talentId, status, since, note, recordedBy });
}

/** One talent within a scope (undefined: any), with its employer's name; null when missing or out of scope. */
export async function findTalent(executor: Executor, id: string, scope: SQL | undefined) {
  const [row] = await executor
    .select({ talent: talents, employer: organisations.name })
    .from(talents)
    .leftJoin(organisations, eq(organisations.id, talents.employerId))
    .where(and(eq(talents.id, id), scope));
  return row ?? null;
}

export async function loadTalentChildren(executor: Executor, id: string) {
  const [educations, titles, certificates, history] = await Promise.all([
    executor.select().from(talentEducations).where(eq(talentEducations.talentId, id)).orderBy(asc(talentEducations.position)),
    executor.select().from(talentTitles).where(eq(talentTitles.talentId, id)).orderBy(asc(talentTitles.position)),
    executor.select().from(talentCertificates).where(eq(talentCertificates.talentId, id)).orderBy(asc(talentCertificates.position)),
    executor
      .select({ entry: talentStatusHistory, recordedByName: users.displayName })
      .from(talentStatusHistory)
      .leftJoin(users, eq(users.id, talentStatusHistory.recordedBy))
      .where(eq(talentStatusHistory.talentId, id))
      .orderBy(desc(talentStatusHistory.since), desc(talentStatusHistory.id)),
  ]);
  return { educations, titles, certificates, history };
}

export async function findByIdNumberHash(executor: Executor, hash: string, scope: SQL | undefined) {
  const [row] = await executor.select({ id: talents.id, name: talents.name, visible: scope ?? sql<boolean>`true` }).from(talents).where(eq(talents.idNumberHash, hash));
  return row ? { id: row.id, name: row.name, visible: Boolean(row.visible) } : null;
}

/**
 * Holds, for the rest of the transaction, the lock over one user's exact look-ups, so two at once cannot both pass
 * the limit (an advisory lock: shared by every app server on the database).
 */
export async function lockExactLookups(executor: Executor, userId: string) {
  await executor.execute(sql`select pg_advisory_xact_lock(hashtext(${`talent.lookup:${userId}`}))`);
}

/** When the user's most recent exact look-ups since a time were made (newest first, at most `limit`), from the audit log. */
export async function recentExactLookups(executor: Executor, userId: string, since: Date, limit: number): Promise<Date[]> {
  const rows = await executor
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, userId), eq(auditLog.action, 'talent.lookup'), gt(auditLog.at, since)))
    .orderBy(desc(auditLog.at))
    .limit(limit);
  return rows.map((row) => row.at);
}

export async function findSameNameAndPhone(executor: Executor, name: string, phoneHash: string, excludeId?: string) {
  const [row] = await executor
    .select({ id: talents.id })
    .from(talents)
    .where(and(eq(talents.name, name), eq(talents.phoneHash, phoneHash), excludeId ? ne(talents.id, excludeId) : undefined));
  return row ?? null;
}

export const talentSorts = ['relevance', 'name', '-name', 'arrivedOn', '-arrivedOn', 'updatedAt', '-updatedAt'] as const;
export type TalentSort = (typeof talentSorts)[number];

export type TalentFilters = {
  /** The search: SQL built by the service (full text, initials, exact ID number or phone). */
  search?: { condition: SQL; rank?: SQL };
  industry?: string;
  education?: EducationLevel;
  title?: TitleLevel;
  tier?: string;
  status?: TalentStatus;
  employer?: string;
  arrivalRoute?: ArrivalRoute;
  tag?: string;
  /** Dates, both included: arrival, and the date of the current status (the dashboard's period links). */
  arrivedFrom?: string;
  arrivedTo?: string;
  statusFrom?: string;
  statusTo?: string;
};

export function talentConditions(filters: TalentFilters, scope: SQL | undefined): SQL | undefined {
  return and(
    scope,
    filters.search?.condition,
    filters.industry ? eq(talents.industry, filters.industry) : undefined,
    filters.education ? eq(talents.highestEducation, filters.education) : undefined,
    filters.title ? eq(talents.highestTitle, filters.title) : undefined,
    filters.tier ? eq(talents.tier, filters.tier) : undefined,
    filters.status ? eq(talents.status, filters.status) : undefined,
    filters.employer ? eq(talents.employerId, filters.employer) : undefined,
    filters.arrivalRoute ? eq(talents.arrivalRoute, filters.arrivalRoute) : undefined,
    filters.tag ? sql`${filters.tag} = any(${talents.tags})` : undefined,
    filters.arrivedFrom ? gte(talents.arrivedOn, filters.arrivedFrom) : undefined,
    filters.arrivedTo ? lte(talents.arrivedOn, filters.arrivedTo) : undefined,
    filters.statusFrom ? gte(talents.statusSince, filters.statusFrom) : undefined,
    filters.statusTo ? lte(talents.statusSince, filters.statusTo) : undefined,
  );
}

function orderOf(sort: TalentSort, filters: TalentFilters): SQL[] {
  switch (sort) {
    case 'name':
      return [asc(talents.nameInitials), asc(talents.name), asc(talents.id)];
    case '-name':
      return [desc(talents.nameInitials), desc(talents.name), desc(talents.id)];
    case 'arrivedOn':
      return [sql`${talents.arrivedOn} asc nulls last`, asc(talents.id)];
    case '-arrivedOn':
      return [sql`${talents.arrivedOn} desc nulls last`, asc(talents.id)];
    case 'updatedAt':
      // the exact reverse of -updatedAt: both read talents_updated_idx
      return [asc(talents.updatedAt), desc(talents.id)];
    case '-updatedAt':
      return [desc(talents.updatedAt), asc(talents.id)];
    case 'relevance':
      return filters.search?.rank ? [desc(filters.search.rank), asc(talents.id)] : [desc(talents.updatedAt), asc(talents.id)];
  }
}

export type TalentListQuery = { page: number; pageSize: number; sort: TalentSort; filters: TalentFilters };

/**
 * How far a search's list goes. A broad word (工程师) matches tens of thousands of talents, and what costs the time is
 * reading the matches (to rank them or to count them), not finding them in the GIN index. So a search reads at most
 * `matchLimit` matches, plus one to know there are more, in one pass that counts them and ranks them:
 * - up to the limit, `total` is exact and the relevance order is ts_rank;
 * - beyond, `total` is the limit with `totalCapped` (the list shows 超过 5,000 条), and the relevance order is most
 *   recently updated first: the list's order without a search, read along talents_updated_idx, so the page costs the
 *   same whatever the count.
 * Other sorts (name, arrival, update) are the same with or without a search.
 */
export const searchListLimits = { matchLimit: 5_000 };
export type SearchListLimits = typeof searchListLimits;

export type TalentList = Page<{ talent: TalentFields; employer: string | null }> & {
  /** More matches than `total` says (a search, or a list filtered beyond what the tallies count, stopped counting at its limit). */
  totalCapped: boolean;
  /** The page is in relevance order (a search sorted by relevance, with few enough matches to rank them). */
  ranked: boolean;
};

/** Whether a list is in relevance order: a search sorted by relevance that has a rank and at most the limit's matches. */
export const ranksMatches = (sort: TalentSort, search: TalentFilters['search'], matches: number, limits: SearchListLimits = searchListLimits) =>
  sort === 'relevance' && search?.rank !== undefined && matches <= limits.matchLimit;

type ListedRow = { talent: TalentFields; employer: string | null };
const listedColumns = { talent: talentColumns, employer: organisations.name };

/**
 * One page of a list: the ids of the page first, in the list's order (narrow rows: a sort over many matches does
 * not carry whole records, nor their employers), then those records with their employers' names.
 */
async function listPage(executor: Executor, where: SQL | undefined, order: SQL[], pageSize: number, offset: number): Promise<ListedRow[]> {
  const page = executor.select({ id: talents.id }).from(talents).where(where).orderBy(...order).limit(pageSize).offset(offset).as('page');
  return executor
    .select(listedColumns)
    .from(page)
    .innerJoin(talents, eq(talents.id, page.id))
    .leftJoin(organisations, eq(organisations.id, talents.employerId))
    .orderBy(...order);
}

/**
 * A search's one pass over its matches: at most `limit` + 1 of them, counted, and when a rank is given the page's ids
 * in relevance order (exact when the count is within the limit: then the pass has read every match).
 */
async function readMatches(executor: Executor, where: SQL | undefined, rank: SQL | undefined, limit: number, pageSize: number, offset: number) {
  if (!rank) {
    const matches = executor.select({ one: sql`1` }).from(talents).where(where).limit(limit + 1).as('matches');
    const [{ counted }] = await executor.select({ counted: count() }).from(matches);
    return { counted, ids: [] };
  }
  const rows = await queryRows<{ counted: number; id: string | null }>(
    executor,
    sql`with matches as (select ${talents.id} as id, ${rank} as rank from ${talents} where ${where} limit ${limit + 1})
      select counted.n as counted, page.id
      from (select count(*)::int as n from matches) counted
      left join lateral (select id, rank from matches order by rank desc, id limit ${pageSize} offset ${offset}) page on true
      order by page.rank desc, page.id`,
  );
  return { counted: Number(rows[0].counted), ids: rows.flatMap((row) => (row.id ? [row.id] : [])) };
}

/** The records of the given ids, in that order. */
async function talentsInOrder(executor: Executor, ids: string[]): Promise<ListedRow[]> {
  if (ids.length === 0) return [];
  const rows = await executor.select(listedColumns).from(talents).leftJoin(organisations, eq(organisations.id, talents.employerId)).where(inArray(talents.id, ids));
  const byId = new Map(rows.map((row) => [row.talent.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function listTalents(executor: Executor, query: TalentListQuery, scope: SQL | undefined, limits: SearchListLimits = searchListLimits): Promise<TalentList> {
  const where = talentConditions(query.filters, scope);
  const offset = (query.page - 1) * query.pageSize;
  const search = query.filters.search;
  if (!search) {
    const [items, counted] = await Promise.all([
      listPage(executor, where, orderOf(query.sort, query.filters), query.pageSize, offset),
      countList(executor, query.filters, scope, where, limits),
    ]);
    return { ...pageOf(items, counted.total), totalCapped: counted.capped, ranked: false };
  }
  const rank = query.sort === 'relevance' ? search.rank : undefined;
  const { counted, ids } = await readMatches(executor, where, rank, limits.matchLimit, query.pageSize, offset);
  const totalCapped = counted > limits.matchLimit;
  const ranked = ranksMatches(query.sort, search, counted, limits);
  const total = Math.min(counted, limits.matchLimit);
  if (ranked) return { ...pageOf(await talentsInOrder(executor, ids), total), totalCapped, ranked };
  const order = query.sort === 'relevance' ? orderOf('-updatedAt', query.filters) : orderOf(query.sort, query.filters);
  // past the last match there is no page to read (unless the count stopped at its limit)
  const items = counted > offset || totalCapped ? await listPage(executor, where, order, query.pageSize, offset) : [];
  return { ...pageOf(items, total), totalCapped, ranked };
}

/** The filters a list may have and still be counted from the tallies: none, or one of these (dimension of the tallies). */
const talliedFilters = { status: 'talent.status', arrivalRoute: 'talent.route', industry: 'talent.industry', education: 'talent.education' } as const;

/**
 * How many talents a list without a search holds, without reading 100,000 rows per page view: the registry as a whole,
 * or filtered by one of status, arrival route, industry or education, is the exact count of the tallies (kept by the
 * writing statements, see home.repo); any other filter (or a record scope) is counted up to the search's limit, and
 * beyond it the total is that limit with `capped` (shown as more than 5,000, like a broad search).
 */
async function countList(executor: Executor, filters: TalentFilters, scope: SQL | undefined, where: SQL | undefined, limits: SearchListLimits) {
  const used = Object.entries(filters).filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (!scope && used.length <= 1) {
    const [name, value] = used[0] ?? [];
    const dimension = name === undefined ? 'talent.status' : talliedFilters[name as keyof typeof talliedFilters];
    if (dimension) return { total: await countTallied(executor, dimension, value as string | undefined), capped: false };
  }
  const matches = executor.select({ one: sql`1` }).from(talents).where(where).limit(limits.matchLimit + 1).as('matches');
  const [{ counted }] = await executor.select({ counted: count() }).from(matches);
  return counted > limits.matchLimit ? { total: limits.matchLimit, capped: true } : { total: counted, capped: false };
}

/** Every talent of a filtered list, in batches (for exports). */
export async function* allTalents(executor: Executor, filters: TalentFilters, scope: SQL | undefined, sort: TalentSort, batch = 2000) {
  const where = talentConditions(filters, scope);
  for (let offset = 0; ; offset += batch) {
    const rows = await executor
      .select({ talent: talents, employer: organisations.name })
      .from(talents)
      .leftJoin(organisations, eq(organisations.id, talents.employerId))
      .where(where)
      .orderBy(...orderOf(sort, filters))
      .limit(batch)
      .offset(offset);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

/**
 * Brings up to `limit` talents written by an older search version (after the one with id `after`) to the current one:
 * the name's pinyin words are added to the search vector and the initials recomputed. A row changed meanwhile is left
 * alone (its name or version no longer match: its writer stored the current data). Returns the last id looked at,
 * null when none was left.
 */
export async function refreshTalentSearchChunk(executor: Executor, after: string | null, limit: number): Promise<string | null> {
  const rows = await executor
    .select({ id: talents.id, name: talents.name })
    .from(talents)
    .where(and(sql`${talents.searchVersion} < ${searchDataVersion}`, after ? sql`${talents.id} > ${after}` : undefined))
    .orderBy(asc(talents.id))
    .limit(limit);
  if (rows.length === 0) return null;
  const values = sql.join(
    rows.map((row) => sql`(${row.id}::uuid, ${row.name}, ${nameSearchWords(row.name).join(' ')}, ${nameInitials(row.name)})`),
    sql`, `,
  );
  await executor.execute(sql`
    update ${talents} set
      search_vector = coalesce(${talents.searchVector}, ''::tsvector) || to_tsvector('simple', refreshed.words),
      name_initials = refreshed.initials,
      search_version = ${searchDataVersion}
    from (values ${values}) as refreshed(id, name, words, initials)
    where ${talents.id} = refreshed.id and ${talents.name} = refreshed.name and ${talents.searchVersion} < ${searchDataVersion}`);
  return rows[rows.length - 1].id;
}

/**
 * Seals up to `limit` native places still in clear (ids after `after`): encrypts each with `encrypt` and, in the same
 * statement, sets the clear column to null; a row changed meanwhile (its clear value no longer the one read) is left
 * for its writer, who stores the cipher text. Returns the last id read, or null when none is left.
 */
export async function sealNativePlaceChunk(executor: Executor, encrypt: (plain: string) => string, after: string | null, limit: number): Promise<string | null> {
  const rows = await executor
    .select({ id: talents.id, nativePlace: talents.nativePlace })
    .from(talents)
    .where(and(isNotNull(talents.nativePlace), after ? sql`${talents.id} > ${after}` : undefined))
    .orderBy(asc(talents.id))
    .limit(limit);
  if (rows.length === 0) return null;
  const values = sql.join(
    rows.map((row) => sql`(${row.id}::uuid, ${row.nativePlace}, ${encrypt(row.nativePlace!)})`),
    sql`, `,
  );
  await executor.execute(sql`
    update ${talents} set native_place_cipher = sealed.cipher, native_place = null
    from (values ${values}) as sealed(id, clear, cipher)
    where ${talents.id} = sealed.id and ${talents.nativePlace} = sealed.clear`);
  return rows[rows.length - 1].id;
}

/** Name prefix, for the search's name clause. */
export const namePrefix = (text: string) => ilike(talents.name, `${escapeLike(text)}%`);
export const anyOf = (...conditions: (SQL | undefined)[]) => or(...conditions.filter(Boolean));
