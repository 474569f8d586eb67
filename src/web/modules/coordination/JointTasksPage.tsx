import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { jointTaskStatuses, type JointTaskStatus } from '../../../domain/coordination';
import { can } from '../../../domain/permissions';
import { currentLanguage } from '../../app/i18n';
import { FilterField } from '../../ui/FilterField';
import { FormDrawer, FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { SearchInput } from '../../ui/SearchInput';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { fetchUnits, type Unit } from '../organisations/organisations.api';
import { fetchTalents } from '../talents/talents.api';
import { createJointTask, fetchJointTasks, type JointTask } from './coordination.api';

export const jointTaskStatusColor: Record<JointTaskStatus, string> = { todo: 'gold', inProgress: 'blue', done: 'green', cancelled: 'default' };

export const unitName = (unit: { name: string; nameEn: string }) => (currentLanguage() === 'en-US' ? unit.nameEn : unit.name);

/** 协同任务: the joint tasks one may see (a unit: those it owns or helps on), filtered by status, unit and overdue; raising one. */
export function JointTasksPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useListPage();
  const status = list.oneOf<JointTaskStatus>('status', jointTaskStatuses);
  const unitId = list.param('unitId');
  const q = list.param('q');
  const overdue = list.param('overdue') === 'true' ? ('true' as const) : undefined;
  const query = { status, unitId, q, overdue, page: list.page, pageSize: list.pageSize };
  const tasks = useQuery({ queryKey: ['joint-tasks', query], queryFn: () => fetchJointTasks(query), placeholderData: keepPreviousData });
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits, staleTime: 300_000 });
  const [raising, setRaising] = useState(false);

  const columns: TableColumnsType<JointTask> = [
    { key: 'title', title: t('coordination.columns.title'), render: (_, task) => <Link to={`/joint-tasks/${task.id}`}>{task.title}</Link> },
    { key: 'owner', title: t('coordination.columns.owner'), render: (_, task) => unitName(task.owner) },
    { key: 'subject', title: t('coordination.columns.subject'), responsive: ['xl'], render: (_, task) => [task.talent?.name, task.enterprise?.name].filter(Boolean).join(' · ') || '—' },
    {
      key: 'dueOn', title: t('coordination.columns.dueOn'),
      render: (_, task) => (task.overdue ? <Typography.Text type="danger">{formatDate(task.dueOn)} · {t('coordination.overdue')}</Typography.Text> : formatDate(task.dueOn)),
    },
    { key: 'progress', title: t('coordination.columns.progress'), responsive: ['lg'], render: (_, task) => t('coordination.progress', { done: task.helpersDone, total: task.helpersTotal }) },
    { key: 'status', title: t('coordination.columns.status'), render: (_, task) => <Tag color={jointTaskStatusColor[task.status]}>{t(`coordination.statuses.${task.status}`)}</Tag> },
  ];

  return (
    <>
      <PageHeader title={t('coordination.title')} description={t('coordination.description')} />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="bottom">
          <Col xs={24} lg={7}>
            <SearchInput value={q} placeholder={t('coordination.search')} onSearch={(value) => list.filter({ q: value })} data-testid="joint-tasks-search" />
          </Col>
          <Col xs={12} lg={4}>
            <FilterField label={t('coordination.status')}>
              <Select allowClear value={status} placeholder={t('coordination.status')} options={jointTaskStatuses.map((value) => ({ value, label: t(`coordination.statuses.${value}`) }))} onChange={(value?: string) => list.filter({ status: value })} style={{ width: '100%' }} data-testid="joint-tasks-status" />
            </FilterField>
          </Col>
          <Col xs={12} lg={5}>
            <FilterField label={t('coordination.unit')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} value={unitId} placeholder={t('coordination.unit')} options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unitName(unit) }))} onChange={(value?: string) => list.filter({ unitId: value })} style={{ width: '100%' }} />
            </FilterField>
          </Col>
          <Col xs={24} lg={3}>
            <Checkbox checked={Boolean(overdue)} onChange={(event) => list.filter({ overdue: event.target.checked ? 'true' : undefined })} data-testid="joint-tasks-overdue">
              {t('coordination.onlyOverdue')}
            </Checkbox>
          </Col>
          {can(user.roles, 'jointTasks.work') ? (
            <Col flex="auto" style={{ textAlign: 'right' }}>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid="joint-task-raise">
                {t('coordination.raise')}
              </Button>
            </Col>
          ) : null}
        </Row>
        <ListTable<JointTask> list={list} query={tasks} columns={columns} />
      </Card>
      {raising ? <RaiseDrawer units={units.data ?? []} onClose={() => setRaising(false)} /> : null}
    </>
  );
}

/** Talents in the zone, found by name as one types. */
function TalentSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const talents = useQuery({ queryKey: ['talents', 'joint-task', q], queryFn: () => fetchTalents({ q: q || undefined, status: 'inZone', page: 1, pageSize: 20 }), enabled: q.length > 0 });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      placeholder={t('coordination.form.talentPlaceholder')}
      notFoundContent={talents.isFetching ? <Spin size="small" /> : null}
      options={(talents.data?.items ?? []).map((talent) => ({ value: talent.id, label: talent.employerName ? `${talent.name} · ${talent.employerName}` : talent.name }))}
      data-testid="joint-task-talent"
    />
  );
}

type RaiseValues = {
  title: string; description?: string; ownerUnitId: string; helpers: { unitId: string; part?: string }[]; talentId?: string; enterpriseId?: string | null;
  deadlineKind: 'date' | 'workingDays'; dueOn?: dayjs.Dayjs; workingDays?: number;
};

function RaiseDrawer({ units, onClose }: { units: Unit[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RaiseValues>();
  const save = useFormSave(form, ['title', 'description', 'ownerUnitId', 'helpers', 'talentId', 'enterpriseId', 'dueOn', 'workingDays']);
  const deadlineKind = Form.useWatch('deadlineKind', form) ?? 'workingDays';
  const office = user.roles.includes('office');
  const unitOptions = units.map((unit) => ({ value: unit.id, label: unitName(unit) }));
  const send = useMutation({
    mutationFn: (values: RaiseValues) =>
      createJointTask({
        title: values.title.trim(),
        description: values.description?.trim() ?? '',
        ownerUnitId: values.ownerUnitId,
        helpers: values.helpers.map((helper) => ({ unitId: helper.unitId, part: helper.part?.trim() ?? '' })),
        talentId: values.talentId ?? null,
        enterpriseId: values.enterpriseId ?? null,
        ...(values.deadlineKind === 'date' ? { dueOn: values.dueOn?.format('YYYY-MM-DD') ?? null } : { workingDays: values.workingDays ?? null }),
      }),
    onSuccess: (task) => {
      void message.success(t('coordination.raised'));
      void queryClient.invalidateQueries({ queryKey: ['joint-tasks'] });
      onClose();
      void navigate(`/joint-tasks/${task.id}`);
    },
    onError: save.refused,
  });
  const initial: Partial<RaiseValues> = { ownerUnitId: office ? undefined : (user.unitId ?? undefined), helpers: [{ unitId: '', part: '' }], deadlineKind: 'workingDays', workingDays: 10 };
  return (
    <FormDrawer open onClose={onClose} title={t('coordination.raise')} width={640} saving={send.isPending} onSave={() => form.submit()} saveTestId="joint-task-save">
      <Form form={form} name="joint-task" layout="vertical" initialValues={initial} onFinish={(values) => { save.reset(); send.mutate(values); }}>
        <FormErrorAlert save={save} testId="joint-task-error" />
        <Form.Item name="title" label={t('coordination.form.title')} rules={[{ required: true, whitespace: true, message: t('coordination.required') }]}>
          <Input maxLength={80} placeholder={t('coordination.form.titlePlaceholder')} data-testid="joint-task-title" />
        </Form.Item>
        <Form.Item name="description" label={t('coordination.form.description')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="joint-task-description" />
        </Form.Item>
        <Form.Item name="ownerUnitId" label={t('coordination.form.owner')} rules={[{ required: true, message: t('coordination.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} disabled={!office} options={unitOptions} data-testid="joint-task-owner" />
        </Form.Item>
        <Form.List name="helpers">
          {(fields, { add, remove }) => (
            <Form.Item label={t('coordination.form.helpers')} required>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'unitId']} rules={[{ required: true, message: t('coordination.required') }]} style={{ width: 240, marginBottom: 8 }}>
                    <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('coordination.form.helperUnit')} aria-label={t('coordination.form.helperUnit')} options={unitOptions} data-testid={`joint-task-helper-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'part']} style={{ width: 260, marginBottom: 8 }}>
                    <Input maxLength={500} placeholder={t('coordination.form.part')} aria-label={t('coordination.form.part')} data-testid={`joint-task-part-${index}`} />
                  </Form.Item>
                  {fields.length > 1 ? <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('coordination.form.removeHelper')} onClick={() => remove(field.name)} /> : null}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ unitId: undefined, part: '' })} data-testid="joint-task-add-helper">
                {t('coordination.form.addHelper')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="talentId" label={t('coordination.form.talent')}>
              <TalentSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="enterpriseId" label={t('coordination.form.enterprise')}>
              <EnterpriseSelect testId="joint-task-enterprise" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="deadlineKind" label={t('coordination.form.deadlineKind')}>
          <Radio.Group optionType="button" options={[{ value: 'workingDays', label: t('coordination.form.byWorkingDays') }, { value: 'date', label: t('coordination.form.byDate') }]} />
        </Form.Item>
        {deadlineKind === 'date' ? (
          <Form.Item name="dueOn" label={t('coordination.form.dueOn')} rules={[{ required: true, message: t('coordination.required') }]}>
            <DatePicker data-testid="joint-task-due" />
          </Form.Item>
        ) : (
          <Form.Item name="workingDays" label={t('coordination.form.workingDays')} rules={[{ required: true, message: t('coordination.required') }]}>
            <InputNumber min={1} max={120} data-testid="joint-task-working-days" />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
