/**
 * Text hygiene, one rule for the API, the spreadsheet imports and the web forms. A string that reaches the database
 * must not hold characters PostgreSQL refuses (NUL in text, unpaired surrogates in JSON) nor characters that make text
 * lie about itself (control characters, bidi overrides that reorder what a reviewer reads). Zero-width characters are
 * removed and text is put in Unicode normal form C, so the same name is stored as the same code points.
 */
import { z } from 'zod';

/**
 * C0 controls other than tab, line feed and carriage return; DEL and the C1 controls; the bidi embeddings, overrides
 * and isolates (U+202A–202E, U+2066–2069); and any surrogate that is not half of a pair.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unsafeCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Zero-width space, non-joiner, joiner and the byte-order mark: invisible, so stripped rather than refused. */
const zeroWidthCharacters = /[\u200b-\u200d\ufeff]/g;

/** Whether a string holds a character that is never accepted (see `unsafeCharacters`). */
export const hasUnsafeCharacters = (text: string) => unsafeCharacters.test(text);

/** NFC with zero-width characters removed. Leaves a string with unpaired surrogates as it is (it is refused anyway). */
export function normaliseText(text: string): string {
  if (hasUnsafeCharacters(text)) return text;
  const stripped = text.replace(zeroWidthCharacters, '');
  return stripped.normalize('NFC');
}

/** The field message code of a refused string (`text.unsafe`: 含有不允许的字符). */
export const unsafeTextCode = 'text.unsafe' as const;

/**
 * A string that passes the text rule, normalised first: `safeText()` for a plain field, `safeText(schema)` to add the
 * field's own checks (`safeText(z.string().trim().max(60))`). The issue carries `params.code = 'text.unsafe'`.
 */
export function safeText<Schema extends z.ZodType<string, string> = z.ZodString>(schema?: Schema) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? normaliseText(value) : value),
    z
      .string()
      .refine((text) => !hasUnsafeCharacters(text), { params: { code: unsafeTextCode }, message: 'contains characters that are not allowed' })
      .pipe(schema ?? z.string()),
  );
}

/** The most a URL may hold. */
export const urlMaximumLength = 500;

/** Whether a string is an absolute http(s) address with a host (what `httpUrl` accepts). */
export function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/**
 * A web address: http or https only (never `javascript:`, `data:` or `file:`), at most 500 characters, without the
 * characters the text rule refuses. Its issue carries `params.code = 'url.http'`.
 */
export const httpUrl = () =>
  safeText(
    z
      .string()
      .trim()
      .max(urlMaximumLength)
      .refine(isHttpUrl, { params: { code: 'url.http' }, message: 'must be an http or https address' }),
  );
