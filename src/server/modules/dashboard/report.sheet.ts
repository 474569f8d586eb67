import { indicatorGroups, problemsOf, type IndicatorGroup } from '../../../domain/dashboard';
import { indicatorDefinitions, indicatorGroupNames, indicatorNames } from '../../../domain/dashboard-labels';
import type { Language } from '../../../domain/i18n';
import type { Executor } from '../../db/client';
import type { Actor, SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { dashboardOf, type Dashboard } from './dashboard.service';

const loadExcel = async () => (await import('exceljs')).default;

type Figure = Dashboard['indicators'][number];

const headers = {
  'zh-CN': ['指标', '本期', '上期', '增减', '年度目标', '年累计', '完成率', '口径'],
  'en-US': ['Indicator', 'This period', 'Previous period', 'Change', 'Yearly target', 'Year to date', 'Of target', 'Definition'],
} as const;

const problemHeaders = { 'zh-CN': ['指标', '问题', '本期', '上期'], 'en-US': ['Indicator', 'Problem', 'This period', 'Previous period'] } as const;
const problemSheet = { 'zh-CN': '问题', 'en-US': 'Problems' } as const;
const problemTexts = {
  decline: { 'zh-CN': '较上期下降', 'en-US': 'Lower than the previous period' },
  behindPlan: { 'zh-CN': '年累计落后于年度目标进度', 'en-US': 'Year to date behind the yearly target’s pace' },
  lowRate: { 'zh-CN': '低于 90%', 'en-US': 'Below 90%' },
} as const;

/** The figure as the report prints it: rates as percentages, the rest as whole numbers. */
const shown = (figure: Figure, value: number | null) => (value === null ? '' : figure.unit === 'rate' ? `${(value * 100).toFixed(1)}%` : value);

/**
 * The monthly or quarterly talent-work report (人才工作月报/季报) as a workbook: one sheet per section — 引才, 育才, 用才,
 * 留才 — then 问题; the numbers are the dashboard's for the same period and scope (one call of `dashboardOf`). Audited.
 */
export async function reportWorkbook(executor: Executor, actor: Actor, user: SessionUser, period: string, language: Language) {
  const dashboard = await dashboardOf(executor, user, period);
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'TalentZone';
  for (const group of indicatorGroups) {
    const figures = dashboard.indicators.filter((figure) => figure.group === group);
    if (figures.length === 0) continue;
    addSection(workbook.addWorksheet(indicatorGroupNames[group][language], { views: [{ state: 'frozen', ySplit: 1 }] }), group, figures, language);
  }
  const problems = workbook.addWorksheet(problemSheet[language], { views: [{ state: 'frozen', ySplit: 1 }] });
  problems.columns = problemHeaders[language].map((header, index) => ({ header, width: index === 1 ? 36 : 18 }));
  problems.getRow(1).font = { bold: true };
  for (const { figure, problem } of problemsOf(dashboard.indicators, dashboard.to)) {
    problems.addRow([indicatorNames[figure.code][language], problemTexts[problem][language], shown(figure, figure.value), shown(figure, figure.previousValue)]);
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await recordAudit(executor, actor, { action: 'dashboard.report', targetType: 'dashboard', targetId: dashboard.period, changes: { period: dashboard.period, scope: dashboard.scope } });
  return { bytes, period: dashboard.period };
}

function addSection(sheet: import('exceljs').Worksheet, _group: IndicatorGroup, figures: Figure[], language: Language) {
  sheet.columns = headers[language].map((header, index) => ({ header, width: index === 0 ? 26 : index === 7 ? 60 : 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const figure of figures) {
    const plan = figure.plan;
    sheet.addRow([
      indicatorNames[figure.code][language],
      shown(figure, figure.value),
      shown(figure, figure.previousValue),
      figure.unit === 'rate' || figure.change === null ? '' : figure.change,
      plan ? plan.target : '',
      plan ? plan.yearToDate : '',
      plan && plan.target > 0 ? `${((plan.yearToDate / plan.target) * 100).toFixed(1)}%` : '',
      indicatorDefinitions[figure.code][language],
    ]);
  }
}
