import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

type PageHeaderProps = { title: ReactNode; description?: ReactNode; extra?: ReactNode };

/** The title row of a page: title, one line of explanation, and actions on the right (below on narrow screens). */
export function PageHeader({ title, description, extra }: PageHeaderProps) {
  return (
    <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0, flex: '1 1 240px' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {description}
          </Typography.Paragraph>
        ) : null}
      </div>
      {extra ? <div style={{ flex: '0 1 auto', maxWidth: '100%' }}>{extra}</div> : null}
    </Flex>
  );
}
