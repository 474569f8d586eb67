import { useQuery } from '@tanstack/react-query';
import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { formatDate } from '../../ui/format';
import { fetchHonours, type Honour } from './selections.api';

/** The honours (荣誉) on a talent's profile, newest first: what selections awarded, dated. */
export function HonoursTab({ talentId }: { talentId: string }) {
  const { t } = useTranslation();
  const honours = useQuery({ queryKey: ['talent-honours', talentId], queryFn: () => fetchHonours(talentId) });
  const english = currentLanguage() === 'en-US';
  if (honours.isError) return <Alert type="error" message={honours.error.message} />;
  return (
    <Table<Honour>
      rowKey="id"
      size="small"
      pagination={false}
      loading={honours.isPending}
      dataSource={honours.data ?? []}
      aria-label={t('selections.honours.tab')}
      locale={{ emptyText: t('selections.honours.none') }}
      data-testid="talent-honours"
      columns={[
        { key: 'name', title: t('selections.honours.name'), render: (_, row) => (english ? row.nameEn : row.name) },
        { key: 'kind', title: t('selections.honours.kind'), render: (_, row) => (english ? row.kindNameEn : row.kindName) ?? '—' },
        { key: 'year', title: t('selections.honours.year'), dataIndex: 'year' },
        { key: 'awardedOn', title: t('selections.honours.awardedOn'), render: (_, row) => formatDate(row.awardedOn) },
      ]}
    />
  );
}
