export {
  addWorkingDays, beijingDate, buildCalendar, calendarEntryKinds, daysBetween, packageCalendar, shiftDate, shiftWorkingDays, useWorkingCalendar,
  workingCalendar, workingDaysBetween,
  type CalendarEntry, type CalendarEntryKind, type DayKind, type DaySource, type DayStatus, type WorkingCalendar,
} from './calendar';
export { calendarDayInput, type CalendarDayInput } from './input';
