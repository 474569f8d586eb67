import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { fetchTrainingRecords, type TrainingRecord } from './training.api';

/** A talent's training records on their profile: classes, certificates (numbered, dated), placements. */
export function TalentTrainingRecords({ talentId, linkClasses }: { talentId: string; linkClasses: boolean }) {
  const { t } = useTranslation();
  const records = useQuery({ queryKey: ['training-records', talentId], queryFn: () => fetchTrainingRecords(talentId) });
  const rows = records.data ?? [];
  return (
    <Card title={t('training.records.title')} size="small" style={{ marginTop: 16 }} data-testid="talent-training-records">
      {rows.length ? (
        <Table<TrainingRecord>
          rowKey="enrolmentId"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { key: 'class', title: t('training.records.class'), render: (_, row) => (linkClasses ? <Link to={`/training/classes/${row.class.id}`}>{row.class.name}</Link> : row.class.name) },
            { key: 'provider', title: t('training.records.provider'), dataIndex: 'provider' },
            { key: 'certificate', title: t('training.records.certificate'), render: (_, row) => (row.certificateNumber ? `${row.certificateName ?? ''} ${row.certificateNumber}` : t('common.none')) },
            { key: 'issuedOn', title: t('training.records.issuedOn'), render: (_, row) => formatDate(row.certificateIssuedOn) || t('common.none') },
            { key: 'placedOn', title: t('training.records.placedOn'), render: (_, row) => formatDate(row.placedOn) || t('common.none') },
          ]}
        />
      ) : (
        <Empty description={t('training.records.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}
