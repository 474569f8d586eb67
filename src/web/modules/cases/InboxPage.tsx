import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Tabs, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inboxTabs, type InboxTab } from '../../../domain/cases';
import { formatDateTime } from '../../ui/format';
import { ListTable } from '../../ui/ListTable';
import { PageHeader } from '../../ui/PageHeader';
import { useListPage } from '../../ui/use-list-page';
import { fetchInbox, type CaseSummary } from './cases.api';
import { CaseDeadline, CaseStatusTag } from './CaseTags';

/** 待办事项: the cases of every type waiting for the user's unit (待办), and those the user handled (已办). */
export function InboxPage() {
  const { t } = useTranslation();
  const list = useListPage();
  const tab: InboxTab = list.oneOf<InboxTab>('tab', inboxTabs) ?? 'todo';
  const { page, pageSize } = list;
  const inbox = useQuery({ queryKey: ['cases', 'inbox', { tab, page, pageSize }], queryFn: () => fetchInbox({ tab, page, pageSize }), placeholderData: keepPreviousData });
  const columns: TableColumnsType<CaseSummary> = [
    { key: 'type', title: t('cases.columns.type'), render: (_, item) => t(`cases.types.${item.type}`) },
    { key: 'title', title: t('cases.columns.title'), render: (_, item) => <Link to={item.link} data-testid="case-link">{item.title}</Link> },
    { key: 'subject', title: t('cases.columns.subject'), render: (_, item) => item.subject.name },
    { key: 'status', title: t('cases.columns.status'), render: (_, item) => <CaseStatusTag status={item.status} /> },
    { key: 'step', title: t('cases.columns.step'), render: (_, item) => item.stepName ?? t('common.none') },
    { key: 'due', title: t('cases.columns.due'), render: (_, item) => <CaseDeadline dueAt={item.dueAt} overdue={item.overdue} escalated={item.escalated} /> },
    { key: 'submittedAt', title: t('cases.columns.submittedAt'), responsive: ['xxl'], render: (_, item) => formatDateTime(item.submittedAt) },
  ];
  const table = <ListTable<CaseSummary> list={list} query={inbox} columns={columns} data-testid="inbox-table" />;
  return (
    <>
      <PageHeader title={t('cases.inbox.title')} description={t('cases.inbox.description')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => list.filter({ tab: key })}
          items={inboxTabs.map((key) => ({ key, label: t(`cases.inbox.${key}`), children: tab === key ? table : null }))}
          data-testid="inbox-tabs"
        />
      </Card>
    </>
  );
}
