import { defineConfig } from 'vitest/config';

/**
 * API tests on a real database. The global set-up migrates and seeds a template once per run (a PGlite dump, or a
 * template database on TEST_DATABASE_URL); each test file copies it (src/server/test/harness.ts).
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/server/test/global-setup.ts'],
    // Separate processes: PGlite is WASM with a large heap, argon2 is native; two workers on the two-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Every message of a failing assertion on the API is easier to read with the whole body.
    chaiConfig: { truncateThreshold: 2000 },
  },
});
