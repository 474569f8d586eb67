import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { fetchTalents, type TalentSummary } from './talents.api';

type TalentSelectProps = {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  /** Only talents now in the zone (a departure, a card, a pool nomination); otherwise everyone the user may read. */
  inZone?: boolean;
  testId?: string;
};

/** What tells namesakes apart, as the registry list shows it (the ID number masked as there). */
export const talentOptionLabel = (talent: TalentSummary) =>
  [talent.name, talent.employerName ?? talent.employer?.name, talent.idNumber].filter(Boolean).join(' · ');

/**
 * Picks a talent by searching the registry as one types, through the talent list itself: the user finds only whom
 * their scope lets them read (an enterprise its own staff), masked as the list masks. One picker for every form.
 */
export function TalentSelect({ id, value, onChange, placeholder, inZone = false, testId }: TalentSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['talent-options', q, inZone],
    queryFn: () => fetchTalents({ q, status: inZone ? 'inZone' : undefined, page: 1, pageSize: 20 }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      notFoundContent={found.isFetching ? <Spin size="small" /> : null}
      options={q ? (found.data?.items ?? []).map((talent) => ({ value: talent.id, label: talentOptionLabel(talent) })) : []}
      data-testid={testId}
    />
  );
}
