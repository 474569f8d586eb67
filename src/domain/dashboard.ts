/**
 * The zone dashboard's indicators (工作台 / 数据大屏 / 月报季报): pure definitions shared by server and web. Each indicator
 * belongs to one of the source's four sections (引才 育才 用才 留才), is counted from records (its 口径 is a label in the
 * locale files, `dashboard.definition.<code>`), and names the list of records behind it with that list's filters for a
 * period (`indicatorLink`), so the figure and the list agree.
 */
export const indicatorGroups = ['attract', 'develop', 'employ', 'retain'] as const;
export type IndicatorGroup = (typeof indicatorGroups)[number];

/** count: people or records; yuan: money; rate: a share 0–1; signed: a difference that may be negative. */
export type IndicatorUnit = 'count' | 'yuan' | 'rate' | 'signed';

export const indicators = [
  { code: 'masters', group: 'attract', unit: 'count' },
  { code: 'doctorates', group: 'attract', unit: 'count' },
  { code: 'executives', group: 'attract', unit: 'count' },
  { code: 'teams', group: 'attract', unit: 'count' },
  { code: 'experts', group: 'attract', unit: 'count' },
  { code: 'arrivals', group: 'attract', unit: 'count' },
  { code: 'universities', group: 'develop', unit: 'count' },
  { code: 'trained', group: 'develop', unit: 'count' },
  { code: 'technicians', group: 'develop', unit: 'count' },
  { code: 'interns', group: 'develop', unit: 'count' },
  { code: 'conversions', group: 'develop', unit: 'count' },
  { code: 'titlesDeclared', group: 'develop', unit: 'count' },
  { code: 'titlesPassed', group: 'develop', unit: 'count' },
  { code: 'subsidiesPaid', group: 'employ', unit: 'yuan' },
  { code: 'subsidyPayments', group: 'employ', unit: 'count' },
  { code: 'loans', group: 'employ', unit: 'count' },
  { code: 'loanAmount', group: 'employ', unit: 'yuan' },
  { code: 'enterprisesServed', group: 'employ', unit: 'count' },
  { code: 'moveIns', group: 'retain', unit: 'count' },
  { code: 'requestsHandled', group: 'retain', unit: 'count' },
  { code: 'onTimeRate', group: 'retain', unit: 'rate' },
  { code: 'satisfaction', group: 'retain', unit: 'rate' },
  { code: 'departures', group: 'retain', unit: 'count' },
  { code: 'netFlow', group: 'retain', unit: 'signed' },
] as const satisfies readonly { code: string; group: IndicatorGroup; unit: IndicatorUnit }[];

export type IndicatorCode = (typeof indicators)[number]['code'];
export const indicatorCodes = indicators.map((indicator) => indicator.code) as [IndicatorCode, ...IndicatorCode[]];

/** The indicators an enterprise account sees, counted from its own records (its staff, its executives, its declarations). */
export const enterpriseIndicators: readonly IndicatorCode[] = ['masters', 'doctorates', 'arrivals', 'executives', 'titlesDeclared', 'titlesPassed', 'departures', 'netFlow'];

/** The indicators a year's plan may set (a target makes no sense for a rate or a difference). */
export const plannedIndicators: readonly IndicatorCode[] = indicators.filter((indicator) => indicator.unit === 'count' || indicator.unit === 'yuan').map((indicator) => indicator.code);

export type PeriodKind = 'month' | 'quarter' | 'year';
/** A period: `2026`, `2026-Q4` or `2026-11`. */
export const periodPattern = /^(\d{4})(?:-(Q[1-4]|0[1-9]|1[0-2]))?$/;

export type PeriodRange = {
  period: string;
  kind: PeriodKind;
  year: number;
  /** first and last day, ISO dates (Beijing), both included */
  from: string;
  to: string;
  /** the months it covers, `YYYY-MM` */
  months: string[];
  /** the period before it, of the same kind */
  previous: string;
};

const pad = (value: number) => String(value).padStart(2, '0');
const monthKey = (year: number, month: number) => `${year}-${pad(month)}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The range of a period (null when the text is not one). */
export function periodRange(period: string): PeriodRange | null {
  const match = periodPattern.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  const part = match[2];
  let kind: PeriodKind;
  let first: number;
  let count: number;
  let previous: string;
  if (!part) {
    kind = 'year';
    first = 1;
    count = 12;
    previous = String(year - 1);
  } else if (part.startsWith('Q')) {
    kind = 'quarter';
    const quarter = Number(part.slice(1));
    first = (quarter - 1) * 3 + 1;
    count = 3;
    previous = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  } else {
    kind = 'month';
    first = Number(part);
    count = 1;
    previous = first === 1 ? `${year - 1}-12` : monthKey(year, first - 1);
  }
  const months = Array.from({ length: count }, (_, index) => monthKey(year, first + index));
  const lastMonth = first + count - 1;
  return { period, kind, year, from: `${months[0]}-01`, to: `${monthKey(year, lastMonth)}-${pad(lastDay(year, lastMonth))}`, months, previous };
}

/** The period of a kind holding a Beijing date (`2026-11-15` → `2026-11`, `2026-Q4`, `2026`). */
export function periodOf(kind: PeriodKind, date: string) {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${pad(month)}`;
}

/**
 * The list behind a figure for a period: the web path and its filters (the list's own query parameters). The lists
 * read the same records with the same conditions as the dated tallies the figure comes from. `null`: no list shows
 * exactly those records yet (the figure's definition says where they are).
 */
export function indicatorLink(code: IndicatorCode, range: Pick<PeriodRange, 'from' | 'to'>, organisationId?: string): { path: string; query: Record<string, string> } | null {
  const { from, to } = range;
  const staff: Record<string, string> = organisationId ? { employer: organisationId } : {};
  switch (code) {
    case 'masters':
      return { path: '/talents', query: { ...staff, education: 'master', arrivedFrom: from, arrivedTo: to } };
    case 'doctorates':
      return { path: '/talents', query: { ...staff, education: 'doctorate', arrivedFrom: from, arrivedTo: to } };
    case 'arrivals':
    case 'netFlow':
      return { path: '/talents', query: { ...staff, arrivedFrom: from, arrivedTo: to } };
    case 'departures':
      return { path: '/talents', query: { ...staff, status: 'left', statusFrom: from, statusTo: to } };
    case 'requestsHandled':
      return { path: '/service-requests', query: { decidedFrom: from, decidedTo: to } };
    case 'onTimeRate':
      return { path: '/service-requests', query: { decidedFrom: from, decidedTo: to, timing: 'onTime' } };
    case 'satisfaction':
      return { path: '/service-requests', query: { decidedFrom: from, decidedTo: to, rating: 'satisfied' } };
    case 'executives':
      return { path: '/campaigns', query: {} };
    case 'teams':
    case 'experts':
      return { path: '/flexible-talent', query: {} };
    case 'universities':
    case 'interns':
    case 'conversions':
      return { path: '/university-cooperation', query: {} };
    case 'trained':
    case 'technicians':
      return { path: '/training', query: {} };
    case 'titlesDeclared':
    case 'titlesPassed':
      return { path: '/title-evaluations', query: {} };
    case 'subsidiesPaid':
    case 'subsidyPayments':
      return { path: '/ledger', query: {} };
    case 'loans':
    case 'loanAmount':
      return { path: '/loans', query: {} };
    case 'moveIns':
      return { path: '/apartments', query: {} };
    case 'enterprisesServed':
      return null;
  }
}

/** Whether the list a figure links to is filtered to exactly the figure's records (the others open the register to browse). */
export const exactLinks: readonly IndicatorCode[] = ['masters', 'doctorates', 'arrivals', 'departures', 'requestsHandled', 'onTimeRate', 'satisfaction'];

export type ReportProblem = 'decline' | 'behindPlan' | 'lowRate';
type ProblemFigure = { unit: IndicatorUnit; value: number | null; previousValue: number | null; plan: { target: number; yearToDate: number } | null };

/**
 * What the report calls a problem (问题), from the dashboard's own figures: a count lower than the previous period's, a
 * planned one behind the year's pace (year to date under the target's share of the months gone), a rate under 90 %.
 * The workbook's 问题 sheet and the printable page list the same.
 */
export function problemsOf<F extends ProblemFigure>(figures: readonly F[], to: string) {
  const monthsGone = Number(to.slice(5, 7));
  const problems: { figure: F; problem: ReportProblem }[] = [];
  for (const figure of figures) {
    if (figure.value === null) continue;
    if (figure.unit === 'rate') {
      if (figure.value < 0.9) problems.push({ figure, problem: 'lowRate' });
      continue;
    }
    if (figure.previousValue !== null && figure.value < figure.previousValue) problems.push({ figure, problem: 'decline' });
    if (figure.plan && figure.plan.yearToDate < (figure.plan.target * monthsGone) / 12) problems.push({ figure, problem: 'behindPlan' });
  }
  return problems;
}
