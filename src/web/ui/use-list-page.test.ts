import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { listTableProps, oneOf, sortOrderOf, type ListChange } from './use-list-page';

const t = ((key: string, options?: { count?: number }) => `${key}:${options?.count ?? ''}`) as unknown as TFunction;
const sorts = ['relevance', 'name', '-name', 'updatedAt', '-updatedAt'] as const;
type Sort = (typeof sorts)[number];

/** What the table asks for after antd reports a pagination and a sorter. */
function changeOf(state: { page: number; pageSize: number; sort?: Sort }, pagination: { current?: number; pageSize?: number }, sorter: { columnKey?: string; order?: 'ascend' | 'descend' | null }) {
  let change: ListChange<Sort> | undefined;
  const props = listTableProps<object, Sort>(t, { ...state, sorts, total: 95 }, (next) => (change = next));
  props.onChange(pagination, {}, sorter as never, { action: 'paginate', currentDataSource: [] });
  return { change, pagination: props.pagination };
}

describe('list pages', () => {
  it('pages within the same order and keeps the page size', () => {
    const { change, pagination } = changeOf({ page: 1, pageSize: 20, sort: '-name' }, { current: 3, pageSize: 20 }, { columnKey: 'name', order: 'descend' });
    expect(change).toEqual({ page: 3, pageSize: 20, sort: '-name' });
    expect(pagination).toMatchObject({ current: 1, pageSize: 20, total: 95, showSizeChanger: true });
    expect(pagination.showTotal?.(95, [1, 20])).toBe('common.total:95');
  });

  it('starts again at page 1 when the order changes, and drops an order the list does not know', () => {
    expect(changeOf({ page: 4, pageSize: 50, sort: '-name' }, { current: 4, pageSize: 50 }, { columnKey: 'updatedAt', order: 'ascend' }).change).toEqual({ page: 1, pageSize: 50, sort: 'updatedAt' });
    expect(changeOf({ page: 4, pageSize: 20 }, { current: 4, pageSize: 20 }, { columnKey: 'staff', order: 'ascend' }).change).toEqual({ page: 4, pageSize: 20, sort: undefined });
  });

  it('treats an order no column shows (relevance) as no column order: paging keeps the page', () => {
    expect(changeOf({ page: 1, pageSize: 20, sort: 'relevance' }, { current: 2, pageSize: 20 }, {}).change).toEqual({ page: 2, pageSize: 20, sort: undefined });
  });

  it('reads orders and values from the address', () => {
    expect(sortOrderOf('-name', 'name')).toBe('descend');
    expect(sortOrderOf('name', 'name')).toBe('ascend');
    expect(sortOrderOf('relevance', 'name')).toBeNull();
    expect(oneOf(sorts, 'name')).toBe('name');
    expect(oneOf(sorts, 'bogus')).toBeUndefined();
    expect(oneOf(sorts, null)).toBeUndefined();
  });
});
