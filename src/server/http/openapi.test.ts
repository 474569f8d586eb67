import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Operation = { security?: Record<string, string[]>[] };
type Document = {
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in: string; name: string; description?: string }> };
};

describe('the OpenAPI document', () => {
  it('marks public routes (login, health, set-up) with no security, and every other route with the session cookie (and CSRF header on writes)', async () => {
    const document = (await t.anonymous().get('/api/openapi.json')).json() as Document;
    expect(document.components.securitySchemes.cookieAuth).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'tz_session' });
    expect(document.components.securitySchemes.csrfToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    expect(document.security).toEqual([{ cookieAuth: [] }]);
    expect(document.paths['/api/auth/login'].post.security).toEqual([]);
    expect(document.paths['/api/health'].get.security).toEqual([]);
    expect(document.paths['/api/setup'].post.security).toEqual([]);
    expect(document.paths['/api/setup'].get.security).toEqual([]);
    expect(document.paths['/api/talents'].get.security).toEqual([{ cookieAuth: [] }]);
    expect(document.paths['/api/talents'].post.security).toEqual([{ cookieAuth: [], csrfToken: [] }]);
    expect(document.paths['/api/auth/logout'].post.security).toEqual([{ cookieAuth: [], csrfToken: [] }]);

    // every documented operation says what its route's access rule says
    let checked = 0;
    for (const route of t.routes) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      if (!operation) continue;
      checked += 1;
      expect([route.method, route.url, operation.security?.length === 0]).toEqual([route.method, route.url, route.config.access === 'public']);
    }
    expect(checked).toBeGreaterThan(50);
  });
});
