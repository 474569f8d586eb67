import type { Db } from '../../db/client';
import type { industries } from '../../db/schema';
import type { Actor } from '../../plugins/auth';
import { diff, recordAudit } from '../audit/audit.service';
import { findIndustry, upsertIndustry } from './reference.repo';

/** Adds an industry to the zone's list or changes one (the office keeps the list). */
export async function saveIndustry(db: Db, actor: Actor, values: typeof industries.$inferInsert) {
  return db.transaction(async (tx) => {
    const before = await findIndustry(tx, values.code);
    const row = await upsertIndustry(tx, values);
    await recordAudit(tx, actor, {
      action: before ? 'industry.update' : 'industry.create',
      targetType: 'industry',
      targetId: row.code,
      changes: before ? diff(before, row) : { ...row },
    });
    return row;
  });
}
