import type { ethnicities } from '../../../domain/dictionaries';

/** The zone's industries and key chains, and the talent tiers: demo reference data the office can edit. */
export const demoIndustries = [
  { code: 'digitalEconomy', name: '数字经济', nameEn: 'Digital economy', chain: '数字经济产业链' },
  { code: 'newEnergyBattery', name: '新能源电池', nameEn: 'New-energy batteries', chain: '新能源电池产业链' },
  { code: 'pumpsValves', name: '泵阀', nameEn: 'Pumps and valves', chain: '泵阀产业链' },
  { code: 'newMaterials', name: '新材料', nameEn: 'New materials', chain: '新材料产业链' },
  { code: 'chemicals', name: '化工', nameEn: 'Chemicals', chain: null },
  { code: 'equipment', name: '装备制造', nameEn: 'Equipment manufacturing', chain: null },
  { code: 'informationTechnology', name: '信息技术', nameEn: 'Information technology', chain: '数字经济产业链' },
  { code: 'modernServices', name: '现代服务', nameEn: 'Modern services', chain: null },
  { code: 'financeEconomics', name: '经济金融', nameEn: 'Economics and finance', chain: null },
  { code: 'construction', name: '工程建设', nameEn: 'Engineering and construction', chain: null },
  { code: 'publicHealth', name: '医疗卫生', nameEn: 'Public health', chain: null },
].map((industry, index) => ({ ...industry, sortOrder: index + 1, active: true }));

export const demoTiers = [
  { code: 'A', name: 'A 类 顶尖人才', nameEn: 'Tier A — top talent', definition: '诺贝尔奖获得者、两院院士及相当层次的国内外顶尖人才' },
  { code: 'B', name: 'B 类 领军人才', nameEn: 'Tier B — leading talent', definition: '国家级重大人才工程入选者、国家级科技奖励主要完成人等领军人才' },
  { code: 'C', name: 'C 类 高端人才', nameEn: 'Tier C — high-end talent', definition: '省级重大人才工程入选者、正高级职称、博士后等高端人才' },
  { code: 'D', name: 'D 类 骨干人才', nameEn: 'Tier D — core talent', definition: '博士研究生、副高级职称、企业高级管理人员及重点产业链技术骨干' },
  { code: 'E', name: 'E 类 基础人才', nameEn: 'Tier E — foundation talent', definition: '硕士研究生、中级职称、高级工及以上技能人才' },
].map((tier, index) => ({ ...tier, sortOrder: index + 1 }));

/** The county-level codes of Yangquan used for synthetic ID numbers: 城区, 矿区, 郊区, 平定县, 盂县. */
export const yangquanAreaCodes = ['140302', '140303', '140311', '140321', '140322'] as const;

export type Ethnicity = (typeof ethnicities)[number];

/** The last day any generated date (arrival, leaving, founding) may fall on: fixed, so the data does not depend on the day it is loaded. */
export const latestDemoDate = '2026-10-31';
