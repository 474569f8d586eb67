import dayjs from 'dayjs';

/** Every instant is shown in the zone's time, whatever the browser's time zone. */
export const displayTimeZone = 'Asia/Shanghai';

/** `2026-03-01T02:05:00Z` → `2026-03-01 10:05`; empty for no value. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  return dayjs(value).tz(displayTimeZone).format('YYYY-MM-DD HH:mm');
}

/** Calendar dates (`2024-05-01`) are shown as they are stored. */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '';
}

/** A wall-clock time picked on screen, read as zone time, as an ISO instant with offset (`2026-03-01T10:05:00+08:00`). */
export function zoneInstant(value: dayjs.Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), displayTimeZone).format();
}

/** The inverse of zoneInstant: an ISO instant as the wall-clock value a picker shows. */
export function pickerValue(value: string): dayjs.Dayjs {
  return dayjs(dayjs(value).tz(displayTimeZone).format('YYYY-MM-DDTHH:mm:ss'));
}
