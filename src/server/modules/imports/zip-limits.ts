import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../errors';

/**
 * How far a workbook may unpack: at most 100 MB in all, and beyond 20 MB no more than 50 times its upload size; at most
 * 2,000 parts. An .xlsx is a zip of XML; a zip bomb is a small zip whose parts inflate to gigabytes (1.8 MB → 1.5 GB
 * was seen to be loaded whole by ExcelJS).
 */
export const workbookLimits = { totalBytes: 100 * 1024 * 1024, freeBytes: 20 * 1024 * 1024, ratio: 50, entries: 2000 } as const;

const endOfCentralDirectory = 0x06054b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;

type Entry = { method: number; compressedSize: number; size: number; localOffset: number };

const unreadable = () => new AppError(400, 'importFile');
const tooLarge = () =>
  new AppError(400, 'importTooLarge', { megabytes: workbookLimits.totalBytes / 1024 / 1024, ratio: workbookLimits.ratio, entries: workbookLimits.entries });

/** The entries of a zip's central directory (APPNOTE 4.3.12 and 4.3.16), read from the end of the buffer. */
function centralDirectory(bytes: Buffer): Entry[] {
  // the end record is 22 bytes plus a comment of at most 65,535
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === endOfCentralDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) throw unreadable();
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  // ZIP64 (more than 65,535 parts or 4 GB): never a workbook people upload
  if (count === 0xffff || offset === 0xffffffff) throw tooLarge();
  if (count > workbookLimits.entries) throw tooLarge();
  const entries: Entry[] = [];
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== centralHeader) throw unreadable();
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * Refuses a workbook that would unpack beyond `workbookLimits` before anything loads it: the sizes its central
 * directory declares are summed, and, since a declaration can lie, each part is inflated with its declared size as the
 * most zlib may produce (memory stays within the limit; a part that inflates beyond its declaration is refused).
 */
export function checkWorkbookSize(bytes: Buffer) {
  const entries = centralDirectory(bytes);
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  const allowed = Math.min(workbookLimits.totalBytes, Math.max(workbookLimits.freeBytes, bytes.length * workbookLimits.ratio));
  if (declared > allowed) throw tooLarge();
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== localHeader) throw unreadable();
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (data.length !== entry.size) throw unreadable();
    } else if (entry.method === 8) {
      let inflated: Buffer;
      try {
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      } catch (error) {
        throw (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge() : unreadable();
      }
      if (inflated.length !== entry.size) throw unreadable();
    } else {
      throw unreadable();
    }
  }
}
