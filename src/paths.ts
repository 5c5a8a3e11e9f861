import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Compiled code runs from dist/, tests run from the sources; both find data files (migrations,
// fixtures, templates, schemas) relative to the package root.
function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot(__dirname);

export const dataPath = (...parts: string[]): string => join(packageRoot, ...parts);

export const packageVersion = (): string =>
  (JSON.parse(readFileSync(dataPath('package.json'), 'utf8')) as { version: string }).version;
