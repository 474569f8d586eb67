import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Timeline, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { fetchMyCases, type MyCase } from './cases.api';
import { CaseDeadline, CaseStatusTag } from './CaseTags';
import { RaiseRequestDialog } from './RaiseRequestDialog';

/** 我的办件: the requester's cases of every type, each with its status timeline (what was done, the replies meant for them). */
export function MyCasesPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [raising, setRaising] = useState(false);
  const list = useListPage();
  const { page, pageSize } = list;
  const cases = useQuery({ queryKey: ['cases', 'mine', { page, pageSize }], queryFn: () => fetchMyCases({ page, pageSize }), placeholderData: keepPreviousData });
  const columns: TableColumnsType<MyCase> = [
    { key: 'type', title: t('cases.columns.type'), render: (_, item) => t(`cases.types.${item.type}`) },
    { key: 'title', title: t('cases.columns.title'), render: (_, item) => <Link to={item.link} data-testid="case-link">{item.title}</Link> },
    { key: 'status', title: t('cases.columns.status'), render: (_, item) => <CaseStatusTag status={item.status} /> },
    { key: 'units', title: t('cases.columns.units'), render: (_, item) => item.unitNames.map((unit) => (english ? unit.nameEn : unit.name)).join(t('common.listSeparator')) || t('common.none') },
    { key: 'due', title: t('cases.columns.due'), render: (_, item) => <CaseDeadline dueAt={item.dueAt} overdue={item.overdue} escalated={item.escalated} /> },
    { key: 'submittedAt', title: t('cases.columns.submittedAt'), responsive: ['xxl'], render: (_, item) => formatDateTime(item.submittedAt) },
  ];
  return (
    <>
      <PageHeader
        title={t('cases.mine.title')}
        description={t('cases.mine.description')}
        extra={<Button type="primary" onClick={() => setRaising(true)} data-testid="raise-request">{t('cases.mine.raise')}</Button>}
      />
      <Card>
        <ListTable<MyCase>
          list={list}
          query={cases}
          columns={columns}
          data-testid="my-cases-table"
          expandable={{
            expandedRowRender: (item) => (
              <>
                <Typography.Title level={5} style={{ marginTop: 0 }}>{t('cases.mine.timeline')}</Typography.Title>
                <Timeline
                  items={item.timeline.map((entry) => ({
                    content: (
                      <>
                        <Typography.Text strong>{t(`cases.actions.${entry.action}`)}</Typography.Text>
                        {entry.unit ? <Typography.Text> · {english ? entry.unitEn : entry.unit}</Typography.Text> : null}
                        <Typography.Text type="secondary"> · {formatDateTime(entry.at)}</Typography.Text>
                        {entry.comment ? <div>{entry.comment}</div> : null}
                      </>
                    ),
                  }))}
                />
              </>
            ),
          }}
        />
      </Card>
      <RaiseRequestDialog
        open={raising}
        onBehalf={false}
        onClose={() => setRaising(false)}
        onRaised={(saved) => {
          setRaising(false);
          void queryClient.invalidateQueries({ queryKey: ['cases'] });
          void navigate(`/service-requests/${saved.id}`);
        }}
      />
    </>
  );
}
