import { Table, type TableColumnsType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../app/api';
import { useColumnSettings } from './ColumnSettings';
import { ErrorAlert } from './ErrorAlert';
import type { ListPage } from './use-list-page';
import { useTableScroll } from './use-table-scroll';

/** The query of a list page: a page of rows from the server (react-query's result). */
type ListQuery<Row> = { data?: Page<Row>; isError: boolean; error: Error | null; isFetching: boolean; refetch: () => unknown };

type ListTableProps<Row> = Omit<TableProps<Row>, 'dataSource' | 'loading' | 'pagination' | 'onChange'> & {
  list: Pick<ListPage, 'tableProps'>;
  query: ListQuery<Row>;
  /** The list's name for its column settings (列设置, remembered per list); without it every column shows as given. */
  columnSettings?: string;
};

/**
 * The table of a list page: a failed load with its retry above, the rows of the page, pagination and column order
 * from the address (`useListPage`), and the house defaults (rows keyed by id; on narrow screens the table scrolls sideways, on wide ones it fits);
 * with `columnSettings`, the 列设置 menu above it (`useColumnSettings`).
 */
export function ListTable<Row extends object>({ list, query, columnSettings, columns = [], ...table }: ListTableProps<Row>) {
  const { t } = useTranslation();
  const scroll = useTableScroll();
  const settings = useColumnSettings<Row>(columnSettings ?? '', columns as TableColumnsType<Row>);
  return (
    <>
      {query.isError ? <ErrorAlert message={query.error?.message ?? ''} retryLabel={t('common.retry')} onRetry={() => void query.refetch()} /> : null}
      {columnSettings ? settings.bar : null}
      <Table<Row>
        rowKey="id"
        size="middle"
        scroll={(columnSettings ? settings.scroll : undefined) ?? scroll}
        {...table}
        columns={columnSettings ? settings.columns : columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        {...list.tableProps<Row>(query.data?.total ?? 0)}
      />
    </>
  );
}
