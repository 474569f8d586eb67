import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, talents } from '../db/schema';
import { buildOrganisation, buildTalent, uniqueSuffix } from '../test/factories';
import { createTestApp, type Agent, type TestApp } from '../test/harness';
import { enterpriseBody } from '../modules/enterprises/enterprises.fixtures';
import { refreshSearchData } from './refresh';
import { nameSortKey, searchDocument, searchDataVersion } from './segment';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

/** The names (sorted) a search lists among the talents of one tag. */
async function namesFound(q: string, tag: string) {
  const response = await office.get('/api/talents', { query: { q, tag, pageSize: '200' } });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: { name: string }[] }).items.map((item) => item.name).sort();
}

describe('searching names in pinyin', () => {
  const tag = `拼音${uniqueSuffix()}`;
  beforeAll(async () => {
    for (const name of ['张博伟', '周华', '郑好', '赵海', '曾小贤', '单雄信', '李四']) await buildTalent(t.db, { name, tags: [tag] });
  });

  it('finds a name by its full pinyin, in any case, with or without spaces', async () => {
    for (const q of ['zhang', 'zhangbowei', 'ZHANG BO WEI', 'Zhang Bowei', 'zhangb']) expect(await namesFound(q, tag), q).toEqual(['张博伟']);
  });

  it('finds every name whose pinyin begins with a prefix: zh finds 张 as well as 周, 郑, 赵', async () => {
    expect(await namesFound('zh', tag)).toEqual(['周华', '张博伟', '赵海', '郑好'].sort());
  });

  it('finds a name written partly in characters, partly in pinyin', async () => {
    for (const q of ['张b', '张bo', '张bowei', 'zhang博', 'zhang博w', '张博wei', '张 bo']) expect(await namesFound(q, tag), q).toEqual(['张博伟']);
  });

  it('still finds names by their initials', async () => {
    expect(await namesFound('zbw', tag)).toEqual(['张博伟']);
    expect(await namesFound('ls', tag)).toEqual(['李四']);
  });

  it('reads a polyphonic surname as a surname: 曾 zeng, 单 shan', async () => {
    expect(await namesFound('zeng', tag)).toEqual(['曾小贤']);
    expect(await namesFound('zengxiaoxian', tag)).toEqual(['曾小贤']);
    expect(await namesFound('zxx', tag)).toEqual(['曾小贤']);
    expect(await namesFound('shanxiongxin', tag)).toEqual(['单雄信']);
    expect(await namesFound('ceng', tag)).toEqual([]);
    expect(await namesFound('danxiongxin', tag)).toEqual([]);
  });

  it('finds nothing for pinyin no name begins with', async () => {
    for (const q of ['zhangbowen', 'wangwu', 'bowei', '张w', 'zhang伟']) expect(await namesFound(q, tag), q).toEqual([]);
  });
});

describe('refreshing search data written before pinyin search', () => {
  it('adds the name’s pinyin to talents of an older search version and fills in organisations’ sort keys', async () => {
    const tag = `刷新${uniqueSuffix()}`;
    const talent = await buildTalent(t.db, { name: '曾博文', tags: [tag] });
    // as the previous version stored it: the document's words only, initials read without the surname rule
    await t.db
      .update(talents)
      .set({ searchVector: sql`to_tsvector('simple', ${searchDocument(['曾博文', tag])})` as unknown as string, nameInitials: 'cbw', searchVersion: 0 })
      .where(eq(talents.id, talent.id));
    const enterprise = await buildOrganisation(t.db, { name: `北方泵业 ${uniqueSuffix()}` });
    expect(await namesFound('zengbowen', tag)).toEqual([]);
    expect(await namesFound('zbw', tag)).toEqual([]);

    await refreshSearchData(t.db, { chunkSize: 2 });
    expect(await namesFound('zengbowen', tag)).toEqual(['曾博文']);
    expect(await namesFound('曾bo', tag)).toEqual(['曾博文']);
    expect(await namesFound('zbw', tag)).toEqual(['曾博文']);
    // the document's own words are kept
    expect(await namesFound('曾博文', tag)).toEqual(['曾博文']);
    const [row] = await t.db.select({ version: talents.searchVersion }).from(talents).where(eq(talents.id, talent.id));
    expect(row.version).toBe(searchDataVersion);
    const [organisation] = await t.db.select({ key: organisations.nameSortKey }).from(organisations).where(eq(organisations.id, enterprise.id));
    expect(organisation.key).toBe(nameSortKey(enterprise.name));
    // nothing left: a second run does nothing
    expect(await refreshSearchData(t.db)).toEqual({ talents: 0, organisations: 0 });
  });
  it('stops between chunks when asked (the server stopping), leaving the rest for the next start', async () => {
    const tag = `停止${uniqueSuffix()}`;
    for (const name of ['仇大海', '仇小海']) {
      const talent = await buildTalent(t.db, { name, tags: [tag] });
      await t.db
        .update(talents)
        .set({ searchVector: sql`to_tsvector('simple', ${searchDocument([name, tag])})` as unknown as string, searchVersion: 0 })
        .where(eq(talents.id, talent.id));
    }
    expect(await namesFound('qiu', tag)).toEqual([]);
    // asked to stop after the first chunk of one row: one of the two is refreshed, the other waits
    let asked = 0;
    expect(await refreshSearchData(t.db, { chunkSize: 1, stopped: () => asked++ > 0 })).toEqual({ talents: 1, organisations: 0 });
    expect(await namesFound('qiu', tag)).toHaveLength(1);
    await refreshSearchData(t.db);
    expect(await namesFound('qiu', tag)).toEqual(['仇大海', '仇小海'].sort());
  });
});

describe('enterprises in pinyin order', () => {
  it('sorts Chinese names by pinyin, not by character code, both ways, and keeps the order when renamed', async () => {
    const tag = randomUUID().slice(0, 8);
    const names = ['中原泵业', '北方化工', '阿尔法材料', '爱华电子', '长城重工'].map((name) => `${name} ${tag}`);
    const created: { id: string; name: string; version: number }[] = [];
    for (const name of names) created.push((await office.post('/api/enterprises', enterpriseBody({ name }))).json());
    const sorted = async (sort: string) =>
      ((await office.get('/api/enterprises', { query: { q: tag, sort } })).json() as { items: { name: string }[] }).items.map((item) => item.name.split(' ')[0]);
    expect(await sorted('name')).toEqual(['阿尔法材料', '爱华电子', '北方化工', '长城重工', '中原泵业']);
    expect(await sorted('-name')).toEqual(['中原泵业', '长城重工', '北方化工', '爱华电子', '阿尔法材料']);

    const north = created[1];
    const renamed = await office.put(`/api/enterprises/${north.id}`, { ...enterpriseBody({ name: `鑫源化工 ${tag}` }), version: north.version });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await sorted('name')).toEqual(['阿尔法材料', '爱华电子', '长城重工', '鑫源化工', '中原泵业']);
  });
});
