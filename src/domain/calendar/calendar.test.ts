import { afterEach, describe, expect, it } from 'vitest';
import { addWorkingDays, beijingDate, buildCalendar, daysBetween, packageCalendar, shiftWorkingDays, useWorkingCalendar, workingCalendar, workingDaysBetween } from './index';
import { addWorkingDays as fromPolicy } from '../policies/policy';

/** A moment in Beijing time. */
const beijing = (text: string) => new Date(`${text}+08:00`);

describe('the working-day calendar (chinese-days plus the office overrides)', () => {
  afterEach(() => useWorkingCalendar(packageCalendar));

  it('knows 国庆 2026: 1–7 October off, Sunday 20 September and Saturday 10 October worked (调休)', () => {
    expect(packageCalendar.dayOf('2026-10-01')).toMatchObject({ working: false, kind: 'holiday', name: '国庆节', nameEn: 'National Day', source: 'package' });
    expect(packageCalendar.dayOf('2026-10-07').working).toBe(false);
    expect(packageCalendar.dayOf('2026-10-08')).toMatchObject({ working: true, kind: 'workday', source: null });
    expect(packageCalendar.dayOf('2026-10-10')).toMatchObject({ working: true, kind: 'makeUp', name: '国庆节', source: 'package' });
    expect(packageCalendar.dayOf('2026-09-20')).toMatchObject({ working: true, kind: 'makeUp' });
    expect(packageCalendar.dayOf('2026-10-11')).toMatchObject({ working: false, kind: 'weekend' });
  });

  it('a 3-working-day step started on 2026-09-30 is due on Saturday 10 October at the same time (the make-up Saturday counts)', () => {
    const started = beijing('2026-09-30T10:15:00');
    const due = addWorkingDays(started, 3);
    expect(due.toISOString()).toBe(beijing('2026-10-10T10:15:00').toISOString());
    // weekends alone (the old rule) would have said Monday 5 October, in the middle of the holiday
    expect(workingDaysBetween(started, due)).toBe(3);
    expect(addWorkingDays(started, 1).toISOString()).toBe(beijing('2026-10-08T10:15:00').toISOString());
  });

  it('春节 2026: Saturday 14 February worked, 15–23 February off, Saturday 28 February worked', () => {
    const started = beijing('2026-02-12T16:00:00');
    expect(addWorkingDays(started, 1).toISOString()).toBe(beijing('2026-02-13T16:00:00').toISOString());
    expect(addWorkingDays(started, 2).toISOString()).toBe(beijing('2026-02-14T16:00:00').toISOString());
    expect(addWorkingDays(started, 3).toISOString()).toBe(beijing('2026-02-24T16:00:00').toISOString());
    expect(addWorkingDays(started, 5).toISOString()).toBe(beijing('2026-02-26T16:00:00').toISOString());
    expect(addWorkingDays(started, 7).toISOString()).toBe(beijing('2026-02-28T16:00:00').toISOString());
    const february = daysBetween('2026-02-01', '2026-02-28');
    // 20 weekdays, 6 of them (16–20 and 23) off, 2 Saturdays worked
    expect(february.filter((day) => day.working)).toHaveLength(20 - 6 + 2);
    expect(february.filter((day) => day.kind === 'holiday').map((day) => day.date)).toEqual(
      ['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((day) => `2026-02-${day}`),
    );
  });

  it('counts days in Beijing time: 23:30 UTC on 30 September is already 1 October in the zone', () => {
    const lateUtc = new Date('2026-09-30T23:30:00Z');
    expect(beijingDate(lateUtc)).toBe('2026-10-01');
    expect(addWorkingDays(lateUtc, 1).toISOString()).toBe('2026-10-07T23:30:00.000Z'); // 8 October 07:30 in Beijing
  });

  it('an office override takes effect once installed: a local holiday moves the deadline, a cancelled holiday brings it back', () => {
    const started = beijing('2026-11-02T09:00:00'); // a Monday
    expect(addWorkingDays(started, 3).toISOString()).toBe(beijing('2026-11-05T09:00:00').toISOString());
    useWorkingCalendar(buildCalendar([{ date: '2026-11-04', kind: 'holiday', name: '区庆', nameEn: 'Zone day' }]));
    expect(workingCalendar().dayOf('2026-11-04')).toMatchObject({ working: false, kind: 'holiday', name: '区庆', source: 'office' });
    expect(addWorkingDays(started, 3).toISOString()).toBe(beijing('2026-11-06T09:00:00').toISOString());
    // the policy module's re-export is the same entry point, so review deadlines follow the override too
    expect(fromPolicy(started, 3).toISOString()).toBe(beijing('2026-11-06T09:00:00').toISOString());
    // an override replaces the package's word for its day: 8 October 2026 made a holiday, 7 October worked
    const moved = buildCalendar([{ date: '2026-10-07', kind: 'workday', name: '调整' }, { date: '2026-10-08', kind: 'holiday', name: '调整' }]);
    expect(addWorkingDays(beijing('2026-09-30T10:15:00'), 1, moved).toISOString()).toBe(beijing('2026-10-07T10:15:00').toISOString());
    expect(moved.dayOf('2026-10-07')).toMatchObject({ kind: 'workday', source: 'office' });
  });

  it('a year the package does not know yet is weekends only until the office enters its arrangement', () => {
    expect(packageCalendar.packageYears[1]).toBeGreaterThanOrEqual(2026);
    const year = packageCalendar.packageYears[1] + 1;
    expect(packageCalendar.dayOf(`${year}-10-01`).source).toBeNull();
    const entered = buildCalendar([{ date: `${year}-10-01`, kind: 'holiday', name: '国庆节', nameEn: 'National Day' }]);
    expect(entered.dayOf(`${year}-10-01`)).toMatchObject({ working: false, kind: 'holiday', source: 'office' });
  });

  it('shifts ISO dates by working days both ways, and counts backwards as negative', () => {
    expect(shiftWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(shiftWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
    expect(shiftWorkingDays('2026-09-30', 2)).toBe('2026-10-09');
    expect(workingDaysBetween(beijing('2026-10-10T09:00:00'), beijing('2026-09-30T09:00:00'))).toBe(-3);
    expect(() => packageCalendar.dayOf('2026-13-45x')).toThrow(RangeError);
  });
});
