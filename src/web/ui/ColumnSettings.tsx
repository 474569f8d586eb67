import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Grid, Popover, Typography, type Breakpoint, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Column settings of a list (列设置): which columns show, remembered per list in this browser.
 *
 * Columns have priorities: a column with `responsive` (e.g. `['xxl']`) is secondary and shows by default only on
 * screens that wide, so the default set fits 1,440 px; every other column is primary. A user's choice overrides the
 * default for the columns it names: a secondary column chosen shows on every screen (the table then scrolls sideways
 * inside its box rather than widening the page), a column unticked is hidden. The first column (the record's name)
 * and columns without a text title (row actions) always show. "恢复默认" forgets the choice.
 */
export type Choice = Record<string, boolean>;
type Column<Row> = TableColumnsType<Row>[number];

const storageKey = (listId: string) => `talentzone.columns.${listId}`;

function readChoice(listId: string): Choice {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(storageKey(listId)) ?? '{}');
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'));
  } catch {
    return {};
  }
}

function writeChoice(listId: string, choice: Choice) {
  try {
    if (Object.keys(choice).length) window.localStorage.setItem(storageKey(listId), JSON.stringify(choice));
    else window.localStorage.removeItem(storageKey(listId));
  } catch {
    // private mode without storage: the choice lasts for this page only
  }
}

const keyOf = <Row,>(column: Column<Row>) => (column.key === undefined ? '' : String(column.key));

/**
 * The columns a choice leaves on a screen (`screens`: antd's breakpoints reached), the options of the menu (the
 * settable columns with whether each shows), and whether a chosen column would not show by default (`widened`).
 */
export function applyColumnChoice<Row>(columns: TableColumnsType<Row>, choice: Choice, screens: Partial<Record<Breakpoint, boolean>>) {
  // what shows by default on this screen: primary columns, and secondary ones whose breakpoint the screen reaches
  const shownByDefault = (column: Column<Row>) => !column.responsive?.length || column.responsive.some((breakpoint) => screens[breakpoint] === true);
  const settable = columns.filter((column, index) => index > 0 && keyOf(column) !== '' && typeof column.title === 'string');
  const isShown = (column: Column<Row>) => choice[keyOf(column)] ?? shownByDefault(column);
  return {
    columns: columns
      .filter((column) => !settable.includes(column) || isShown(column))
      // a column chosen is shown whatever the screen; one left to the default keeps its breakpoints
      .map((column) => (choice[keyOf(column)] && column.responsive ? { ...column, responsive: undefined } : column)),
    options: settable.map((column) => ({ key: keyOf(column), label: column.title as string, shown: isShown(column) })),
    widened: settable.some((column) => choice[keyOf(column)] === true && !shownByDefault(column)),
  };
}

export type ColumnSettings<Row> = {
  /** The columns to give the table. */
  columns: TableColumnsType<Row>;
  /** Sideways scrolling when chosen columns may not fit; undefined otherwise (the table's usual scroll applies). */
  scroll: { x: 'max-content' } | undefined;
  /** The 列设置 button with its menu, right-aligned on a row of its own, to put above the table. */
  bar: ReactNode;
};

/** Applies the remembered choice of a list to its columns and gives the button that changes it. */
export function useColumnSettings<Row>(listId: string, columns: TableColumnsType<Row>): ColumnSettings<Row> {
  const screens = Grid.useBreakpoint();
  const [choice, setChoice] = useState<Choice>(() => readChoice(listId));
  const change = useCallback(
    (next: Choice) => {
      setChoice(next);
      writeChoice(listId, next);
    },
    [listId],
  );

  const applied = useMemo(() => applyColumnChoice(columns, choice, screens), [columns, choice, screens]);
  const bar = (
    <Flex justify="end" style={{ marginBottom: 8 }}>
      <ColumnSettingsButton
        options={applied.options}
        customised={Object.keys(choice).length > 0}
        onToggle={(key, shown) => change({ ...choice, [key]: shown })}
        onReset={() => change({})}
      />
    </Flex>
  );
  return { columns: applied.columns, scroll: applied.widened ? { x: 'max-content' } : undefined, bar };
}

type ColumnSettingsButtonProps = {
  options: { key: string; label: string; shown: boolean }[];
  customised: boolean;
  onToggle: (key: string, shown: boolean) => void;
  onReset: () => void;
};

/** The button and its menu of checkboxes: opened by click, Enter or Space; focus goes to the first box; Escape closes and returns focus. */
function ColumnSettingsButton({ options, customised, onToggle, onReset }: ColumnSettingsButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // after the popover has rendered its content
    const timer = window.setTimeout(() => menuRef.current?.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };

  const content = (
    <div ref={menuRef} id={menuId} role="group" aria-label={t('columnSettings.title')} onKeyDown={handleKeyDown} data-testid="column-settings-menu">
      <Flex vertical gap={4}>
        {options.map((option) => (
          <Checkbox key={option.key} checked={option.shown} onChange={(event) => onToggle(option.key, event.target.checked)} data-column={option.key}>
            {option.label}
          </Checkbox>
        ))}
        <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('columnSettings.remembered')}
          </Typography.Text>
          <Button size="small" type="link" disabled={!customised} onClick={onReset} data-testid="column-settings-reset">
            {t('columnSettings.reset')}
          </Button>
        </Flex>
      </Flex>
    </div>
  );

  return (
    <Popover content={content} title={t('columnSettings.title')} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Button ref={buttonRef} icon={<SettingOutlined />} aria-expanded={open} aria-controls={open ? menuId : undefined} data-testid="column-settings">
        {t('columnSettings.button')}
      </Button>
    </Popover>
  );
}
