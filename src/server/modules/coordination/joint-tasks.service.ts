import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { nextTurn } from '../../db/turns';
import { recordAudit } from '../audit/audit.service';
import { notify, officeStaff, unitStaff } from '../notifications/notifications.service';
import { findTalent } from '../talents/talents.repo';
import { talentReadScope } from '../talents/talents.policies';
import { beijingDate, shiftWorkingDays } from '../../../domain/calendar';
import { isJointTaskOverdue, isOpenJointTask, type JointTaskOutcome } from '../../../domain/coordination';
import {
  findEnterprise, findJointTask, helpersOf, insertHelpers, insertJointTask, insertNote, listJointTaskRows, markOverdueAnnounced, notesOf, overdueToAnnounce, tasksOfUnit,
  unitsByIds, updateHelper, updateJointTask, type JointTaskQuery, type JointTaskScope, type JointTaskView,
} from './joint-tasks.repo';

const nothing = sql`false`;

/** The office and leaders see every joint task; a unit's staff those their unit owns or helps on; anyone else none. */
export function jointTaskScope(user: SessionUser): JointTaskScope {
  if (user.roles.includes('office') || user.roles.includes('leader')) return undefined;
  if (user.roles.includes('department') && user.unitId) return tasksOfUnit(user.unitId);
  return nothing;
}

const isOffice = (user: SessionUser) => user.roles.includes('office');
/** The unit a department account acts for (the office acts for none: it acts as the talent office, over every unit). */
const actingUnit = (user: SessionUser) => (user.roles.includes('department') ? user.unitId : null);

const itemOf = (row: JointTaskView, today: string) => ({
  id: row.task.id,
  title: row.task.title,
  owner: { id: row.task.ownerUnitId, name: row.ownerName, nameEn: row.ownerNameEn },
  talent: row.task.talentId ? { id: row.task.talentId, name: row.talentName ?? '' } : null,
  enterprise: row.task.enterpriseId ? { id: row.task.enterpriseId, name: row.enterpriseName ?? '' } : null,
  dueOn: row.task.dueOn,
  workingDays: row.task.workingDays,
  status: row.task.status,
  overdue: isJointTaskOverdue(row.task, today),
  helpersDone: Number(row.helpersDone),
  helpersTotal: Number(row.helpersTotal),
  createdAt: row.task.createdAt.toISOString(),
  version: row.task.version,
});

export async function listJointTasks(db: Db, user: SessionUser, query: Omit<JointTaskQuery, 'overdueBefore'> & { overdue?: boolean }, now = new Date()) {
  const today = beijingDate(now);
  const { overdue, ...rest } = query;
  const page = await listJointTaskRows(db, { ...rest, overdueBefore: overdue ? today : undefined }, jointTaskScope(user));
  return { items: page.items.map((row) => itemOf(row, today)), total: page.total };
}

async function detailIn(executor: Executor, user: SessionUser, id: string, now: Date) {
  const row = await findJointTask(executor, id, jointTaskScope(user));
  if (!row) throw notFound();
  const today = beijingDate(now);
  const [helpers, notes] = await Promise.all([helpersOf(executor, id), notesOf(executor, id)]);
  const open = isOpenJointTask(row.task.status);
  const unit = actingUnit(user);
  const works = isOffice(user) || Boolean(unit);
  return {
    ...itemOf(row, today),
    description: row.task.description,
    createdBy: row.creatorName,
    closingNote: row.task.closingNote,
    closedAt: row.task.closedAt?.toISOString() ?? null,
    helpers: helpers.map(({ helper, name, nameEn, doneByName }) => ({
      id: helper.unitId, name, nameEn, part: helper.part, done: helper.done, doneAt: helper.doneAt?.toISOString() ?? null, doneBy: doneByName, doneNote: helper.doneNote,
    })),
    notes: notes.map(({ note, unitName, unitNameEn, authorName }) => ({
      id: note.id, notedOn: note.notedOn, text: note.text, unit: unitName ? { name: unitName, nameEn: unitNameEn ?? unitName } : null, author: authorName, at: note.createdAt.toISOString(),
    })),
    can: {
      note: open && works,
      close: open && (isOffice(user) || unit === row.task.ownerUnitId),
      reportParts: open ? helpers.filter(({ helper }) => isOffice(user) || helper.unitId === unit).map(({ helper }) => helper.unitId) : [],
    },
  };
}

export const jointTaskDetail = (db: Db, user: SessionUser, id: string, now = new Date()) => detailIn(db, user, id, now);

export type JointTaskInput = {
  title: string;
  description: string;
  ownerUnitId: string;
  helpers: { unitId: string; part: string }[];
  talentId?: string | null;
  enterpriseId?: string | null;
  dueOn?: string | null;
  workingDays?: number | null;
};

/**
 * Raises a joint task (协同任务): the office for any owner unit, a unit's staff with their own unit as the owner. The
 * helpers are other units, each named once; the due day is a date, or a time limit in working days from today on the
 * working-day calendar. The helper units' staff are told; audited `jointTask.create`.
 */
export async function createJointTask(db: Db, actor: Actor, user: SessionUser, input: JointTaskInput, now = new Date()) {
  const today = beijingDate(now);
  const problems: Record<string, FieldProblem> = {};
  const hasDate = Boolean(input.dueOn);
  const hasDays = input.workingDays !== undefined && input.workingDays !== null;
  if (hasDate === hasDays) problems.dueOn = { code: 'jointTask.deadlineOne' };
  else if (hasDate && input.dueOn! < today) problems.dueOn = { code: 'jointTask.deadlinePast' };
  if (!isOffice(user) && input.ownerUnitId !== actingUnit(user)) problems.ownerUnitId = { code: 'jointTask.ownUnit' };
  const seen = new Set<string>();
  input.helpers.forEach((helper, index) => {
    if (helper.unitId === input.ownerUnitId) problems[`helpers.${index}.unitId`] = { code: 'jointTask.ownerHelper' };
    else if (seen.has(helper.unitId)) problems[`helpers.${index}.unitId`] = { code: 'jointTask.duplicateUnit' };
    seen.add(helper.unitId);
  });
  return db.transaction(async (tx) => {
    const known = new Map((await unitsByIds(tx, [input.ownerUnitId, ...seen])).map((unit) => [unit.id, unit]));
    if (!known.has(input.ownerUnitId)) problems.ownerUnitId ??= { code: 'binding.notFound' };
    input.helpers.forEach((helper, index) => {
      if (!known.has(helper.unitId)) problems[`helpers.${index}.unitId`] ??= { code: 'binding.notFound' };
    });
    const talent = input.talentId ? (await findTalent(tx, input.talentId, talentReadScope(user)))?.talent : null;
    if (input.talentId && !talent) problems.talentId = { code: 'binding.notFound' };
    const enterprise = input.enterpriseId ? await findEnterprise(tx, input.enterpriseId) : null;
    if (input.enterpriseId && !enterprise) problems.enterpriseId = { code: 'binding.notFound' };
    if (Object.keys(problems).length) throw invalid(problems);
    const dueOn = hasDate ? input.dueOn! : shiftWorkingDays(today, input.workingDays!);
    const task = await insertJointTask(tx, {
      title: input.title,
      description: input.description,
      ownerUnitId: input.ownerUnitId,
      talentId: talent?.id ?? null,
      enterpriseId: enterprise?.id ?? null,
      dueOn,
      workingDays: hasDays ? input.workingDays! : null,
      createdBy: user.id,
    });
    await insertHelpers(tx, input.helpers.map((helper) => ({ taskId: task.id, unitId: helper.unitId, part: helper.part })));
    const owner = known.get(input.ownerUnitId)!;
    const helperUnits = input.helpers.map((helper) => known.get(helper.unitId)!);
    await recordAudit(tx, actor, {
      action: 'jointTask.create', targetType: 'jointTask', targetId: task.id,
      changes: {
        title: input.title, owner: owner.name, helpers: helperUnits.map((unit) => unit.name), dueOn, workingDays: task.workingDays,
        talentId: task.talentId, talent: talent?.name ?? null, enterpriseId: task.enterpriseId, enterprise: enterprise?.name ?? null,
      },
    });
    await notify(tx, await unitStaff(tx, helperUnits.map((unit) => unit.code)), {
      kind: 'jointTask', params: { policy: task.title, subject: owner.name, event: 'assigned', due: dueOn }, link: `/joint-tasks/${task.id}`,
    });
    return detailIn(tx, user, task.id, now);
  });
}

/** Locks a task the user may see and that is still open (else 404, or 409 naming its status). */
async function openTask(executor: Executor, user: SessionUser, id: string) {
  const row = await findJointTask(executor, id, jointTaskScope(user), true);
  if (!row) throw notFound();
  if (!isOpenJointTask(row.task.status)) throw new AppError(409, 'jointTaskClosed');
  return row;
}

/** A progress note (进展) by a unit on the task (the office too), dated; the first report moves a task from 待办 to 进行中. */
export async function addJointTaskNote(db: Db, actor: Actor, user: SessionUser, id: string, input: { text: string; notedOn?: string }, now = new Date()) {
  const today = beijingDate(now);
  if (input.notedOn && input.notedOn > today) throw invalid({ notedOn: { code: 'date.future' } });
  return db.transaction(async (tx) => {
    const row = await openTask(tx, user, id);
    const notedOn = input.notedOn ?? today;
    await insertNote(tx, { taskId: id, unitId: actingUnit(user), authorId: user.id, notedOn, text: input.text });
    await updateJointTask(tx, id, row.task.status === 'todo' ? { status: 'inProgress' } : {});
    await recordAudit(tx, actor, { action: 'jointTask.note', targetType: 'jointTask', targetId: id, changes: { title: row.task.title, notedOn, text: input.text } });
    return detailIn(tx, user, id, now);
  });
}

/**
 * A helper unit reports its part done (or not done after all), with a note; the office may report for any helper. The
 * owner unit's staff are told when a part is done.
 */
export async function reportJointTaskPart(db: Db, actor: Actor, user: SessionUser, id: string, unitId: string, input: { done: boolean; note: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const row = await openTask(tx, user, id);
    const helper = (await helpersOf(tx, id)).find((entry) => entry.helper.unitId === unitId);
    if (!helper) throw invalid({ unitId: { code: 'jointTask.notHelper' } });
    if (!isOffice(user) && actingUnit(user) !== unitId) throw new AppError(403, 'jointTaskNotHelper');
    await updateHelper(tx, id, unitId, input.done ? { done: true, doneAt: now, doneBy: user.id, doneNote: input.note } : { done: false, doneAt: null, doneBy: null, doneNote: input.note });
    await updateJointTask(tx, id, row.task.status === 'todo' ? { status: 'inProgress' } : {});
    await recordAudit(tx, actor, {
      action: input.done ? 'jointTask.partDone' : 'jointTask.partReopen', targetType: 'jointTask', targetId: id,
      changes: { title: row.task.title, unit: helper.name, done: input.done, note: input.note },
    });
    if (input.done) {
      await notify(tx, await unitStaff(tx, [row.ownerCode]), { kind: 'jointTask', params: { policy: row.task.title, subject: helper.name, event: 'partDone', due: row.task.dueOn }, link: `/joint-tasks/${id}` });
    }
    return detailIn(tx, user, id, now);
  });
}

/**
 * The owner unit (or the office) closes the task: 已完成 when every helper's part is done — or, with parts still open,
 * with a closing note that says why (else 409 naming the units) — or 已取消 with a reason. On the version read (409
 * otherwise). The helper units are told.
 */
export async function closeJointTask(db: Db, actor: Actor, user: SessionUser, id: string, input: { outcome: JointTaskOutcome; note: string; version: number }, now = new Date()) {
  if (input.outcome === 'cancelled' && !input.note) throw invalid({ note: { code: 'jointTask.noteRequired' } });
  return db.transaction(async (tx) => {
    const row = await openTask(tx, user, id);
    if (!isOffice(user) && actingUnit(user) !== row.task.ownerUnitId) throw new AppError(403, 'jointTaskNotOwner');
    if (row.task.version !== input.version) throw new AppError(409, 'jointTaskStale');
    const helpers = await helpersOf(tx, id);
    const open = helpers.filter(({ helper }) => !helper.done);
    if (input.outcome === 'done' && open.length && !input.note) throw new AppError(409, 'jointTaskPartsOpen', { units: open.map((entry) => entry.name).join('、') });
    await updateJointTask(tx, id, { status: input.outcome, closingNote: input.note || null, closedAt: now, closedBy: user.id });
    await recordAudit(tx, actor, {
      action: input.outcome === 'done' ? 'jointTask.close' : 'jointTask.cancel', targetType: 'jointTask', targetId: id,
      changes: { title: row.task.title, from: row.task.status, to: input.outcome, note: input.note, partsOpen: open.map((entry) => entry.name) },
    });
    await notify(tx, await unitStaff(tx, helpers.map((entry) => entry.code)), {
      kind: 'jointTask', params: { policy: row.task.title, subject: row.ownerName, event: 'closed', due: row.task.dueOn }, link: `/joint-tasks/${id}`,
    });
    return detailIn(tx, user, id, now);
  });
}

/**
 * The daily job: each open task past its due day is announced once (督办) to the office, the owner unit and the
 * helper units (`overdue_announced_on` remembers it), 500 per transaction.
 */
export async function announceOverdueJointTasks(db: Db, now = new Date()) {
  const today = beijingDate(now);
  let announced = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await overdueToAnnounce(tx, today, 500);
      if (!due.length) return true;
      const office = await officeStaff(tx);
      for (const task of due) {
        const staff = await unitStaff(tx, [task.ownerCode, ...task.helperCodes]);
        await notify(tx, [...office, ...staff], { kind: 'jointTask', params: { policy: task.title, subject: task.ownerName, event: 'overdue', due: task.dueOn }, link: `/joint-tasks/${task.id}` });
      }
      await markOverdueAnnounced(tx, due.map((task) => task.id), today);
      announced += due.length;
      return due.length < 500;
    });
    if (done) return announced;
    await nextTurn();
  }
}
