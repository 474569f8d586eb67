import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's root folder (the one holding package.json), found by walking up from this module: the same answer
 * from the TypeScript sources (src/server) and from the server bundle `npm start` runs (dist/server), so files read
 * at run time (migrations, the web sources) are found from either.
 */
export const projectRoot = findRoot(import.meta.dirname);

function findRoot(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) return start;
  }
}
