import type { ChainSegment, EnterpriseSize, OrganisationKind } from '../../../domain/dictionaries';

type DemoUnit = { code: string; name: string; nameEn: string; duties: string; responsible: boolean; serviceTeam: boolean };

/**
 * The zone's units. The source names 17 responsible units (责任单位) of the talent work leading group
 * and 19 departments in the talent service team (人才服务小组); most units are both.
 */
export const demoUnits: DemoUnit[] = [
  { code: 'U01', name: '党工委党群工作部（人才办）', nameEn: 'Party Affairs Dept. (Talent Office)', duties: '统筹人才工作，牵头人才政策制定、人才认定与联系服务', responsible: true, serviceTeam: true },
  { code: 'U02', name: '管委会办公室', nameEn: 'Administrative Committee Office', duties: '综合协调，督办人才工作重点任务', responsible: true, serviceTeam: true },
  { code: 'U03', name: '组织人事部', nameEn: 'Organisation and Personnel Dept.', duties: '干部人才引进、体制内招聘、优秀年轻干部储备', responsible: true, serviceTeam: true },
  { code: 'U04', name: '经济发展局', nameEn: 'Economic Development Bureau', duties: '重点产业链人才需求摸底，产业人才奖励', responsible: true, serviceTeam: true },
  { code: 'U05', name: '科技创新局', nameEn: 'Science and Technology Innovation Bureau', duties: '科技人才专项政策、省校合作、成果转化、揭榜挂帅', responsible: true, serviceTeam: true },
  { code: 'U06', name: '财政金融局', nameEn: 'Finance Bureau', duties: '人才资金保障与兑现拨付，创业担保贷款贴息', responsible: true, serviceTeam: true },
  { code: 'U07', name: '人力资源和社会保障局', nameEn: 'Human Resources and Social Security Bureau', duties: '职称评聘、技能培训、社会保险、就业创业服务', responsible: true, serviceTeam: true },
  { code: 'U08', name: '行政审批局', nameEn: 'Administrative Approval Bureau', duties: '"一站式""一条龙"人才服务窗口', responsible: true, serviceTeam: true },
  { code: 'U09', name: '投资促进局', nameEn: 'Investment Promotion Bureau', duties: '"双招双引"，招商引资项目带人才', responsible: true, serviceTeam: true },
  { code: 'U10', name: '规划建设局', nameEn: 'Planning and Construction Bureau', duties: '人才公寓筹集与住房安居保障', responsible: true, serviceTeam: true },
  { code: 'U11', name: '社会事业局', nameEn: 'Social Affairs Bureau', duties: '人才子女入学、医疗保障、文化旅游服务', responsible: true, serviceTeam: true },
  { code: 'U12', name: '公安分局', nameEn: 'Public Security Sub-bureau', duties: '人才及亲属落户', responsible: true, serviceTeam: true },
  { code: 'U13', name: '市场监督管理局', nameEn: 'Market Regulation Bureau', duties: '人才创办企业登记服务', responsible: true, serviceTeam: true },
  { code: 'U14', name: '税务分局', nameEn: 'Tax Sub-bureau', duties: '人才税收优惠落实', responsible: true, serviceTeam: true },
  { code: 'U15', name: '区属人力资源公司', nameEn: 'Zone Human Resources Company', duties: '市场化选聘、人力资源产业园运营', responsible: true, serviceTeam: true },
  { code: 'U16', name: '园区建设公司', nameEn: 'Park Construction Company', duties: '创新平台与产业园区载体建设', responsible: true, serviceTeam: true },
  { code: 'U17', name: '综合执法局', nameEn: 'Comprehensive Law Enforcement Bureau', duties: '人才权益保障协调', responsible: true, serviceTeam: true },
  { code: 'U18', name: '交通运输服务中心', nameEn: 'Transport Service Centre', duties: '人才出行交通"绿色通道"', responsible: false, serviceTeam: true },
  { code: 'U19', name: '配偶就业服务中心', nameEn: 'Spouse Employment Service Centre', duties: '人才配偶安置与就业服务', responsible: false, serviceTeam: true },
];

type DemoOrganisation = { kind: OrganisationKind; name: string; industry?: string; description?: string };

/** The parks and platforms enterprises are located in (by name; kind 'platform' above). */
export const demoParks = ['山西智创城7号', '高新技术创业园', '百度(阳泉)创新中心', '人力资源产业园'] as const;

/** Details of the enterprises the source names (the rest of the enterprise fields are generated). */
export const namedEnterpriseDetails: Record<string, { size: EnterpriseSize; founded: [number, number]; park: (typeof demoParks)[number] | null; chainSegment: ChainSegment | null }> = {
  山西天和盛环境检测有限公司: { size: 'small', founded: [2012, 2016], park: '高新技术创业园', chainSegment: 'downstream' },
  山西鲲鹏传媒有限公司: { size: 'small', founded: [2016, 2019], park: '山西智创城7号', chainSegment: 'downstream' },
  高新区数字经济发展有限公司: { size: 'medium', founded: [2020, 2021], park: '百度(阳泉)创新中心', chainSegment: 'midstream' },
  泵阀集团: { size: 'large', founded: [2019, 2020], park: null, chainSegment: 'midstream' },
  高新区园区建设发展有限公司: { size: 'medium', founded: [2018, 2019], park: null, chainSegment: null },
  高新区人力资源有限公司: { size: 'small', founded: [2020, 2021], park: '人力资源产业园', chainSegment: null },
};

/**
 * Organisations named in the source, by their names, the ten resident talent teams and the 19 partner universities of
 * the 省校合作 agreements. The zone's other enterprises are generated (enterprises.ts).
 */
export const demoOrganisations: DemoOrganisation[] = [
  { kind: 'enterprise', name: '山西天和盛环境检测有限公司', industry: 'modernServices', description: '与阳泉职业技术学院合办企业订单班' },
  { kind: 'enterprise', name: '山西鲲鹏传媒有限公司', industry: 'digitalEconomy', description: '与阳泉职业技术学院合办企业订单班' },
  { kind: 'enterprise', name: '高新区数字经济发展有限公司', industry: 'digitalEconomy', description: '区属专业公司，市场化选聘经理人' },
  { kind: 'enterprise', name: '泵阀集团', industry: 'pumpsValves', description: '区属专业公司，市场化选聘经理人' },
  { kind: 'enterprise', name: '高新区园区建设发展有限公司', industry: 'modernServices', description: '区属专业公司，市场化选聘经理人' },
  { kind: 'enterprise', name: '高新区人力资源有限公司', industry: 'modernServices', description: '区属人力资源公司，推进人力资源产业园建设' },
  { kind: 'team', name: '中国电子系统', industry: 'informationTechnology', description: '常驻高新区高素质人才团队' },
  { kind: 'team', name: '中关村智酷', industry: 'digitalEconomy', description: '常驻高新区高素质人才团队；产业智库' },
  { kind: 'team', name: '新石器网络科技', industry: 'informationTechnology', description: '常驻高新区高素质人才团队' },
  { kind: 'team', name: '清研科创中心', industry: 'newMaterials', description: '常驻高新区高素质人才团队；与清华大学合作开展高级管理人才研修班' },
  { kind: 'team', name: '孙宏斌教授团队', industry: 'digitalEconomy', description: '山西省能源互联网研究院首席科学家团队，打造数智双碳产业先导区' },
  // The source counts 10 resident teams and names the five above; the other five are fictitious, built around the
  // source's projects (钠离子电池, 新型半导体, 超净滤材) and key chains (泵阀, 数字经济).
  { kind: 'team', name: '钠离子电池材料创新团队', industry: 'newEnergyBattery', description: '常驻高新区高素质人才团队；钠离子电池成果转化（虚构）' },
  { kind: 'team', name: '宽禁带半导体器件研发团队', industry: 'informationTechnology', description: '常驻高新区高素质人才团队；新型半导体成果转化（虚构）' },
  { kind: 'team', name: '超净过滤材料工程化团队', industry: 'newMaterials', description: '常驻高新区高素质人才团队；超净滤材成果转化（虚构）' },
  { kind: 'team', name: '智能泵阀数字化设计团队', industry: 'pumpsValves', description: '常驻高新区高素质人才团队；泵阀产业链智能化改造（虚构）' },
  { kind: 'team', name: '工业互联网与数字孪生团队', industry: 'digitalEconomy', description: '常驻高新区高素质人才团队；数智新城场景开发（虚构）' },
  { kind: 'researchInstitute', name: '山西省能源互联网研究院', industry: 'newEnergyBattery' },
  { kind: 'researchInstitute', name: '数字经济产业研究院', industry: 'digitalEconomy', description: '与孙宏斌教授团队共建' },
  { kind: 'researchInstitute', name: '中国科学院物理研究所', industry: 'newEnergyBattery', description: '钠离子电池成果转化' },
  { kind: 'platform', name: '山西智创城7号', description: '一流创新平台' },
  { kind: 'platform', name: '高新技术创业园', description: '一流创新平台' },
  { kind: 'platform', name: '百度(阳泉)创新中心', industry: 'digitalEconomy', description: '一流创新平台' },
  { kind: 'platform', name: '科技部领军人才创新驱动中心', description: '全省首家' },
  { kind: 'platform', name: '人力资源产业园', description: '区属人力资源公司建设' },
  { kind: 'platform', name: '大学生实习实训基地', description: '累计 400 余名大学生实习实训' },
  { kind: 'college', name: '阳泉职业技术学院', description: '企业订单班联合培养技术技能人才' },
  ...[
    ['清华大学', '通过清研阳泉合作开展高级管理人才研修班'],
    ['山东大学', '新型半导体成果转化'],
    ['东华大学', '超净滤材成果转化'],
    ['太原理工大学'], ['山西大学'], ['中北大学'], ['太原科技大学'], ['山西财经大学'], ['山西医科大学'],
    ['山西农业大学'], ['山西师范大学'], ['太原师范学院'], ['山西大同大学'], ['长治学院'], ['运城学院'],
    ['晋中学院'], ['忻州师范学院'], ['太原工业学院'], ['山西工程技术学院'],
  ].map(([name, description]): DemoOrganisation => ({ kind: 'university', name, description: description ?? '省校合作框架协议高校' })),
];
