import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
  /** The actions in a row of their own below the title (a long title and many actions), not beside it. */
  actionsBelow?: boolean;
};

/** The title row of a page: title, one line of explanation, and actions on the right (below on narrow screens). */
export function PageHeader({ title, description, extra, actionsBelow = false }: PageHeaderProps) {
  const heading = (
    <div style={actionsBelow ? { minWidth: 0 } : { minWidth: 0, flex: '1 1 240px' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {description ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {description}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
  return (
    <Flex vertical={actionsBelow} justify="space-between" align={actionsBelow ? 'stretch' : 'flex-start'} gap={12} wrap={!actionsBelow} style={{ marginBottom: 16 }}>
      {heading}
      {extra ? <div style={actionsBelow ? undefined : { flex: '0 1 auto', maxWidth: '100%' }}>{extra}</div> : null}
    </Flex>
  );
}
