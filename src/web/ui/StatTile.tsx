import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

type StatTileProps = { title: ReactNode; value: number; suffix?: ReactNode; to?: string; testId?: string; accent?: string };

/** One figure on a dashboard; with `to`, the figure opens the records behind it. */
export function StatTile({ title, value, suffix, to, testId, accent }: StatTileProps) {
  const tile = (
    <Card size="small" hoverable={!!to} data-testid={testId} style={{ height: '100%', borderTop: accent ? `3px solid ${accent}` : undefined }}>
      <Statistic title={title} value={value} suffix={suffix} styles={{ content: { fontWeight: 600 } }} />
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
