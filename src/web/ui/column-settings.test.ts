import type { TableColumnsType } from 'antd';
import { describe, expect, it } from 'vitest';
import { applyColumnChoice } from './ColumnSettings';

type Row = { id: string };
const columns: TableColumnsType<Row> = [
  { key: 'name', title: '姓名' },
  { key: 'status', title: '状态' },
  { key: 'phone', title: '手机号', responsive: ['xxl'] },
  { key: 'updatedAt', title: '更新时间', responsive: ['xxl'] },
  { key: 'more', title: () => null },
];
// 1,440 px reaches xl, not xxl
const at1440 = { xs: true, sm: true, md: true, lg: true, xl: true, xxl: false };
const keys = (result: ReturnType<typeof applyColumnChoice<Row>>) => result.columns.map((column) => column.key);

describe('column settings', () => {
  it('by default: primary columns, secondary ones only on screens that reach their breakpoint, nothing widened', () => {
    const result = applyColumnChoice(columns, {}, at1440);
    expect(keys(result)).toEqual(['name', 'status', 'more']);
    expect(keys(applyColumnChoice(columns, {}, { ...at1440, xxl: true }))).toEqual(['name', 'status', 'phone', 'updatedAt', 'more']);
    expect(result.options).toEqual([
      { key: 'status', label: '状态', shown: true },
      { key: 'phone', label: '手机号', shown: false },
      { key: 'updatedAt', label: '更新时间', shown: false },
    ]);
    expect(result.widened).toBe(false);
  });

  it('a secondary column chosen shows on every screen, and the table may then scroll sideways', () => {
    const result = applyColumnChoice(columns, { phone: true }, at1440);
    expect(result.columns.find((column) => column.key === 'phone')?.responsive).toBeUndefined();
    expect(result.options.find((option) => option.key === 'phone')?.shown).toBe(true);
    expect(result.widened).toBe(true);
    // on a screen wide enough it would show anyway: not widened
    expect(applyColumnChoice(columns, { phone: true }, { ...at1440, xxl: true }).widened).toBe(false);
  });

  it('a column unticked is hidden; the first column and columns without a text title cannot be', () => {
    const result = applyColumnChoice(columns, { status: false, name: false, more: false }, at1440);
    expect(keys(result)).toEqual(['name', 'more']);
    expect(result.options.map((option) => option.key)).toEqual(['status', 'phone', 'updatedAt']);
  });
});
