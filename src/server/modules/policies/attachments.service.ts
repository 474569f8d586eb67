import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { attachmentSizeLimit, type AttachmentMediaType } from '../../../domain/policies/policy';
import type { Db, Executor } from '../../db/client';
import { caseAttachments } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { caseScope, findCase } from '../cases/cases.repo';
import { deleteUnattachedBefore, filesInUse, lockUploader, uploadUsage } from './attachments.repo';

/**
 * Upload quotas per user: at most 50 uploads attached to no application yet (a form being filled holds a handful), and
 * at most 200 MB uploaded in 24 hours. Beyond either the upload is a 429 (`attachmentQuota`). Uploads never attached
 * are deleted, rows and files, once they are 24 hours old (`removeStaleUploads`, at start-up and in the daily work).
 */
export const uploadQuota = { unattached: 50, bytesPerDay: 200 * 1024 * 1024, staleAfterHours: 24 } as const;
const hour = 60 * 60 * 1000;

/** The type of a file judged by its first bytes, never by its name or the type the browser claims. */
export function sniffMediaType(bytes: Buffer): AttachmentMediaType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

const folderOf = (dataDir: string) => join(dataDir, 'attachments');

/** Stores an uploaded file under the data directory, named by its SHA-256 (the same file twice is stored once). */
export async function storeAttachment(db: Db, dataDir: string, actor: Actor, user: SessionUser, input: { requirement: string; fileName: string; bytes: unknown }) {
  // no body, or a body that is not a file (the route parses only file types, but never trust that here)
  if (!Buffer.isBuffer(input.bytes) || input.bytes.length === 0) throw new AppError(415, 'attachmentType');
  const bytes = input.bytes;
  if (bytes.length > attachmentSizeLimit) throw new AppError(413, 'attachmentTooLarge', { megabytes: attachmentSizeLimit / 1024 / 1024 });
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw new AppError(415, 'attachmentType');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return db.transaction(async (tx) => {
    await lockUploader(tx, user.id);
    const usage = await uploadUsage(tx, user.id, new Date(Date.now() - 24 * hour));
    if (usage.unattached >= uploadQuota.unattached || usage.bytes + bytes.length > uploadQuota.bytesPerDay) {
      throw new AppError(429, 'attachmentQuota', { unattached: uploadQuota.unattached, megabytes: uploadQuota.bytesPerDay / 1024 / 1024 });
    }
    await mkdir(folderOf(dataDir), { recursive: true });
    await writeFile(join(folderOf(dataDir), sha256), bytes);
    const [row] = await tx
      .insert(caseAttachments)
      .values({ requirement: input.requirement, fileName: input.fileName.slice(0, 200), mediaType, size: bytes.length, sha256, uploadedBy: user.id })
      .returning();
    await recordAudit(tx, actor, { action: 'attachment.upload', targetType: 'attachment', targetId: row.id, changes: { fileName: row.fileName, mediaType, size: row.size, sha256 } });
    return { id: row.id, requirement: row.requirement, fileName: row.fileName, mediaType, size: row.size };
  });
}

/** A file the user may read: their own upload, or one of a case (of any type) they may see. */
export async function readAttachment(executor: Executor, dataDir: string, user: SessionUser, id: string) {
  const [row] = await executor.select().from(caseAttachments).where(eq(caseAttachments.id, id));
  if (!row) throw notFound();
  if (row.uploadedBy !== user.id) {
    const visible = row.caseId ? await findCase(executor, row.caseId, caseScope(user)) : undefined;
    if (!visible) throw notFound();
  }
  return { ...row, bytes: await readFile(join(folderOf(dataDir), row.sha256)) };
}

/**
 * Deletes uploads attached to no application once they are `uploadQuota.staleAfterHours` old: their rows, and their
 * files unless another row names the same file. Audited as one `attachment.cleanup` row by the system.
 */
export async function removeStaleUploads(db: Db, dataDir: string, actor: Actor, now = new Date()) {
  const removed = await db.transaction(async (tx) => {
    const rows = await deleteUnattachedBefore(tx, new Date(now.getTime() - uploadQuota.staleAfterHours * hour));
    if (!rows.length) return rows;
    await recordAudit(tx, actor, { action: 'attachment.cleanup', targetType: 'attachment', targetId: null, changes: { removed: rows.length, bytes: rows.reduce((sum, row) => sum + row.size, 0) } });
    return rows;
  });
  // files go after the commit: a rolled-back delete must still find its file
  const inUse = await filesInUse(db, [...new Set(removed.map((row) => row.sha256))]);
  for (const sha256 of new Set(removed.map((row) => row.sha256))) {
    if (!inUse.has(sha256)) await rm(join(folderOf(dataDir), sha256), { force: true });
  }
  return { removed: removed.length };
}
