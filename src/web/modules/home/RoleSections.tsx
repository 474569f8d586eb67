import { Button, Card, Col, Descriptions, Flex, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { allRoles } from '../../../domain/roles';
import { auditActionLabel, industryLabel } from '../../app/labels';
import { currentLanguage } from '../../app/i18n';
import { formatDate, formatDateTime } from '../../ui/format';
import { StatTile } from '../../ui/StatTile';
import type { AccountOverview, AuditOverview, EnterpriseSummary, TalentSummary, UnitSummary } from './home.api';

const resultColours: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' };

/** A talent sees their own record. */
export function TalentSection({ talent }: { talent: TalentSummary }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('home.talent.title')}
      data-testid="home-talent"
      extra={
        <Link to="/profile">
          <Button type="link" size="small">
            {t('home.talent.open')}
          </Button>
        </Link>
      }
    >
      <Descriptions
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'name', label: t('home.talent.name'), children: <span data-testid="talent-name">{talent.name}</span> },
          { key: 'employer', label: t('home.talent.employer'), children: talent.employer ?? t('common.none') },
          { key: 'status', label: t('home.talent.status'), children: <Tag color="blue">{t(`talentStatuses.${talent.status}`)}</Tag> },
          { key: 'route', label: t('home.talent.arrivalRoute'), children: t(`arrivalRoutes.${talent.arrivalRoute}`) },
          { key: 'arrived', label: t('home.talent.arrivedOn'), children: formatDate(talent.arrivedOn) || t('common.none') },
        ]}
      />
    </Card>
  );
}

/** An enterprise's HR sees its company and the talents on record there. */
export function EnterpriseSection({ enterprise }: { enterprise: EnterpriseSummary }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('home.enterprise.title')}
      data-testid="home-enterprise"
      extra={
        <Link to={`/enterprises/${enterprise.id}`}>
          <Button type="link" size="small">
            {t('home.enterprise.open')}
          </Button>
        </Link>
      }
    >
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'name', label: t('home.enterprise.name'), children: <span data-testid="enterprise-name">{enterprise.name}</span> },
          { key: 'industry', label: t('home.enterprise.industry'), children: industryLabel(t, enterprise.industry) || t('common.none') },
        ]}
      />
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <StatTile testId="enterprise-staff" title={t('home.enterprise.staff')} value={enterprise.staff} suffix={t('home.zone.peopleSuffix')} to="/talents" accent="#1456c8" />
        </Col>
        <Col xs={12} md={6}>
          <StatTile testId="enterprise-staff-in-zone" title={t('home.enterprise.staffInZone')} value={enterprise.staffInZone} suffix={t('home.zone.peopleSuffix')} to="/talents?status=inZone" accent="#52c41a" />
        </Col>
      </Row>
    </Card>
  );
}

/** A responsible unit's staff see their unit and its duties. */
export function UnitSection({ unit }: { unit: UnitSummary }) {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en-US';
  return (
    <Card title={t('home.unit.title')} data-testid="home-unit">
      <Descriptions
        column={1}
        items={[
          { key: 'name', label: t('home.unit.name'), children: <span data-testid="unit-name">{english ? unit.nameEn : unit.name}</span> },
          { key: 'duties', label: t('home.unit.duties'), children: unit.duties },
          {
            key: 'membership',
            label: t('home.unit.membership'),
            children: (
              <Flex wrap gap={4}>
                {unit.isResponsibleUnit ? <Tag color="orange">{t('home.unit.responsibleUnit')}</Tag> : null}
                {unit.inServiceTeam ? <Tag color="cyan">{t('home.unit.serviceTeam')}</Tag> : null}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The system and security administrators see the accounts. */
export function AccountsSection({ accounts }: { accounts: AccountOverview }) {
  const { t } = useTranslation();
  const roles = allRoles.filter((role) => (accounts.byRole[role] ?? 0) > 0);
  return (
    <Card
      title={t('home.accounts.title')}
      data-testid="home-accounts"
      extra={
        <Link to="/users">
          <Button type="link" size="small">
            {t('home.accounts.manage')}
          </Button>
        </Link>
      }
    >
      <Row gutter={[12, 12]}>
        <Col xs={12} sm={8}>
          <StatTile testId="accounts-users" title={t('home.accounts.users')} value={accounts.users} to="/users" accent="#1456c8" />
        </Col>
        <Col xs={12} sm={8}>
          <StatTile testId="accounts-disabled" title={t('home.accounts.disabled')} value={accounts.disabled} accent="#8c8c8c" />
        </Col>
        <Col xs={12} sm={8}>
          <StatTile testId="accounts-locked" title={t('home.accounts.locked')} value={accounts.locked} accent="#f5222d" />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('home.accounts.byRole')}
      </Typography.Title>
      <Row gutter={[8, 8]}>
        {roles.map((role) => (
          <Col key={role} xs={12} sm={8} lg={6} xl={3}>
            <StatTile title={t(`roles.${role}`)} value={accounts.byRole[role] ?? 0} to={`/users?role=${role}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** The auditor (and the security administrator) see the last day's audit events. */
export function AuditSection({ audit }: { audit: AuditOverview }) {
  const { t } = useTranslation();
  return (
    <Card title={t('home.audit.title')} data-testid="home-audit">
      <Row gutter={[12, 12]}>
        <Col xs={8}>
          <StatTile testId="audit-events" title={t('home.audit.events')} value={audit.events} accent="#1456c8" />
        </Col>
        <Col xs={8}>
          <StatTile testId="audit-failures" title={t('home.audit.failures')} value={audit.failures} accent="#f5222d" />
        </Col>
        <Col xs={8}>
          <StatTile testId="audit-denials" title={t('home.audit.denials')} value={audit.denials} accent="#fa8c16" />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('home.audit.recent')}
      </Typography.Title>
      <List
        size="small"
        dataSource={audit.recent}
        locale={{ emptyText: t('home.audit.empty') }}
        renderItem={(entry) => (
          <List.Item key={entry.id}>
            <Flex wrap gap={8} align="center" style={{ width: '100%' }}>
              <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatDateTime(entry.at)}
              </Typography.Text>
              <Typography.Text strong>{entry.actorUsername ?? t('audit.anonymous')}</Typography.Text>
              <span>{auditActionLabel(t, entry.action)}</span>
              <Tag color={resultColours[entry.result] ?? 'default'}>
                {entry.result === 'success' || entry.result === 'failure' || entry.result === 'denied' ? t(`audit.results.${entry.result}`) : entry.result}
              </Tag>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
