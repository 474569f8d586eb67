import { Alert, Button } from 'antd';

type ErrorAlertProps = { message: string; retryLabel?: string; onRetry?: () => void };

/** A failed load: the server's (localized) message and a retry button. */
export function ErrorAlert({ message, retryLabel, onRetry }: ErrorAlertProps) {
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      action={
        onRetry && retryLabel ? (
          <Button size="small" onClick={onRetry}>
            {retryLabel}
          </Button>
        ) : undefined
      }
    />
  );
}
