import { and, eq, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema';
import type { SessionUser } from '../../plugins/auth';
import { todoCondition } from '../cases/cases.repo';

/**
 * 待我审核: policy applications in review whose current step is assigned to the user's unit — and, for the office, those
 * escalated for being overdue. The engine's 待办 condition (modules/cases) restricted to policy cases.
 */
export function inboxCondition(user: SessionUser): SQL {
  return and(eq(cases.type, 'policy'), todoCondition(user))!;
}
