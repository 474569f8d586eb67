import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One row of a bar chart: its label, its value as text, the bar's length; `to` opens the records behind it. */
export type Bar = {
  key: string;
  label: ReactNode;
  value: number;
  /** The value as read (with its unit); the number itself by default. */
  valueText?: ReactNode;
  /** The bar's full length (e.g. a budget); the largest value of the chart by default. */
  of?: number;
  /** A lighter part drawn behind the value (e.g. money committed behind money paid). */
  behind?: number;
  /** A second series drawn under the first (e.g. departures under arrivals). */
  also?: { value: number; colour: string };
  to?: string;
  colour?: string;
};

type BarTableProps = {
  caption?: ReactNode;
  bars: Bar[];
  header?: [ReactNode, ReactNode];
  /** `stacked`: label and value on one line, the bar under them (for long labels or values). */
  layout?: 'inline' | 'stacked';
  testId?: string;
};

/**
 * A horizontal bar chart that is a table: each row has its label and its value in text, so a screen reader (or a
 * printer without backgrounds) reads the same figures; the bars themselves are decoration (aria-hidden).
 */
export function BarTable({ caption, bars, header, layout = 'inline', testId }: BarTableProps) {
  const largest = Math.max(1, ...bars.map((bar) => Math.max(bar.value, bar.behind ?? 0, bar.also?.value ?? 0)));
  const share = (value: number, of: number) => `${Math.min(100, of > 0 ? (value / of) * 100 : 0)}%`;
  return (
    <table data-testid={testId} style={{ width: '100%', borderCollapse: 'separate', borderSpacing: '0 6px' }}>
      {caption ? (
        <caption style={{ textAlign: 'left', captionSide: 'top' }}>
          <Typography.Text type="secondary">{caption}</Typography.Text>
        </caption>
      ) : null}
      {header ? (
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left', fontWeight: 500 }}>
              {header[0]}
            </th>
            <td aria-hidden />
            <th scope="col" style={{ textAlign: 'right', fontWeight: 500, whiteSpace: 'nowrap' }}>
              {header[1]}
            </th>
          </tr>
        </thead>
      ) : null}
      <tbody>
        {bars.map((bar) => {
          const of = bar.of ?? largest;
          const label = bar.to ? <Link to={bar.to}>{bar.label}</Link> : bar.label;
          const value = <td style={{ textAlign: 'right', whiteSpace: 'nowrap', paddingLeft: 12, fontVariantNumeric: 'tabular-nums' }}>{bar.valueText ?? bar.value}</td>;
          const chart = (
            <>
              <div aria-hidden style={{ position: 'relative', height: 12, borderRadius: 6, background: '#f0f0f0', overflow: 'hidden' }}>
                {bar.behind !== undefined ? (
                  <div style={{ position: 'absolute', inset: 0, width: share(bar.behind, of), background: bar.colour ?? '#1456c8', opacity: 0.3 }} />
                ) : null}
                <div style={{ position: 'absolute', inset: 0, width: share(bar.value, of), background: bar.colour ?? '#1456c8', borderRadius: 6 }} />
              </div>
              {bar.also ? (
                <div aria-hidden style={{ position: 'relative', height: 6, marginTop: 2, borderRadius: 3, background: '#f0f0f0', overflow: 'hidden' }}>
                  <div style={{ position: 'absolute', inset: 0, width: share(bar.also.value, of), background: bar.also.colour, borderRadius: 3 }} />
                </div>
              ) : null}
            </>
          );
          const testIdOf = testId ? `${testId}-${bar.key}` : undefined;
          if (layout === 'stacked') {
            return (
              <tr key={bar.key} data-testid={testIdOf}>
                <th scope="row" style={{ textAlign: 'left', fontWeight: 400, paddingBottom: 2 }}>
                  <Flex justify="space-between" gap={12} wrap>
                    <span>{label}</span>
                    <span style={{ fontWeight: 400, fontVariantNumeric: 'tabular-nums' }}>{bar.valueText ?? bar.value}</span>
                  </Flex>
                  {chart}
                </th>
              </tr>
            );
          }
          return (
            <tr key={bar.key} data-testid={testIdOf}>
              <th scope="row" style={{ textAlign: 'left', fontWeight: 400, whiteSpace: 'nowrap', paddingRight: 12, width: '1%' }}>
                {label}
              </th>
              <td style={{ width: '100%', verticalAlign: 'middle' }}>{chart}</td>
              {value}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
