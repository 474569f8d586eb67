import { beijingDate } from '../../../domain/calendar/calendar';
import {
  enterpriseIndicators, exactLinks, indicatorLink, indicators, periodOf, periodRange, plannedIndicators,
  type IndicatorCode, type PeriodRange,
} from '../../../domain/dashboard';
import type { Db, Executor } from '../../db/client';
import { AppError, invalid } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { readTallies } from '../home/tallies.repo';
import { servicePerformance } from '../service-requests/service-requests.service';
import {
  deletePlan, insertPlan, planOf, plansOfYear, platformsOverview, readEnterpriseMonths, readMonthTallies, updatePlan, type MonthRow,
} from './dashboard.repo';

/** Whose figures a user sees: the zone (office, leader), one enterprise's own (enterprise HR), or none. */
type Scope = { kind: 'zone' } | { kind: 'enterprise'; organisationId: string };

export function dashboardScope(user: SessionUser): Scope {
  if (user.roles.includes('office') || user.roles.includes('leader')) return { kind: 'zone' };
  if (user.roles.includes('enterprise') && user.organisationId) return { kind: 'enterprise', organisationId: user.organisationId };
  throw new AppError(403, 'forbidden');
}

export function parsePeriod(period: string): PeriodRange {
  const range = periodRange(period);
  if (!range) throw invalid({ period: { code: 'dashboard.period' } });
  return range;
}

const dimensionOf: Partial<Record<IndicatorCode, string>> = {
  masters: 'month.arrived.master', doctorates: 'month.arrived.doctorate', arrivals: 'month.arrived', executives: 'month.executives',
  teams: 'month.teams', experts: 'month.experts', universities: 'month.universities', trained: 'month.trained', technicians: 'month.certified',
  interns: 'month.interns', conversions: 'month.conversions', titlesDeclared: 'month.titles.declared', titlesPassed: 'month.titles.passed',
  subsidiesPaid: 'month.paid.amount', subsidyPayments: 'month.paid.count', loans: 'month.loans', loanAmount: 'month.loans.amount',
  moveIns: 'month.moveIns', departures: 'month.left',
};

type RequestFigures = { handled: number; onTime: number; rated: number; satisfied: number };
type Values = Partial<Record<IndicatorCode, number | null>>;

/** The figures of some months from the month rows (tallies or an enterprise's records) and the service requests' figures. */
function valuesOf(rows: MonthRow[], months: string[], requests: RequestFigures | null, codes: readonly IndicatorCode[]): Values {
  const inPeriod = new Set(months);
  const sums = new Map<string, number>();
  const served = new Map<string, number>();
  for (const row of rows) {
    const month = row.key.slice(0, 7);
    if (!inPeriod.has(month)) continue;
    if (row.dimension === 'month.served') {
      const id = row.key.slice(8);
      served.set(id, (served.get(id) ?? 0) + row.total);
    } else sums.set(row.dimension, (sums.get(row.dimension) ?? 0) + row.total);
  }
  const values: Values = {};
  for (const code of codes) {
    const dimension = dimensionOf[code];
    if (dimension) values[code] = sums.get(dimension) ?? 0;
  }
  if (codes.includes('enterprisesServed')) values.enterprisesServed = [...served.values()].filter((total) => total > 0).length;
  if (codes.includes('netFlow')) values.netFlow = (sums.get('month.arrived') ?? 0) - (sums.get('month.left') ?? 0);
  if (requests) {
    values.requestsHandled = requests.handled;
    values.onTimeRate = requests.handled ? round(requests.onTime / requests.handled) : null;
    values.satisfaction = requests.rated ? round(requests.satisfied / requests.rated) : null;
  }
  return values;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * The service requests closed in a period, on time, rated and rated satisfied or better: the performance table's own
 * figures (servicePerformance), summed over the units, so the figure equals the request list with the same filters.
 * The one figure not from the tallies: whether a request closed on time is working-day arithmetic on the calendar.
 */
async function requestFigures(executor: Executor, user: SessionUser, range: Pick<PeriodRange, 'from' | 'to'>): Promise<RequestFigures> {
  const { rows } = await servicePerformance(executor, user, { from: range.from, to: range.to });
  return rows.reduce((sum, row) => ({ handled: sum.handled + row.handled, onTime: sum.onTime + row.onTime, rated: sum.rated + row.rated, satisfied: sum.satisfied + row.satisfied }), {
    handled: 0, onTime: 0, rated: 0, satisfied: 0,
  });
}

const yearStart = (year: number) => `${year}-01`;

/**
 * The dashboard of a period (month, quarter, year) for the user's scope: every indicator with its value, the previous
 * period's, the change, and the year's plan with the year to date where the office set one; each with the list behind it.
 * The zone's figures are one grouped read of the dated tallies (kept by the writing statements) plus the service
 * requests' performance of the two periods; an enterprise's are counted from its own records.
 */
export async function dashboardOf(executor: Executor, user: SessionUser, period: string) {
  const scope = dashboardScope(user);
  const range = parsePeriod(period);
  const previous = parsePeriod(range.previous);
  const first = [previous.months[0], yearStart(range.year)].sort()[0];
  const last = range.months[range.months.length - 1];
  const codes = scope.kind === 'zone' ? indicators.map((indicator) => indicator.code) : enterpriseIndicators;
  const yearToDateMonths = Array.from({ length: Number(last.slice(5, 7)) }, (_, index) => `${range.year}-${String(index + 1).padStart(2, '0')}`);
  let rows: MonthRow[];
  let current: RequestFigures | null = null;
  let before: RequestFigures | null = null;
  let plans: Awaited<ReturnType<typeof plansOfYear>> = [];
  if (scope.kind === 'zone') {
    [rows, current, before, plans] = await Promise.all([
      readMonthTallies(executor, first, last),
      requestFigures(executor, user, range),
      requestFigures(executor, user, previous),
      plansOfYear(executor, range.year),
    ]);
  } else {
    rows = await readEnterpriseMonths(executor, scope.organisationId, `${first}-01`, range.to);
  }
  const now = valuesOf(rows, range.months, current, codes);
  const then = valuesOf(rows, previous.months, before, codes);
  const yearToDate = valuesOf(rows, yearToDateMonths, null, codes);
  const planByCode = new Map(plans.map((plan) => [plan.indicator, plan]));
  const organisationId = scope.kind === 'enterprise' ? scope.organisationId : undefined;
  return {
    period: range.period,
    kind: range.kind,
    from: range.from,
    to: range.to,
    previous: previous.period,
    scope: scope.kind,
    indicators: indicators
      .filter((indicator) => codes.includes(indicator.code))
      .map(({ code, group, unit }) => {
        const value = now[code] ?? null;
        const previousValue = then[code] ?? null;
        const plan = planByCode.get(code);
        return {
          code, group, unit, value,
          previousValue,
          change: value !== null && previousValue !== null ? round(value - previousValue) : null,
          plan: plan ? { target: plan.target, yearToDate: yearToDate[code] ?? 0, version: plan.version } : null,
          link: indicatorLink(code, range, organisationId),
          exact: exactLinks.includes(code),
        };
      }),
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboardOf>>;

/**
 * The 数据大屏 in one answer: this month's and this year's figures, the last twelve months' arrivals and departures, the
 * talents on record by status (tallies) and the zone's platforms for the schematic. Office and leader only.
 */
export async function screenOf(executor: Executor, user: SessionUser, today = beijingDate(new Date())) {
  if (dashboardScope(user).kind !== 'zone') throw new AppError(403, 'forbidden');
  const monthPeriod = periodOf('month', today);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months = Array.from({ length: 12 }, (_, index) => {
    const shifted = new Date(Date.UTC(year, month - 12 + index, 1));
    return shifted.toISOString().slice(0, 7);
  });
  const [thisMonth, thisYear, trend, counts, platformRows] = await Promise.all([
    dashboardOf(executor, user, monthPeriod),
    dashboardOf(executor, user, String(year)),
    readMonthTallies(executor, months[0], months[11]),
    readTallies(executor),
    platformsOverview(executor),
  ]);
  const byMonth = (dimension: string) => months.map((key) => trend.filter((row) => row.dimension === dimension && row.key === key).reduce((sum, row) => sum + row.total, 0));
  const arrived = byMonth('month.arrived');
  const left = byMonth('month.left');
  return {
    at: new Date().toISOString(),
    today,
    month: thisMonth,
    year: thisYear,
    trend: months.map((key, index) => ({ month: key, arrived: arrived[index], left: left[index] })),
    talentsByStatus: counts.of('talent.status'),
    organisationsByKind: counts.of('organisation.kind'),
    platforms: platformRows,
  };
}

// ——— the year's plans (年度目标) ———

export async function plansOf(executor: Executor, year: number) {
  const rows = await plansOfYear(executor, year);
  return { year, plans: rows.map((row) => ({ indicator: row.indicator as IndicatorCode, planned: row.target, note: row.note, version: row.version })) };
}

/** Sets one indicator's target for a year (creates it with version 0, changes it at the version read), audited. */
export async function savePlan(db: Db, actor: Actor, year: number, indicator: IndicatorCode, input: { planned: number; note: string; version: number }) {
  if (!plannedIndicators.includes(indicator)) throw invalid({ indicator: { code: 'dashboard.notPlanned' } });
  return db.transaction(async (tx) => {
    const before = await planOf(tx, year, indicator);
    if ((before?.version ?? 0) !== input.version) throw new AppError(409, 'conflict');
    const row = before
      ? await updatePlan(tx, year, indicator, { target: input.planned, note: input.note, version: input.version })
      : await insertPlan(tx, { year, indicator, target: input.planned, note: input.note });
    if (!row) throw new AppError(409, 'conflict');
    await recordAudit(tx, actor, {
      action: before ? 'indicatorPlan.update' : 'indicatorPlan.create',
      targetType: 'indicatorPlan',
      targetId: `${year} ${indicator}`,
      changes: { planned: { from: before?.target ?? null, to: input.planned }, note: { from: before?.note ?? null, to: input.note } },
    });
    return { indicator, planned: row.target, note: row.note, version: row.version };
  });
}

export async function removePlan(db: Db, actor: Actor, year: number, indicator: IndicatorCode) {
  return db.transaction(async (tx) => {
    const row = await deletePlan(tx, year, indicator);
    if (!row) throw new AppError(404, 'notFound');
    await recordAudit(tx, actor, { action: 'indicatorPlan.remove', targetType: 'indicatorPlan', targetId: `${year} ${indicator}`, changes: { planned: { from: row.target, to: null } } });
  });
}
