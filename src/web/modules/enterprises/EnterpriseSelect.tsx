import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { searchEnterprises } from './enterprises.api';

type EnterpriseSelectProps = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The enterprise chosen now (editing, or from the address), so its name shows before any search. */
  current?: { id: string; name: string } | null;
  placeholder?: string;
  disabled?: boolean;
  /** Without it (no right to read the registry) only `current` is offered. */
  searchable?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  testId?: string;
};

/** Picks an enterprise of the zone, searching the server as one types. */
export function EnterpriseSelect({ id, value, onChange, current, placeholder, disabled, searchable = true, allowClear = true, style, testId }: EnterpriseSelectProps) {
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 250);
  const options = useQuery({ queryKey: ['enterprise-options', term], queryFn: () => searchEnterprises(term), staleTime: 60_000, enabled: searchable && !disabled });
  const list = options.data ?? [];
  const withCurrent = current && !list.some((option) => option.id === current.id) ? [current, ...list] : list;
  return (
    <Select
      id={id}
      showSearch={searchable ? { filterOption: false, onSearch: setSearch } : undefined}
      allowClear={allowClear}
      disabled={disabled}
      value={value ?? undefined}
      placeholder={placeholder}
      onChange={(next) => onChange?.(next ?? null)}
      notFoundContent={options.isFetching ? <Spin size="small" /> : undefined}
      options={withCurrent.map((option) => ({ value: option.id, label: option.name }))}
      style={style}
      data-testid={testId}
    />
  );
}
