import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { canOpen, pageEntry } from '../../app/navigation';
import { StatTile } from '../../ui/StatTile';
import { useCurrentUser } from '../auth/RequireSession';

import { BarTable } from './BarTable';
import type { ZoneGlance } from './home.api';
import { formatMoney } from '../../ui/format';

const chainColour = '#1456c8';
const educationColour = '#722ed1';
const arrivedColour = '#13a8a8';
const leftColour = '#8c8c8c';
const paidColour = '#52c41a';

/**
 * A leader's home: the zone at a glance, every figure counted by the server from the records — the talents on record
 * by key industry chain and by education, arrivals and departures per year, and each policy's money against its
 * budget. Figures open the list behind them where one exists.
 */
export function GlanceSection({ glance }: { glance: ZoneGlance }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const registry = canOpen(pageEntry('talents'), user.roles);
  const catalogue = canOpen(pageEntry('policies'), user.roles);
  const people = t('home.glance.peopleSuffix');
  const yuan = formatMoney;
  const paidShare = glance.budget ? Math.round((glance.paid / glance.budget) * 1000) / 10 : 0;
  return (
    <Card title={t('home.glance.title')} data-testid="home-glance">
      <Row gutter={[12, 12]}>
        <Col xs={12} lg={6}>
          <StatTile testId="glance-talents" title={t('home.glance.talents')} value={glance.talents} suffix={people} to={registry ? '/talents' : undefined} accent={chainColour} />
        </Col>
        <Col xs={12} lg={6}>
          <StatTile testId="glance-paid" title={t('home.glance.paid')} value={glance.paid} money to={canOpen(pageEntry('ledger'), user.roles) ? '/ledger?status=paid' : undefined} accent={paidColour} />
        </Col>
        <Col xs={12} lg={6}>
          <StatTile testId="glance-budget" title={t('home.glance.budget')} value={glance.budget} money to={catalogue ? '/policies' : undefined} accent="#1456c8" />
        </Col>
        <Col xs={12} lg={6}>
          <StatTile testId="glance-paid-share" title={t('home.glance.paidShare')} value={paidShare} suffix="%" accent="#fa8c16" />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" type="inner" title={t('home.glance.byChain')} style={{ height: '100%' }}>
            <BarTable
              testId="glance-chain"
              caption={t('home.glance.figure')}
              bars={glance.byChain.map((row) => ({ key: row.chain ?? 'other', label: row.chain ?? t('home.glance.otherChains'), value: row.total, colour: row.chain ? chainColour : leftColour }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" type="inner" title={t('home.glance.byEducation')} style={{ height: '100%' }}>
            <BarTable
              testId="glance-education"
              caption={glance.unknownEducation ? t('home.glance.unknownEducation', { count: glance.unknownEducation }) : t('home.glance.figure')}
              bars={glance.byEducation.map((row) => ({
                key: row.education,
                label: t(`dictionaries.educationLevels.${row.education}`),
                value: row.total,
                colour: educationColour,
                to: registry ? `/talents?education=${row.education}` : undefined,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" type="inner" title={t('home.glance.byYear')} style={{ height: '100%' }}>
            <Flex gap={16} style={{ marginBottom: 4 }} aria-hidden>
              <Legend colour={arrivedColour} label={t('home.glance.arrived')} />
              <Legend colour={leftColour} label={t('home.glance.left')} />
            </Flex>
            <BarTable
              testId="glance-year"
              header={[t('home.glance.year'), `${t('home.glance.arrived')} / ${t('home.glance.left')}`]}
              bars={glance.byYear.map((row) => ({
                key: String(row.year),
                label: `${row.year}${t('home.glance.yearSuffix')}`,
                value: row.arrived,
                colour: arrivedColour,
                also: { value: row.left, colour: leftColour },
                valueText: `${row.arrived} / ${row.left}`,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" type="inner" title={t('home.glance.money')} style={{ height: '100%' }}>
            <BarTable
              testId="glance-money"
              layout="stacked"
              caption={t('home.glance.committedNote')}
              bars={glance.policies.map((policy) => ({
                key: policy.code,
                label: policy.title,
                value: policy.paid,
                behind: policy.committed,
                of: policy.budget,
                colour: paidColour,
                valueText: t('home.glance.paidOfBudget', { paid: yuan(policy.paid), budget: yuan(policy.budget) }),
                to: catalogue ? `/policies/${policy.id}` : undefined,
              }))}
            />
          </Card>
        </Col>
      </Row>
    </Card>
  );
}

function Legend({ colour, label }: { colour: string; label: string }) {
  return (
    <Flex align="center" gap={6}>
      <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 3, background: colour }} />
      <Typography.Text type="secondary">{label}</Typography.Text>
    </Flex>
  );
}
