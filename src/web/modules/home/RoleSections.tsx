import { Button, Card, Col, Descriptions, Flex, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { allRoles } from '../../../domain/roles';
import { auditActionLabel } from '../../app/labels';
import { industryName, useReference } from '../reference/reference.api';
import { currentLanguage } from '../../app/i18n';
import { formatDate, formatDateTime } from '../../ui/format';
import { StatTile } from '../../ui/StatTile';
import type { AccountOverview, AuditOverview, BenefitsOverview, EnterpriseSummary, TalentSummary, UnitSummary } from './home.api';

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
  const reference = useReference().data;
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
          { key: 'industry', label: t('home.enterprise.industry'), children: industryName(t, reference, enterprise.industry) || t('common.none') },
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

type Tile = { key: string; title: string; value: number; to?: string; accent: string; money?: boolean };

/**
 * Policies and money: the office and leaders see the zone's budget and ledger, a responsible unit what waits for its
 * review, a talent or an enterprise its own applications and money. Every tile opens the records it counts.
 */
export function BenefitsSection({ benefits }: { benefits: BenefitsOverview }) {
  const { t } = useTranslation();
  const zoneWide = benefits.publishedPolicies !== null;
  const reviewer = benefits.inbox !== null;
  const tiles: Tile[] = [];
  if (zoneWide) {
    tiles.push(
      { key: 'publishedPolicies', title: t('home.benefits.publishedPolicies'), value: benefits.publishedPolicies ?? 0, to: '/policies?status=published', accent: '#1456c8' },
      { key: 'budget', title: t('home.benefits.budget'), value: benefits.budget ?? 0, to: '/policies', accent: '#1456c8', money: true },
      { key: 'committed', title: t('home.benefits.committed'), value: benefits.committed, to: '/ledger', accent: '#13a8a8', money: true },
      { key: 'paid', title: t('home.benefits.paid'), value: benefits.paid, to: '/ledger?status=paid', accent: '#52c41a', money: true },
    );
  }
  if (reviewer) {
    tiles.push(
      { key: 'inbox', title: t('home.benefits.inbox'), value: benefits.inbox ?? 0, to: '/applications?tab=inbox', accent: '#fa8c16' },
      { key: 'escalated', title: t('home.benefits.escalated'), value: benefits.escalated, to: '/applications?tab=inbox', accent: '#f5222d' },
    );
  }
  if (zoneWide || reviewer) {
    tiles.push({ key: 'openApplications', title: t('home.benefits.openApplications'), value: benefits.openApplications, to: '/applications?tab=all', accent: '#722ed1' });
    if (zoneWide) tiles.push({ key: 'pendingEntitlements', title: t('home.benefits.pendingEntitlements'), value: benefits.pendingEntitlements, to: '/ledger?status=pending', accent: '#13a8a8' });
    else tiles.push({ key: 'paid', title: t('home.benefits.paid'), value: benefits.paid, to: '/ledger?status=paid', accent: '#52c41a', money: true });
  } else {
    tiles.push(
      { key: 'openApplications', title: t('home.benefits.openApplications'), value: benefits.openApplications, to: '/applications', accent: '#722ed1' },
      { key: 'returnedApplications', title: t('home.benefits.returnedApplications'), value: benefits.returnedApplications, to: '/applications?status=returned', accent: '#fa8c16' },
      { key: 'received', title: t('home.benefits.received'), value: benefits.paid, to: '/ledger?status=paid', accent: '#52c41a', money: true },
      { key: 'scheduled', title: t('home.benefits.scheduled'), value: benefits.committed - benefits.paid, to: '/ledger', accent: '#13a8a8', money: true },
      { key: 'pendingEntitlements', title: t('home.benefits.pendingEntitlements'), value: benefits.pendingEntitlements, to: '/ledger?status=pending', accent: '#1456c8' },
    );
  }
  const perRow = tiles.length <= 4 ? tiles.length : Math.ceil(tiles.length / 2);
  return (
    <Card
      title={zoneWide ? t('home.benefits.zoneTitle') : t('home.benefits.title')}
      data-testid="home-benefits"
      extra={
        <Link to={zoneWide || reviewer ? '/policies' : '/calculator'}>
          <Button type="link" size="small">
            {zoneWide || reviewer ? t('home.benefits.catalogue') : t('home.benefits.calculator')}
          </Button>
        </Link>
      }
    >
      {/* an even grid whatever the number of tiles: 8 → 4 + 4, 5 → 3 + 2, 4 → 4; narrow screens wrap further */}
      <Flex wrap gap={12}>
        {tiles.map((tile) => (
          <div key={tile.key} style={{ flex: `0 1 calc((100% - ${(perRow - 1) * 12}px) / ${perRow})`, minWidth: 180 }}>
            <StatTile
              testId={`benefits-${tile.key}`}
              title={tile.title}
              value={tile.value}
              money={tile.money}
              suffix={tile.money ? undefined : t('home.benefits.itemSuffix')}
              to={tile.to}
              accent={tile.accent}
            />
          </div>
        ))}
      </Flex>
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
          <StatTile testId="accounts-password-pending" title={t('home.accounts.passwordPending')} value={accounts.passwordPending} accent="#d46b08" />
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
