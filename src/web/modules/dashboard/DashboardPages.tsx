import { DesktopOutlined, DownloadOutlined, PrinterOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Popover, Progress, Row, Segmented, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { indicatorGroups, periodOf, problemsOf, type PeriodKind } from '../../../domain/dashboard';
import { isApiError } from '../../app/api';
import { BarTable } from '../home/BarTable';
import { downloadReport, fetchDashboard, fetchScreen, linkOf, type Dashboard, type Figure } from './dashboard.api';

const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The periods offered for a kind: the last 24 months, 8 quarters or 5 years, newest first. */
function periodsOf(kind: PeriodKind, today: string) {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'year') return Array.from({ length: 5 }, (_, index) => String(year - index));
  if (kind === 'quarter') {
    const quarter = Math.ceil(month / 3);
    return Array.from({ length: 8 }, (_, index) => {
      const back = quarter - 1 - index;
      const y = year + Math.floor(back / 4);
      return `${y}-Q${((back % 4) + 4) % 4 + 1}`;
    });
  }
  return Array.from({ length: 24 }, (_, index) => new Date(Date.UTC(year, month - 1 - index, 1)).toISOString().slice(0, 7));
}

function usePeriodLabel() {
  const { t } = useTranslation();
  return (period: string) => {
    const [year, part] = period.split('-');
    if (!part) return t('dashboard.year', { year });
    if (part.startsWith('Q')) return t('dashboard.quarter', { year, quarter: part.slice(1) });
    return t('dashboard.month', { year, month: Number(part) });
  };
}

/** A figure as read: counts grouped, money in yuan, rates as percentages, a difference with its sign. */
export function useFormatFigure() {
  const { t, i18n } = useTranslation();
  return (figure: Pick<Figure, 'unit'>, value: number | null) => {
    if (value === null) return t('dashboard.none');
    const number = new Intl.NumberFormat(i18n.language);
    if (figure.unit === 'rate') return `${(value * 100).toFixed(1)}%`;
    if (figure.unit === 'yuan') return `¥${number.format(value)}`;
    if (figure.unit === 'signed' && value > 0) return `+${number.format(value)}`;
    return number.format(value);
  };
}

function FigureCard({ figure }: { figure: Figure }) {
  const { t } = useTranslation();
  const format = useFormatFigure();
  const name = t(`dashboard.indicators.${figure.code}`);
  const change = figure.change;
  const changeText =
    change === null || figure.previousValue === null
      ? t('dashboard.noPrevious')
      : change === 0
        ? t('dashboard.same')
        : t(change > 0 ? 'dashboard.up' : 'dashboard.down', { value: figure.unit === 'rate' ? `${Math.abs(change * 100).toFixed(1)}%` : format({ unit: 'count' }, Math.abs(change)) });
  return (
    <Card size="small" data-testid={`figure-${figure.code}`} styles={{ body: { minHeight: 150 } }}>
      <Flex justify="space-between" align="start" gap={4}>
        <Typography.Text strong>{name}</Typography.Text>
        <Popover trigger="click" title={t('dashboard.definitionOf', { name })} content={<div style={{ maxWidth: 320 }}>{t(`dashboard.definitions.${figure.code}`)}</div>}>
          <Button type="text" size="small" icon={<QuestionCircleOutlined />} aria-label={t('dashboard.definitionOf', { name })} />
        </Popover>
      </Flex>
      <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3 }} data-testid="figure-value">
        {format(figure, figure.value)}
      </div>
      <Typography.Text type="secondary">{changeText}</Typography.Text>
      {figure.plan ? (
        <div>
          <Progress percent={figure.plan.target ? Math.round((figure.plan.yearToDate / figure.plan.target) * 100) : 0} size="small" aria-hidden />
          <Typography.Text type="secondary">
            {t('dashboard.plan', {
              target: format(figure, figure.plan.target), done: format(figure, figure.plan.yearToDate),
              share: figure.plan.target ? `${Math.round((figure.plan.yearToDate / figure.plan.target) * 100)}%` : '—',
            })}
          </Typography.Text>
        </div>
      ) : null}
      {figure.link ? (
        <div>
          <Link to={linkOf(figure.link)} data-testid="figure-link" title={figure.exact ? undefined : t('dashboard.notExact')}>
            {figure.exact ? t('dashboard.openList') : t('dashboard.browseList')}
          </Link>
        </div>
      ) : null}
    </Card>
  );
}

/** The period in the address (`?period=2026-Q4`), the current quarter by default. */
function usePeriod() {
  const [searchParams, setSearchParams] = useSearchParams();
  const today = beijingToday();
  const period = searchParams.get('period') ?? periodOf('quarter', today);
  const kind: PeriodKind = period.includes('Q') ? 'quarter' : period.length === 4 ? 'year' : 'month';
  const setPeriod = (next: string) => setSearchParams({ period: next }, { replace: true });
  return { period, kind, today, setPeriod };
}

/** 数据看板: the office's and leaders' (an enterprise's own) figures of a period, grouped 引才 育才 用才 留才. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = usePeriodLabel();
  const { period, kind, today, setPeriod } = usePeriod();
  const dashboard = useQuery({ queryKey: ['dashboard', period], queryFn: () => fetchDashboard(period), placeholderData: keepPreviousData });
  const [downloading, setDownloading] = useState(false);
  const handleKind = (next: PeriodKind) => setPeriod(periodOf(next, today));
  const handleDownload = async () => {
    setDownloading(true);
    try {
      const file = await downloadReport(period);
      void message.success(t('dashboard.downloaded', { file }));
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setDownloading(false);
    }
  };
  const data = dashboard.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2}>{t('dashboard.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{data?.scope === 'enterprise' ? t('dashboard.enterpriseDescription') : t('dashboard.description')}</Typography.Paragraph>
      </div>
      <Flex wrap gap="small" align="center" justify="space-between">
        <Flex wrap gap="small" align="center">
          <Segmented<PeriodKind>
            aria-label={t('dashboard.periodKind')}
            value={kind}
            onChange={handleKind}
            options={(['month', 'quarter', 'year'] as const).map((value) => ({ value, label: t(`dashboard.kinds.${value}`) }))}
          />
          <label htmlFor="dashboard-period">{t('dashboard.period')}</label>
          <Select id="dashboard-period" style={{ width: 200 }} value={period} onChange={setPeriod} options={periodsOf(kind, today).map((value) => ({ value, label: label(value) }))} />
        </Flex>
        <Space wrap>
          {data?.scope === 'zone' ? (
            <Link to="/dashboard/screen">
              <Button icon={<DesktopOutlined />}>{t('dashboard.screen')}</Button>
            </Link>
          ) : null}
          <Link to={`/dashboard/report?period=${period}`}>
            <Button icon={<PrinterOutlined />}>{t('dashboard.print')}</Button>
          </Link>
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void handleDownload()} data-testid="report-download">
            {t('dashboard.report')}
          </Button>
        </Space>
      </Flex>
      {data
        ? indicatorGroups.map((group) => {
            const figures = data.indicators.filter((figure) => figure.group === group);
            if (figures.length === 0) return null;
            return (
              <section key={group} aria-labelledby={`dashboard-${group}`}>
                <Typography.Title level={3} id={`dashboard-${group}`}>
                  {t(`dashboard.groups.${group}`)}
                </Typography.Title>
                <Row gutter={[12, 12]}>
                  {figures.map((figure) => (
                    <Col key={figure.code} xs={24} sm={12} lg={8} xl={6}>
                      <FigureCard figure={figure} />
                    </Col>
                  ))}
                </Row>
              </section>
            );
          })
        : null}
    </Space>
  );
}

/** The printable report (A4): the period's figures by section with their definitions, then the problems. */
export function ReportPage() {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const format = useFormatFigure();
  const [searchParams] = useSearchParams();
  const period = searchParams.get('period') ?? periodOf('month', beijingToday());
  const dashboard = useQuery({ queryKey: ['dashboard', period], queryFn: () => fetchDashboard(period) });
  const data: Dashboard | undefined = dashboard.data;
  if (!data) return null;
  const problems = problemsOf(data.indicators, data.to);
  const cell = { border: '1px solid #bbb', padding: '4px 8px', verticalAlign: 'top' } as const;
  return (
    <article className="dashboard-report">
      <style>{'@page { size: A4; margin: 15mm } @media print { .ant-layout-sider, .ant-layout-header, .no-print { display: none !important } .dashboard-report { font-size: 11pt } .dashboard-report table { page-break-inside: auto } .dashboard-report tr { page-break-inside: avoid } }'}</style>
      <Flex justify="space-between" align="center" className="no-print">
        <Link to={`/dashboard?period=${period}`}>{t('dashboard.title')}</Link>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('dashboard.print')}
        </Button>
      </Flex>
      <Typography.Title level={2}>{t('dashboard.reportTitle', { kind: t(`dashboard.kinds.${data.kind}`) })} · {label(period)}</Typography.Title>
      <Typography.Paragraph>{t('dashboard.reportPeriod', { from: data.from, to: data.to })}</Typography.Paragraph>
      {indicatorGroups.map((group) => {
        const figures = data.indicators.filter((figure) => figure.group === group);
        if (figures.length === 0) return null;
        return (
          <section key={group}>
            <Typography.Title level={3}>{t(`dashboard.groups.${group}`)}</Typography.Title>
            <table style={{ width: '100%', borderCollapse: 'collapse' }}>
              <thead>
                <tr>
                  {(['indicator', 'value', 'previous', 'plan', 'yearToDate', 'definition'] as const).map((column) => (
                    <th key={column} scope="col" style={{ ...cell, textAlign: 'left' }}>
                      {t(`dashboard.columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {figures.map((figure) => (
                  <tr key={figure.code}>
                    <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 500 }}>{t(`dashboard.indicators.${figure.code}`)}</th>
                    <td style={cell}>{format(figure, figure.value)}</td>
                    <td style={cell}>{format(figure, figure.previousValue)}</td>
                    <td style={cell}>{figure.plan ? format(figure, figure.plan.target) : ''}</td>
                    <td style={cell}>{figure.plan ? format(figure, figure.plan.yearToDate) : ''}</td>
                    <td style={{ ...cell, fontSize: '0.9em' }}>{t(`dashboard.definitions.${figure.code}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
      <section>
        <Typography.Title level={3}>{t('dashboard.reportProblems')}</Typography.Title>
        {problems.length === 0 ? (
          <Typography.Paragraph>{t('dashboard.reportNoProblems')}</Typography.Paragraph>
        ) : (
          <ul>
            {problems.map(({ figure, problem }) => (
              <li key={`${figure.code}-${problem}`}>
                {t(`dashboard.indicators.${figure.code}`)}：
                {problem === 'decline'
                  ? t('dashboard.reportDecline', { from: format(figure, figure.previousValue), to: format(figure, figure.value) })
                  : problem === 'behindPlan'
                    ? t('dashboard.reportBehind', { done: format(figure, figure.plan?.yearToDate ?? 0), target: format(figure, figure.plan?.target ?? 0) })
                    : t('dashboard.reportLowRate')}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

const screenColours = { background: '#0b1526', panel: '#13223a', text: '#f2f6fc', muted: '#b8c7dc', accent: '#5cc8ff', out: '#ffb86b' };

/** The zone's platforms as a schematic: a ring of labelled nodes around the zone, each with its tenants and talents. */
function PlatformSchematic({ platforms }: { platforms: { id: string; name: string; tenants: number; talents: number }[] }) {
  const { t } = useTranslation();
  const shown = platforms.slice(0, 8);
  const width = 820;
  const height = 420;
  const cx = width / 2;
  const cy = height / 2;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" height="100%" role="img" aria-labelledby="schematic-title">
      <title id="schematic-title">{t('dashboard.screenPlatforms')}</title>
      <ellipse cx={cx} cy={cy} rx={90} ry={50} fill={screenColours.accent} opacity={0.25} stroke={screenColours.accent} />
      <text x={cx} y={cy + 8} textAnchor="middle" fill={screenColours.text} fontSize={24} fontWeight={600}>{t('dashboard.screenZone')}</text>
      {shown.map((platform, index) => {
        const angle = (index / Math.max(1, shown.length)) * Math.PI * 2 - Math.PI / 2;
        const x = cx + Math.cos(angle) * 300;
        const y = cy + Math.sin(angle) * 150;
        return (
          <g key={platform.id}>
            <line x1={cx} y1={cy} x2={x} y2={y} stroke={screenColours.muted} strokeDasharray="4 4" opacity={0.6} />
            <rect x={x - 105} y={y - 30} width={210} height={60} rx={8} fill={screenColours.panel} stroke={screenColours.accent} />
            <text x={x} y={y - 8} textAnchor="middle" fill={screenColours.text} fontSize={16}>{platform.name.length > 12 ? `${platform.name.slice(0, 12)}…` : platform.name}</text>
            <text x={x} y={y + 16} textAnchor="middle" fill={screenColours.muted} fontSize={14}>
              {t('dashboard.screenTenants', { count: platform.tenants })} · {t('dashboard.screenTalents', { count: platform.talents })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const screenFigures = ['masters', 'doctorates', 'executives', 'experts', 'trained', 'subsidiesPaid', 'loans', 'requestsHandled', 'onTimeRate', 'satisfaction', 'departures', 'netFlow'] as const;

/** 数据大屏: dark, full screen (1920×1080 without scrolling), one request a minute, readable from the back of a room. */
export function ScreenPage() {
  const { t, i18n } = useTranslation();
  const format = useFormatFigure();
  const screen = useQuery({ queryKey: ['dashboard-screen'], queryFn: fetchScreen, refetchInterval: 60_000, placeholderData: keepPreviousData });
  useEffect(() => {
    const previous = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = previous;
    };
  }, []);
  const data = screen.data;
  const panel = { background: screenColours.panel, borderRadius: 10, padding: '12px 18px', color: screenColours.text } as const;
  const figureBlock = (board: Dashboard, code: (typeof screenFigures)[number]) => {
    const figure = board.indicators.find((entry) => entry.code === code);
    if (!figure) return null;
    return (
      <div key={code} style={{ ...panel, padding: '10px 14px' }}>
        <div style={{ color: screenColours.muted, fontSize: 18 }}>{t(`dashboard.indicators.${code}`)}</div>
        <div style={{ fontSize: 34, fontWeight: 700 }}>{format(figure, figure.value)}</div>
      </div>
    );
  };
  return (
    <div
      data-testid="dashboard-screen"
      style={{ position: 'fixed', inset: 0, zIndex: 1000, background: screenColours.background, color: screenColours.text, padding: 24, overflow: 'hidden', display: 'flex', flexDirection: 'column', gap: 16 }}
    >
      <Flex justify="space-between" align="center">
        <h1 style={{ color: screenColours.text, fontSize: 40, margin: 0 }}>{t('dashboard.screenTitle')}</h1>
        <Flex gap={24} align="center">
          {data ? <span style={{ color: screenColours.muted, fontSize: 18 }}>{t('dashboard.screenUpdated', { time: new Date(data.at).toLocaleTimeString(i18n.language) })}</span> : null}
          <Link to="/dashboard" style={{ color: screenColours.accent, fontSize: 18 }}>{t('dashboard.screenClose')}</Link>
        </Flex>
      </Flex>
      {data ? (
        <div style={{ flex: 1, display: 'grid', gridTemplateColumns: '1fr 1.3fr 1fr', gap: 16, minHeight: 0 }}>
          <section style={{ display: 'flex', flexDirection: 'column', gap: 12, minHeight: 0 }} aria-labelledby="screen-month">
            <h2 id="screen-month" style={{ color: screenColours.accent, fontSize: 24, margin: 0 }}>{t('dashboard.screenMonth')}</h2>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>{screenFigures.map((code) => figureBlock(data.month, code))}</div>
          </section>
          <section style={{ display: 'flex', flexDirection: 'column', gap: 12, minHeight: 0 }}>
            <div style={{ ...panel, textAlign: 'center' }}>
              <div style={{ color: screenColours.muted, fontSize: 20 }}>{t('dashboard.screenInZone')}</div>
              <div style={{ fontSize: 64, fontWeight: 700 }}>{format({ unit: 'count' }, data.talentsByStatus.inZone ?? 0)}</div>
            </div>
            <div style={{ ...panel, flex: 1, minHeight: 0 }}>
              <h2 style={{ color: screenColours.accent, fontSize: 22, margin: 0 }}>{t('dashboard.screenPlatforms')}</h2>
              <div style={{ height: 'calc(100% - 32px)' }}>
                <PlatformSchematic platforms={data.platforms} />
              </div>
            </div>
          </section>
          <section style={{ display: 'flex', flexDirection: 'column', gap: 12, minHeight: 0 }} aria-labelledby="screen-year">
            <h2 id="screen-year" style={{ color: screenColours.accent, fontSize: 24, margin: 0 }}>{t('dashboard.screenYear')}</h2>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>{screenFigures.slice(0, 6).map((code) => figureBlock(data.year, code))}</div>
            <div style={{ ...panel, flex: 1, minHeight: 0, overflow: 'hidden' }} className="screen-trend">
              <style>{'.screen-trend, .screen-trend .ant-typography, .screen-trend th, .screen-trend td { color: #f2f6fc !important; font-size: 15px }'}</style>
              <BarTable
                caption={t('dashboard.screenTrend')}
                layout="inline"
                bars={data.trend.slice(-8).map((row) => ({
                  key: row.month,
                  label: row.month,
                  value: row.arrived,
                  valueText: `${t('dashboard.screenArrived')} ${row.arrived} / ${t('dashboard.screenLeft')} ${row.left}`,
                  also: { value: row.left, colour: screenColours.out },
                  colour: screenColours.accent,
                }))}
              />
            </div>
          </section>
        </div>
      ) : null}
    </div>
  );
}
