/**
 * Generated talents and demands for the matching test and benchmark (no database): the disciplines and skill
 * dictionary of migration 0022, and a seeded stream so every run ranks the same data.
 */
import { educationLevels, titleLevels } from '../../../domain/dictionaries';
import type { DemandQuery, DisciplineEntry, ProfileSource, SkillEntry } from './matching';

export const matchingDisciplines: DisciplineEntry[] = [
  { code: 'economicsFinance', name: '经济金融', nameEn: 'Economics and finance', keywords: ['经济', '金融', '财务', '会计', '审计', '统计', '投资', '税务'] },
  { code: 'construction', name: '工程建设', nameEn: 'Engineering and construction', keywords: ['土木', '建筑', '工程管理', '给排水', '道路', '桥梁', '测绘', '造价'] },
  { code: 'chemicals', name: '化工', nameEn: 'Chemical engineering', keywords: ['化工', '化学', '高分子', '制药', '环境工程'] },
  { code: 'equipment', name: '装备', nameEn: 'Equipment and machinery', keywords: ['机械', '自动化', '电气', '机电', '装备', '车辆', '泵', '阀'] },
  { code: 'informationTechnology', name: '信息技术', nameEn: 'Information technology', keywords: ['计算机', '软件', '信息', '电子', '通信', '人工智能', '数据', '网络'] },
  { code: 'newEnergy', name: '新能源', nameEn: 'New energy', keywords: ['能源', '电池', '储能', '电力', '光伏', '氢能'] },
  { code: 'materials', name: '新材料', nameEn: 'New materials', keywords: ['材料', '冶金', '陶瓷', '纤维', '半导体'] },
  { code: 'management', name: '经营管理', nameEn: 'Business management', keywords: ['工商管理', '市场营销', '人力资源', '行政管理', '企业管理', '物流'] },
  { code: 'publicHealth', name: '医疗卫生', nameEn: 'Public health', keywords: ['医学', '临床', '护理', '公共卫生', '预防医学', '检验', '疾控'] },
];

export const matchingSkills: SkillEntry[] = [
  { name: '电池材料', nameEn: 'Battery materials', synonyms: ['锂电材料', '正极材料', '负极材料', '电极材料'] },
  { name: '钠离子电池', nameEn: 'Sodium-ion batteries', synonyms: ['钠电池', '钠电'] },
  { name: '锂离子电池', nameEn: 'Lithium-ion batteries', synonyms: ['锂电池', '锂电'] },
  { name: '人工智能', nameEn: 'Artificial intelligence', synonyms: ['ai', '机器学习', '深度学习', '人工智能训练师'] },
  { name: '数据分析', nameEn: 'Data analysis', synonyms: ['数据挖掘', '大数据分析', '统计分析', '数据'] },
  { name: '软件开发', nameEn: 'Software development', synonyms: ['软件工程', '程序开发', '编程', 'java', 'python'] },
  { name: '嵌入式', nameEn: 'Embedded systems', synonyms: ['单片机', '嵌入式开发'] },
  { name: '半导体', nameEn: 'Semiconductors', synonyms: ['芯片', '集成电路', '微电子'] },
  { name: '化工工艺', nameEn: 'Chemical processes', synonyms: ['化学工艺', '工艺设计', '化学工程'] },
  { name: '泵阀设计', nameEn: 'Pump and valve design', synonyms: ['泵设计', '阀门设计', '流体机械'] },
  { name: '机械设计', nameEn: 'Mechanical design', synonyms: ['机械工程', '机械制造', 'cad'] },
  { name: '电气自动化', nameEn: 'Electrical automation', synonyms: ['自动化', 'plc', '电气工程'] },
  { name: '财务管理', nameEn: 'Financial management', synonyms: ['会计', '财务', '审计'] },
  { name: '项目管理', nameEn: 'Project management', synonyms: ['工程管理', 'pmp'] },
  { name: '市场营销', nameEn: 'Marketing', synonyms: ['营销', '销售', '市场推广'] },
  { name: '人力资源', nameEn: 'Human resources', synonyms: ['人力资源管理', '招聘'] },
  { name: '新材料研发', nameEn: 'New-material research', synonyms: ['材料研发', '材料科学'] },
  { name: '企业管理', nameEn: 'Business management', synonyms: ['经营管理', '工商管理', '职业经理人'] },
];

/** A small deterministic stream (mulberry32). */
export function seededStream(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)], int: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)) };
}
export type Stream = ReturnType<typeof seededStream>;

const majors = ['会计学', '金融学', '土木工程', '化学工程与工艺', '机械设计制造及其自动化', '计算机科学与技术', '软件工程', '新能源科学与工程', '材料科学与工程', '工商管理', '电气工程及其自动化', '应用化学', '通信工程', '市场营销', '人力资源管理', '汉语言文学', '法学', '护理学'];
const posts = ['工程师', '技术员', '研发工程师', '会计', '项目经理', '销售经理', '数据分析师', '工艺工程师', '设备主管', '人事专员', '行政主管', '质检员', null];
const certificates = ['电工', '焊工', '钳工', '数控车工', '化工总控工', '人工智能训练师', '会计专业技术资格'];

/** Talents with the registry's mix of majors, posts, certificates, education, titles and status. */
export function generatedSources(count: number, random: Stream, prefix = 'g'): ProfileSource[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${String(index).padStart(7, '0')}`,
    employerId: random.next() < 0.8 ? `employer-${random.int(1, 150)}` : null,
    status: random.next() < 0.9 ? 'inZone' : random.next() < 0.5 ? 'flexibleService' : 'left',
    post: random.pick(posts),
    tags: random.next() < 0.2 ? [random.pick(matchingSkills).name] : [],
    highestEducation: random.pick(educationLevels.slice(0, 5)),
    highestTitle: random.next() < 0.5 ? random.pick(titleLevels) : null,
    educations: [{ major: random.pick(majors), graduationYear: random.int(1995, 2025) }],
    titles: [],
    certificates: random.next() < 0.3 ? [{ name: random.pick(certificates) }] : [],
  }));
}

/** Demands across the disciplines, each with one to three skills (some outside the dictionary). */
export function generatedDemands(count: number, random: Stream, prefix = 'd'): DemandQuery[] {
  const extra = ['超净滤材', '新型半导体', '工艺优化', '设备维护'];
  return Array.from({ length: count }, (_, index) => {
    const skills = new Set<string>();
    const wanted = random.int(1, 3);
    while (skills.size < wanted) skills.add(random.next() < 0.8 ? random.pick(matchingSkills).name : random.pick(extra));
    return {
      id: `${prefix}-${index}`,
      enterpriseId: `employer-${random.int(1, 150)}`,
      discipline: random.pick(matchingDisciplines).code,
      skills: [...skills],
      education: random.pick([null, 'bachelor', 'master', 'doctorate'] as const),
      title: random.pick([null, null, 'intermediate', 'associateSenior'] as const),
      minYears: random.pick([0, 0, 3, 5, 10]),
    };
  });
}
