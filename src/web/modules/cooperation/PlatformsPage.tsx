import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Drawer, Row, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformTypes, type PlatformLevel, type PlatformType } from '../../../domain/cooperation';
import { FilterField } from '../../ui/FilterField';
import { formatDate } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { fetchPlatform, fetchPlatforms, type Platform } from './cooperation.api';

/** 平台载体: the zone's innovation platforms; a platform's tenants and hosted talents in a drawer. */
export function PlatformsPage() {
  const { t } = useTranslation();
  const list = useListPage();
  const type = list.oneOf<PlatformType>('type', platformTypes);
  const query = { type, page: list.page, pageSize: list.pageSize };
  const platforms = useQuery({ queryKey: ['platforms', query], queryFn: () => fetchPlatforms(query), placeholderData: keepPreviousData });
  const [open, setOpen] = useState<Platform | null>(null);
  const columns: TableColumnsType<Platform> = [
    { key: 'name', title: t('coop.platform.columns.name'), render: (_, row) => <Typography.Link onClick={() => setOpen(row)} data-testid="platform-open">{row.name}</Typography.Link> },
    { key: 'type', title: t('coop.platform.columns.type'), dataIndex: 'type', render: (value: PlatformType) => <Tag>{t(`coopLabels.platformType.${value}`)}</Tag> },
    { key: 'level', title: t('coop.platform.columns.level'), dataIndex: 'level', render: (value: PlatformLevel) => t(`coopLabels.platformLevel.${value}`) },
    { key: 'host', title: t('coop.platform.columns.host'), dataIndex: 'host', responsive: ['xl'] },
    { key: 'capacity', title: t('coop.platform.columns.capacity'), dataIndex: 'capacity', align: 'right' },
    { key: 'tenants', title: t('coop.platform.columns.tenants'), dataIndex: 'tenants', align: 'right' },
    { key: 'talents', title: t('coop.platform.columns.talents'), dataIndex: 'talents', align: 'right' },
  ];
  return (
    <>
      <PageHeader title={t('coop.platform.title')} description={t('coop.platform.description')} />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={6}>
            <FilterField label={t('coop.platform.type')}>
              <Select allowClear value={type} placeholder={t('coop.platform.type')} style={{ width: '100%' }} onChange={(value?: string) => list.filter({ type: value })}
                options={platformTypes.map((value) => ({ value, label: t(`coopLabels.platformType.${value}`) }))} />
            </FilterField>
          </Col>
        </Row>
        <ListTable<Platform> list={list} query={platforms} columns={columns} rowKey="id" data-testid="platforms-table" />
      </Card>
      {open ? <PlatformDrawer platform={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function PlatformDrawer({ platform, onClose }: { platform: Platform; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: ['platforms', platform.id], queryFn: () => fetchPlatform(platform.id) });
  return (
    <Drawer open size="large" title={platform.name} onClose={onClose}>
      <Descriptions column={1} size="small" items={[
        { key: 'type', label: t('coop.platform.columns.type'), children: t(`coopLabels.platformType.${platform.type}`) },
        { key: 'level', label: t('coop.platform.columns.level'), children: t(`coopLabels.platformLevel.${platform.level}`) },
        { key: 'host', label: t('coop.platform.columns.host'), children: platform.host },
      ]} />
      <Typography.Title level={5}>{t('coop.platform.tenantsOf')}</Typography.Title>
      <Table size="small" rowKey="id" loading={detail.isLoading} pagination={false} dataSource={detail.data?.tenantList ?? []}
        columns={[{ key: 'name', title: t('coop.flexible.columns.enterprise'), dataIndex: 'name' }, { key: 'since', title: t('coop.platform.columns.since'), dataIndex: 'since', render: (value: string) => formatDate(value) }]} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('coop.platform.talentsOf')}</Typography.Title>
      <Table size="small" rowKey="id" loading={detail.isLoading} pagination={false} dataSource={detail.data?.talentList ?? []}
        columns={[{ key: 'name', title: t('coop.flexible.columns.name'), dataIndex: 'name' }, { key: 'post', title: t('coop.platform.columns.post'), dataIndex: 'post' }, { key: 'since', title: t('coop.platform.columns.since'), dataIndex: 'since', render: (value: string) => formatDate(value) }]} />
    </Drawer>
  );
}
