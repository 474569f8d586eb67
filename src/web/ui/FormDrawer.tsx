import { Alert, Button, Drawer, Grid, Space } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FormDrawerProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** The drawer's width from the `wideFrom` breakpoint on; the whole screen below it. */
  width: number;
  wideFrom?: 'sm' | 'md';
  saving: boolean;
  onSave: () => void;
  saveLabel?: string;
  saveTestId: string;
  children: ReactNode;
};

/** A form in a drawer: the form's width on wide screens, the whole screen on narrow ones; cancel and save below. */
export function FormDrawer({ open, onClose, title, width, wideFrom = 'md', saving, onSave, saveLabel, saveTestId, children }: FormDrawerProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={screens[wideFrom] ? width : '100%'}
      forceRender
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={onSave} data-testid={saveTestId}>
            {saveLabel ?? t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}

type FormErrorAlertProps = {
  /** The form's save state (useFormSave). */
  save: { form: { getFieldsError: () => { errors: string[] }[] }; error: string | null; conflict: boolean; reset: () => void };
  testId: string;
  /** Reloads the record after a version conflict (the message then goes away). */
  onReload?: () => Promise<unknown>;
  reloadLabel?: string;
  reloadTestId?: string;
  conflictHelp?: string;
};

/**
 * What the server or the schema said that belongs to no field, above the form; after a version conflict, a reload.
 * The message is scrolled into sight unless the messages went onto fields (the form then scrolls to the first).
 */
export function FormErrorAlert({ save, testId, onReload, reloadLabel, reloadTestId, conflictHelp }: FormErrorAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { form, error, conflict, reset } = save;
  useEffect(() => {
    if (error && form.getFieldsError().every((field) => field.errors.length === 0)) ref.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [error, form]);
  const reload = async () => {
    await onReload?.();
    reset();
  };
  return (
    <>
      <div ref={ref} />
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          description={conflict ? conflictHelp : undefined}
          action={
            conflict && onReload && reloadLabel ? (
              <Button size="small" onClick={() => void reload()} data-testid={reloadTestId}>
                {reloadLabel}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
          data-testid={testId}
        />
      ) : null}
    </>
  );
}
