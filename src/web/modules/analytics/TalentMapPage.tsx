import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Flex, Input, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import { provinces, talentFacets, type TalentFacet } from '../../../domain/analytics';
import { educationLevels, talentStatuses, type ArrivalRoute, type EducationLevel, type TalentStatus, type TitleLevel } from '../../../domain/dictionaries';
import { currentLanguage } from '../../app/i18n';
import { useCurrentUser } from '../auth/RequireSession';
import { CenteredSpin } from '../../ui/CenteredSpin';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FilterField } from '../../ui/FilterField';
import { PageHeader } from '../../ui/PageHeader';
import { StatTile } from '../../ui/StatTile';
import { askQuestion, askTalents, fetchTalentMap, type AskAnswer, type AskFilter, type AskResult, type TalentMap } from './analytics.api';
import { Chart } from './Chart';

/** The talent list's filter for a facet, where the list has one (the figure then opens exactly its records). */
const listFilter: Partial<Record<TalentFacet, string>> = { education: 'education', title: 'title', tier: 'tier', route: 'arrivalRoute' };

function useFacetLabel() {
  const { t } = useTranslation();
  return (facet: TalentFacet, key: string, parks: TalentMap['parks']) => {
    if (!key) return t('analytics.unassigned');
    switch (facet) {
      case 'education': return t(`dictionaries.educationLevels.${key}`, { defaultValue: key });
      case 'title': return t(`dictionaries.titleLevels.${key}`, { defaultValue: key });
      case 'route': return t(`arrivalRoutes.${key}`, { defaultValue: key });
      case 'ageBand': return t(`analytics.talentMap.ageBands.${key}`, { defaultValue: key });
      case 'segment': return t(`dictionaries.chainSegments.${key}`, { defaultValue: key });
      case 'size': return t(`dictionaries.enterpriseSizes.${key}`, { defaultValue: key });
      case 'park': return parks.find((park) => park.id === key)?.name ?? key;
      default: return key;
    }
  };
}

function filterLabel(filter: AskFilter, t: TFunction, map: TalentMap | undefined, english: boolean): string {
  const kind = t(`analytics.ask.kinds.${filter.kind}`);
  switch (filter.kind) {
    case 'education': return `${kind}：${t(`dictionaries.educationLevels.${filter.value as EducationLevel}`)}`;
    case 'title': return `${kind}：${t(`dictionaries.titleLevels.${filter.value as TitleLevel}`)}`;
    case 'status': return `${kind}：${t(`talentStatuses.${filter.value as TalentStatus}`)}`;
    case 'route': return `${kind}：${t(`arrivalRoutes.${filter.value as ArrivalRoute}`)}`;
    case 'industry': {
      const industry = map?.industries.find((row) => row.code === filter.value);
      return `${kind}：${industry ? (english ? industry.nameEn : industry.name) : filter.value}`;
    }
    case 'chain': {
      const chain = map?.chains.find((row) => row.chain === filter.value);
      return `${kind}：${chain && english ? chain.nameEn : filter.value}`;
    }
    case 'age':
      return `${kind}：${filter.min != null && filter.max != null ? t('analytics.ask.ageRange', { min: filter.min, max: filter.max }) : filter.max != null ? t('analytics.ask.ageMax', { max: filter.max }) : t('analytics.ask.ageMin', { min: filter.min })}`;
    case 'period': return `${kind}：${t('analytics.ask.months', { months: filter.months })}`;
  }
}

function AskBox({ map }: { map: TalentMap | undefined }) {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en-US';
  const [answer, setAnswer] = useState<AskAnswer | null>(null);
  const [filters, setFilters] = useState<AskFilter[]>([]);
  const [result, setResult] = useState<AskResult | null>(null);
  const ask = useMutation({ mutationFn: askQuestion, onSuccess: (data) => { setAnswer(data); setFilters(data.filters); setResult(data.result); } });
  const edit = useMutation({ mutationFn: (next: AskFilter[]) => askTalents(next), onSuccess: setResult });
  const handleEdit = (next: AskFilter[]) => { setFilters(next); edit.mutate(next); };
  const educationOptions = educationLevels.map((value) => ({ value: value as string, label: t(`dictionaries.educationLevels.${value}`) }));
  const statusOptions = talentStatuses.map((value) => ({ value: value as string, label: t(`talentStatuses.${value}`) }));
  const chainOptions = (map?.chains ?? []).map((chain) => ({ value: chain.chain, label: english ? chain.nameEn : chain.chain }));
  const editable: Partial<Record<AskFilter['kind'], { value: string; label: string }[]>> = { education: educationOptions, status: statusOptions, chain: chainOptions };
  return (
    <Card size="small" title={t('analytics.ask.title')} style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label={t('analytics.ask.title')}
        placeholder={t('analytics.ask.placeholder')}
        enterButton={t('analytics.ask.submit')}
        maxLength={100}
        loading={ask.isPending}
        onSearch={(value) => { if (value.trim()) ask.mutate(value.trim()); }}
        data-testid="ask-input"
      />
      {ask.isError ? <Alert type="error" showIcon title={ask.error.message} style={{ marginTop: 8 }} /> : null}
      {answer ? (
        <div style={{ marginTop: 12 }} data-testid="ask-answer">
          <Flex wrap gap={8} align="center">
            <Typography.Text strong>{t('analytics.ask.understood')}：</Typography.Text>
            {filters.length ? null : <Typography.Text type="secondary">{t('analytics.ask.noFilters')}</Typography.Text>}
            {filters.map((filter, index) => {
              const label = filterLabel(filter, t, map, english);
              const options = editable[filter.kind];
              return (
                <Tag key={`${filter.kind}-${index}`} color="blue" closable closeIcon={<span aria-label={t('analytics.ask.remove', { label })}>×</span>} onClose={(event) => { event.preventDefault(); handleEdit(filters.filter((_, at) => at !== index)); }} data-testid="ask-chip" title={filter.words}>
                  {options ? (
                    <Space size={4}>
                      <span>{t(`analytics.ask.kinds.${filter.kind}`)}：</span>
                      <Select
                        size="small"
                        variant="borderless"
                        aria-label={label}
                        value={filter.value}
                        options={options}
                        popupMatchSelectWidth={false}
                        onChange={(value: string) => handleEdit(filters.map((entry, at) => (at === index ? { ...entry, value } : entry)))}
                        style={{ minWidth: 96 }}
                      />
                    </Space>
                  ) : label}
                </Tag>
              );
            })}
          </Flex>
          {answer.unknown.length ? (
            <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
              <Typography.Text strong>{t('analytics.ask.unknown')}：</Typography.Text>
              {answer.unknown.map((word) => <Tag key={word} color="orange" data-testid="ask-unknown">{word}</Tag>)}
            </Flex>
          ) : null}
          {answer.skipped.length ? (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('analytics.ask.skipped')}：{answer.skipped.join(' ')}</Typography.Paragraph>
          ) : null}
          {result ? (
            <>
              <Typography.Paragraph strong style={{ margin: '12px 0 8px' }} data-testid="ask-total">
                {result.capped ? t('analytics.ask.capped') : t('analytics.ask.result', { total: result.total })}
              </Typography.Paragraph>
              <Table
                size="small"
                rowKey="id"
                loading={edit.isPending}
                pagination={false}
                dataSource={result.items}
                aria-label={t('analytics.ask.title')}
                columns={[
                  { title: t('analytics.ask.columns.name'), key: 'name', render: (_, row) => <Link to={`/talents/${row.id}`}>{row.name}</Link> },
                  { title: t('analytics.ask.columns.employer'), dataIndex: 'employer', render: (value: string | null) => value ?? '—' },
                  { title: t('analytics.ask.columns.post'), dataIndex: 'post', responsive: ['xl'], render: (value: string | null) => value ?? '—' },
                  { title: t('analytics.ask.columns.education'), key: 'education', render: (_, row) => (row.highestEducation ? t(`dictionaries.educationLevels.${row.highestEducation as EducationLevel}`) : '—') },
                  { title: t('analytics.ask.columns.title'), key: 'title', responsive: ['xl'], render: (_, row) => (row.highestTitle ? t(`dictionaries.titleLevels.${row.highestTitle as TitleLevel}`) : '—') },
                  { title: t('analytics.ask.columns.status'), key: 'status', render: (_, row) => t(`talentStatuses.${row.status as TalentStatus}`) },
                  { title: t('analytics.ask.columns.birthYear'), dataIndex: 'birthYear', align: 'right' },
                ]}
              />
            </>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

export function TalentMapPage() {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en-US';
  const user = useCurrentUser();
  const labelOf = useFacetLabel();
  const map = useQuery({ queryKey: ['analytics', 'talent-map'], queryFn: fetchTalentMap });
  const [chain, setChain] = useState<string>('');
  const [industry, setIndustry] = useState<string>('');
  const [facet, setFacet] = useState<TalentFacet>('education');
  const data = map.data;

  // the shared filter bar: every chart reads the industries it leaves
  const chosenIndustries = useMemo(() => {
    if (!data) return [];
    if (industry) return [industry];
    if (chain) return data.chains.find((row) => row.chain === chain)?.industries ?? [];
    return data.industries.map((row) => row.code).concat(['']);
  }, [data, chain, industry]);
  const industryName = (code: string) => {
    const row = data?.industries.find((entry) => entry.code === code);
    return row ? (english ? row.nameEn : row.name) : t('analytics.unassigned');
  };
  // rows: a chain (all chains shown) or an industry (a chain chosen)
  const groups = useMemo(() => {
    if (!data) return [] as { key: string; label: string; industries: string[] }[];
    if (chain || industry) return chosenIndustries.map((code) => ({ key: code, label: industryName(code), industries: [code] }));
    const chained = new Set(data.chains.flatMap((row) => row.industries));
    return [
      ...data.chains.map((row) => ({ key: row.chain, label: english ? row.nameEn : row.chain, industries: row.industries })),
      { key: 'other', label: t('analytics.talentMap.otherChain'), industries: data.industries.map((row) => row.code).filter((code) => !chained.has(code)).concat(['']) },
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, chain, industry, chosenIndustries, english]);

  const facetCells = useMemo(() => (data ? data.cells.filter((cell) => cell.facet === facet && chosenIndustries.includes(cell.industry)) : []), [data, facet, chosenIndustries]);
  const facetKeys = useMemo(() => {
    const totals = new Map<string, number>();
    for (const cell of facetCells) totals.set(cell.key, (totals.get(cell.key) ?? 0) + cell.count);
    const order: readonly string[] = facet === 'ageBand' ? ['under30', 'from30to34', 'from35to39', 'from40to49', 'from50'] : [];
    return [...totals.keys()].sort((a, b) => (order.length ? order.indexOf(a) - order.indexOf(b) : (totals.get(b) ?? 0) - (totals.get(a) ?? 0)));
  }, [facetCells, facet]);
  const countOf = (industries: string[], key: string) => facetCells.filter((cell) => industries.includes(cell.industry) && cell.key === key).reduce((sum, cell) => sum + cell.count, 0);
  const total = facetCells.reduce((sum, cell) => sum + cell.count, 0);
  const facetName = t(`analytics.talentMap.facets.${facet}`);

  const distributionOption = useMemo<EChartsOption>(() => ({
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: groups.map((group) => group.label) },
    series: facetKeys.map((key) => ({ type: 'bar', stack: 'all', name: labelOf(facet, key, data?.parks ?? []), data: groups.map((group) => countOf(group.industries, key)) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [groups, facetKeys, facet, data]);

  const flowsOption = useMemo<EChartsOption>(() => ({
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: (data?.flows ?? []).map((row) => String(row.year)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: t('analytics.talentMap.arrived'), data: (data?.flows ?? []).map((row) => row.arrived) },
      { type: 'bar', name: t('analytics.talentMap.left'), data: (data?.flows ?? []).map((row) => row.left) },
    ],
  }), [data, t]);

  const byProvince = useMemo(() => {
    const counts = new Map<string, number>();
    for (const row of data?.destinations ?? []) if (row.province) counts.set(row.province, (counts.get(row.province) ?? 0) + row.count);
    return counts;
  }, [data]);
  const unplaced = (data?.destinations ?? []).filter((row) => !row.province);
  const provinceLabel = (name: string) => (english ? provinces.find((row) => row.name === name)?.nameEn ?? name : name);
  const mapOption = useMemo<EChartsOption>(() => {
    const values = [...byProvince.values()];
    return {
      tooltip: { trigger: 'item' },
      visualMap: { min: 0, max: Math.max(1, ...values), left: 8, bottom: 8, calculable: true, inRange: { color: ['#e6f4ff', '#0958d9'] } },
      series: [{
        type: 'map', map: 'china', roam: false, name: t('analytics.talentMap.destinations'),
        label: { show: false }, emphasis: { label: { show: true } },
        nameMap: english ? Object.fromEntries(provinces.map((row) => [row.name, row.nameEn])) : undefined,
        data: [...byProvince].map(([name, value]) => ({ name: english ? provinceLabel(name) : name, value })),
      }],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [byProvince, english, t]);

  if (map.isPending) return <CenteredSpin />;
  if (map.isError || !data) return <ErrorAlert message={map.error?.message ?? ''} onRetry={() => void map.refetch()} retryLabel={t('common.retry')} />;
  const scoped = !user.roles.some((role) => role === 'office' || role === 'leader');
  const listLink = (industries: string[], key: string) => {
    const filter = listFilter[facet];
    if (!filter || industries.length !== 1 || !industries[0]) return null;
    return `/talents?industry=${industries[0]}&status=inZone&${filter}=${encodeURIComponent(key)}`;
  };
  const facetColumns = [{ key: 'group', title: chain || industry ? t('analytics.talentMap.industry') : t('analytics.talentMap.chain') }, ...facetKeys.map((key) => ({ key: `k_${key}`, title: labelOf(facet, key, data.parks) }))];

  return (
    <div>
      <PageHeader title={t('analytics.talentMap.title')} description={t('analytics.talentMap.description')} />
      {scoped ? <Alert type="info" showIcon title={t('analytics.talentMap.scoped')} style={{ marginBottom: 16 }} /> : null}
      <AskBox map={data} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="end" role="group" aria-label={t('analytics.talentMap.filters')}>
          <FilterField label={t('analytics.talentMap.chain')}>
            <Select id="map-chain" style={{ width: 220 }} value={chain} onChange={(value: string) => { setChain(value); setIndustry(''); }}
              options={[{ value: '', label: t('analytics.all') }, ...data.chains.map((row) => ({ value: row.chain, label: english ? row.nameEn : row.chain }))]} />
          </FilterField>
          <FilterField label={t('analytics.talentMap.industry')}>
            <Select id="map-industry" style={{ width: 220 }} value={industry} onChange={(value: string) => setIndustry(value)}
              options={[{ value: '', label: t('analytics.all') }, ...data.industries.filter((row) => !chain || row.chain === chain).map((row) => ({ value: row.code, label: english ? row.nameEn : row.name }))]} />
          </FilterField>
          <FilterField label={t('analytics.talentMap.facet')}>
            <Segmented id="map-facet" value={facet} onChange={(value) => setFacet(value as TalentFacet)} options={talentFacets.map((value) => ({ value, label: t(`analytics.talentMap.facets.${value}`) }))} />
          </FilterField>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}><StatTile title={t('analytics.talentMap.total')} value={total} testId="map-total" to={industry ? `/talents?industry=${industry}&status=inZone` : !chain ? '/talents?status=inZone' : undefined} /></Col>
        <Col span={24}>
          <Chart
            title={t('analytics.talentMap.distribution', { facet: facetName })}
            testId="distribution-chart"
            option={distributionOption}
            height={Math.max(260, groups.length * 44 + 60)}
            fileName={`talent-map-${facet}`}
            columns={facetColumns}
            rows={groups.map((group) => ({
              group: group.label,
              ...Object.fromEntries(facetKeys.flatMap((key) => {
                const count = countOf(group.industries, key);
                const link = listLink(group.industries, key);
                return [[`k_${key}`, link && count ? <Link to={link}>{count}</Link> : count], [`k_${key}Text`, count]];
              })),
            }))}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Chart
            title={t('analytics.talentMap.flows')}
            testId="flows-chart"
            option={flowsOption}
            fileName="talent-flows"
            columns={[{ key: 'year', title: t('analytics.talentMap.year') }, { key: 'arrived', title: t('analytics.talentMap.arrived') }, { key: 'left', title: t('analytics.talentMap.left') }]}
            rows={data.flows.map((row) => ({ ...row }))}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Chart
            title={t('analytics.talentMap.destinations')}
            testId="china-map"
            china
            option={mapOption}
            height={380}
            fileName="leaver-destinations"
            columns={[{ key: 'province', title: t('analytics.talentMap.province') }, { key: 'count', title: t('analytics.talentMap.count') }]}
            rows={[...byProvince].sort((a, b) => b[1] - a[1]).map(([name, count]) => ({ province: provinceLabel(name), count }))}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {unplaced.length ? `${t('analytics.talentMap.unplaced')}：${unplaced.map((row) => `${row.text} ${row.count}`).join('，')}。` : null}
            {t('analytics.talentMap.mapNote')}
          </Typography.Paragraph>
        </Col>
      </Row>
    </div>
  );
}
