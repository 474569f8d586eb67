import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../app/api';
import { ErrorAlert } from './ErrorAlert';
import type { ListPage } from './use-list-page';
import { useTableScroll } from './use-table-scroll';

/** The query of a list page: a page of rows from the server (react-query's result). */
type ListQuery<Row> = { data?: Page<Row>; isError: boolean; error: Error | null; isFetching: boolean; refetch: () => unknown };

type ListTableProps<Row> = Omit<TableProps<Row>, 'dataSource' | 'loading' | 'pagination' | 'onChange'> & {
  list: Pick<ListPage, 'tableProps'>;
  query: ListQuery<Row>;
};

/**
 * The table of a list page: a failed load with its retry above, the rows of the page, pagination and column order
 * from the address (`useListPage`), and the house defaults (rows keyed by id; on narrow screens the table scrolls sideways, on wide ones it fits).
 */
export function ListTable<Row extends object>({ list, query, ...table }: ListTableProps<Row>) {
  const { t } = useTranslation();
  const scroll = useTableScroll();
  return (
    <>
      {query.isError ? <ErrorAlert message={query.error?.message ?? ''} retryLabel={t('common.retry')} onRetry={() => void query.refetch()} /> : null}
      <Table<Row>
        rowKey="id"
        size="middle"
        scroll={scroll}
        {...table}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        {...list.tableProps<Row>(query.data?.total ?? 0)}
      />
    </>
  );
}
