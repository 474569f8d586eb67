/**
 * The one money convention, for every screen, notification and export: whole yuan grouped by thousands, the unit in
 * each language's usual place — "3,000 元" in Chinese, "¥3,000" in English. Amounts are yuan (cents when a value has
 * them). A column of amounts says its unit once in its header (`moneyUnit`) and shows `groupDigits` in its cells.
 */
type Language = 'zh-CN' | 'en-US';

/** 3000 → "3,000"; 1234.5 → "1,234.5". */
export const groupDigits = (amount: number) => amount.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** 3000 → "3,000 元" / "¥3,000"; negative amounts keep their sign in front ("-3,000 元", "-¥3,000"). */
export function formatMoney(amount: number, language: Language): string {
  const digits = groupDigits(Math.abs(amount));
  const sign = amount < 0 ? '-' : '';
  return language === 'zh-CN' ? `${sign}${digits} 元` : `${sign}¥${digits}`;
}

/** The unit a column header or a figure's suffix names: 元 / ¥. */
export const moneyUnit = (language: Language) => (language === 'zh-CN' ? '元' : '¥');

/** What a money input accepts back from its display ("3,000" → "3000"). */
export const parseGroupedDigits = (text: string | undefined) => (text ?? '').replace(/[,\s¥元]/g, '');
