import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../server/paths';

const root = projectRoot;
const sources = ['src/web', 'src/domain', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

/** Builds the web bundle when it is missing or older than its sources. Returns whether it built. */
export function ensureWebBuild(webDir: string): boolean {
  const stamp = join(webDir, '.build-stamp');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const newest = Math.max(...sources.map((source) => newestMtime(join(root, source))));
  if (built >= newest) return false;
  console.log('正在构建网页 / building the web bundle …');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', webDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
  writeFileSync(stamp, new Date().toISOString());
  return true;
}
