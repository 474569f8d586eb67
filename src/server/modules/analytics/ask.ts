/**
 * Ask in words (问数): a rule-based parser, no external service. Age and time phrases are read by patterns, the rest by
 * the longest phrase of the dictionaries (`domain/ask-words.ts` and the reference data's industry and chain names) at
 * each position; what no dictionary holds is cut by jieba and answered as not understood — never dropped.
 */
import { chineseNumbers, educationWords, industryShortWords, routeWords, skippedWords, statusWords, titleWords } from '../../../domain/ask-words';
import type { ArrivalRoute, EducationLevel, TalentStatus, TitleLevel } from '../../../domain/dictionaries';
import { cutWords } from '../../search/segment';

export type AskFilter =
  | { kind: 'industry'; value: string; words: string }
  | { kind: 'chain'; value: string; words: string }
  | { kind: 'education'; value: EducationLevel; words: string }
  | { kind: 'title'; value: TitleLevel; words: string }
  | { kind: 'status'; value: TalentStatus; words: string }
  | { kind: 'route'; value: ArrivalRoute; words: string }
  | { kind: 'age'; min: number | null; max: number | null; words: string }
  | { kind: 'period'; months: number; words: string };

export type AskAnswer = { filters: AskFilter[]; unknown: string[]; skipped: string[] };

export type AskReference = { industries: { code: string; name: string; chain: string | null }[] };

const numberOf = (text: string): number | null => {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === '十') return 10;
  // 三十五, 三十, 十五
  const match = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (match) return (match[1] ? chineseNumbers[match[1]] : 1) * 10 + (match[2] ? chineseNumbers[match[2]] : 0);
  return text in chineseNumbers ? chineseNumbers[text] : null;
};

const number = '(\\d+|[一二两三四五六七八九十半]{1,3})';
const agePatterns: { pattern: RegExp; read: (n: number, m?: number) => { min: number | null; max: number | null } }[] = [
  { pattern: new RegExp(`${number}\\s*(?:岁|周岁)?\\s*(?:-|–|~|至|到)\\s*${number}\\s*(?:岁|周岁)`, 'u'), read: (n, m) => ({ min: n, max: m ?? null }) },
  { pattern: new RegExp(`${number}\\s*(?:岁|周岁)\\s*(?:以下|以内|及以下|之下)`, 'u'), read: (n) => ({ min: null, max: n - 1 }) },
  { pattern: new RegExp(`(?:不满|未满|小于|低于)\\s*${number}\\s*(?:岁|周岁)`, 'u'), read: (n) => ({ min: null, max: n - 1 }) },
  { pattern: new RegExp(`${number}\\s*(?:岁|周岁)\\s*(?:以上|及以上|之上)`, 'u'), read: (n) => ({ min: n, max: null }) },
  { pattern: new RegExp(`(?:大于|超过|高于)\\s*${number}\\s*(?:岁|周岁)`, 'u'), read: (n) => ({ min: n + 1, max: null }) },
  { pattern: /(青年|年轻)/u, read: () => ({ min: null, max: 34 }) },
];
const periodPatterns: { pattern: RegExp; months: (n: number) => number }[] = [
  { pattern: new RegExp(`(?:近|最近|过去|前)\\s*${number}\\s*(?:个)?\\s*年`, 'u'), months: (n) => n * 12 },
  { pattern: new RegExp(`(?:近|最近|过去|前)\\s*${number}\\s*(?:个)?\\s*月`, 'u'), months: (n) => n },
  { pattern: /(今年|本年|年内)/u, months: () => 12 },
];

/** Parses a question; `reference` gives the industries and chains by name. */
export function parseQuestion(question: string, reference: AskReference): AskAnswer {
  const filters: AskFilter[] = [];
  let rest = question.normalize('NFC').trim();
  for (const { pattern, read } of agePatterns) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const n = match[1] && /\d|[一二两三四五六七八九十半]/.test(match[1]) ? numberOf(match[1]) : 0;
    const m = match[2] ? numberOf(match[2]) : undefined;
    if (n === null) continue;
    filters.push({ kind: 'age', ...read(n, m ?? undefined), words: match[0] });
    rest = rest.replace(match[0], ' ');
    break;
  }
  for (const { pattern, months } of periodPatterns) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const n = match[1] && /\d|[一二两三四五六七八九十半]/.test(match[1]) ? numberOf(match[1]) : 1;
    if (n === null) continue;
    filters.push({ kind: 'period', months: Math.max(1, Math.round(months(n))), words: match[0] });
    rest = rest.replace(match[0], ' ');
    break;
  }

  const phrases = new Map<string, AskFilter>();
  const put = (words: string, filter: AskFilter) => { if (!phrases.has(words)) phrases.set(words, filter); };
  // a chain before an industry of the same name (泵阀: the chain)
  for (const industry of reference.industries) {
    if (!industry.chain) continue;
    put(industry.chain, { kind: 'chain', value: industry.chain, words: industry.chain });
    const short = industry.chain.replace(/产业链$/, '');
    put(short, { kind: 'chain', value: industry.chain, words: short });
  }
  for (const industry of reference.industries) put(industry.name, { kind: 'industry', value: industry.code, words: industry.name });
  const chainOfIndustry = new Map(reference.industries.map((industry) => [industry.code, industry.chain]));
  for (const [words, code] of Object.entries(industryShortWords)) {
    const chain = chainOfIndustry.get(code);
    if (chain) put(words, { kind: 'chain', value: chain, words });
    else if (chainOfIndustry.has(code)) put(words, { kind: 'industry', value: code, words });
  }
  for (const [words, value] of Object.entries(educationWords)) put(words, { kind: 'education', value, words });
  for (const [words, value] of Object.entries(titleWords)) put(words, { kind: 'title', value, words });
  for (const [words, value] of Object.entries(statusWords)) put(words, { kind: 'status', value, words });
  for (const [words, value] of Object.entries(routeWords)) put(words, { kind: 'route', value, words });
  const longest = Math.max(...[...phrases.keys()].map((key) => key.length));

  const unknown: string[] = [];
  const skipped: string[] = [];
  // a run no dictionary holds: each space-separated piece whole, unless jieba finds small words in it to skip
  const unmatched = (run: string) => {
    for (const piece of run.split(/[\s,，、;；]+/u).filter(Boolean)) {
      const words = cutWords(piece);
      if (!words.some((word) => skippedWords.includes(word))) {
        if (words.length) unknown.push(piece);
        continue;
      }
      for (const word of words) (skippedWords.includes(word) ? skipped : unknown).push(word);
    }
  };
  let run = '';
  let at = 0;
  while (at < rest.length) {
    let found: AskFilter | undefined;
    let size = 0;
    for (let length = Math.min(longest, rest.length - at); length > 0; length--) {
      const filter = phrases.get(rest.slice(at, at + length));
      if (filter) { found = { ...filter, words: rest.slice(at, at + length) }; size = length; break; }
    }
    if (!found) {
      run += rest[at];
      at += 1;
      continue;
    }
    if (run.trim()) unmatched(run);
    run = '';
    // one filter per kind and value
    if (!filters.some((filter) => filter.kind === found.kind && 'value' in filter && 'value' in found && filter.value === found.value)) filters.push(found);
    at += size;
  }
  if (run.trim()) unmatched(run);
  return { filters, unknown, skipped };
}
