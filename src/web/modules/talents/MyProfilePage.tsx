import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/RequireSession';
import { TalentProfile } from './TalentProfile';

/** 我的档案: the signed-in talent's own record, editable except what the office verified. */
export function MyProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!user.talentId) return <Result status="info" title={t('profile.title')} subTitle={t('profile.notBound')} />;
  return <TalentProfile talentId={user.talentId} own />;
}
