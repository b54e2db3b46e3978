// toolchain/runtime-sources.ts — the C runtime's files as a target builds them.
//
// Takes: a target (its platform file) and optionally another runtime folder (tests). Hands on:
// the .c files to compile (src/runtime/*.c, src/runtime/lib/*.c and the target's platform file)
// and a content hash over them and every header, so any edit to the runtime changes the hash.
// The runtime folder is found from this module's own location, which works from the sources
// (vitest), from tsc's dist/ and from the single-file bundle.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed pync's src/runtime folder. */
export function defaultRuntimeDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'runtime', 'pync.h'))) return join(dir, 'src', 'runtime');
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`the runtime sources (src/runtime/pync.h) are not beside pync's package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export interface RuntimeSources {
  readonly dir: string;
  /** absolute paths of the .c files to compile, sorted */
  readonly cFiles: readonly string[];
  /** sha256 (hex) of the compiled .c files and all headers: paths and contents */
  readonly hash: string;
}

export function runtimeSources(platformFile: string, dir: string = defaultRuntimeDir()): RuntimeSources {
  const cFiles = [
    ...listFiles(dir, '.c'),
    ...listFiles(join(dir, 'lib'), '.c'),
    join(dir, platformFile),
  ].sort();
  const headers = [dir, join(dir, 'lib'), join(dir, 'platform')].flatMap((d) => listFiles(d, '.h')).sort();
  const h = createHash('sha256');
  for (const f of [...cFiles, ...headers]) {
    h.update(relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return { dir, cFiles, hash: h.digest('hex') };
}

function listFiles(dir: string, ext: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith(ext)).map((n) => join(dir, n));
}
