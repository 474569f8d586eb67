import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { moneyUnitLabel } from './format';

type StatTileProps = { title: ReactNode; value: number; suffix?: ReactNode; money?: boolean; to?: string; testId?: string; accent?: string };

/** One figure on a dashboard; with `to`, the figure opens the records behind it; `money` gives it the money unit (3,000 元 / ¥3,000). */
export function StatTile({ title, value, suffix, money, to, testId, accent }: StatTileProps) {
  const unit = money ? moneyUnitLabel() : undefined;
  const english = unit === '¥';
  const tile = (
    <Card size="small" hoverable={!!to} data-testid={testId} style={{ height: '100%', borderTop: accent ? `3px solid ${accent}` : undefined }}>
      <Statistic title={title} value={value} prefix={english ? unit : undefined} suffix={money ? (english ? undefined : unit) : suffix} styles={{ content: { fontWeight: 600 } }} />
    </Card>
  );
  return to ? (
    <Link to={to} style={{ display: 'block', height: '100%' }}>
      {tile}
    </Link>
  ) : (
    tile
  );
}
