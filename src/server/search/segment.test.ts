import { describe, expect, it } from 'vitest';
import { nameInitials, nameSearchWords, nameSortKey, searchQuery } from './segment';

describe('name search words', () => {
  it('writes a name with each character as itself or as its pinyin, all pinyin included, all characters left out', () => {
    const words = nameSearchWords('张博伟');
    expect(words).toHaveLength(7);
    expect(words).toEqual(expect.arrayContaining(['zhangbowei', '张bowei', 'zhang博wei', '张博wei', 'zhang博伟', '张bo伟']));
    expect(words).not.toContain('张博伟');
  });

  it('reads surnames as surnames, writes ü as v and skips what is not a Han character', () => {
    expect(nameSearchWords('曾小贤')).toContain('zengxiaoxian');
    expect(nameSearchWords('单雄信')).toContain('shanxiongxin');
    expect(nameSearchWords('吕布')).toContain('lvbu');
    expect(nameSearchWords('买买提·艾力')).toContain('maimaitiaili');
    expect(nameInitials('曾小贤')).toBe('zxx');
    expect(nameSearchWords('Anna')).toEqual([]);
  });

  it('keeps a long name to the two-part mixes', () => {
    const words = nameSearchWords('爱新觉罗溥仪');
    expect(words).toContain('aixinjueluopuyi');
    expect(words).toContain('爱新觉罗puyi');
    expect(words.length).toBeLessThan(2 * 6);
  });
});

describe('search queries', () => {
  it('adds the whole query, spaces removed, as a name prefix when it has Latin letters', () => {
    expect(searchQuery('ZHANG BO WEI')).toBe(`('zhang':* & 'bo':* & 'wei':*) | 'zhangbowei':*`);
    expect(searchQuery('zhang')).toBe(`'zhang':*`);
    expect(searchQuery('张b')).toContain(`| '张b':*`);
    expect(searchQuery('泵阀 工程师')).toBe(`('泵阀') & ('工程' & '程师')`);
    expect(searchQuery('  ')).toBeNull();
  });
});

describe('name sort key', () => {
  it('orders names by pinyin, tone and then the next character, whatever the collation', () => {
    const names = ['中', '北京', '马', '妈妈', '爱心', '阿里', 'ABC科技', '2号'];
    const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['2号', '阿里', 'ABC科技', '爱心', '北京', '妈妈', '马', '中']);
    expect(nameSortKey('阿里')).toMatch(/^[a-z0-9]+$/);
  });
});
