#!/usr/bin/env node
/* global process */
/**
 * `npm start` and `npm run talentzone -- …`: runs the `talentzone` command (src/cli/talentzone.ts) from one server
 * bundle, `dist/server/talentzone.mjs`, rebuilt with esbuild (about 0.5 s) when it is missing or older than any server,
 * domain or CLI source. Plain JavaScript, so that a start loads neither tsx nor TypeScript: loading the sources through
 * tsx costs about 0.4 s for tsx itself and a transform and a file look-up per module; the bundle is one file, its
 * packages imported from node_modules as usual. Without esbuild (or when the build fails) it falls back to the
 * sources through tsx, as before. `TZ_FROM_SOURCES=1` does that on purpose.
 */
import { createRequire } from 'node:module';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const entry = join(root, 'src/cli/talentzone.ts');
const bundle = join(root, 'dist/server/talentzone.mjs');
/** What the bundle is made of (the migrations are read at run time, the web app is built apart). */
const sources = ['src/server', 'src/domain', 'src/cli', 'package-lock.json', 'tsconfig.json'];

/** The newest modification time under a path; test files and the migrations folder do not go into the bundle. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  if (path.endsWith('migrations')) return 0;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Builds the bundle when stale; false when it cannot be built (no esbuild, a build error). */
async function ensureServerBundle() {
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (built >= Math.max(...sources.map((source) => newestMtime(join(root, source))))) return true;
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return false;
  }
  // written beside and renamed: a second start building at the same moment never runs a half-written file
  const partial = `${bundle}.${process.pid}.tmp`;
  try {
    await esbuild.build({
      entryPoints: [entry],
      outfile: partial,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      // a package's JSON data (chinese-days' holiday table) is bundled: Node would need an import attribute for it
      plugins: [
        {
          name: 'bundle-package-json',
          setup(build) {
            build.onResolve({ filter: /\.json$/ }, (args) => ({ path: createRequire(join(args.resolveDir, 'x.js')).resolve(args.path) }));
          },
        },
      ],
      sourcemap: 'linked',
      logLevel: 'error',
    });
  } catch {
    return false;
  }
  renameSync(partial, bundle);
  renameSync(`${partial}.map`, `${bundle}.map`);
  return true;
}

if (process.env.TZ_FROM_SOURCES !== '1' && (await ensureServerBundle())) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}
