import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../app/i18n';
import { useCurrentUser } from '../auth/RequireSession';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { StatTile } from '../../ui/StatTile';
import { fetchIndustryMap, type IndustryMap } from './analytics.api';
import { Chart } from './Chart';

const colorOf = (value: number) => (value >= 60 ? 'red' : value >= 30 ? 'orange' : 'green');

function ChainCard({ chain, english }: { chain: IndustryMap['chains'][number]; english: boolean }) {
  const { t } = useTranslation();
  const name = english ? chain.nameEn : chain.chain;
  return (
    <Card size="small" title={name} data-testid="chain-card">
      <Space wrap size={[16, 8]} style={{ marginBottom: 8 }}>
        <span>{t('analytics.industryMap.enterprises')}：<strong>{chain.enterprises}</strong></span>
        <span>{t('analytics.industryMap.talents')}：<strong>{chain.talents}</strong></span>
        <span>{t('analytics.industryMap.openPosts')}：<strong>{chain.openPosts}</strong></span>
        {chain.industries.length === 1 ? <Link to={`/talents?industry=${chain.industries[0]}&status=inZone`}>{t('analytics.talentMap.openList')}</Link> : null}
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey={(row) => row.segment ?? 'none'}
        dataSource={chain.segments}
        aria-label={name}
        columns={[
          { title: t('analytics.industryMap.segment'), key: 'segment', render: (_, row) => (row.segment ? t(`dictionaries.chainSegments.${row.segment}`) : t('analytics.unassigned')) },
          { title: t('analytics.industryMap.holds'), key: 'holds', render: (_, row) => (english ? row.descriptionEn : row.description) || '—', responsive: ['xl'] },
          { title: t('analytics.industryMap.enterprises'), dataIndex: 'enterprises', align: 'right' },
          { title: t('analytics.industryMap.talents'), dataIndex: 'talents', align: 'right' },
          { title: t('analytics.industryMap.openPosts'), dataIndex: 'openPosts', align: 'right' },
          { title: t('analytics.industryMap.training'), dataIndex: 'trainingHeadcount', align: 'right' },
          { title: t('analytics.industryMap.challenges'), dataIndex: 'challenges', align: 'right' },
        ]}
      />
      {chain.quotients.length ? (
        <Table
          size="small"
          pagination={false}
          style={{ marginTop: 8 }}
          rowKey="area"
          dataSource={chain.quotients}
          aria-label={`${name} · ${t('analytics.industryMap.quotient')}`}
          columns={[
            { title: t('analytics.industryMap.area'), key: 'area', render: (_, row) => t(`analytics.industryMap.areas.${row.area}`) },
            { title: t('analytics.industryMap.share'), key: 'zoneShare', align: 'right', render: (_, row) => `${row.zoneShare.toFixed(2)}%` },
            { title: t('analytics.industryMap.benchmark'), key: 'share', align: 'right', render: (_, row) => `${row.share}%` },
            { title: t('analytics.industryMap.quotient'), key: 'quotient', align: 'right', render: (_, row) => (row.quotient === null ? '—' : <strong data-testid="quotient">{row.quotient.toFixed(2)}</strong>) },
            { title: t('analytics.industryMap.source'), key: 'source', render: (_, row) => `${english ? row.sourceEn : row.source}（${row.year}）` },
          ]}
        />
      ) : null}
    </Card>
  );
}

export function IndustryMapPage() {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en-US';
  const user = useCurrentUser();
  const map = useQuery({ queryKey: ['analytics', 'industry-map'], queryFn: fetchIndustryMap });
  const data = map.data;

  const shortageRows = useMemo(() => (data ? [...data.shortage].sort((a, b) => b.value - a.value) : []), [data]);
  const shortageOption = useMemo<EChartsOption>(() => ({
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', inverse: true, data: shortageRows.map((row) => (english ? row.nameEn : row.name)) },
    series: [{ type: 'bar', data: shortageRows.map((row) => ({ value: row.value, itemStyle: { color: row.value >= 60 ? '#cf1322' : row.value >= 30 ? '#d46b08' : '#389e0d' } })), label: { show: true, position: 'right' } }],
  }), [shortageRows, english]);
  const historyDays = useMemo(() => [...new Set(shortageRows.flatMap((row) => row.history.map((entry) => entry.day)))].sort(), [shortageRows]);
  const historyOption = useMemo<EChartsOption>(() => ({
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'category', data: historyDays, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', max: 100 },
    series: shortageRows.filter((row) => row.history.length).map((row) => {
      // the day's value, carried forward to days without a change
      let last: number | null = null;
      const byDay = new Map(row.history.map((entry) => [entry.day, entry.value]));
      return { type: 'line', name: english ? row.nameEn : row.name, showSymbol: historyDays.length < 30, data: historyDays.map((day) => (last = byDay.get(day) ?? last)) };
    }),
  }), [shortageRows, historyDays, english]);

  if (map.isPending) return <CenteredSpin />;
  if (map.isError || !data) return <ErrorAlert message={map.error?.message ?? ''} onRetry={() => void map.refetch()} retryLabel={t('common.retry')} />;
  const scoped = !user.roles.some((role) => role === 'office' || role === 'leader');
  return (
    <div>
      <PageHeader title={t('analytics.industryMap.title')} description={t('analytics.industryMap.description')} />
      {scoped ? <Alert type="info" showIcon title={t('analytics.industryMap.scoped')} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Chart
            title={t('analytics.industryMap.shortage.title')}
            testId="shortage-chart"
            option={shortageOption}
            height={Math.max(240, shortageRows.length * 30)}
            fileName="shortage-index"
            columns={[
              { key: 'name', title: t('analytics.industryMap.shortage.discipline') }, { key: 'value', title: t('analytics.industryMap.shortage.value') },
              { key: 'openPosts', title: t('analytics.industryMap.shortage.openPosts') }, { key: 'supply', title: t('analytics.industryMap.shortage.supply') },
              { key: 'timeToFill', title: t('analytics.industryMap.shortage.timeToFill') }, { key: 'vacancyAge', title: t('analytics.industryMap.shortage.vacancyAge') },
            ]}
            rows={shortageRows.map((row) => ({ name: english ? row.nameEn : row.name, value: row.value, openPosts: row.openPosts, supply: row.supply, timeToFill: row.timeToFill ?? '—', vacancyAge: row.vacancyAge ?? '—' }))}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('analytics.industryMap.supplyDemand')}>
            <Typography.Paragraph type="secondary" data-testid="shortage-method">{t('analytics.industryMap.shortage.method')}</Typography.Paragraph>
            <Table
              size="small"
              pagination={false}
              rowKey="discipline"
              dataSource={shortageRows}
              aria-label={t('analytics.industryMap.shortage.title')}
              columns={[
                { title: t('analytics.industryMap.shortage.discipline'), key: 'name', render: (_, row) => (english ? row.nameEn : row.name) },
                { title: t('analytics.industryMap.shortage.value'), key: 'value', align: 'right', render: (_, row) => <Tag color={colorOf(row.value)} data-testid={`shortage-${row.discipline}`}>{row.value}</Tag> },
                { title: t('analytics.industryMap.shortage.openPosts'), dataIndex: 'openPosts', align: 'right' },
                { title: t('analytics.industryMap.shortage.supply'), dataIndex: 'supply', align: 'right' },
                { title: t('analytics.industryMap.shortage.computedAt'), key: 'computedAt', responsive: ['xxl'], render: (_, row) => formatDate(row.computedAt) },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Chart
            title={t('analytics.industryMap.shortage.history')}
            testId="shortage-history"
            option={historyOption}
            fileName="shortage-history"
            columns={[{ key: 'name', title: t('analytics.industryMap.shortage.discipline') }, { key: 'day', title: t('analytics.talentMap.year') }, { key: 'value', title: t('analytics.industryMap.shortage.value') }]}
            rows={shortageRows.flatMap((row) => row.history.map((entry) => ({ name: english ? row.nameEn : row.name, day: entry.day, value: entry.value })))}
          />
        </Col>
        <Col xs={24} md={8}><StatTile title={t('analytics.industryMap.talents')} value={data.allTalents} to="/talents?status=inZone" /></Col>
        <Col xs={24} md={8}><StatTile title={t('analytics.industryMap.enterprises')} value={data.chains.reduce((sum, chain) => sum + chain.enterprises, 0)} /></Col>
        <Col xs={24} md={8}><StatTile title={t('analytics.industryMap.openPosts')} value={data.chains.reduce((sum, chain) => sum + chain.openPosts, 0)} to="/demands" /></Col>
        {data.chains.map((chain) => (
          <Col key={chain.chain} xs={24} xxl={12}>
            <ChainCard chain={chain} english={english} />
          </Col>
        ))}
        <Col span={24}>
          <Typography.Paragraph type="secondary">{t('analytics.industryMap.quotientNote')}</Typography.Paragraph>
        </Col>
      </Row>
    </div>
  );
}
