import type { TitleLevel } from '../../../domain/dictionaries';

/**
 * Word lists the demo generator draws from: schools, majors, posts, titles, skill certificates and enterprise names,
 * per industry code of reference.ts. Plausible, fictitious combinations; no list names a real person.
 */
export type IndustryCode =
  | 'digitalEconomy' | 'newEnergyBattery' | 'pumpsValves' | 'newMaterials' | 'chemicals' | 'equipment'
  | 'informationTechnology' | 'modernServices' | 'financeEconomics' | 'construction' | 'publicHealth';

export const schools = {
  /** Vocational colleges and technical schools, most in or near Yangquan. */
  vocational: ['阳泉职业技术学院', '阳泉职业技术学院', '阳泉职业技术学院', '山西工程职业学院', '山西职业技术学院', '山西机电职业技术学院', '山西综合职业技术学院', '山西工程科技职业大学', '山西省财政税务专科学校'],
  secondary: ['阳泉市高级技工学校', '阳泉市职业中学', '阳泉市第一职业中学', '平定县职业中学', '盂县职业中学'],
  highSchool: ['阳泉市第一中学', '阳泉市第十一中学', '平定县第二中学', '盂县第一中学', '阳泉市第三中学'],
  shanxi: ['太原理工大学', '山西大学', '中北大学', '太原科技大学', '山西财经大学', '山西医科大学', '山西农业大学', '山西师范大学', '太原师范学院', '山西大同大学', '长治学院', '运城学院', '晋中学院', '忻州师范学院', '太原工业学院', '山西工程技术学院', '山西能源学院'],
  /** Shanxi universities with master's programmes. */
  shanxiGraduate: ['太原理工大学', '山西大学', '中北大学', '太原科技大学', '山西财经大学', '山西医科大学', '山西农业大学', '山西师范大学'],
  national: ['清华大学', '山东大学', '东华大学', '北京理工大学', '天津大学', '大连理工大学', '西安交通大学', '华中科技大学', '哈尔滨工业大学', '北京科技大学', '中国矿业大学', '华北电力大学', '郑州大学', '河北工业大学', '西北工业大学', '北京化工大学', '华东理工大学', '武汉理工大学', '东北大学', '燕山大学', '兰州大学', '四川大学', '南京工业大学', '西安建筑科技大学'],
  doctoral: ['清华大学', '中国科学院大学', '太原理工大学', '山东大学', '东华大学', '北京科技大学', '天津大学', '西安交通大学', '哈尔滨工业大学', '华中科技大学', '大连理工大学', '中北大学', '山西大学', '北京化工大学'],
  overseas: ['英国曼彻斯特大学', '英国谢菲尔德大学', '美国普渡大学', '德国亚琛工业大学', '澳大利亚新南威尔士大学', '日本东北大学', '新加坡国立大学', '韩国首尔大学', '加拿大滑铁卢大学', '法国巴黎萨克雷大学'],
} as const;

type IndustryWords = {
  /** University majors (bachelor and above). */
  majors: readonly string[];
  /** Vocational majors (大专/高职/中职). */
  vocationalMajors: readonly string[];
  /** Posts for skilled workers and technicians. */
  workerPosts: readonly string[];
  /** Posts for engineers and specialists. */
  specialistPosts: readonly string[];
  /** Posts for managers. */
  managerPosts: readonly string[];
  /** The professional title series most talents of the industry are evaluated in. */
  titleSeries: TitleSeries;
  /** Skill certificates (职业技能等级证书). */
  certificates: readonly string[];
  /** What companies of the industry are called: 山西 + brand + this + suffix. */
  companyWords: readonly string[];
  /** What they make or do, for the organisation's description. */
  products: readonly string[];
};

export type TitleSeries = { series: string; names: Record<TitleLevel, string> };

export const titleSeries = {
  engineering: { series: '工程技术', names: { junior: '助理工程师', intermediate: '工程师', associateSenior: '高级工程师', senior: '正高级工程师' } },
  economics: { series: '经济', names: { junior: '助理经济师', intermediate: '经济师', associateSenior: '高级经济师', senior: '正高级经济师' } },
  accounting: { series: '会计', names: { junior: '助理会计师', intermediate: '会计师', associateSenior: '高级会计师', senior: '正高级会计师' } },
  health: { series: '卫生', names: { junior: '医师', intermediate: '主治医师', associateSenior: '副主任医师', senior: '主任医师' } },
  teaching: { series: '高等学校教师', names: { junior: '助教', intermediate: '讲师', associateSenior: '副教授', senior: '教授' } },
  research: { series: '自然科学研究', names: { junior: '研究实习员', intermediate: '助理研究员', associateSenior: '副研究员', senior: '研究员' } },
} satisfies Record<string, TitleSeries>;

const managerPosts = ['部门经理', '项目经理', '生产经理', '总经理助理', '综合办公室主任', '人力资源主管', '财务主管', '销售经理'];

export const industryWords: Record<IndustryCode, IndustryWords> = {
  digitalEconomy: {
    majors: ['数据科学与大数据技术', '计算机科学与技术', '人工智能', '软件工程', '电子商务', '数字媒体技术', '信息管理与信息系统'],
    vocationalMajors: ['大数据技术', '人工智能技术应用', '计算机应用技术', '电子商务', '直播电商服务', '数字媒体技术'],
    workerPosts: ['数据标注员', '人工智能训练师', '直播运营专员', '客服专员', '内容审核员'],
    specialistPosts: ['数据分析师', '大数据工程师', '算法工程师', '产品经理', '后端开发工程师', '前端开发工程师', '运营主管'],
    managerPosts,
    titleSeries: titleSeries.engineering,
    certificates: ['人工智能训练师', '互联网营销师', '电子商务师', '计算机程序设计员', '全媒体运营师'],
    companyWords: ['数据科技', '数字科技', '智能科技', '云计算科技', '网络科技', '数智科技', '信息服务'],
    products: ['大数据中心运营', '数据标注与人工智能训练', '工业互联网平台', '智慧城市解决方案', '直播电商运营', '数字孪生应用开发', '算力服务'],
  },
  newEnergyBattery: {
    majors: ['新能源材料与器件', '材料科学与工程', '电化学工程', '应用化学', '储能科学与工程', '电气工程及其自动化'],
    vocationalMajors: ['新能源材料应用技术', '储能材料技术', '应用化工技术', '电气自动化技术', '新能源汽车技术'],
    workerPosts: ['电芯装配工', '涂布操作工', '设备维护员', '质检员', '生产技术员'],
    specialistPosts: ['电池工艺工程师', '电芯研发工程师', '正极材料研发工程师', '质量工程师', '设备工程师', '测试工程师'],
    managerPosts,
    titleSeries: titleSeries.engineering,
    certificates: ['电工', '化学检验员', '工业机器人系统运维员'],
    companyWords: ['新能源科技', '储能科技', '电池材料', '钠电科技', '能源科技'],
    products: ['钠离子电池正极材料', '钠离子电池电芯', '储能系统集成', '锂电池回收利用', '电池管理系统'],
  },
  pumpsValves: {
    majors: ['机械设计制造及其自动化', '流体机械及工程', '材料成型及控制工程', '能源与动力工程', '过程装备与控制工程'],
    vocationalMajors: ['机械制造及自动化', '数控技术', '铸造技术', '焊接技术与自动化', '机电一体化技术'],
    workerPosts: ['装配钳工', '数控车工', '铸造工', '焊工', '质检员', '试压工'],
    specialistPosts: ['泵阀设计工程师', '工艺工程师', '铸造工程师', '研发主管', '销售工程师', '质量工程师'],
    managerPosts,
    titleSeries: titleSeries.engineering,
    certificates: ['钳工', '数控车工', '焊工', '铸造工', '电工'],
    companyWords: ['泵业', '阀门', '流体控制设备', '泵阀制造', '阀业'],
    products: ['化工流程泵', '矿用排水泵', '铸钢阀门', '智能调节阀', '泵阀铸件', '消防泵组'],
  },
  newMaterials: {
    majors: ['材料科学与工程', '无机非金属材料工程', '高分子材料与工程', '冶金工程', '复合材料与工程', '纺织工程'],
    vocationalMajors: ['材料工程技术', '建筑材料检测技术', '应用化工技术', '高分子材料智能制造技术'],
    workerPosts: ['生产操作工', '实验员', '检测员', '窑炉操作工', '设备维护员'],
    specialistPosts: ['材料研发工程师', '工艺工程师', '检测工程师', '生产主管', '技术支持工程师'],
    managerPosts,
    titleSeries: titleSeries.engineering,
    certificates: ['化学检验员', '电工', '无机化学反应生产工'],
    companyWords: ['新材料科技', '碳材料', '陶瓷材料', '耐火材料', '复合材料', '超净滤材'],
    products: ['超净过滤材料', '碳纤维复合材料', '高性能耐火材料', '铝矾土深加工', '新型半导体衬底材料', '石墨烯导热膜'],
  },
  chemicals: {
    majors: ['化学工程与工艺', '应用化学', '化学工程与技术', '制药工程', '环境工程', '安全工程'],
    vocationalMajors: ['应用化工技术', '化工装备技术', '工业分析技术', '安全技术与管理'],
    workerPosts: ['化工操作工', '化验员', '中控操作员', '设备巡检员', '安全员'],
    specialistPosts: ['化工工艺工程师', '安全工程师', '环保工程师', '设备工程师', '分析检测工程师'],
    managerPosts,
    titleSeries: titleSeries.engineering,
    certificates: ['化工总控工', '化学检验员', '电工'],
    companyWords: ['化工', '精细化工', '化学品', '化工科技'],
    products: ['煤基精细化学品', '聚合氯化铝', '工业气体', '水处理剂', '特种涂料'],
  },
  equipment: {
    majors: ['机械工程', '机械电子工程', '电气工程及其自动化', '自动化', '车辆工程', '工业工程'],
    vocationalMajors: ['机电一体化技术', '工业机器人技术', '电气自动化技术', '数控技术', '焊接技术与自动化'],
    workerPosts: ['装配技工', '数控操作工', '焊工', '电工', '设备调试员'],
    specialistPosts: ['机械工程师', '电气工程师', '自动化工程师', '售后服务工程师', '工艺工程师'],
    managerPosts,
    titleSeries: titleSeries.engineering,
    certificates: ['工业机器人系统运维员', '电工', '焊工', '数控车工', '钳工'],
    companyWords: ['装备制造', '机械设备', '重工', '智能装备', '机电设备'],
    products: ['煤矿智能综采装备', '矿用电气设备', '工业机器人集成', '输送机械', '环保除尘设备'],
  },
  informationTechnology: {
    majors: ['计算机科学与技术', '软件工程', '电子信息工程', '微电子科学与工程', '通信工程', '网络空间安全', '集成电路设计与集成系统'],
    vocationalMajors: ['软件技术', '计算机网络技术', '电子信息工程技术', '物联网应用技术', '云计算技术应用'],
    workerPosts: ['网络运维员', '技术支持专员', '测试员', '实施工程师'],
    specialistPosts: ['软件工程师', '测试工程师', '硬件工程师', '芯片设计工程师', '运维工程师', '系统架构师', '信息安全工程师'],
    managerPosts,
    titleSeries: titleSeries.engineering,
    certificates: ['计算机程序设计员', '信息通信网络运行管理员', '人工智能训练师'],
    companyWords: ['信息技术', '软件', '电子科技', '半导体', '网络安全技术', '物联网科技'],
    products: ['工业软件', '信创适配服务', '物联网终端', '功率半导体器件', '网络安全服务', '政务信息系统'],
  },
  modernServices: {
    majors: ['工商管理', '人力资源管理', '物流管理', '市场营销', '环境工程', '网络与新媒体'],
    vocationalMajors: ['环境监测技术', '人力资源管理', '现代物流管理', '全媒体广告策划与营销', '大数据与会计'],
    workerPosts: ['采样员', '客服专员', '物流专员', '新媒体编辑', '行政专员'],
    specialistPosts: ['检测工程师', '人力资源顾问', '园区运营专员', '客户经理', '新媒体运营主管', '报告审核员'],
    managerPosts,
    titleSeries: titleSeries.economics,
    certificates: ['环境监测员', '企业人力资源管理师', '全媒体运营师', '互联网营销师', '物流服务师'],
    companyWords: ['检验检测', '企业管理咨询', '人力资源服务', '供应链管理', '传媒', '科技服务'],
    products: ['环境检测', '人力资源外包', '园区运营服务', '供应链物流', '新媒体传播', '知识产权代理'],
  },
  financeEconomics: {
    majors: ['金融学', '经济学', '会计学', '财务管理', '统计学', '国际经济与贸易'],
    vocationalMajors: ['大数据与会计', '金融服务与管理', '财富管理'],
    workerPosts: ['柜员', '客服专员', '出纳'],
    specialistPosts: ['投资经理', '风控专员', '财务分析师', '客户经理', '会计'],
    managerPosts,
    titleSeries: titleSeries.economics,
    certificates: ['企业人力资源管理师'],
    companyWords: ['融资担保', '创业投资管理', '金融服务外包', '产业基金管理'],
    products: ['创业担保贷款', '科技企业股权投资', '供应链金融服务', '产业引导基金管理'],
  },
  construction: {
    majors: ['土木工程', '工程管理', '城乡规划', '建筑学', '给排水科学与工程', '工程造价'],
    vocationalMajors: ['建筑工程技术', '工程造价', '建设工程管理', '建筑智能化工程技术'],
    workerPosts: ['施工员', '安全员', '资料员', '测量员'],
    specialistPosts: ['项目经理', '造价工程师', '结构工程师', '给排水工程师', '规划设计师'],
    managerPosts,
    titleSeries: titleSeries.engineering,
    certificates: ['建筑信息模型技术员', '电工', '焊工'],
    companyWords: ['建设工程', '建筑科技', '工程咨询', '市政工程'],
    products: ['园区基础设施建设', '标准化厂房建设', '工程造价咨询', '装配式建筑'],
  },
  publicHealth: {
    majors: ['预防医学', '卫生检验与检疫', '公共卫生', '临床医学', '医学检验技术', '生物技术'],
    vocationalMajors: ['医学检验技术', '护理', '药品生产技术', '医疗设备应用技术'],
    workerPosts: ['检验员', '护士', '生产操作员'],
    specialistPosts: ['检验技师', '公卫医师', '医疗器械注册专员', '质量专员', '研发工程师'],
    managerPosts,
    titleSeries: titleSeries.health,
    certificates: ['健康管理师', '公共营养师'],
    companyWords: ['生物科技', '医疗器械', '健康科技'],
    products: ['体外诊断试剂', '医用防护用品', '康复器械', '第三方医学检验'],
  },
};

/** Majors that did not exist before the mid-2010s: an earlier graduate gets the industry's first other major. */
export const recentMajor = /大数据|人工智能|直播|数字媒体|云计算|物联网|储能|新能源材料|网络空间安全|集成电路|智能制造/;

export const certificateIssuers = ['阳泉市人力资源和社会保障局', '山西省职业技能鉴定指导中心', '阳泉职业技术学院'];

/** Brand syllables for fictitious company names: 山西 + two of these + the industry's word + a suffix. */
export const brandCharacters = [...'华鑫恒泰晋瑞坤通达盛源宏信德诚嘉智创联中正安丰金元昊辰博远兴隆鼎新和润泓泽峰晟凯锦弘阳'];
export const companyPrefixes = [['山西', 6], ['阳泉', 3], ['阳泉市', 1]] as const;
export const companySuffixes = [['有限公司', 8], ['股份有限公司', 1], ['有限责任公司', 2]] as const;

/** Roads of the zone's addresses. */
export const roads = ['创新大道', '智创路', '科技路', '高新大街', '数智街', '漾泉大道', '南庄路', '义白路', '桃河北路', '东环路', '泵阀路', '新材料大道'];

/** Outside employers of flexibly engaged experts (they keep their post elsewhere and serve the zone part-time). */
export const outsideEmployers = {
  doctors: ['中国科学院山西煤炭化学研究所', '中国科学院物理研究所', '北京理工大学', '天津大学', '哈尔滨工业大学', '西安交通大学', '华北电力大学', '北京化工大学', '东华大学', '山东大学'],
  advisers: ['中国电子信息产业发展研究院', '中国通用机械工业协会泵业分会', '山西省科技成果转化服务中心', '中国化工经济技术发展中心', '清华大学能源互联网创新研究院', '国家新材料产业发展专家咨询委员会', '山西综改示范区管委会'],
  retired: ['原太原重型机械集团（退休）', '原山西省化工设计院（退休）', '原阳泉市第一人民医院（退休）', '原山西省机械工业设计院（退休）', '原阳泉阀门厂（退休）', '原太原理工大学（退休）', '原山西省环境监测中心站（退休）'],
};
