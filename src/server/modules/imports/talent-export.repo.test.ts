import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecrets } from '../../security/secrets';
import { buildOrganisation, buildTalent } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';
import { listTalents, talentSorts, type TalentFilters, type TalentSort } from '../talents/talents.repo';
import { searchFilter } from '../talents/talents.service';
import { exportedTalents } from './talent-export.repo';

let t: TestApp;
let employer: string;
const secrets = createSecrets('talent-export-repo-test-secret-0123456789');

/**
 * Fourteen talents of one employer with ties in every order the export reads by keyset: equal initials and names,
 * equal and missing arrival dates, equal update times with microseconds (a JavaScript Date would drop them), and
 * posts that rank a search differently.
 */
beforeAll(async () => {
  t = await createTestApp();
  employer = (await buildOrganisation(t.db)).id;
  const names = ['王军', '王军', '汪俊', '李娜', '李娜', '赵敏', '张伟', '张薇', '陈涛', '刘洋', '周杰', '吴磊', '郑爽', '孙丽'];
  const posts = ['导出排序 工程师', '导出排序 工程师 工程师', '导出排序', '导出排序 工程师 高级工程师 工程师', '导出排序'];
  for (const [index, name] of names.entries()) {
    await buildTalent(t.db, { name, employerId: employer, post: posts[index % posts.length], arrivedOn: index % 4 === 3 ? null : `2020-0${1 + (index % 3)}-15` });
  }
  // three rows updated at the very same instant, to the microsecond; two more a microsecond apart
  await t.rows(sql`update talents set updated_at = '2026-03-04 05:06:07.123456+00' where employer_id = ${employer} and name in ('王军', '赵敏')`);
  await t.rows(sql`update talents set updated_at = '2026-03-04 05:06:07.123457+00' where employer_id = ${employer} and name in ('李娜')`);
});
afterAll(async () => t?.close());

async function exportedIds(filters: TalentFilters, sort: TalentSort, chunkSize: number) {
  const ids: string[] = [];
  for await (const chunk of exportedTalents(t.db, filters, undefined, sort, chunkSize)) {
    expect(chunk.length).toBeLessThanOrEqual(chunkSize);
    ids.push(...chunk.map((row) => row.talent.id));
  }
  return ids;
}

async function listedIds(filters: TalentFilters, sort: TalentSort) {
  const list = await listTalents(t.db, { page: 1, pageSize: 100, sort, filters }, undefined);
  return list.items.map((item) => item.talent.id);
}

describe('export in chunks', () => {
  it('reads every talent once, in the list’s order, for every sort, across chunk boundaries', async () => {
    const filters: TalentFilters = { employer };
    for (const sort of talentSorts) {
      const listed = await listedIds(filters, sort);
      expect(listed).toHaveLength(14);
      for (const chunkSize of [1, 3, 5, 100]) expect(await exportedIds(filters, sort, chunkSize), `${sort} in chunks of ${chunkSize}`).toEqual(listed);
    }
  });

  it('ranks a search once and keeps the list’s relevance order (rank, then id)', async () => {
    const filters: TalentFilters = { employer, search: searchFilter('工程师', secrets) };
    const listed = await listTalents(t.db, { page: 1, pageSize: 100, sort: 'relevance', filters }, undefined);
    expect(listed.ranked).toBe(true);
    expect(listed.items.length).toBeGreaterThan(3);
    const { condition, rank } = filters.search!;
    const ranks = await t.rows<{ rank: number }>(sql`select ${rank} as rank from talents where ${condition} and employer_id = ${employer}`);
    // not all equal: the order is the rank's, not only the id's
    expect(new Set(ranks.map((row) => Number(row.rank))).size).toBeGreaterThan(1);
    for (const chunkSize of [1, 2, 4, 100]) expect(await exportedIds(filters, 'relevance', chunkSize)).toEqual(listed.items.map((item) => item.talent.id));
  });

  it('leaves out a talent that left the filters between the ranking and the reading', async () => {
    const filters: TalentFilters = { employer, search: searchFilter('导出排序', secrets) };
    const chunks = exportedTalents(t.db, filters, undefined, 'relevance', 5);
    const first = await chunks.next();
    expect(first.value).toHaveLength(5);
    // a talent of a later chunk moves to another employer while the export runs
    const seen = new Set((first.value as { talent: { id: string } }[]).map((row) => row.talent.id));
    const [moved] = await t.rows<{ id: string }>(sql`select id from talents where employer_id = ${employer} order by id`).then((rows) => rows.filter((row) => !seen.has(row.id)));
    const other = await buildOrganisation(t.db);
    await t.rows(sql`update talents set employer_id = ${other.id} where id = ${moved.id}`);
    const rest: string[] = [];
    for await (const chunk of chunks) rest.push(...chunk.map((row) => row.talent.id));
    expect(rest).not.toContain(moved.id);
    expect(seen.size + rest.length).toBe(13);
  });
});

describe('the connection between chunks', () => {
  it('a request made after the first chunk is answered before the export’s last chunk is read', async () => {
    const office = await t.login('office');
    for (const [sort, search] of [['-updatedAt', undefined], ['relevance', searchFilter('工程师', secrets)]] as const) {
      const chunks = exportedTalents(t.db, { search }, undefined, sort, 100);
      let read = 0;
      let answeredAt: number | undefined;
      let request: Promise<unknown> | undefined;
      for await (const chunk of chunks) {
        read += chunk.length;
        request ??= office.get('/api/auth/me').then((response) => {
          expect(response.statusCode).toBe(200);
          answeredAt = read;
        });
      }
      await request;
      expect(read, sort).toBeGreaterThan(300);
      // answered while chunks were still being read, not after the export was done
      expect(answeredAt, sort).toBeLessThan(read);
    }
  });
});
