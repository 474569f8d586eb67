import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import type { BindingKind } from '../../../domain/roles';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { fetchBindingOptions, type BindingOption } from './users.api';

type BindingSelectProps = {
  kind: BindingKind;
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The record bound now (editing), so its name shows before any search. */
  current?: BindingOption | null;
  placeholder?: string;
};

/** Picks the talent, enterprise or unit an account is bound to; searches the server as one types. */
export function BindingSelect({ kind, id, value, onChange, current, placeholder }: BindingSelectProps) {
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 250);
  const options = useQuery({ queryKey: ['binding-options', kind, term], queryFn: () => fetchBindingOptions(kind, term), staleTime: 60_000 });
  const list = options.data ?? [];
  const withCurrent = current && !list.some((option) => option.id === current.id) ? [current, ...list] : list;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      onChange={(next) => onChange?.(next ?? null)}
      notFoundContent={options.isFetching ? <Spin size="small" /> : undefined}
      options={withCurrent.map((option) => ({ value: option.id, label: option.label }))}
      data-testid={`binding-${kind}`}
    />
  );
}
