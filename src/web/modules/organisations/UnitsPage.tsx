import { CheckOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { fetchUnits, type Unit } from './organisations.api';

const tick = (value: boolean) => (value ? <CheckOutlined style={{ color: '#52c41a' }} /> : null);

/** The responsible units (责任单位) and the departments of the talent service team (人才服务小组), with their duties. */
export function UnitsPage() {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en-US';
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits });
  const list = units.data ?? [];
  const columns: TableColumnsType<Unit> = [
    { key: 'code', title: t('units.columns.code'), dataIndex: 'code', width: 80 },
    {
      key: 'name',
      title: t('units.columns.name'),
      render: (_, unit) => (
        <div style={{ minWidth: 180 }}>
          <Typography.Text strong>{english ? unit.nameEn : unit.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {english ? unit.name : unit.nameEn}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'duties', title: t('units.columns.duties'), dataIndex: 'duties', render: (value: string) => <div style={{ minWidth: 220, maxWidth: 480 }}>{value}</div> },
    { key: 'responsible', title: t('units.columns.responsible'), dataIndex: 'isResponsibleUnit', align: 'center', render: tick },
    { key: 'serviceTeam', title: t('units.columns.serviceTeam'), dataIndex: 'inServiceTeam', align: 'center', render: tick },
  ];
  return (
    <>
      <PageHeader title={t('units.title')} description={t('units.description')} />
      <Card>
        {units.isError ? <ErrorAlert message={units.error.message} retryLabel={t('common.retry')} onRetry={() => void units.refetch()} /> : null}
        {units.data ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('units.summary', {
              responsible: list.filter((unit) => unit.isResponsibleUnit).length,
              serviceTeam: list.filter((unit) => unit.inServiceTeam).length,
            })}
            data-testid="units-summary"
          />
        ) : null}
        <Table<Unit> rowKey="id" size="middle" columns={columns} dataSource={list} loading={units.isFetching} scroll={{ x: 'max-content' }} pagination={false} />
      </Card>
    </>
  );
}
