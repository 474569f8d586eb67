import type { Executor } from '../client';
import { chainBenchmarks, chainProfiles } from '../schema';

/**
 * The key chains' profiles (what each segment holds) and the benchmark shares the location quotient divides by. The
 * shares are ILLUSTRATIVE demo figures, labelled as such in their source: an installation enters the published
 * figures (statistical yearbook, with source and year) on the reference data.
 */
export const demoChainProfiles = [
  {
    chain: '数字经济产业链', nameEn: 'Digital economy chain',
    upstream: '算力与数据中心、数据采集与标注', upstreamEn: 'Computing power and data centres, data collection and labelling',
    midstream: '软件与平台、人工智能训练、工业互联网', midstreamEn: 'Software and platforms, AI training, industrial internet',
    downstream: '智慧城市、直播电商、数字化应用', downstreamEn: 'Smart city, live-stream commerce, digital applications',
  },
  {
    chain: '新能源电池产业链', nameEn: 'New-energy battery chain',
    upstream: '锂电材料、正负极材料、电解液', upstreamEn: 'Lithium battery materials, cathodes and anodes, electrolyte',
    midstream: '电芯制造、电池模组与系统', midstreamEn: 'Cell manufacturing, modules and packs',
    downstream: '储能电站、新能源汽车配套、回收利用', downstreamEn: 'Energy storage, vehicle supply, recycling',
  },
  {
    chain: '泵阀产业链', nameEn: 'Pumps and valves chain',
    upstream: '铸锻件、特种钢材', upstreamEn: 'Castings and forgings, special steel',
    midstream: '泵阀设计与制造、密封件', midstreamEn: 'Pump and valve design and manufacture, seals',
    downstream: '煤化工、电力、水务应用与运维', downstreamEn: 'Coal chemicals, power and water applications and maintenance',
  },
  {
    chain: '新材料产业链', nameEn: 'New materials chain',
    upstream: '耐火原料、铝矾土、硅基原料', upstreamEn: 'Refractory raw materials, bauxite, silicon feedstock',
    midstream: '耐火材料、陶瓷纤维、半导体材料', midstreamEn: 'Refractories, ceramic fibre, semiconductor materials',
    downstream: '冶金、建材与电子应用', downstreamEn: 'Metallurgy, building materials and electronics',
  },
].map((profile, index) => ({ ...profile, sortOrder: index + 1 }));

const source = '演示数据（示意，非官方统计）';
const sourceEn = 'Demo data (illustrative, not official statistics)';
const shares: [string, number, number][] = [
  ['数字经济产业链', 9.5, 12.8],
  ['新能源电池产业链', 3.2, 2.6],
  ['泵阀产业链', 1.1, 0.6],
  ['新材料产业链', 4.0, 3.1],
];
export const demoChainBenchmarks = shares.flatMap(([chain, province, national]) => [
  { chain, area: 'province' as const, share: province, source: `${source}：山西省`, sourceEn: `${sourceEn}: Shanxi`, year: 2025 },
  { chain, area: 'national' as const, share: national, source: `${source}：全国`, sourceEn: `${sourceEn}: China`, year: 2025 },
]);

export async function storeChainProfiles(tx: Executor) {
  await tx.insert(chainProfiles).values(demoChainProfiles);
  await tx.insert(chainBenchmarks).values(demoChainBenchmarks);
  return { chains: demoChainProfiles.length, benchmarks: demoChainBenchmarks.length };
}
