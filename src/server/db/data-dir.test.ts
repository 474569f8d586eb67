import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, secureDataDirectory } from './client';
import { loadMasterSecret } from '../security/secrets';

/** Every path under a folder with its permission bits. */
function modes(root: string): { path: string; mode: number; directory: boolean }[] {
  const found: { path: string; mode: number; directory: boolean }[] = [];
  const walk = (path: string) => {
    const stat = statSync(path);
    found.push({ path, mode: stat.mode & 0o777, directory: stat.isDirectory() });
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(root);
  return found;
}

describe('the embedded database’s data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'tz-data-dir-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is readable by this account only: folders 0700, files 0600, old ones included', async () => {
    // a data folder as an earlier version left it: open to every local user
    const dataDir = join(root, 'data');
    mkdirSync(join(dataDir, 'attachments'), { recursive: true });
    writeFileSync(join(dataDir, 'attachments', 'old-upload'), 'x');
    chmodSync(join(dataDir, 'attachments', 'old-upload'), 0o666);
    chmodSync(join(dataDir, 'attachments'), 0o777);
    chmodSync(dataDir, 0o777);

    // the start-up steps: the data folder, the secret key, the database (its own folder), a new attachment
    secureDataDirectory(dataDir);
    loadMasterSecret(dataDir);
    const database = await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
    await database.migrate();
    await database.close();
    writeFileSync(join(dataDir, 'attachments', 'new-upload'), 'y');

    const all = modes(dataDir);
    expect(all.filter((entry) => !entry.directory).length).toBeGreaterThan(10);
    expect(all.filter((entry) => entry.directory && entry.mode !== 0o700)).toEqual([]);
    expect(all.filter((entry) => !entry.directory && entry.mode !== 0o600)).toEqual([]);
    // a new embedded database runs initdb in WebAssembly and every migration: seconds, many on a busy machine
  }, 120_000);
});
