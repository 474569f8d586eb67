import { Button, Empty } from 'antd';
import { Link } from 'react-router';

type NextStepEmptyProps = { description: string; action: string; to: string; testId?: string };

/** An empty list that says what to do next: why it is empty, and a button to the page where that begins. */
export function NextStepEmpty({ description, action, to, testId }: NextStepEmptyProps) {
  return (
    <Empty description={description} data-testid={testId}>
      <Link to={to}>
        <Button type="primary">{action}</Button>
      </Link>
    </Empty>
  );
}
