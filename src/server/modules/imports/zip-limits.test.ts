import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { headersOf, rowOf, uploadImport, workbookBytes } from './imports.fixtures';
import { templateWorkbook } from './imports.workbook';
import { checkWorkbookSize, workbookLimits } from './zip-limits';

/** A zip part: its name, its bytes as stored (deflated or not), and the size and checksum it declares. */
type Part = { name: string; data: Buffer; size: number; crc: number; method: 0 | 8 };

/** A zip written by hand (APPNOTE 4.3): local headers and data, the central directory, the end record. */
function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const megabyte = 1024 * 1024;
/** One part of `megabytes` of the same character, deflated (20 MB → about 20 KB). */
function run(name: string, megabytes: number, declared?: number): Part {
  const text = Buffer.alloc(megabytes * megabyte, 'a');
  return { name, data: deflateRawSync(text, { level: 9 }), size: declared ?? text.length, crc: crc32(text), method: 8 };
}
const refusal = (bytes: Buffer) => {
  try {
    checkWorkbookSize(bytes);
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

describe('zip limits of an uploaded workbook (zip-limits.ts)', () => {
  it('passes real workbooks: the template and a filled sheet', async () => {
    expect(refusal(await templateWorkbook('talents', {}))).toBeNull();
    expect(refusal(await workbookBytes(headersOf('talents'), [rowOf('talents', { name: '某人' })]))).toBeNull();
  });

  it('refuses a bomb whose parts declare 200 MB, before inflating anything', () => {
    const part = run('xl/worksheets/sheet1.xml', 20);
    const bomb = zipOf(Array.from({ length: 10 }, (_, index) => ({ ...part, name: `xl/worksheets/sheet${index + 1}.xml` })));
    expect(bomb.length).toBeLessThan(megabyte);
    expect(refusal(bomb)).toBe('importTooLarge');
  });

  it(`refuses a small file unpacking to more than ${workbookLimits.ratio}× its size beyond ${workbookLimits.freeBytes / megabyte} MB`, () => {
    expect(refusal(zipOf([run('xl/sharedStrings.xml', 30)]))).toBe('importTooLarge');
    // 10 MB from a small file is within what any workbook may unpack to
    expect(refusal(zipOf([run('xl/sharedStrings.xml', 10)]))).toBeNull();
  });

  it('refuses a part that inflates beyond the size it declares, inflating no further than that', () => {
    expect(refusal(zipOf([run('xl/worksheets/sheet1.xml', 20, 1000)]))).toBe('importTooLarge');
  });

  it(`refuses more than ${workbookLimits.entries} parts, and a zip without its directory`, () => {
    const tiny = (index: number): Part => ({ name: `p${index}`, data: Buffer.from('x'), size: 1, crc: crc32('x'), method: 0 });
    expect(refusal(zipOf(Array.from({ length: workbookLimits.entries + 1 }, (_, index) => tiny(index))))).toBe('importTooLarge');
    const whole = zipOf([tiny(1)]);
    expect(refusal(whole.subarray(0, whole.length - 22))).toBe('importFile');
  });
});

describe('a zip bomb uploaded as an import', () => {
  let t: TestApp;
  let office: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.login('office');
  });
  afterAll(async () => t?.close());

  it('is a 400 naming the limit (ExcelJS loaded it whole before: 1.8 MB took 1.5 GB)', async () => {
    const part = run('xl/worksheets/sheet1.xml', 20);
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), size: 8, crc: crc32('<Types/>'), method: 0 },
      ...Array.from({ length: 30 }, (_, index) => ({ ...part, name: `xl/worksheets/sheet${index + 1}.xml` })),
    ]);
    const response = await uploadImport(office, 'talents', bomb);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'importTooLarge', message: expect.stringContaining('100 MB') });
  });
});
