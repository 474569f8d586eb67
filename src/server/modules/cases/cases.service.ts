import { and, type SQL } from 'drizzle-orm';
import { caseLink, type InboxTab } from '../../../domain/cases';
import type { Executor } from '../../db/client';
import type { SessionUser } from '../../plugins/auth';
import { stepDeadline } from './cases.engine';
import { caseScope, doneCondition, listCaseRows, mineCondition, publicHistoryOf, todoCondition, unitNamesOf } from './cases.repo';

type ListedCase = Awaited<ReturnType<typeof listCaseRows>>['rows'][number];

/** What every list of cases shows, whatever the type: type, title (policy or request), subject, status, current step, deadline. */
function present({ row, policyTitle, categoryName, categoryNameEn, subjectName }: ListedCase, names: Map<string, { code: string; name: string; nameEn: string }>) {
  const step = row.steps[row.stepIndex];
  return {
    id: row.id,
    type: row.type,
    title: row.type === 'policy' ? (policyTitle ?? '') : String((row.form as { title?: string }).title ?? ''),
    category: row.category ? { code: row.category, name: categoryName ?? '', nameEn: categoryNameEn ?? '' } : null,
    subject: { kind: row.subjectKind, id: row.subjectId, name: subjectName },
    status: row.status,
    stepName: row.status === 'inReview' || row.status === 'returned' ? (step?.name ?? null) : null,
    unitNames: row.status === 'inReview' ? (step?.units ?? []).map((code) => names.get(code) ?? { code, name: code, nameEn: code }) : [],
    escalated: row.escalatedAt !== null,
    ...stepDeadline(row),
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    link: caseLink(row.type, row.id),
  };
}

async function page(executor: Executor, where: SQL | undefined, query: { page: number; pageSize: number }) {
  const { rows, total } = await listCaseRows(executor, where, query.page, query.pageSize);
  const names = await unitNamesOf(executor, rows.flatMap(({ row }) => row.steps[row.stepIndex]?.units ?? []));
  return { rows, items: rows.map((row) => present(row, names)), total };
}

/**
 * 待办 / 已办 of a unit's staff member (and the office) across every case type: todo — waiting for the user's unit (the
 * office: also the escalated ones it may act on); done — those the user decided, returned, reassigned or recorded.
 */
export async function caseInbox(executor: Executor, user: SessionUser, query: { tab: InboxTab; page: number; pageSize: number }) {
  const condition = query.tab === 'todo' ? todoCondition(user) : doneCondition(user);
  const { items, total } = await page(executor, and(caseScope(user), condition), query);
  return { items, total };
}

/** 我的办件: the requester's cases of every type, each with its status timeline as the requester may see it (no internal notes or names). */
export async function myCases(executor: Executor, user: SessionUser, query: { page: number; pageSize: number }) {
  const { items, total } = await page(executor, mineCondition(user), query);
  const history = await publicHistoryOf(executor, items.map((item) => item.id));
  return {
    items: items.map((item) => ({
      ...item,
      timeline: history
        .filter((entry) => entry.caseId === item.id)
        .map((entry) => ({ action: entry.action, unit: entry.unitName, unitEn: entry.unitNameEn, comment: entry.comment, at: entry.at.toISOString() })),
    })),
    total,
  };
}
