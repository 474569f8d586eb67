import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Empty, Flex, List, Progress, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../domain/permissions';
import { demandStatuses, type DemandStatus } from '../../../domain/demands';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FilterField } from '../../ui/FilterField';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { useCurrentUser } from '../auth/RequireSession';
import { fetchCandidates, fetchDemand, fetchDemands, fetchDictionaries, type DemandSummary, type Reason } from './demands.api';

const statusColours: Record<DemandStatus, string> = { open: 'blue', partlyFilled: 'gold', filled: 'green', closed: 'default' };
const reasonColours = { yes: 'green', partly: 'gold', no: 'red' } as const;

/** 岗位需求: the demand the user may see (enterprise HR its own), by status and discipline; a demand's fills and, for the office, its candidates with reasons. */
export function DemandsPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const user = useCurrentUser();
  const list = useListPage();
  const status = list.oneOf<DemandStatus>('status', demandStatuses);
  const discipline = list.param('discipline');
  const shown = list.param('demand');
  const { page, pageSize } = list;
  const demands = useQuery({ queryKey: ['demands', { status, discipline, page, pageSize }], queryFn: () => fetchDemands({ status, discipline, page, pageSize }), placeholderData: keepPreviousData });
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
      <PageHeader title={t('demands.title')} description={t('demands.description')} />
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
        </Flex>
        <ListTable<DemandSummary> list={list} query={demands} columns={columns} data-testid="demands-table" />
      </Card>
      <DemandDrawer id={shown} matches={can(user.roles, 'demands.match')} onClose={() => list.filter({ demand: undefined })} />
    </>
  );
}

function DemandDrawer({ id, matches, onClose }: { id: string | undefined; matches: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const demand = useQuery({ queryKey: ['demand', id], queryFn: () => fetchDemand(id!), enabled: Boolean(id) });
  const candidates = useQuery({ queryKey: ['demand-candidates', id, i18n.language], queryFn: () => fetchCandidates(id!), enabled: Boolean(id) && matches });
  const data = demand.data;
  return (
    <Drawer open={Boolean(id)} onClose={onClose} title={data?.post ?? ''} size={640} data-testid="demand-drawer">
      {demand.error ? <ErrorAlert message={demand.error.message} /> : null}
      {data ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('demands.columns.enterprise')}>{data.enterprise.name}</Descriptions.Item>
            <Descriptions.Item label={t('demands.columns.discipline')}>{english ? data.discipline.nameEn : data.discipline.name}</Descriptions.Item>
            <Descriptions.Item label={t('demands.detail.skills')}>{data.skills.map((skill) => <Tag key={skill}>{skill}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label={t('demands.detail.education')}>{data.education ? t(`dictionaries.educationLevels.${data.education}`) : t('demands.detail.anyEducation')}</Descriptions.Item>
            <Descriptions.Item label={t('demands.detail.minYears')}>{data.minYears > 0 ? t('demands.detail.years', { count: data.minYears }) : t('demands.detail.anyEducation')}</Descriptions.Item>
            <Descriptions.Item label={t('demands.columns.headcount')}>{`${data.headcount} / ${data.filled}`}</Descriptions.Item>
            <Descriptions.Item label={t('demands.columns.status')}>{t(`demands.statuses.${data.status}`)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('demands.detail.fills')}</Typography.Title>
            {data.fills.length ? (
              <List
                size="small"
                dataSource={data.fills}
                renderItem={(fill) => <List.Item data-testid="demand-fill">{`${fill.filledOn} · ${t(`demands.channels.${fill.channel}`)} · ${fill.talent?.name ?? fill.count}`}</List.Item>}
              />
            ) : <Typography.Text type="secondary">{t('demands.detail.noFills')}</Typography.Text>}
          </div>
          {matches ? (
            <div data-testid="demand-candidates">
              <Typography.Title level={5}>{t('demands.detail.candidates')}</Typography.Title>
              {candidates.error ? <ErrorAlert message={candidates.error.message} /> : null}
              {candidates.data ? <Typography.Paragraph type="secondary">{t('demands.detail.considered', { count: candidates.data.considered })}</Typography.Paragraph> : null}
              {candidates.data && candidates.data.items.length === 0 ? <Empty description={t('demands.detail.noCandidates')} /> : null}
              <List
                dataSource={candidates.data?.items ?? []}
                loading={candidates.isLoading}
                renderItem={(item) => (
                  <List.Item data-testid="candidate">
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Flex justify="space-between" align="center" gap={12}>
                        <Typography.Text strong>{item.talent.name}</Typography.Text>
                        <Progress percent={Math.round(item.score)} size="small" style={{ width: 160 }} aria-label={t('demands.detail.score')} />
                      </Flex>
                      <Flex wrap gap={4}>{item.reasons.map((reason: Reason, index) => <Tag key={index} color={reasonColours[reason.met]} data-testid="candidate-reason">{reason.text}</Tag>)}</Flex>
                    </Space>
                  </List.Item>
                )}
              />
            </div>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
