import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Flex, List, Popconfirm, Progress, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../domain/permissions';
import { demandStatuses, type DemandStatus } from '../../../domain/demands';
import { isApiError } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FilterField } from '../../ui/FilterField';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { CandidateList } from './CandidateList';
import { DemandFormDrawer } from './DemandFormDrawer';
import { closeDemand, fetchCandidates, fetchDemand, fetchDemands, fetchDemandSummary, fetchDictionaries, type DemandDetail, type DemandSummary, type DemandSummaryRow } from './demands.api';

const statusColours: Record<DemandStatus, string> = { open: 'blue', partlyFilled: 'gold', filled: 'green', closed: 'default' };

/**
 * 岗位需求: the demand the user may see (enterprise HR its own) by key chain and discipline (a click filters the list),
 * by status and discipline; posting and editing a demand; a demand's fills and, for the office, its candidates with reasons.
 */
export function DemandsPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const user = useCurrentUser();
  const list = useListPage();
  const status = list.oneOf<DemandStatus>('status', demandStatuses);
  const discipline = list.param('discipline');
  const chain = list.param('chain');
  const shown = list.param('demand');
  const { page, pageSize } = list;
  const [editing, setEditing] = useState<DemandDetail | 'new' | null>(null);
  const writes = can(user.roles, 'demands.write');
  const demands = useQuery({ queryKey: ['demands', { status, discipline, chain, page, pageSize }], queryFn: () => fetchDemands({ status, discipline, chain, page, pageSize }), placeholderData: keepPreviousData });
  const dictionaries = useQuery({ queryKey: ['demand-dictionaries'], queryFn: fetchDictionaries, staleTime: Infinity });
  const named = (value: { name: string; nameEn: string }) => (english ? value.nameEn : value.name);
  const columns: TableColumnsType<DemandSummary> = [
    { key: 'post', title: t('demands.columns.post'), render: (_, item) => <Button type="link" style={{ padding: 0 }} onClick={() => list.filter({ demand: item.id })} data-testid="demand-link">{item.post}</Button> },
    { key: 'enterprise', title: t('demands.columns.enterprise'), render: (_, item) => item.enterprise.name },
    { key: 'chain', title: t('demands.columns.chain'), responsive: ['xxl'], render: (_, item) => item.chain ?? named(item.industry) },
    { key: 'discipline', title: t('demands.columns.discipline'), render: (_, item) => named(item.discipline) },
    { key: 'headcount', title: t('demands.columns.headcount'), render: (_, item) => `${item.headcount} / ${item.filled}` },
    { key: 'urgency', title: t('demands.columns.urgency'), responsive: ['xxl'], render: (_, item) => t(`demands.urgencies.${item.urgency}`) },
    { key: 'deadline', title: t('demands.columns.deadline'), responsive: ['xxl'], render: (_, item) => item.deadline ?? t('common.none') },
    { key: 'status', title: t('demands.columns.status'), render: (_, item) => <Tag color={statusColours[item.status]}>{t(`demands.statuses.${item.status}`)}</Tag> },
  ];
  return (
    <>
      <PageHeader
        title={t('demands.title')}
        description={t('demands.description')}
        extra={writes ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="demand-create">{t('demands.form.createTitle')}</Button> : undefined}
      />
      <DemandOverview selected={{ chain, discipline }} onSelect={(row) => list.filter({ chain: row?.chain ?? undefined, discipline: row?.discipline.code })} />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <FilterField label={t('demands.statusFilter')}>
            <Select<DemandStatus>
              allowClear
              value={status}
              placeholder={t('demands.statusFilter')}
              onChange={(value) => list.filter({ status: value })}
              options={demandStatuses.map((value) => ({ value, label: t(`demands.statuses.${value}`) }))}
              style={{ width: 160 }}
              data-testid="demands-status-filter"
            />
          </FilterField>
          <FilterField label={t('demands.disciplineFilter')}>
            <Select<string>
              allowClear
              value={discipline}
              placeholder={t('demands.disciplineFilter')}
              onChange={(value) => list.filter({ discipline: value })}
              options={(dictionaries.data?.disciplines ?? []).map((entry) => ({ value: entry.code, label: named(entry) }))}
              style={{ width: 180 }}
              data-testid="demands-discipline-filter"
            />
          </FilterField>
          {chain ? (
            <FilterField label={t('demands.columns.chain')}>
              <Tag closable onClose={() => list.filter({ chain: undefined })} data-testid="demands-chain-filter">{chain}</Tag>
            </FilterField>
          ) : null}
        </Flex>
        <ListTable<DemandSummary> list={list} query={demands} columns={columns} data-testid="demands-table" />
      </Card>
      <DemandDrawer id={shown} matches={can(user.roles, 'demands.match')} writes={writes} onEdit={setEditing} onClose={() => list.filter({ demand: undefined })} />
      <DemandFormDrawer
        open={editing !== null}
        demand={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          list.filter({ demand: saved.id });
        }}
      />
    </>
  );
}

/** Demand not closed by key chain and discipline: demands, headcount wanted and filled; a row filters the list below. */
function DemandOverview({ selected, onSelect }: { selected: { chain?: string; discipline?: string }; onSelect: (row: DemandSummaryRow | null) => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const summary = useQuery({ queryKey: ['demand-summary'], queryFn: fetchDemandSummary });
  const isSelected = (row: DemandSummaryRow) => row.chain === selected.chain && row.discipline.code === selected.discipline;
  const columns: TableColumnsType<DemandSummaryRow> = [
    { key: 'chain', title: t('demands.columns.chain'), render: (_, row) => row.chain ?? t('demands.summary.noChain') },
    { key: 'discipline', title: t('demands.columns.discipline'), render: (_, row) => (english ? row.discipline.nameEn : row.discipline.name) },
    { key: 'demands', title: t('demands.summary.demands'), dataIndex: 'demands', align: 'right' },
    { key: 'headcount', title: t('demands.summary.headcount'), dataIndex: 'headcount', align: 'right' },
    { key: 'filled', title: t('demands.summary.filled'), dataIndex: 'filled', align: 'right' },
    { key: 'rate', title: t('demands.summary.rate'), render: (_, row) => <Progress percent={row.headcount ? Math.round((row.filled / row.headcount) * 100) : 0} size="small" style={{ width: 120 }} aria-label={t('demands.summary.rate')} /> },
  ];
  return (
    <Card title={t('demands.summary.title')} size="small" style={{ marginBottom: 16 }} extra={selected.chain || selected.discipline ? <Button size="small" onClick={() => onSelect(null)}>{t('demands.summary.clear')}</Button> : null}>
      <Typography.Paragraph type="secondary">{t('demands.summary.hint')}</Typography.Paragraph>
      <Table<DemandSummaryRow>
        rowKey={(row) => `${row.chain ?? ''}:${row.discipline.code}`}
        size="small"
        loading={summary.isFetching}
        columns={columns}
        dataSource={summary.data ?? []}
        pagination={(summary.data?.length ?? 0) > 8 ? { pageSize: 8, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (isSelected(row) ? 'ant-table-row-selected' : '')}
        onRow={(row) => ({ onClick: () => onSelect(isSelected(row) ? null : row), style: { cursor: 'pointer' } })}
        data-testid="demand-summary"
      />
    </Card>
  );
}

type DemandDrawerProps = { id: string | undefined; matches: boolean; writes: boolean; onEdit: (demand: DemandDetail) => void; onClose: () => void };

function DemandDrawer({ id, matches, writes, onEdit, onClose }: DemandDrawerProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const english = i18n.language === 'en-US';
  const demand = useQuery({ queryKey: ['demand', id], queryFn: () => fetchDemand(id!), enabled: Boolean(id) });
  const candidates = useQuery({ queryKey: ['demand-candidates', id, i18n.language], queryFn: () => fetchCandidates(id!), enabled: Boolean(id) && matches });
  const data = demand.data;
  const close = useMutation({
    mutationFn: () => closeDemand(data!.id, data!.version),
    onSuccess: (saved) => {
      queryClient.setQueryData(['demand', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['demands'] });
      void queryClient.invalidateQueries({ queryKey: ['demand-summary'] });
      void message.success(t('demands.form.closed'));
    },
    onError: (error) => void message.error(isApiError(error) ? error.message : String(error)),
  });
  const open = data && data.status !== 'closed';
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      title={data?.post ?? t('demands.title')}
      size={640}
      data-testid="demand-drawer"
      extra={writes && open ? (
        <Space>
          <Button onClick={() => onEdit(data)} data-testid="demand-edit">{t('demands.form.edit')}</Button>
          <Popconfirm title={t('demands.form.closeConfirm')} okText={t('demands.form.close')} cancelText={t('common.cancel')} onConfirm={() => close.mutate()}>
            <Button danger loading={close.isPending} data-testid="demand-close">{t('demands.form.close')}</Button>
          </Popconfirm>
        </Space>
      ) : undefined}
    >
      {demand.error ? <ErrorAlert message={demand.error.message} /> : null}
      {data ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('demands.columns.enterprise')}>{data.enterprise.name}</Descriptions.Item>
            <Descriptions.Item label={t('demands.form.industry')}>{`${english ? data.industry.nameEn : data.industry.name}${data.chainSegment ? ` · ${t(`dictionaries.chainSegments.${data.chainSegment}`)}` : ''}`}</Descriptions.Item>
            <Descriptions.Item label={t('demands.columns.discipline')}>{english ? data.discipline.nameEn : data.discipline.name}</Descriptions.Item>
            <Descriptions.Item label={t('demands.detail.skills')}>{data.skills.map((skill) => <Tag key={skill}>{skill}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label={t('demands.detail.education')}>{data.education ? t(`dictionaries.educationLevels.${data.education}`) : t('demands.detail.anyEducation')}</Descriptions.Item>
            <Descriptions.Item label={t('demands.form.title')}>{data.title ? t(`dictionaries.titleLevels.${data.title}`) : t('demands.detail.anyEducation')}</Descriptions.Item>
            <Descriptions.Item label={t('demands.detail.minYears')}>{data.minYears > 0 ? t('demands.detail.years', { count: data.minYears }) : t('demands.detail.anyEducation')}</Descriptions.Item>
            <Descriptions.Item label={t('demands.form.salaryBand')}>{data.salaryBand ? t(`dictionaries.salaryBands.${data.salaryBand}`) : t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('demands.columns.urgency')}>{t(`demands.urgencies.${data.urgency}`)}</Descriptions.Item>
            <Descriptions.Item label={t('demands.columns.deadline')}>{data.deadline ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('demands.columns.headcount')}>{`${data.headcount} / ${data.filled}`}</Descriptions.Item>
            <Descriptions.Item label={t('demands.columns.status')}>{t(`demands.statuses.${data.status}`)}</Descriptions.Item>
            {data.description ? <Descriptions.Item label={t('demands.form.description')}>{data.description}</Descriptions.Item> : null}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('demands.detail.fills')}</Typography.Title>
            {data.fills.length ? (
              <List
                size="small"
                dataSource={data.fills}
                renderItem={(fill) => (
                  <List.Item data-testid="demand-fill">
                    {`${fill.filledOn} · ${t(`demands.channels.${fill.channel}`)} · `}
                    {fill.talent && matches ? <Link to={`/talents/${fill.talent.id}`}>{fill.talent.name}</Link> : (fill.talent?.name ?? t('demands.detail.fillCount', { count: fill.count }))}
                    {fill.note ? <Typography.Text type="secondary">{` · ${fill.note}`}</Typography.Text> : null}
                  </List.Item>
                )}
              />
            ) : <Typography.Text type="secondary">{t('demands.detail.noFills')}</Typography.Text>}
          </div>
          {matches ? (
            <div data-testid="demand-candidates">
              <Typography.Title level={5}>{t('demands.detail.candidates')}</Typography.Title>
              <CandidateList
                data={candidates.data ? { considered: candidates.data.considered, items: candidates.data.items.map((item) => ({ kind: 'talent', id: item.talent.id, name: item.talent.name, post: item.talent.post, organisation: null, expertKind: null, members: null, score: item.score, reasons: item.reasons })) } : undefined}
                loading={candidates.isLoading}
                error={candidates.error}
              />
            </div>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
