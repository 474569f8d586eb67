import { Grid } from 'antd';

/**
 * A table's sideways scrolling: none from antd's `lg` (992 px) on, where the columns share the width of the page and
 * long cells wrap (nothing hides off-screen at 1,440 px); on narrower screens the table scrolls inside its box
 * rather than widening the page.
 */
export function useTableScroll(): { x: 'max-content' } | undefined {
  const screens = Grid.useBreakpoint();
  return screens.lg ? undefined : { x: 'max-content' };
}
