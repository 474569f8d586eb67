import { cloneElement, useId, type ReactElement } from 'react';

type FilterFieldProps = {
  /** What the filter chooses (the label stays visible once a value is chosen, unlike a placeholder). */
  label: string;
  /** One control (Select, Input, SearchInput, DatePicker…): it gets the id the label points at, unless it has one. */
  children: ReactElement<{ id?: string }>;
};

/** A list filter with its visible label above it, tied to the control (`<label for>`), so screen readers name it too. */
export function FilterField({ label, children }: FilterFieldProps) {
  const generated = useId();
  const id = children.props.id ?? `filter-${generated.replace(/:/g, '')}`;
  return (
    <div className="filter-field">
      <label htmlFor={id} className="filter-field-label">
        {label}
      </label>
      {cloneElement(children, { id })}
    </div>
  );
}
