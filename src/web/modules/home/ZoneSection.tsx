import { Card, Col, Flex, Progress, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { arrivalRoutes, organisationKinds, talentStatuses } from '../../../domain/dictionaries';
import { can } from '../../../domain/permissions';
import { canOpen, pageEntry } from '../../app/navigation';
import { StatTile } from '../../ui/StatTile';
import { useCurrentUser } from '../auth/RequireSession';
import type { ZoneOverview } from './home.api';

const statusColours = { inZone: '#1456c8', flexibleService: '#13a8a8', left: '#8c8c8c' } as const;
const routeColours = { civilService: '#1456c8', marketHire: '#722ed1', flexible: '#13a8a8', localTraining: '#52c41a', selfArrived: '#fa8c16' } as const;

type ZoneSectionProps = { zone: ZoneOverview };

/** The talent office's and leaders' overview of the zone. */
export function ZoneSection({ zone }: ZoneSectionProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // Every figure opens the records behind it: the registry with the matching filter.
  const registry = canOpen(pageEntry('talents'), user.roles);
  const talentsLink = (query = '') => (registry ? `/talents${query}` : undefined);
  const people = t('home.zone.peopleSuffix');
  const unitsSuffix = t('home.zone.unitSuffix');
  return (
    <Card title={t('home.zone.title')}>
      <Row gutter={[12, 12]}>
        <Col xs={12} sm={8} xl={4}>
          <StatTile testId="zone-talents" title={t('home.zone.talents')} value={zone.talents} suffix={people} to={talentsLink()} accent="#1456c8" />
        </Col>
        {talentStatuses.map((status) => (
          <Col key={status} xs={12} sm={8} xl={4}>
            <StatTile testId={`zone-status-${status}`} title={t(`talentStatuses.${status}`)} value={zone.talentsByStatus[status] ?? 0} suffix={people} to={talentsLink(`?status=${status}`)} accent={statusColours[status]} />
          </Col>
        ))}
        <Col xs={12} sm={8} xl={4}>
          <StatTile testId="zone-responsible-units" title={t('home.zone.responsibleUnits')} value={zone.responsibleUnits} suffix={unitsSuffix} to="/units" accent="#fa8c16" />
        </Col>
        <Col xs={12} sm={8} xl={4}>
          <StatTile
            testId="zone-service-team"
            title={t('home.zone.serviceTeamDepartments')}
            value={zone.serviceTeamDepartments}
            suffix={unitsSuffix}
            to="/units"
            accent="#fa8c16"
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" type="inner" title={t('home.zone.byRoute')} style={{ height: '100%' }}>
            <Flex vertical gap={10}>
              {arrivalRoutes.map((route) => {
                const value = zone.talentsByRoute[route] ?? 0;
                return (
                  <div key={route} data-testid={`zone-route-${route}`}>
                    <Flex justify="space-between" gap={8}>
                      {registry ? <Link to={`/talents?arrivalRoute=${route}`}>{t(`arrivalRoutes.${route}`)}</Link> : <Typography.Text>{t(`arrivalRoutes.${route}`)}</Typography.Text>}
                      <Typography.Text strong>
                        {value}
                        {people}
                      </Typography.Text>
                    </Flex>
                    <Progress percent={zone.talents ? Math.round((value / zone.talents) * 100) : 0} strokeColor={routeColours[route]} showInfo={false} size="small" aria-label={t(`arrivalRoutes.${route}`)} />
                  </div>
                );
              })}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" type="inner" title={t('home.zone.organisations')} style={{ height: '100%' }}>
            <Row gutter={[8, 8]}>
              {organisationKinds.map((kind) => (
                <Col key={kind} xs={12} sm={8}>
                  <StatTile testId={`zone-kind-${kind}`} title={t(`organisationKinds.${kind}`)} value={zone.organisationsByKind[kind] ?? 0} suffix={unitsSuffix} to={kind === 'enterprise' && can(user.roles, 'enterprises.read') ? '/enterprises' : `/organisations?kind=${kind}`} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </Card>
  );
}
