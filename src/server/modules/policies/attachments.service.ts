import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { attachmentSizeLimit, type AttachmentMediaType } from '../../../domain/policies/policy';
import type { Db, Executor } from '../../db/client';
import { applicationAttachments, applications } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { applicationScope } from './applications.service';

/** The type of a file judged by its first bytes, never by its name or the type the browser claims. */
export function sniffMediaType(bytes: Buffer): AttachmentMediaType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

const folderOf = (dataDir: string) => join(dataDir, 'attachments');

/** Stores an uploaded file under the data directory, named by its SHA-256 (the same file twice is stored once). */
export async function storeAttachment(db: Db, dataDir: string, actor: Actor, user: SessionUser, input: { requirement: string; fileName: string; bytes: Buffer }) {
  if (input.bytes.length > attachmentSizeLimit) throw new AppError(413, 'attachmentTooLarge', { megabytes: attachmentSizeLimit / 1024 / 1024 });
  const mediaType = sniffMediaType(input.bytes);
  if (!mediaType) throw new AppError(415, 'attachmentType');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await mkdir(folderOf(dataDir), { recursive: true });
  await writeFile(join(folderOf(dataDir), sha256), input.bytes);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(applicationAttachments)
      .values({ requirement: input.requirement, fileName: input.fileName.slice(0, 200), mediaType, size: input.bytes.length, sha256, uploadedBy: user.id })
      .returning();
    await recordAudit(tx, actor, { action: 'attachment.upload', targetType: 'attachment', targetId: row.id, changes: { fileName: row.fileName, mediaType, size: row.size, sha256 } });
    return { id: row.id, requirement: row.requirement, fileName: row.fileName, mediaType, size: row.size };
  });
}

/** A file the user may read: their own upload, or one of an application they may see. */
export async function readAttachment(executor: Executor, dataDir: string, user: SessionUser, id: string) {
  const [row] = await executor.select().from(applicationAttachments).where(eq(applicationAttachments.id, id));
  if (!row) throw notFound();
  if (row.uploadedBy !== user.id) {
    const [visible] = row.applicationId
      ? await executor.select({ id: applications.id }).from(applications).where(and(eq(applications.id, row.applicationId), applicationScope(user)))
      : [];
    if (!visible) throw notFound();
  }
  return { ...row, bytes: await readFile(join(folderOf(dataDir), row.sha256)) };
}
