import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';

/**
 * Chinese full-text search. A document is cut by jieba (search-engine mode: words and their parts) when a record
 * is written, plus the two-character pieces (bigrams) of each run of Han characters, and stored as a `simple`
 * tsvector. A query is cut by jieba into words; each Chinese word must appear as all of its bigrams, so 太原理工
 * finds 太原理工大学 although jieba cuts that school name differently; a one-character word or a Latin/number
 * word matches as a prefix (王 finds 王小明, zs finds zs…).
 */
let jieba: Jieba | undefined;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

const searchable = /^[\p{L}\p{N}]+$/u;
const han = /^\p{Script=Han}+$/u;
const hanRuns = /\p{Script=Han}+/gu;

const clean = (words: Iterable<string>) => {
  const result = new Set<string>();
  for (const word of words) {
    const lower = word.trim().toLowerCase();
    if (lower && searchable.test(lower)) result.add(lower);
  }
  return result;
};

const bigrams = (run: string) => Array.from({ length: Math.max(0, run.length - 1) }, (_, index) => run.slice(index, index + 2));

/** The document for `to_tsvector('simple', …)`: distinct lexemes separated by spaces. */
export function searchDocument(parts: readonly (string | null | undefined)[]): string {
  const text = parts.filter(Boolean).join(' ');
  const lexemes = clean(segmenter().cutForSearch(text, true));
  for (const run of text.match(hanRuns) ?? []) {
    for (const bigram of bigrams(run)) lexemes.add(bigram);
    if (run.length === 1) lexemes.add(run);
  }
  return [...lexemes].join(' ');
}

/** The words of a text as jieba cuts it (accurate mode), lower-cased, punctuation dropped: the matching's words. */
export function cutWords(text: string): string[] {
  return [...clean(segmenter().cut(text, true))];
}

/**
 * A query that may be (the beginning of) a name written in pinyin, Han characters or both: `zhang`, `ZHANG BO WEI`,
 * `张b`, `zhang博`. Spaces are ignored and ü is written v, as the name's words are stored (`nameSearchWords`).
 */
const nameQuery = /^[\p{Script=Han}a-z]{1,40}$/u;
const latin = /[a-z]/;

/**
 * The `to_tsquery('simple', …)` text of a user's search, or null when nothing searchable is left: every word must
 * match, or — for a query with Latin letters — the whole query, spaces removed, is the beginning of a name's pinyin
 * (`'zhangbowei':*`, `'张b':*`, matched against the words of `nameSearchWords`).
 */
export function searchQuery(query: string): string | null {
  const terms: string[] = [];
  for (const word of clean(segmenter().cut(query, true))) {
    if (han.test(word) && word.length > 1) terms.push(`(${bigrams(word).map((bigram) => `'${bigram}'`).join(' & ')})`);
    else terms.push(`'${word}':*`);
  }
  const compact = query.toLowerCase().replace(/\s+/g, '').replaceAll('ü', 'v');
  const name = nameQuery.test(compact) && latin.test(compact) ? `'${compact}':*` : null;
  const words = terms.length ? terms.join(' & ') : null;
  if (!words) return name;
  if (!name || (terms.length === 1 && terms[0] === name)) return words;
  return `(${words}) | ${name}`;
}

/**
 * The version of the search data written with a talent (search vector words and name initials). Rows written by an
 * older version are brought up to date at start-up (`refreshSearchData`); raise it when `nameSearchWords` or
 * `nameInitials` change.
 */
export const searchDataVersion = 1;

/** The Han characters of a name with their pinyin (surnames read as surnames: 曾 zeng, 单 shan, 仇 qiu; ü as v). */
function nameSyllables(name: string): { character: string; syllable: string }[] {
  const characters = [...name];
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'spaced' }) as string[];
  if (syllables.length !== characters.length) return [];
  return characters.flatMap((character, index) => {
    if (!han.test(character)) return [];
    const syllable = syllables[index].toLowerCase();
    return [{ character, syllable: /^[a-z]+$/.test(syllable) ? syllable : character }];
  });
}

/** Names up to this many Han characters get every mix of characters and pinyin; longer ones the two-part mixes. */
const everyMixUpTo = 4;

/**
 * The search words of a name's pinyin, added to its talent's search vector: every way of writing the name with each
 * character as itself or as its pinyin, all pinyin included, so a query's prefix match (`:*`) finds the name from
 * `zh`, `zhangb`, `zhangbowei`, `张b`, `张bo`, `zhang博` … (张博伟: `zhangbowei`, `张bowei`, `zhang博wei`, `张博wei`,
 * …). The name all in characters is left out: its words and bigrams are in the document already.
 */
export function nameSearchWords(name: string): string[] {
  const syllables = nameSyllables(name);
  const count = syllables.length;
  if (count === 0) return [];
  const spell = (asPinyin: (index: number) => boolean) =>
    syllables.map((entry, index) => (asPinyin(index) ? entry.syllable : entry.character)).join('');
  const words = new Set<string>();
  if (count <= everyMixUpTo) {
    for (let mask = 1; mask < 2 ** count; mask += 1) words.add(spell((index) => (mask & (2 ** index)) !== 0));
  } else {
    // characters then pinyin, pinyin then characters
    for (let split = 0; split < count; split += 1) words.add(spell((index) => index >= split));
    for (let split = 1; split < count; split += 1) words.add(spell((index) => index < split));
  }
  words.delete(syllables.map((entry) => entry.character).join(''));
  return [...words];
}

/** `张三` → `zs`: the pinyin initials of a name (surnames read as surnames: 曾 z, 单 s), for searches like `zs`. */
export const nameInitials = (name: string) =>
  (pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }) as string[]).join('').toLowerCase().replace(/[^a-z]/g, '');

/** Pinyin syllables are at most six letters (zhuang); each is padded to that with 0 and followed by its tone. */
const syllableWidth = 6;

/**
 * The sort key of a name in pinyin order, the same on every database and collation: each Han character becomes its
 * syllable padded with `0` to six letters and its tone (1–4, 5 for the neutral tone), Latin letters and digits stay
 * (lower-cased), the rest is dropped. Digits sort before letters in every collation, so 阿 (`a00000` + 1) comes before
 * 爱 (`ai0000` + 4) and 北 before 中, as in a dictionary.
 */
export function nameSortKey(name: string): string {
  const characters = [...name];
  const syllables = pinyin(name, { toneType: 'num', type: 'array', v: true, nonZh: 'spaced' }) as string[];
  const aligned = syllables.length === characters.length;
  return characters
    .map((character, index) => {
      const reading = aligned && han.test(character) ? /^([a-z]+)([0-5])$/.exec(syllables[index].toLowerCase()) : null;
      if (reading) return `${reading[1].padEnd(syllableWidth, '0')}${reading[2] === '0' ? '5' : reading[2]}`;
      return character.toLowerCase().replace(/[^a-z0-9]/g, '');
    })
    .join('');
}
