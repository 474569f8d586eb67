import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { caseAttachments } from '../../db/schema';

/** Serialises one user's uploads (in the transaction that holds it), so two at once cannot both slip under the quota. */
export async function lockUploader(executor: Executor, userId: string) {
  await executor.execute(sql`select pg_advisory_xact_lock(hashtext(${`attachments:${userId}`}))`);
}

/** A user's uploads since a moment (files and bytes), and how many of all their uploads are attached to nothing yet. */
export async function uploadUsage(executor: Executor, userId: string, since: Date) {
  const [row] = await executor
    .select({
      bytes: sql<number>`coalesce(sum(${caseAttachments.size}) filter (where ${caseAttachments.createdAt} > ${since.toISOString()}), 0)::bigint`.mapWith(Number),
      unattached: sql<number>`count(*) filter (where ${caseAttachments.caseId} is null)::int`.mapWith(Number),
    })
    .from(caseAttachments)
    .where(eq(caseAttachments.uploadedBy, userId));
  return row ?? { bytes: 0, unattached: 0 };
}

/** Deletes the uploads never attached to an application and older than a moment; returns their ids and files. */
export async function deleteUnattachedBefore(executor: Executor, before: Date) {
  return executor
    .delete(caseAttachments)
    .where(and(isNull(caseAttachments.caseId), lt(caseAttachments.createdAt, before)))
    .returning({ id: caseAttachments.id, sha256: caseAttachments.sha256, size: caseAttachments.size });
}

/** Which of these files some remaining row still names (the same file uploaded twice is stored once). */
export async function filesInUse(executor: Executor, sha256s: string[]) {
  if (!sha256s.length) return new Set<string>();
  const rows = await executor.selectDistinct({ sha256: caseAttachments.sha256 }).from(caseAttachments).where(inArray(caseAttachments.sha256, sha256s));
  return new Set(rows.map((row) => row.sha256));
}

