import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { talents } from '../db/schema';
import { buildTalent } from '../test/factories';
import { createTestApp, type Agent, type TestApp } from '../test/harness';
import { sealNativePlaces } from './refresh';

/** Issue 9, point 1: the native place is sealed at rest; rows written before migration 0012 are sealed at start-up. */
let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

const shown = async (id: string) => {
  const response = await office.get(`/api/talents/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  const { nativePlace, nativePlaceName } = response.json();
  return { nativePlace, nativePlaceName };
};
const stored = (ids: string[]) =>
  t.db.select({ id: talents.id, clear: talents.nativePlace, cipher: talents.nativePlaceCipher }).from(talents).where(inArray(talents.id, ids)).orderBy(talents.id);

describe('the native place at rest', () => {
  it('is written encrypted, never in clear, and shown decrypted', async () => {
    const created = await office.post('/api/talents', { name: '籍贯测试', idNumber: '140302199003072124', arrivalRoute: 'marketHire', nativePlace: '140300' });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const [row] = await stored([id]);
    expect(row.clear).toBeNull();
    expect(row.cipher).not.toContain('140300');
    expect(t.app.secrets.decrypt(row.cipher!)).toBe('140300');
    expect(await shown(id)).toEqual({ nativePlace: '140300', nativePlaceName: '山西省 阳泉市' });
    // an update keeps it sealed, and can clear it
    const version = (await office.get(`/api/talents/${id}`)).json().version;
    const moved = await office.put(`/api/talents/${id}`, { nativePlace: '140100', version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(t.app.secrets.decrypt((await stored([id]))[0].cipher!)).toBe('140100');
    const cleared = await office.put(`/api/talents/${id}`, { nativePlace: null, version: version + 1 });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(await stored([id])).toEqual([{ id, clear: null, cipher: null }]);
  });

  it('rows with a clear native place (written before 0012) are sealed by the start-up job, shown the same before and after', async () => {
    const places = ['140300', '140100', '140200', null];
    const built = await Promise.all(places.map((nativePlace) => buildTalent(t.db, { nativePlace })));
    const ids = built.map((row) => row.id);
    // as an older version stored them: in clear, no cipher text
    for (const [index, id] of ids.entries()) {
      await t.db.execute(sql`update talents set native_place = ${places[index]}, native_place_cipher = null where id = ${id}`);
    }
    const before = await Promise.all(ids.map(shown));
    expect(before.map((entry) => entry.nativePlace)).toEqual(places);
    expect((await stored(ids)).filter((row) => row.clear !== null)).toHaveLength(3);

    // chunks of 2: the three clear rows of this test at least (other rows of the database may be sealed alongside)
    expect(await sealNativePlaces(t.db, t.app.secrets, { chunkSize: 2 })).toBeGreaterThanOrEqual(2);
    const after = await stored(ids);
    expect(after.every((row) => row.clear === null)).toBe(true);
    const sealed = Object.fromEntries(after.map((row) => [row.id, row.cipher ? t.app.secrets.decrypt(row.cipher) : null]));
    expect(ids.map((id) => sealed[id])).toEqual(places);
    expect(await Promise.all(ids.map(shown))).toEqual(before);
    // nothing left in clear anywhere; a second run does nothing
    expect(await t.rows(sql`select id from talents where native_place is not null`)).toEqual([]);
    expect(await sealNativePlaces(t.db, t.app.secrets)).toBe(0);
  });
});
