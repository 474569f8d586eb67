import packageDays from 'chinese-days/dist/chinese-days.json';

/**
 * The working-day calendar of the zone (Beijing time): Monday to Friday are working days, Saturday and Sunday are not,
 * except where the State Council's arrangement says otherwise — public holidays (法定节假日) and make-up working days
 * (调休上班). The arrangement comes from the `chinese-days` package (published every year after the State Council's
 * notice); the office's overrides (`calendar_days`) come on top, day by day: a year the package does not know yet, or a
 * local change. Pure: the server loads the overrides and installs the calendar (`useWorkingCalendar`).
 */

/** What an override (or the package) says about a day: a day off, or a working day. */
export const calendarEntryKinds = ['holiday', 'workday'] as const;
export type CalendarEntryKind = (typeof calendarEntryKinds)[number];

/** One day of the arrangement: from the package, or an office override. */
export type CalendarEntry = { date: string; kind: CalendarEntryKind; name: string; nameEn?: string | null; note?: string | null };

/** How a day is counted: an ordinary weekday or weekend, a holiday, or a make-up working day (a weekend worked). */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUp';
export type DaySource = 'package' | 'office';

export type DayStatus = {
  date: string;
  working: boolean;
  kind: DayKind;
  /** The holiday's or make-up day's name, in Chinese and in English (null on an ordinary day). */
  name: string | null;
  nameEn: string | null;
  /** Who said so: the package's arrangement, the office's override, or nobody (an ordinary day). */
  source: DaySource | null;
  note: string | null;
};

export type WorkingCalendar = {
  dayOf(date: string): DayStatus;
  isWorkingDay(date: string): boolean;
  /** The years the package's arrangement covers (a later year is weekends only until the office enters it). */
  packageYears: readonly [number, number];
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 86_400_000;
const beijingOffsetMs = 8 * 3_600_000;

/** The calendar day of a moment in Beijing time (China keeps UTC+8 all year). */
export const beijingDate = (moment: Date) => new Date(moment.getTime() + beijingOffsetMs).toISOString().slice(0, 10);

/** The day `count` calendar days after (or, negative, before) an ISO date. */
export const shiftDate = (date: string, count: number) => new Date(Date.parse(`${date}T00:00:00Z`) + count * dayMs).toISOString().slice(0, 10);

const isWeekend = (date: string) => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/** The package's entries: `"National Day,国庆节,3"` → names in both languages. */
function packageEntries(): CalendarEntry[] {
  const entries = (values: Record<string, string>, kind: CalendarEntryKind) =>
    Object.entries(values).map(([date, text]) => {
      const [nameEn, name] = text.split(',');
      return { date, kind, name: name ?? nameEn, nameEn };
    });
  return [...entries(packageDays.holidays, 'holiday'), ...entries(packageDays.workdays, 'workday')];
}

const fromPackage = new Map(packageEntries().map((entry) => [entry.date, entry]));
const packageYearList = [...fromPackage.keys()].map((date) => Number(date.slice(0, 4)));
const packageYears = [Math.min(...packageYearList), Math.max(...packageYearList)] as const;

function statusOf(date: string, entry: CalendarEntry | undefined, source: DaySource | null): DayStatus {
  const weekend = isWeekend(date);
  if (!entry) return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', name: null, nameEn: null, source: null, note: null };
  const working = entry.kind === 'workday';
  const kind: DayKind = working ? (weekend ? 'makeUp' : 'workday') : 'holiday';
  return { date, working, kind, name: entry.name, nameEn: entry.nameEn ?? null, source, note: entry.note ?? null };
}

/** The package's arrangement with the office's overrides on top (an override replaces the package's word for its day). */
export function buildCalendar(overrides: readonly CalendarEntry[] = []): WorkingCalendar {
  const byDate = new Map(overrides.map((entry) => [entry.date, entry]));
  const dayOf = (date: string): DayStatus => {
    if (!isoDate.test(date)) throw new RangeError(`not a date: ${date}`);
    const override = byDate.get(date);
    if (override) return statusOf(date, override, 'office');
    const known = fromPackage.get(date);
    return statusOf(date, known, known ? 'package' : null);
  };
  return { dayOf, isWorkingDay: (date) => dayOf(date).working, packageYears };
}

/** The package's arrangement alone. */
export const packageCalendar = buildCalendar();

let installed: WorkingCalendar = packageCalendar;

/**
 * Installs the calendar deadline maths uses by default (the server installs the package's arrangement plus the office's
 * overrides at start-up and after every edit, so `addWorkingDays` stays synchronous). Like `useAuditChain`: one
 * process, one calendar.
 */
export function useWorkingCalendar(calendar: WorkingCalendar) {
  installed = calendar;
}

/** The calendar installed in this process (the package's arrangement until the server installs the overrides). */
export const workingCalendar = () => installed;

/** No arrangement has ten years without a working day: a longer search means a broken calendar, not a deadline. */
const searchLimitDays = 3_660;

/**
 * `days` working days after a day (ISO date; negative: before). Offset 0 is the day itself when it is a working day,
 * otherwise the next working day.
 */
export function shiftWorkingDays(date: string, offset: number, calendar: WorkingCalendar = workingCalendar()): string {
  let day = date;
  let left = Math.abs(offset);
  const step = Math.sign(offset);
  for (let searched = 0; left > 0; searched += 1) {
    if (searched > searchLimitDays) throw new RangeError('no working day within ten years');
    day = shiftDate(day, step);
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  for (let searched = 0; !calendar.isWorkingDay(day); searched += 1) {
    if (searched > searchLimitDays) throw new RangeError('no working day within ten years');
    day = shiftDate(day, 1);
  }
  return day;
}

/**
 * The deadline `days` working days after a moment: the same time of day (Beijing time) on the `days`-th working day
 * after the moment's day. Holidays are skipped and make-up working days (调休 Saturdays) count. A step started on
 * 2026-09-30 with 3 working days is due on 2026-10-10 (国庆 1–7 October off; the 8th, 9th and the make-up Saturday
 * the 10th count). The one entry point for time limits: policy review steps and the case engine.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar = workingCalendar()): Date {
  const startDay = beijingDate(start);
  let day = startDay;
  let left = days;
  for (let searched = 0; left > 0; searched += 1) {
    if (searched > searchLimitDays) throw new RangeError('no working day within ten years');
    day = shiftDate(day, 1);
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return new Date(start.getTime() + (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${startDay}T00:00:00Z`)));
}

/**
 * Working days from one moment's day to another's (Beijing time): those after the first day up to and including the
 * last, negative when `to` is earlier. `workingDaysBetween(start, addWorkingDays(start, n)) === n`.
 */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkingCalendar = workingCalendar()): number {
  const first = beijingDate(from);
  const last = beijingDate(to);
  if (last < first) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = shiftDate(first, 1); day <= last; day = shiftDate(day, 1)) if (calendar.isWorkingDay(day)) count += 1;
  return count;
}

/** Every day of a range (ISO dates, both included) with its status. */
export function daysBetween(from: string, to: string, calendar: WorkingCalendar = workingCalendar()): DayStatus[] {
  const days: DayStatus[] = [];
  for (let day = from; day <= to; day = shiftDate(day, 1)) days.push(calendar.dayOf(day));
  return days;
}
