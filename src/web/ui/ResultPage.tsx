import { Button, Result } from 'antd';
import { Link } from 'react-router';

type ResultPageProps = { status: 403 | 404; title: string; description: string; homeLabel: string };

/** A full-page answer for "no such page" (404) and "not for your role" (403), with a way back home. */
export function ResultPage({ status, title, description, homeLabel }: ResultPageProps) {
  return (
    <Result
      status={status === 403 ? '403' : '404'}
      title={title}
      subTitle={description}
      extra={
        <Link to="/">
          <Button type="primary">{homeLabel}</Button>
        </Link>
      }
    />
  );
}
