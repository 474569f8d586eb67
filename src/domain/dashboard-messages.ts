/** Server messages of the zone dashboard (plans, periods), in both languages; merged into i18n.ts. */
type Bilingual = Record<'zh-CN' | 'en-US', string>;

export const dashboardFieldMessages = {
  'dashboard.period': { 'zh-CN': '应为年份（2026）、季度（2026-Q4）或月份（2026-11）', 'en-US': 'must be a year (2026), a quarter (2026-Q4) or a month (2026-11)' },
  'dashboard.notPlanned': { 'zh-CN': '该指标不设年度目标', 'en-US': 'this indicator takes no yearly target' },
} satisfies Record<string, Bilingual>;

export const dashboardFieldLabels: Record<string, Bilingual> = {
  indicator: { 'zh-CN': '指标', 'en-US': 'Indicator' },
  planned: { 'zh-CN': '年度目标', 'en-US': 'Yearly target' },
};
