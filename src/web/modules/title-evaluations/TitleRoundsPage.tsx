import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Table, Tag, type ButtonProps, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { titleLevels, type TitleLevel } from '../../../domain/dictionaries';
import { can } from '../../../domain/permissions';
import { publicityDaysRange, titleRoundStatuses, type TitleRoundStatus } from '../../../domain/title-evaluations/titles';
import { currentLanguage } from '../../app/i18n';
import { FilterField } from '../../ui/FilterField';
import { FormErrorAlert } from '../../ui/FormDrawer';
import { formatDate } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useFormSave } from '../../ui/use-form-save';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchEnterprises } from '../enterprises/enterprises.api';
import { createRound, fetchRounds, fetchSeries, fetchZoneFigures, type Figures, type TitleRound, type TitleSeries } from './title-evaluations.api';

export const roundStatusColor: Record<TitleRoundStatus, string> = { declaring: 'blue', reviewing: 'gold', publicizing: 'purple', completed: 'green' };

export const useSeriesName = () => {
  const series = useQuery({ queryKey: ['title-series'], queryFn: fetchSeries, staleTime: Infinity });
  const english = currentLanguage() === 'en-US';
  return (code: string) => {
    const found = series.data?.find((row) => row.code === code);
    return found ? (english ? found.nameEn : found.name) : '';
  };
};

/** Declared and passed per series and level, with the totals, from the records. */
export function FiguresCard({ figures, title, extra }: { figures: Figures | undefined; title: string; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const seriesName = useSeriesName();
  return (
    <Card title={title} extra={extra} style={{ marginBottom: 16 }}>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={8}><Statistic title={t('titles.figures.declared')} value={figures?.declared ?? 0} /></Col>
        <Col span={8}><Statistic title={t('titles.figures.passed')} value={figures?.passed ?? 0} /></Col>
        <Col span={8}><Statistic title={t('titles.figures.enterprises')} value={figures?.enterprises ?? 0} /></Col>
      </Row>
      <Table
        size="small"
        pagination={false}
        rowKey={(row) => `${row.series}:${row.level}`}
        dataSource={figures?.bySeriesAndLevel ?? []}
        aria-label={t('titles.figures.bySeries')}
        columns={[
          { key: 'series', title: t('titles.columns.series'), render: (_, row) => seriesName(row.series) },
          { key: 'level', title: t('titles.columns.level'), render: (_, row) => t(`titles.level.${row.level}`) },
          { key: 'declared', title: t('titles.columns.declared'), dataIndex: 'declared', align: 'right' },
          { key: 'passed', title: t('titles.columns.passed'), dataIndex: 'passed', align: 'right' },
        ]}
      />
    </Card>
  );
}

/** 职称评聘: the zone's figures and the rounds; the office opens a round. */
export function TitleRoundsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manages = can(user.roles, 'titles.manage');
  const list = useListPage();
  const status = list.oneOf<TitleRoundStatus>('status', titleRoundStatuses);
  const yearParam = list.param('year');
  const year = yearParam ? Number(yearParam) : undefined;
  const query = { status, year, page: list.page, pageSize: list.pageSize };
  const rounds = useQuery({ queryKey: ['title-rounds', query], queryFn: () => fetchRounds(query), placeholderData: keepPreviousData });
  const figures = useQuery({ queryKey: ['title-figures', year], queryFn: () => fetchZoneFigures(year) });
  const [creating, setCreating] = useState(false);
  const english = currentLanguage() === 'en-US';

  const columns: TableColumnsType<TitleRound> = [
    { key: 'name', title: t('titles.columns.name'), render: (_, round) => <Link to={`/title-evaluations/${round.id}`}>{round.name}</Link> },
    { key: 'year', title: t('titles.columns.year'), dataIndex: 'year' },
    { key: 'series', title: t('titles.columns.series'), render: (_, round) => (english ? round.seriesNameEn : round.seriesName) },
    { key: 'status', title: t('titles.columns.status'), render: (_, round) => <Tag color={roundStatusColor[round.status]}>{t(`titles.roundStatus.${round.status}`)}</Tag> },
    { key: 'window', title: t('titles.columns.window'), render: (_, round) => `${formatDate(round.declareFrom)} – ${formatDate(round.declareTo)}`, responsive: ['xxl'] },
    { key: 'declared', title: t('titles.columns.declared'), dataIndex: 'declared', align: 'right' },
    { key: 'passed', title: t('titles.columns.passed'), dataIndex: 'passed', align: 'right' },
    { key: 'enterprises', title: t('titles.columns.enterprises'), dataIndex: 'enterprises', align: 'right' },
  ];

  return (
    <>
      <PageHeader
        title={t('titles.title')}
        description={t('titles.description')}
        extra={manages ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="title-round-new">{t('titles.newRound')}</Button> : null}
      />
      <FiguresCard
        figures={figures.data}
        title={year ? `${year} · ${t('titles.figures.bySeries')}` : `${t('titles.figures.allYears')} · ${t('titles.figures.bySeries')}`}
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={12} lg={5}>
            <FilterField label={t('titles.figures.year')}>
              <Select
                allowClear
                value={year}
                placeholder={t('titles.figures.allYears')}
                options={(figures.data?.years ?? []).map((value) => ({ value, label: String(value) }))}
                onChange={(value?: number) => list.filter({ year: value ? String(value) : undefined })}
                style={{ width: '100%' }}
              />
            </FilterField>
          </Col>
          <Col xs={12} lg={5}>
            <FilterField label={t('titles.statusFilter')}>
              <Select
                allowClear
                value={status}
                placeholder={t('titles.statusFilter')}
                options={titleRoundStatuses.map((value) => ({ value, label: t(`titles.roundStatus.${value}`) }))}
                onChange={(value?: string) => list.filter({ status: value })}
                style={{ width: '100%' }}
              />
            </FilterField>
          </Col>
        </Row>
        <ListTable<TitleRound> rowKey="id" list={list} query={rounds} columns={columns} />
      </Card>
      {creating ? <RoundDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}

/** Enterprises found by name as one types (an expert's enterprise, for 回避). */
function EnterpriseSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (value?: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const enterprises = useQuery({ queryKey: ['enterprises', 'title-experts', q], queryFn: () => fetchEnterprises({ q: q || undefined, page: 1, pageSize: 20 }), enabled: q.length > 0 });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      placeholder={t('titles.round.expertOrganisation')}
      options={(enterprises.data?.items ?? []).map((enterprise) => ({ value: enterprise.id, label: enterprise.name }))}
    />
  );
}

type RoundValues = {
  year: number; series: string; name: string; levels: TitleLevel[]; window: [dayjs.Dayjs, dayjs.Dayjs]; publicityDays: number; experts: { name: string; organisationId?: string }[];
};

function RoundDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RoundValues>();
  const save = useFormSave(form, ['year', 'series', 'name', 'levels', 'declareFrom', 'declareTo', 'publicityDays', 'experts']);
  const series = useQuery({ queryKey: ['title-series'], queryFn: fetchSeries, staleTime: Infinity });
  const english = currentLanguage() === 'en-US';
  const create = useMutation({
    mutationFn: (values: RoundValues) =>
      createRound({
        year: values.year, series: values.series, name: values.name.trim(), levels: values.levels, publicityDays: values.publicityDays,
        declareFrom: values.window[0].format('YYYY-MM-DD'), declareTo: values.window[1].format('YYYY-MM-DD'),
        experts: (values.experts ?? []).filter((expert) => expert?.name?.trim()).map((expert) => ({ name: expert.name.trim(), organisationId: expert.organisationId ?? null })),
      }),
    onSuccess: (round) => {
      void message.success(t('titles.round.created'));
      void queryClient.invalidateQueries({ queryKey: ['title-rounds'] });
      onClose();
      void navigate(`/title-evaluations/${round.id}`);
    },
    onError: save.refused,
  });
  const required = { required: true, message: t('titles.required') };
  return (
    <Modal open width={720} title={t('titles.newRound')} onCancel={onClose} onOk={() => form.submit()} okText={t('titles.newRound')} cancelText={t('common.cancel')} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'title-round-submit' } as ButtonProps}>
      <Form
        form={form}
        name="title-round"
        layout="vertical"
        initialValues={{ year: dayjs().year(), levels: ['intermediate', 'associateSenior'], publicityDays: 5, window: [dayjs(), dayjs().add(30, 'day')], experts: [{ name: '' }] }}
        onFinish={(values) => { save.reset(); create.mutate(values); }}
      >
        <FormErrorAlert save={save} testId="title-round-error" />
        <Row gutter={12}>
          <Col span={8}><Form.Item name="year" label={t('titles.round.year')} rules={[required]}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}>
            <Form.Item name="series" label={t('titles.round.series')} rules={[required]}>
              <Select data-testid="title-round-series" options={(series.data ?? []).map((row: TitleSeries) => ({ value: row.code, label: english ? row.nameEn : row.name }))} />
            </Form.Item>
          </Col>
          <Col span={8}><Form.Item name="publicityDays" label={t('titles.round.publicityDays')} rules={[required]}><InputNumber min={publicityDaysRange.min} max={publicityDaysRange.max} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Form.Item name="name" label={t('titles.round.name')} rules={[{ ...required, whitespace: true }]}><Input maxLength={80} data-testid="title-round-name" /></Form.Item>
        <Form.Item name="levels" label={t('titles.round.levels')} rules={[required]}>
          <Checkbox.Group options={titleLevels.map((level) => ({ value: level, label: t(`titles.level.${level}`) }))} />
        </Form.Item>
        <Form.Item name="window" label={t('titles.round.window')} rules={[required]}><DatePicker.RangePicker allowClear={false} /></Form.Item>
        <Form.List name="experts">
          {(fields, { add, remove }) => (
            <Form.Item label={t('titles.round.experts')}>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'name']} rules={[{ whitespace: true, message: t('titles.required') }]}>
                    <Input maxLength={40} placeholder={t('titles.round.expertName')} aria-label={`${t('titles.round.expertName')} ${index + 1}`} data-testid="title-expert-name" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'organisationId']} style={{ width: 320 }}>
                    <EnterpriseSelect />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('titles.round.removeExpert')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })} data-testid="title-expert-add">{t('titles.round.addExpert')}</Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
