/**
 * Departures (人才外流, `/api/departures`): the office records a talent's departure — kind, destination, reasons, exit
 * interview —; in the same transaction the registry status becomes 已离区 (with its status history), the history gets a
 * departure event, the talent's pair ends and continuing entitlements are re-checked (paused: the ledger's re-check).
 * The flows report counts arrivals and departures by month and dimension. An enterprise sees its own staff's only.
 */
import { eq, sql } from 'drizzle-orm';
import type { DepartureKind, DepartureReason, DestinationKind, FlowDimension } from '../../../domain/retention';
import { addMonths } from '../../../domain/retention';
import type { Db, Executor } from '../../db/client';
import { liaisonPairs, talents } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { recheckSubjectEntitlements } from '../policies/ledger.service';
import { addStatusEntry } from '../talents/talents.repo';
import { departureScope, findDepartureRow, flowRows, insertDeparture, insertEvents, listDepartureRows } from './retention.repo';
import { today } from './retention.service';
import { and, isNull } from 'drizzle-orm';

export type DepartureInput = {
  talentId: string; leftOn: string; kind: DepartureKind; destinationRegion: string; destinationKind: DestinationKind; reasons: DepartureReason[]; exitInterview: string;
};

type DepartureRow = NonNullable<Awaited<ReturnType<typeof findDepartureRow>>>;

function present({ departure, talentName, employer }: DepartureRow) {
  return {
    id: departure.id,
    talent: { id: departure.talentId, name: talentName },
    employer,
    leftOn: departure.leftOn,
    kind: departure.kind,
    destinationRegion: departure.destinationRegion,
    destinationKind: departure.destinationKind,
    reasons: departure.reasons,
    exitInterview: departure.exitInterview,
    recordedAt: departure.createdAt.toISOString(),
  };
}

export async function recordDeparture(db: Db, actor: Actor, user: SessionUser, input: DepartureInput) {
  return db.transaction(async (tx) => {
    if (input.leftOn > today()) throw invalid({ leftOn: { code: 'retention.future' } });
    const [talent] = await tx.select().from(talents).where(eq(talents.id, input.talentId)).for('update');
    if (!talent) throw invalid({ talentId: { code: 'retention.talentUnknown' } });
    if (talent.status === 'left') throw new AppError(409, 'departureRecorded');
    const row = await insertDeparture(tx, { ...input, employerId: talent.employerId, recordedBy: user.id });
    await tx.update(talents).set({ status: 'left', statusSince: input.leftOn, version: sql`${talents.version} + 1`, updatedAt: new Date() }).where(eq(talents.id, talent.id));
    await addStatusEntry(tx, talent.id, 'left', input.leftOn, input.kind, user.id);
    await insertEvents(tx, [{ talentId: talent.id, kind: 'departure', occurredOn: input.leftOn, detail: { employerId: talent.employerId, departureKind: input.kind }, source: 'departure' }]);
    await tx.update(liaisonPairs).set({ endedOn: input.leftOn, version: sql`${liaisonPairs.version} + 1` }).where(and(eq(liaisonPairs.talentId, talent.id), isNull(liaisonPairs.endedOn)));
    const paused = await recheckSubjectEntitlements(tx, actor, 'talent', talent.id);
    await recordAudit(tx, actor, {
      action: 'departure.record', targetType: 'talent', targetId: talent.id,
      changes: { departure: row.id, leftOn: input.leftOn, kind: input.kind, destinationKind: input.destinationKind, reasons: input.reasons, status: { from: talent.status, to: 'left' }, pausedEntitlements: paused },
    });
    return { ...(await departureDetail(tx, user, row.id)), pausedEntitlements: paused };
  });
}

export async function listDepartures(executor: Executor, user: SessionUser, page: number, pageSize: number) {
  const { rows, total } = await listDepartureRows(executor, departureScope(user), page, pageSize);
  return { items: rows.map(present), total };
}

export async function departureDetail(executor: Executor, user: SessionUser, id: string) {
  const row = await findDepartureRow(executor, id, departureScope(user));
  if (!row) throw notFound();
  return present(row);
}

/**
 * Monthly inflow and outflow (from the history's arrivals and departures) by the dimension, with the net figure, and
 * the totals per group. Enterprise HR: their own organisation's only.
 */
export async function flows(executor: Executor, user: SessionUser, input: { from?: string; to?: string; dimension: FlowDimension }) {
  const to = input.to ?? today().slice(0, 7);
  const from = input.from ?? addMonths(`${to}-01`, -11).slice(0, 7);
  if (from > to || addMonths(`${from}-01`, 36) <= `${to}-01`) throw invalid({ from: { code: 'retention.range' } });
  const narrow = departureScope(user) === undefined ? undefined : (user.organisationId ?? '00000000-0000-0000-0000-000000000000');
  const rows = await flowRows(executor, { from, to, dimension: input.dimension, employerId: narrow });
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(`${month}-01`, 1).slice(0, 7)) months.push(month);
  const monthly = months.map((month) => {
    const inMonth = rows.filter((row) => row.month === month);
    const inflow = inMonth.reduce((sum, row) => sum + row.inflow, 0);
    const outflow = inMonth.reduce((sum, row) => sum + row.outflow, 0);
    return { month, inflow, outflow, net: inflow - outflow };
  });
  const groups = new Map<string, { key: string; label: string | null; inflow: number; outflow: number }>();
  for (const row of rows) {
    const group = groups.get(row.key) ?? { key: row.key, label: row.label, inflow: 0, outflow: 0 };
    group.inflow += row.inflow;
    group.outflow += row.outflow;
    groups.set(row.key, group);
  }
  const byGroup = [...groups.values()].map((group) => ({ ...group, net: group.inflow - group.outflow })).sort((a, b) => b.outflow - a.outflow || b.inflow - a.inflow || (a.key < b.key ? -1 : 1));
  return { from, to, dimension: input.dimension, monthly, groups: input.dimension === 'employer' ? byGroup.slice(0, 30) : byGroup };
}
