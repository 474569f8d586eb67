import { message } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The warning shown once when the session ended on the server (App.tsx); it stays up across the move to the sign-in page. */
export function SessionExpiredNotice() {
  const { t } = useTranslation();
  const [api, holder] = message.useMessage();
  useEffect(() => {
    void api.warning(t('account.sessionExpired'));
    // once per mount: App.tsx mounts a new notice for each ended session
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return holder;
}
