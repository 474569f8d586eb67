import dayjs from 'dayjs';
import { formatMoney as formatMoneyIn, groupDigits, moneyUnit, parseGroupedDigits } from '../../domain/money';
import { currentLanguage } from '../app/i18n';

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

/** An amount in the one money convention (`src/domain/money.ts`) in the reader's language: "3,000 元" / "¥3,000". */
export function formatMoney(value: number): string {
  return formatMoneyIn(value, currentLanguage());
}

/** An amount without its unit, for a column or figure that names the unit once (`moneyUnitLabel`): "3,000". */
export const formatAmount = groupDigits;

/** The unit of a money column's header or a figure's suffix: 元 / ¥. */
export const moneyUnitLabel = () => moneyUnit(currentLanguage());

/** Props of a money InputNumber: thousands separators while typing, the unit after it, whole yuan. */
export const moneyInputProps = () => ({
  formatter: (value: number | string | undefined) => (value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')),
  parser: (text: string | undefined) => Number(parseGroupedDigits(text)),
  suffix: moneyUnitLabel(),
  precision: 0,
});
