import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/harness';

/**
 * The web bundle as the server sends it: a build-like folder (index.html, a hashed script with its .br and .gz copies
 * as the build writes them, an icon without copies), served by the real app.
 */
const script = `console.log(${JSON.stringify('人才'.repeat(400))});\n`;
const page = '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>';

let webDir: string;
let test: TestApp;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'tz-web-'));
  mkdirSync(join(webDir, 'assets'));
  const files: Record<string, string> = { 'index.html': page, 'assets/index-AbC123.js': script };
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(webDir, name), content);
    writeFileSync(join(webDir, `${name}.br`), brotliCompressSync(content));
    writeFileSync(join(webDir, `${name}.gz`), gzipSync(content));
  }
  writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  test = await createTestApp({ template: 'empty', env: { TZ_WEB_DIR: webDir } });
});

afterAll(async () => {
  await test?.close();
  rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => test.app.inject({ method: 'GET', url, headers });
const immutable = 'public, max-age=31536000, immutable';

describe('hashed assets', () => {
  it('are sent brotli-compressed to a browser that accepts brotli, cached for good, varying by Accept-Encoding', async () => {
    const response = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['cache-control']).toBe(immutable);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.rawPayload).toEqual(brotliCompressSync(script));
  });

  it('are sent gzipped to a client without brotli, and plain to one that accepts neither', async () => {
    const gzipped = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.rawPayload).toEqual(gzipSync(script));
    expect(gzipped.headers['cache-control']).toBe(immutable);

    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe(immutable);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('a missing one (a chunk of an older build) is a 404, not the page', async () => {
    const response = await get('/assets/index-Old999.js', { accept: '*/*', 'accept-encoding': 'br' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/json/);
  });

  it('the compressed copies are not routes of their own', async () => {
    const response = await get('/assets/index-AbC123.js.br');
    expect(response.statusCode).toBe(404);
  });
});

describe('the page', () => {
  it('index.html (the SPA fallback for any page address) is compressed and revalidated every time', async () => {
    for (const url of ['/', '/login', '/talents/123']) {
      const response = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['content-encoding'], url).toBe('br');
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers.etag, url).toBeTruthy();
      expect(response.rawPayload, url).toEqual(brotliCompressSync(page));
    }
  });

  it('answers 304 to a revalidation with its ETag', async () => {
    const first = await get('/login', { 'accept-encoding': 'br' });
    const again = await get('/login', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('files outside assets/ without copies are sent plain and revalidated', async () => {
    const response = await get('/favicon.svg', { 'accept-encoding': 'br, gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('an unknown API path is still the JSON 404', async () => {
    const response = await get('/api/nothing-here', { 'accept-encoding': 'br' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'routeNotFound' } });
  });
});
