import { Input } from 'antd';
import type { SearchProps } from 'antd/es/input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type SearchInputProps = Omit<SearchProps, 'value' | 'onChange' | 'onSearch'> & {
  /** The search in force (from the address). */
  value: string | undefined;
  /** The trimmed text, undefined when empty. */
  onSearch: (value: string | undefined) => void;
};

/**
 * A list's search box: what is typed stays in the box until searched; when the search in force changes elsewhere
 * (a saved filter, clearing the filters) the box shows it.
 */
export function SearchInput({ value = '', onSearch, ...rest }: SearchInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (text.trim() !== value) setText(value);
  }
  return (
    <Input.Search
      allowClear
      enterButton={t('common.search')}
      {...rest}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(searched) => onSearch(searched.trim() || undefined)}
    />
  );
}
