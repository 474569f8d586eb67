import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDayInput, type CalendarEntryKind } from '../../../domain/calendar';
import { FormDrawer } from '../../ui/FormDrawer';
import { useFormSave } from '../../ui/use-form-save';
import { saveOverride, type CalendarDay, type CalendarOverride } from './calendar.api';

type Values = { date: dayjs.Dayjs | null; kind: CalendarEntryKind; name: string; nameEn?: string | null; note?: string | null };
const fields = ['date', 'kind', 'name', 'nameEn', 'note'] as const;

type CalendarDayDrawerProps = {
  open: boolean;
  /** The day clicked (or none: the office picks a date), with the office's override of it if any. */
  day: CalendarDay | null;
  override: CalendarOverride | null;
  /** How a day counts now, in words (for the line under the date). */
  statusOf: (date: string) => string;
  onClose: () => void;
};

/** Makes a day a holiday or a working day (调休), or changes the office's override of it. */
export function CalendarDayDrawer({ open, day, override, statusOf, onClose }: CalendarDayDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, fields);
  const picked = Form.useWatch('date', form);

  useEffect(() => {
    if (!open) return;
    save.reset();
    form.resetFields();
    if (day) {
      form.setFieldsValue({
        date: dayjs(day.date),
        kind: override?.kind ?? (day.working ? 'holiday' : 'workday'),
        name: override?.name ?? day.name ?? '',
        nameEn: override?.nameEn ?? day.nameEn ?? '',
        note: override?.note ?? '',
      });
    } else form.setFieldsValue({ date: null, kind: 'holiday', name: '', nameEn: '', note: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filled when the drawer opens on a day, not on every render
  }, [open, day, override, form]);

  const mutation = useMutation({
    mutationFn: ({ date, ...input }: { date: string; kind: CalendarEntryKind; name: string; nameEn: string | null; note: string | null }) => saveOverride(date, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      void message.success(t('calendar.form.saved'));
      onClose();
    },
    onError: save.refused,
  });

  const handleSave = async () => {
    const values = await save.check((raw) => calendarDayInput.safeParse({ kind: raw.kind, name: raw.name, nameEn: raw.nameEn || null, note: raw.note || null }));
    if (!values?.date) {
      if (values) form.setFields([{ name: 'date', errors: [t('calendar.form.required')] }]);
      return;
    }
    mutation.mutate({ date: values.date.format('YYYY-MM-DD'), kind: values.kind, name: values.name.trim(), nameEn: values.nameEn?.trim() || null, note: values.note?.trim() || null });
  };

  const date = picked ? picked.format('YYYY-MM-DD') : null;
  const required = [{ required: true, whitespace: true, message: t('calendar.form.required') }];
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={day ? t('calendar.form.titleEdit', { date: day.date }) : t('calendar.form.titleNew')}
      width={480}
      saving={mutation.isPending}
      onSave={() => void handleSave()}
      saveLabel={t('calendar.form.save')}
      saveTestId="calendar-day-save"
    >
      <Form<Values> form={form} name="calendar-day" layout="vertical" requiredMark autoComplete="off">
        {save.error ? <Alert type="error" showIcon title={save.error} style={{ marginBottom: 16 }} data-testid="calendar-day-error" /> : null}
        <Form.Item name="date" label={t('calendar.form.date')} rules={[{ required: true, message: t('calendar.form.required') }]} extra={date ? t('calendar.form.current', { status: statusOf(date) }) : undefined}>
          <DatePicker style={{ width: '100%' }} disabled={day !== null} data-testid="calendar-day-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.form.kind')} rules={[{ required: true, message: t('calendar.form.required') }]}>
          <Radio.Group
            options={(['holiday', 'workday'] as const).map((kind) => ({ value: kind, label: t(`calendar.form.kinds.${kind}`) }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.form.name')} extra={t('calendar.form.nameHelp')} rules={required}>
          <Input maxLength={40} data-testid="calendar-day-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('calendar.form.nameEn')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="note" label={t('calendar.form.note')} extra={t('calendar.form.noteHelp')}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        {override ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('calendar.byOffice')}
          </Typography.Paragraph>
        ) : null}
      </Form>
    </FormDrawer>
  );
}
