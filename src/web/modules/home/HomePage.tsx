import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/RequireSession';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { fetchHome } from './home.api';
import { AccountsSection, AuditSection, BenefitsSection, EnterpriseSection, TalentSection, UnitSection } from './RoleSections';
import { GlanceSection } from './GlanceSection';
import { ZoneSection } from './ZoneSection';

/** What each of the user's roles sees first: one section per role, figures counted by the server from the records. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const home = useQuery({ queryKey: ['home'], queryFn: fetchHome });

  let content;
  if (home.isPending) content = <CenteredSpin />;
  else if (home.isError) content = <ErrorAlert message={home.error.message} retryLabel={t('common.retry')} onRetry={() => void home.refetch()} />;
  else {
    const data = home.data;
    const hasSection = Object.values(data).some(Boolean);
    content = (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {data.glance ? <GlanceSection glance={data.glance} /> : null}
        {data.zone ? <ZoneSection zone={data.zone} /> : null}
        {data.talent ? <TalentSection talent={data.talent} /> : null}
        {data.enterprise ? <EnterpriseSection enterprise={data.enterprise} /> : null}
        {data.unit ? <UnitSection unit={data.unit} /> : null}
        {data.benefits ? <BenefitsSection benefits={data.benefits} /> : null}
        {data.accounts ? <AccountsSection accounts={data.accounts} /> : null}
        {data.audit ? <AuditSection audit={data.audit} /> : null}
        {hasSection ? null : <Empty description={t('home.empty')} />}
      </Space>
    );
  }

  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: user.displayName })}
        description={
          <Flex wrap gap={4} component="span">
            {user.roles.map((role) => (
              <Tag key={role} color="blue">
                {t(`roles.${role}`)}
              </Tag>
            ))}
          </Flex>
        }
      />
      {content}
    </>
  );
}
