import type { Db } from '../../db/client';
import type { industries } from '../../db/schema';
import { invalid, type FieldProblem } from '../../errors';
import type { Actor } from '../../plugins/auth';
import { diff, recordAudit } from '../audit/audit.service';
import { findIndustry, upsertIndustry } from './reference.repo';

export type IndustryChange = { code: string } & Partial<Omit<typeof industries.$inferInsert, 'code'>>;

/**
 * Adds an industry to the zone's list or changes one (the office keeps the list). A change keeps what it leaves out; a
 * new industry needs both names.
 */
export async function saveIndustry(db: Db, actor: Actor, change: IndustryChange) {
  return db.transaction(async (tx) => {
    const before = await findIndustry(tx, change.code);
    const sent = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    const defaults = { chain: null, sortOrder: 0, active: true };
    const merged: Partial<typeof industries.$inferInsert> = { ...defaults, ...(before ?? {}), ...sent };
    const problems: Record<string, FieldProblem> = {};
    if (!merged.name) problems.name = { code: 'required' };
    if (!merged.nameEn) problems.nameEn = { code: 'required' };
    if (Object.keys(problems).length) throw invalid(problems);
    const values = { ...merged, code: change.code, name: merged.name!, nameEn: merged.nameEn! };
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
