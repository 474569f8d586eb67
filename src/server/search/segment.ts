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

/** The `to_tsquery('simple', …)` text of a user's search, or null when nothing searchable is left. */
export function searchQuery(query: string): string | null {
  const terms: string[] = [];
  for (const word of clean(segmenter().cut(query, true))) {
    if (han.test(word) && word.length > 1) terms.push(`(${bigrams(word).map((bigram) => `'${bigram}'`).join(' & ')})`);
    else terms.push(`'${word}':*`);
  }
  return terms.length ? terms.join(' & ') : null;
}

/** `张三` → `zs`: the pinyin initials of a name, for searches like `zs`. */
export const nameInitials = (name: string) =>
  (pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }) as string[]).join('').toLowerCase().replace(/[^a-z]/g, '');
