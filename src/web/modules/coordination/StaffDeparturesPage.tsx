import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { fetchDepartures, fetchFlows, type Departure } from '../retention/retention.api';

/** 人才流动 (enterprise HR): its own staff's departures, as the talent office recorded them, and its monthly inflow and outflow. */
export function StaffDeparturesPage() {
  const { t } = useTranslation();
  const list = useListPage();
  const query = { page: list.page, pageSize: list.pageSize };
  const departures = useQuery({ queryKey: ['departures', 'staff', query], queryFn: () => fetchDepartures(query), placeholderData: keepPreviousData });
  const flows = useQuery({ queryKey: ['departures', 'flows', 'staff'], queryFn: () => fetchFlows('education') });
  const columns: TableColumnsType<Departure> = [
    { key: 'talent', title: t('staffDepartures.columns.talent'), render: (_, item) => item.talent.name },
    { key: 'leftOn', title: t('staffDepartures.columns.leftOn'), render: (_, item) => formatDate(item.leftOn) },
    { key: 'kind', title: t('staffDepartures.columns.kind'), render: (_, item) => t(`retention.departure.kinds.${item.kind}`) },
    { key: 'destination', title: t('staffDepartures.columns.destination'), render: (_, item) => [item.destinationRegion, t(`retention.departure.destinationKinds.${item.destinationKind}`)].filter(Boolean).join(' · ') },
    { key: 'reasons', title: t('staffDepartures.columns.reasons'), render: (_, item) => item.reasons.map((reason) => t(`retention.departure.reasonLabels.${reason}`)).join(t('common.listSeparator')) },
  ];
  return (
    <>
      <PageHeader title={t('staffDepartures.title')} description={t('staffDepartures.description')} />
      <Flex vertical gap={16}>
        <Card title={t('staffDepartures.departures')} data-testid="staff-departures">
          <ListTable<Departure> list={list} query={departures} columns={columns} />
        </Card>
        <Card title={t('staffDepartures.flows')}>
          <Table
            rowKey="month"
            size="small"
            loading={flows.isLoading}
            pagination={false}
            dataSource={[...(flows.data?.monthly ?? [])].reverse().slice(0, 12)}
            columns={[
              { key: 'month', title: t('staffDepartures.monthly.month'), dataIndex: 'month' },
              { key: 'inflow', title: t('staffDepartures.monthly.inflow'), dataIndex: 'inflow' },
              { key: 'outflow', title: t('staffDepartures.monthly.outflow'), dataIndex: 'outflow' },
              { key: 'net', title: t('staffDepartures.monthly.net'), dataIndex: 'net' },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
