import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DayKind } from '../../../domain/calendar';
import { currentLanguage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { fetchCalendarYear, fetchJobRuns, fetchOverrides, removeOverride, type CalendarDay, type CalendarOverride, type JobRun } from './calendar.api';
import { CalendarDayDrawer } from './CalendarDayDrawer';

/** Colours of the day kinds, each text at least 4.5:1 on its background. */
const kindStyles: Record<DayKind, CSSProperties> = {
  workday: { background: '#fff', color: '#1f1f1f' },
  weekend: { background: '#f5f5f5', color: '#4a4a4a' },
  holiday: { background: '#fff1f0', color: '#a8071a', fontWeight: 600 },
  makeUp: { background: '#fff7e6', color: '#873800', fontWeight: 600 },
};
const officeOutline: CSSProperties = { boxShadow: 'inset 0 0 0 2px #0958d9' };

const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** Monday-first weekday names and month names in the interface language (the browser's own calendar texts). */
function useCalendarNames() {
  const language = currentLanguage();
  return useMemo(() => {
    const monday = Date.UTC(2024, 0, 1);
    const weekday = (style: 'narrow' | 'long') => new Intl.DateTimeFormat(language, { weekday: style, timeZone: 'UTC' });
    const days = Array.from({ length: 7 }, (_, index) => new Date(monday + index * 86_400_000));
    return {
      weekdays: days.map((day) => weekday('narrow').format(day)),
      weekdayNames: days.map((day) => weekday('long').format(day)),
      months: Array.from({ length: 12 }, (_, index) => new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, index, 1)))),
      longDate: (date: string) => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)),
    };
  }, [language]);
}

type MonthProps = { year: number; month: number; days: Map<string, CalendarDay>; onPick: (day: CalendarDay) => void; label: (day: CalendarDay) => string };

/** One month as a table: weeks in rows, Monday first; each day a button that opens its change. */
function Month({ year, month, days, onPick, label }: MonthProps) {
  const names = useCalendarNames();
  const first = new Date(Date.UTC(year, month, 1));
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (CalendarDay | null)[] = [...Array.from({ length: lead }, () => null)];
  for (let date = 1; date <= length; date += 1) cells.push(days.get(`${year}-${String(month + 1).padStart(2, '0')}-${String(date).padStart(2, '0')}`) ?? null);
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, index) => cells.slice(index * 7, index * 7 + 7));
  return (
    <table style={{ borderCollapse: 'separate', borderSpacing: 2, width: '100%', tableLayout: 'fixed' }} data-testid={`calendar-month-${month + 1}`}>
      <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, padding: '0 0 4px 2px' }}>{names.months[month]}</caption>
      <thead>
        <tr>
          {names.weekdays.map((name, index) => (
            <th key={index} scope="col" style={{ fontWeight: 400, fontSize: 12, color: '#4a4a4a' }}>
              <abbr title={names.weekdayNames[index]} style={{ textDecoration: 'none' }}>{name}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, index) => (
          <tr key={index}>
            {week.map((day, column) => (
              <td key={column} style={{ padding: 0 }}>
                {day ? (
                  <button
                    type="button"
                    onClick={() => onPick(day)}
                    aria-label={label(day)}
                    title={label(day)}
                    data-kind={day.kind}
                    data-testid={`calendar-day-${day.date}`}
                    style={{ width: '100%', height: 30, border: 0, borderRadius: 4, cursor: 'pointer', fontSize: 13, padding: 0, ...kindStyles[day.kind], ...(day.source === 'office' ? officeOutline : {}) }}
                  >
                    {Number(day.date.slice(8))}
                  </button>
                ) : null}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 工作日历: a year's months with holidays, make-up working days and the office's changes; the daily jobs' last runs. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const names = useCalendarNames();
  const english = currentLanguage() === 'en-US';
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('year'));
  const year = Number.isInteger(requested) && requested >= 2004 && requested <= 2099 ? requested : thisYear();
  const [editing, setEditing] = useState<{ day: CalendarDay | null } | null>(null);

  const calendar = useQuery({ queryKey: ['calendar', 'days', year], queryFn: () => fetchCalendarYear(year) });
  const overrides = useQuery({ queryKey: ['calendar', 'overrides', year], queryFn: () => fetchOverrides(year) });
  const jobs = useQuery({ queryKey: ['calendar', 'jobs'], queryFn: fetchJobRuns });
  const days = useMemo(() => new Map((calendar.data?.days ?? []).map((day) => [day.date, day])), [calendar.data]);
  const overrideOf = (date: string) => overrides.data?.items.find((item) => item.date === date) ?? null;

  const kindLabel = (kind: DayKind) => t(`calendar.kinds.${kind}`);
  const dayName = (day: { name: string | null; nameEn: string | null }) => (english ? (day.nameEn ?? day.name) : day.name);
  const label = (day: CalendarDay) => {
    const kind = day.source === 'office' ? t('calendar.kindByOffice', { kind: kindLabel(day.kind) }) : kindLabel(day.kind);
    const name = dayName(day);
    return name ? t('calendar.dayLabelNamed', { date: names.longDate(day.date), name, kind }) : t('calendar.dayLabel', { date: names.longDate(day.date), kind });
  };
  const statusOf = (date: string) => {
    const day = days.get(date);
    return day ? label(day) : date;
  };

  const remove = useMutation({
    mutationFn: removeOverride,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      void message.success(t('calendar.overrides.removed'));
    },
    onError: (error) => void message.error(error.message),
  });

  const years = Array.from({ length: 6 }, (_, index) => thisYear() - 3 + index);
  const uncovered = calendar.data && year > calendar.data.packageYears.to && !overrides.data?.items.length;

  const overrideColumns: TableColumnsType<CalendarOverride> = [
    { key: 'date', title: t('calendar.overrides.date'), dataIndex: 'date', width: 120 },
    { key: 'kind', title: t('calendar.overrides.kind'), dataIndex: 'kind', width: 160, render: (kind: CalendarOverride['kind']) => t(`calendar.form.kinds.${kind}`) },
    { key: 'name', title: t('calendar.overrides.name'), render: (_, item) => dayName(item) },
    { key: 'note', title: t('calendar.overrides.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
    {
      key: 'actions',
      title: t('calendar.overrides.actions'),
      width: 160,
      render: (_, item) => (
        <Space>
          <Button size="small" onClick={() => setEditing({ day: days.get(item.date) ?? null })}>
            {t('calendar.overrides.edit')}
          </Button>
          <Popconfirm title={t('calendar.overrides.removeConfirm', { date: item.date })} onConfirm={() => remove.mutate(item.date)}>
            <Button size="small" danger data-testid={`calendar-remove-${item.date}`}>
              {t('calendar.overrides.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const jobColumns: TableColumnsType<JobRun> = [
    { key: 'runDate', title: t('calendar.jobs.runDate'), dataIndex: 'runDate', width: 120 },
    { key: 'job', title: t('calendar.jobs.job'), dataIndex: 'job', render: (job: string) => (['policyScans', 'escalation', 'uploadCleanup', 'executiveTerms'].includes(job) ? t(`calendar.jobs.names.${job as 'escalation'}`) : job) },
    {
      key: 'status',
      title: t('calendar.jobs.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: JobRun['status']) => <Tag color={status === 'done' ? 'success' : status === 'failed' ? 'error' : 'processing'}>{t(`calendar.jobs.statuses.${status}`)}</Tag>,
    },
    { key: 'attempts', title: t('calendar.jobs.attempts'), dataIndex: 'attempts', width: 100, align: 'right' },
    { key: 'finishedAt', title: t('calendar.jobs.finishedAt'), dataIndex: 'finishedAt', width: 160, render: (value: string | null) => formatDateTime(value) },
    { key: 'detail', title: t('calendar.jobs.detail'), render: (_, run) => jobDetail(run) },
  ];
  function jobDetail(run: JobRun) {
    if (run.error) return run.error;
    const result = run.result ?? {};
    if (Array.isArray(result.scans)) return t('calendar.jobs.counts.scans', { count: result.scans.length });
    if (typeof result.escalated === 'number') return t('calendar.jobs.counts.escalated', { count: result.escalated });
    if (typeof result.removedUploads === 'number') return t('calendar.jobs.counts.removedUploads', { count: result.removedUploads });
    return '';
  }

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.description')}
        extra={
          <Space wrap>
            <label htmlFor="calendar-year">{t('calendar.year')}</label>
            <Select<number>
              id="calendar-year"
              value={year}
              onChange={(value) => setParams({ year: String(value) })}
              options={years.map((value) => ({ value, label: String(value) }))}
              style={{ width: 100 }}
              data-testid="calendar-year"
            />
            <Button type="primary" onClick={() => setEditing({ day: null })} data-testid="calendar-adjust">
              {t('calendar.adjust')}
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        {calendar.isError ? <ErrorAlert message={calendar.error.message} retryLabel={t('common.retry')} onRetry={() => void calendar.refetch()} /> : null}
        {uncovered ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('calendar.notCovered', { year, last: calendar.data.packageYears.to })} data-testid="calendar-not-covered" /> : null}
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('calendar.legend')}</Typography.Text>
          {(['workday', 'weekend', 'holiday', 'makeUp'] as const).map((kind) => (
            <Flex key={kind} gap={6} align="center">
              <span aria-hidden style={{ display: 'inline-block', width: 18, height: 18, borderRadius: 4, border: '1px solid #d9d9d9', ...kindStyles[kind] }} />
              <span>{kindLabel(kind)}</span>
            </Flex>
          ))}
          <Flex gap={6} align="center">
            <span aria-hidden style={{ display: 'inline-block', width: 18, height: 18, borderRadius: 4, ...officeOutline }} />
            <span>{t('calendar.byOffice')}</span>
          </Flex>
          {calendar.data ? (
            <Typography.Text type="secondary" data-testid="calendar-working-days">
              {t('calendar.workingDays', { count: calendar.data.workingDays })}
            </Typography.Text>
          ) : null}
        </Flex>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 16 }}>
          {calendar.data ? Array.from({ length: 12 }, (_, month) => <Month key={month} year={year} month={month} days={days} label={label} onPick={(day) => setEditing({ day })} />) : null}
        </div>
      </Card>
      <Card title={t('calendar.overrides.title', { year })} style={{ marginBottom: 16 }}>
        <Table<CalendarOverride>
          rowKey="date"
          size="small"
          columns={overrideColumns}
          dataSource={overrides.data?.items ?? []}
          loading={overrides.isFetching}
          pagination={false}
          locale={{ emptyText: <Typography.Text type="secondary">{t('calendar.overrides.empty')}</Typography.Text> }}
          data-testid="calendar-overrides"
        />
      </Card>
      <Card title={t('calendar.jobs.title')}>
        <Typography.Paragraph type="secondary">{t('calendar.jobs.description')}</Typography.Paragraph>
        <Table<JobRun>
          rowKey={(run) => `${run.job}:${run.runDate}`}
          size="small"
          columns={jobColumns}
          dataSource={jobs.data?.items ?? []}
          loading={jobs.isFetching}
          pagination={false}
          locale={{ emptyText: <Typography.Text type="secondary">{t('calendar.jobs.empty')}</Typography.Text> }}
          data-testid="calendar-jobs"
        />
      </Card>
      <CalendarDayDrawer
        open={editing !== null}
        day={editing?.day ?? null}
        override={editing?.day ? overrideOf(editing.day.date) : null}
        statusOf={statusOf}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
