import type { TablePaginationConfig, TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/** Rows a list page shows unless the address says otherwise. */
export const defaultPageSize = 20;

/** Address parameters to set (a value) or remove (undefined or ''). */
export type ParamChanges = Record<string, string | undefined>;
/** What a table asks for: a page, its size, and (on sortable lists) an order such as `name` or `-staff`. */
export type ListChange<Sort extends string = string> = { page: number; pageSize: number; sort?: Sort };

const positive = (value: string | null, fallback: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};

/** The value if it is one of `values`, else undefined (a hand-edited address falls back to no filter). */
export const oneOf = <T extends string>(values: readonly T[], value: string | null | undefined): T | undefined =>
  value !== null && value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** `-arrivedOn` → the arrivedOn column sorted descending; `arrivedOn` → ascending. */
export function sortOrderOf(sort: string | undefined, column: string): 'ascend' | 'descend' | null {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

/** The orders a table's columns can show: those with both directions (`name` and `-name`; not `relevance`). */
const columnSort = (sorts: readonly string[], sort: string | undefined) =>
  sort !== undefined && sorts.includes(sort.replace(/^-/, '')) && sorts.includes(`-${sort.replace(/^-/, '')}`) ? sort : undefined;

type ListTableState<Sort extends string> = { page: number; pageSize: number; sort?: Sort; sorts: readonly Sort[]; total: number };

/**
 * A table's pagination and onChange for a list on the server: the page, its size, and the column order (a column's key is
 * its order's name, `-` for descending). A new order starts again at page 1.
 */
export function listTableProps<Row, Sort extends string>(
  t: TFunction,
  { page, pageSize, sort, sorts, total }: ListTableState<Sort>,
  onChange: (change: ListChange<Sort>) => void,
): { pagination: TablePaginationConfig; onChange: NonNullable<TableProps<Row>['onChange']> } {
  return {
    pagination: { current: page, pageSize, total, showSizeChanger: true, showTotal: (count) => t('common.total', { count }) },
    onChange: (pagination, _filters, sorter) => {
      const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Row> | undefined;
      const key = single?.columnKey === undefined ? undefined : String(single.columnKey);
      const wanted = key && single?.order ? (single.order === 'descend' ? `-${key}` : key) : undefined;
      const nextSort = oneOf(sorts, wanted);
      const sortChanged = nextSort !== columnSort(sorts, sort);
      onChange({ page: sortChanged ? 1 : (pagination.current ?? 1), pageSize: pagination.pageSize ?? pageSize, sort: nextSort });
    },
  };
}

type ListPageOptions<Sort extends string> = {
  /** The orders the list accepts in `sort` (none: the list has no order of its own). */
  sorts?: readonly Sort[];
  pageSize?: number;
  /** Called after every change of the address (e.g. to forget selected rows). */
  onUpdate?: () => void;
};

/**
 * The state of a list page kept in the address (so a view can be shared and linked): filters as named parameters,
 * `page` and `pageSize` (left out at their defaults), `sort`. Changing a filter goes back to the first page.
 */
export function useListPage<Sort extends string = never>({ sorts = [], pageSize: initialPageSize = defaultPageSize, onUpdate }: ListPageOptions<Sort> = {}) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = positive(searchParams.get('page'), 1);
  const pageSize = positive(searchParams.get('pageSize'), initialPageSize);
  const sort = oneOf(sorts, searchParams.get('sort'));

  const replace = (next: URLSearchParams) => {
    setSearchParams(next, { replace: true });
    onUpdate?.();
  };
  const update = (changes: ParamChanges) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    replace(next);
  };
  const change = (next: ListChange<Sort>) =>
    update({
      page: next.page > 1 ? String(next.page) : undefined,
      pageSize: next.pageSize !== initialPageSize ? String(next.pageSize) : undefined,
      ...(sorts.length ? { sort: next.sort } : {}),
    });

  return {
    searchParams,
    page,
    pageSize,
    sort,
    /** A parameter's value, undefined when absent or empty. */
    param: (key: string) => searchParams.get(key) || undefined,
    /** A parameter's value if it is one of `values`. */
    oneOf: <T extends string>(key: string, values: readonly T[]) => oneOf(values, searchParams.get(key)),
    /** Sets filters (undefined removes one) and goes back to the first page. */
    filter: (changes: ParamChanges) => update({ ...changes, page: undefined }),
    /** Replaces the whole address query (a saved filter set). */
    replace,
    /** Removes every parameter but those named. */
    clear: (keep: readonly string[] = []) => {
      const next = new URLSearchParams();
      for (const key of keep) {
        const value = searchParams.get(key);
        if (value) next.set(key, value);
      }
      replace(next);
    },
    change,
    sortOrder: (column: string) => sortOrderOf(sort, column),
    /** The Table's pagination and onChange for `total` rows. */
    tableProps: <Row>(total: number) => listTableProps<Row, Sort>(t, { page, pageSize, sort, sorts, total }, change),
  };
}

export type ListPage = ReturnType<typeof useListPage<string>>;
