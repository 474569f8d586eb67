import { App as AntdApp } from 'antd';
import type { ReactNode } from 'react';

/** A signed-out page that calls `App.useApp()` (first-run set-up), in antd's App (router.tsx). */
export function WithAntdApp({ children }: { children: ReactNode }) {
  return <AntdApp>{children}</AntdApp>;
}
