import type { PoliticalStatus } from '../../../domain/dictionaries';
import { idNumberCheckCharacter } from '../../../domain/validators/id-number';
import { yangquanAreaCodes, type Ethnicity } from './reference';
import type { Random } from './random';

/**
 * Fictitious people: names, ID numbers, phones, origins. Every value comes from a seeded stream, so the same people
 * appear on every machine; none of them is a real person.
 */

const surnames = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕',
  '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '余', '潘', '杜', '戴', '夏', '钟', '汪', '田', '任', '姜',
  '范', '方', '石', '姚', '谭', '廖', '邹', '熊', '金', '陆', '郝', '孔', '白', '崔', '康', '毛', '邱', '秦', '江', '史',
  '顾', '侯', '邵', '孟', '龙', '万', '段', '雷', '钱', '汤', '尹', '黎', '易', '常', '武', '乔', '贺', '赖', '龚', '文',
  '牛', '樊', '霍', '温', '申', '焦', '耿', '岳', '翟', '庞',
];
/** Surnames common in Shanxi weigh a little more. */
const shanxiSurnames = ['王', '李', '张', '刘', '赵', '杨', '郭', '武', '贾', '郝', '任', '梁', '阎', '霍', '乔', '韩', '牛', '申', '段', '田'];
const maleCharacters = [...'伟强磊军洋勇杰涛明超刚飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳建国东志海博文豪峰鹏辉亮晨晖泽瑞晋晟骏毅哲铭凯琦睿恒然轩辰翔'];
const femaleCharacters = [...'芳娜秀英敏静丽艳娟霞平玉萍红玲芬欣怡雪梅婷琳璐颖佳慧蕾萌瑶雯洁茜晶楠倩薇媛露宁悦涵彤妍菲雅'];

export function personName(random: Random, gender: 'male' | 'female') {
  const surname = random.chance(0.3) ? random.pick(shanxiSurnames) : random.pick(surnames);
  const characters = gender === 'male' ? maleCharacters : femaleCharacters;
  const length = random.chance(0.72) ? 2 : 1;
  let given = '';
  for (let index = 0; index < length; index += 1) given += random.pick(characters);
  return surname + given;
}

/**
 * Test factories make ID numbers born in 1960 (src/server/test/factories.ts): generated people are never born in
 * 1960, so a test's talent never clashes with the demo data.
 */
export const reservedBirthYear = 1960;

/** A fictitious ID number with a Yangquan area code, a real birth date, the gender's parity and a valid check character. */
export function syntheticIdNumber(random: Random, gender: 'male' | 'female', birthYear: number) {
  const birth = `${birthYear}${String(random.integer(1, 12)).padStart(2, '0')}${String(random.integer(1, 28)).padStart(2, '0')}`;
  const sequence = random.integer(0, 499) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${random.pick(yangquanAreaCodes)}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

/**
 * Hands out ID numbers that were never handed out before: `taken` is asked too (for example, whether the
 * number's look-up hash is already in the database).
 */
export function idNumberAllocator(taken: (idNumber: string) => boolean = () => false) {
  const used = new Set<string>();
  return (random: Random, gender: 'male' | 'female', birthYear: number) => {
    if (birthYear === reservedBirthYear) birthYear += 1;
    for (;;) {
      const idNumber = syntheticIdNumber(random, gender, birthYear);
      if (!used.has(idNumber) && !taken(idNumber)) {
        used.add(idNumber);
        return idNumber;
      }
    }
  };
}
export type IdNumberAllocator = ReturnType<typeof idNumberAllocator>;

/** Mobile prefixes of the three carriers (all `1[3-9]…`); never 19x, which tests use for numbers no demo record has. */
const mobilePrefixes = ['134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158', '159', '182', '183', '187', '188', '130', '131', '132', '155', '156', '175', '176', '185', '186', '133', '153', '173', '177', '180', '181', '189'];

export function mobilePhone(random: Random) {
  return random.pick(mobilePrefixes) + String(random.integer(0, 99_999_999)).padStart(8, '0');
}

/** Native places (GB/T 2260 city codes; a municipality is its own code): mostly Shanxi, Yangquan first. */
export const nativePlaces = {
  yangquan: '140300',
  shanxi: [['140100', 8], ['140700', 4], ['140200', 2], ['140400', 2], ['140500', 2], ['140600', 1], ['140800', 2], ['140900', 2], ['141000', 2], ['141100', 2]] as const,
  elsewhere: [
    ['130100', 3], ['130400', 1], ['410100', 3], ['410800', 1], ['370100', 2], ['370200', 1], ['110000', 2], ['120000', 1], ['310000', 1],
    ['610100', 2], ['150100', 1], ['210100', 1], ['420100', 1], ['320100', 1], ['330100', 1], ['510100', 1], ['500000', 1], ['230100', 1],
    ['220100', 1], ['340100', 1], ['440300', 1],
  ] as const,
};

/** A native place: `local` is the share from Yangquan, `shanxi` the share from the rest of Shanxi; the rest come from elsewhere. */
export function nativePlace(random: Random, local: number, shanxi: number) {
  const point = random.next();
  if (point < local) return nativePlaces.yangquan;
  if (point < local + shanxi) return random.weighted(nativePlaces.shanxi);
  return random.weighted(nativePlaces.elsewhere);
}

export function ethnicity(random: Random): Ethnicity {
  return random.weighted<Ethnicity>([['汉族', 970], ['回族', 12], ['满族', 8], ['蒙古族', 6], ['土家族', 2], ['壮族', 2]]);
}

export function politicalStatus(random: Random, age: number, party = 0.22): PoliticalStatus {
  if (random.chance(party)) return random.chance(0.06) ? 'cpcProbationary' : 'cpcMember';
  if (age <= 28 && random.chance(0.55)) return 'cylMember';
  return random.weighted<PoliticalStatus>([['masses', 90], ['democraticParty', 4], ['nonPartisan', 6]]);
}

/** Days since 1970-01-01 ↔ `YYYY-MM-DD`, for dates drawn between two bounds. */
const day = 86_400_000;
export const isoDate = (year: number, month: number, dayOfMonth: number) => `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / day;
const fromDayNumber = (value: number) => new Date(value * day).toISOString().slice(0, 10);

/** A date between two dates (inclusive); when `from` is after `to`, `to`. */
export function dateBetween(random: Random, from: string, to: string) {
  const start = dayNumber(from);
  const end = dayNumber(to);
  return end <= start ? to : fromDayNumber(random.integer(start, end));
}

export const addDays = (date: string, days: number) => fromDayNumber(dayNumber(date) + days);
export const laterOf = (...dates: string[]) => dates.reduce((latest, date) => (date > latest ? date : latest));
